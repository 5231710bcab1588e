-- Requests per credential per one-minute window, shared by every instance on the database, so a
-- limit holds for the deployment rather than for each instance. A credential keeps one row or
-- two: its current window and, briefly, the one before.
CREATE TABLE rate_limits (
    credential   TEXT NOT NULL,     -- key:<account> or panel:<tenant>:<agent>
    window_start INTEGER NOT NULL,  -- epoch minute
    requests     INTEGER NOT NULL,
    PRIMARY KEY (credential, window_start)
) WITHOUT ROWID;
