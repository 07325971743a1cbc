-- Notifications to accounts, and the outbox of the mails that tell about them.
-- Portable SQL: runs unchanged on H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+ (READ is reserved in MySQL:
-- the column is is_read).

CREATE TABLE notifications (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient_id          BIGINT        NOT NULL,
    type                  VARCHAR(40)   NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    message               VARCHAR(2000) NOT NULL,
    reference_type        VARCHAR(40),
    reference_id          BIGINT,
    suggested_item_id     BIGINT,
    suggested_supplier_id BIGINT,
    suggested_quantity    INT,
    is_read               BOOLEAN       NOT NULL,
    read_at               DATETIME(6),
    created_at            DATETIME(6)   NOT NULL,
    CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES users (id)
);
-- The inbox (unread first, newest first) and the unread count: one range of this index per account.
CREATE INDEX ix_notifications_inbox ON notifications (recipient_id, is_read, created_at, id);

CREATE TABLE mail_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    notification_id BIGINT,
    mail_to         VARCHAR(255)  NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6),
    sent_at         DATETIME(6),
    failed_at       DATETIME(6),
    last_error      VARCHAR(1000),
    created_at      DATETIME(6)   NOT NULL
);
-- Due rows (sent_at IS NULL AND next_attempt_at <= now) for the relay; sent rows by age for the purge.
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
