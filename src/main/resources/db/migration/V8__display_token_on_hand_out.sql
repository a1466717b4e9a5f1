-- A display's token is made when the display fetches it (the poll after the claim), never before, so
-- no raw token waits anywhere in between: a claimed display has no token hash until then. NULL never
-- matches a presented token, and UNIQUE allows many NULLs.
ALTER TABLE display ALTER COLUMN token_hash DROP NOT NULL;
