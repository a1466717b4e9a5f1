-- Counts a trainer's password changes. Trainer access tokens carry the value they were issued
-- under (claim `pwv`), so a change refuses every token issued before it; tokens from before this
-- column existed carry none and count as 0.
ALTER TABLE trainer ADD COLUMN password_version integer NOT NULL DEFAULT 0;
