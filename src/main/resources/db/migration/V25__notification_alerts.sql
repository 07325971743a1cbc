-- The per-recipient mail interval (factory.mail.min-interval-seconds) looks up a recipient's recent
-- notifications about one object by type and reference: this index answers it without reading the inbox.
CREATE INDEX ix_notifications_about ON notifications (recipient_id, type, reference_type, reference_id, created_at);
