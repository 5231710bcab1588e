-- What the first request with an Idempotency-Key asked for (its validated record, as JSON), so a
-- later request with the same key but a different body is refused (400 naming the header)
-- instead of silently answered with a record it did not ask for. NULL for keys claimed before.
ALTER TABLE idempotency_keys ADD COLUMN request TEXT;
