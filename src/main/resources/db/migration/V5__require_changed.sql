-- A live command's last statements go out together with COMMIT, without waiting for their answers
-- (one round trip less). A version-checked write among them must therefore fail as a statement when
-- its row changed meanwhile: the error aborts the transaction and COMMIT rolls it back. Answering zero
-- rows, as an UPDATE does, would let COMMIT keep the command's other writes (its event) without it.
CREATE FUNCTION require_changed(changed bigint) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  IF changed = 0 THEN
    RAISE EXCEPTION 'the row changed meanwhile' USING ERRCODE = 'SP409';
  END IF;
  RETURN changed;
END
$$;
