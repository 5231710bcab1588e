-- One agent's panel tokens revoked: every token of (tenant, agent) issued at or before
-- revoked_at (epoch seconds) is refused, by every instance, from the next request on. A token
-- issued later works. One row per agent ever revoked; a later revocation moves its time.
CREATE TABLE panel_token_revocations (
    tenant_id  TEXT NOT NULL,
    agent_id   TEXT NOT NULL,
    revoked_at BIGINT NOT NULL,  -- epoch seconds
    PRIMARY KEY (tenant_id, agent_id)
);
