-- One open low-stock alert per item and recipient, and the per-recipient mail interval, look up a
-- recipient's notifications by type and reference: this index answers both without reading the inbox.
CREATE INDEX ix_notifications_about ON notifications (recipient_id, type, reference_type, reference_id, created_at);
