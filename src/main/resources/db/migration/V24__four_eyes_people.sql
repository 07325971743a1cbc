-- Four eyes between people, not only between usernames (issue 23).
-- Purchase orders remember who last edited them (the creator, until someone replaces the content) and who
-- submitted them: none of them, nor the creator, may approve or reject. An edit of a pending order sends
-- it back to draft (its submitter is then cleared until the next submit).
-- Accounts remember who created them and who last set their password (NULL: the first start, a customer's
-- self-registration, or the holder): an approval by an account tied so to one of the order's people is refused.
ALTER TABLE purchase_orders ADD COLUMN last_edited_by VARCHAR(50) NOT NULL DEFAULT '';
ALTER TABLE purchase_orders ADD COLUMN submitted_by VARCHAR(50);
ALTER TABLE users ADD COLUMN created_by VARCHAR(50);
ALTER TABLE users ADD COLUMN password_set_by VARCHAR(50);

-- Existing rows, from the audit log where it still holds the answer (a purchase order was submitted once
-- before this version: there was no way back to draft), else the creator.
UPDATE purchase_orders SET last_edited_by = COALESCE((SELECT a.actor FROM audit_logs a WHERE a.id =
        (SELECT MAX(b.id) FROM audit_logs b WHERE b.entity_type = 'purchase_order' AND b.action = 'UPDATE'
            AND b.entity_id = CONCAT(purchase_orders.id, ''))), created_by);
UPDATE purchase_orders SET submitted_by = COALESCE((SELECT MAX(a.actor) FROM audit_logs a
        WHERE a.entity_type = 'purchase_order' AND a.action = 'SUBMIT'
            AND a.entity_id = CONCAT(purchase_orders.id, '')), created_by)
    WHERE submitted_at IS NOT NULL;
ALTER TABLE purchase_orders ALTER COLUMN last_edited_by DROP DEFAULT;
UPDATE users SET created_by = (SELECT MAX(a.actor) FROM audit_logs a
        WHERE a.entity_type = 'user' AND a.action = 'CREATE' AND a.actor <> 'system'
            AND a.entity_id = CONCAT(users.id, ''));
UPDATE users SET password_set_by = created_by;
