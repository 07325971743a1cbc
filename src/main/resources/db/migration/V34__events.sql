-- Integration events (issue 28): every business change writes one CloudEvents 1.0 record in its own transaction
-- (an outbox: never an event of a rolled-back change, never a change without its event). seq_no is given after
-- commit by the sequencer (EventSequencer), under the lock of event_sequence's one row, in the order the events
-- became visible: the feed pages by seq_no, so a reader that saw seq_no n never meets a later event below n
-- (an auto-increment id is drawn before commit, so ids commit out of order and a feed by id would skip rows).
-- payload is the event's data: the resource as the API answers it (snake_case JSON).
-- Portable SQL: H2 (MODE=LEGACY) and MySQL 8 / MariaDB 10.11+.

CREATE TABLE events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id     CHAR(36)     NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    source       VARCHAR(100) NOT NULL,
    subject      VARCHAR(100) NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,
    seq_no       BIGINT,
    CONSTRAINT uq_events_event_id UNIQUE (event_id),
    CONSTRAINT uq_events_seq_no UNIQUE (seq_no)
);

CREATE INDEX ix_events_type_seq ON events (type, seq_no);
CREATE INDEX ix_events_occurred ON events (occurred_at, id);

-- The last seq_no given; its row is the sequencer's lock (one sequencer at a time in a cluster).
CREATE TABLE event_sequence (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

INSERT INTO event_sequence (id, last_seq) VALUES (1, 0);
