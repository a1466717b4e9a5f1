-- Trainee search ignores accents ("jose" finds "José") through unaccent(), a trusted contrib
-- extension since PostgreSQL 13: the database owner may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS unaccent;
