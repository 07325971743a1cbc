-- An account whose password nobody chose (the first super_admin's, generated at the first start and
-- printed once to the log) is asked to choose one: /api/auth/me and the login answer say so
-- (password_change_required), the console shows a banner, and changing the password clears it.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
