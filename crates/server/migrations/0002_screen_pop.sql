-- Screen pop on/off per tenant (an admin setting): off, the panel shows who an interaction is with
-- but opens the customer's history only when the agent asks. Existing tenants keep screen pop on.
ALTER TABLE tenants ADD COLUMN screen_pop INTEGER NOT NULL DEFAULT 1;
