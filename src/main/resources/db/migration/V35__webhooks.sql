-- Webhook subscriptions and their deliveries (issue 28). A subscription names an HTTPS URL (checked against the
-- private-address policy when it is saved and again before every call), the event types it wants, and the signing
-- secret (Standard Webhooks: whsec_ + base64 key; it must be readable to sign, so it is stored as it is, and shown
-- to the API only once). After a rotation the previous secret signs too until previous_secret_expires_at.
-- failing_since: the first failure since the last success; a subscription failing for
-- factory.webhooks.disable-after-hours (72) is disabled (active false, disabled_reason) and its owner notified.
-- A delivery is one event for one subscription (unique), written by the sequencer when it numbers the event:
-- pending with next_attempt_at, claimed by one server (UPDATE ... WHERE due, next_attempt_at moved by a lease),
-- then delivered, retried with backoff until retry_until (factory.webhooks.retry-hours, 72), or failed. Deleted with its event or its subscription.
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE webhook_subscriptions (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    url                         VARCHAR(2000) NOT NULL,
    description                 VARCHAR(200),
    event_types                 VARCHAR(1000) NOT NULL,
    secret                      VARCHAR(100)  NOT NULL,
    previous_secret             VARCHAR(100),
    previous_secret_expires_at  DATETIME(6),
    active                      BOOLEAN       NOT NULL,
    disabled_reason             VARCHAR(500),
    failing_since               DATETIME(6),
    created_by                  VARCHAR(50)   NOT NULL,
    created_at                  DATETIME(6)   NOT NULL,
    updated_at                  DATETIME(6)   NOT NULL,
    version                     BIGINT        NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription_id  BIGINT       NOT NULL,
    event_id         BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  DATETIME(6),
    last_attempt_at  DATETIME(6),
    response_status  INT,
    latency_ms       BIGINT,
    last_error       VARCHAR(500),
    delivered_at     DATETIME(6),
    retry_until      DATETIME(6)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uq_webhook_deliveries_event UNIQUE (subscription_id, event_id),
    CONSTRAINT fk_webhook_deliveries_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_log ON webhook_deliveries (subscription_id, id);
