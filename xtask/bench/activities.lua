-- wrk script: POST /activities for contacts drawn at random (fixed seed) from the ids in the file
-- C360_BENCH_QUERIES (one per line, sampled by `cargo xtask bench --suite activities`), a call log,
-- a task or a note in turn, each with its own Idempotency-Key. With C360_BENCH_RETRY set, the same
-- 50 keys and bodies over and over: after the warm-up's first use of each, every request is a
-- retry the server answers with the record the first one created (the idempotent path).
local key = os.getenv("C360_BENCH_KEY")
local retry = os.getenv("C360_BENCH_RETRY") ~= nil
local contacts = {}
for line in io.lines(os.getenv("C360_BENCH_QUERIES")) do
  if #line > 0 then contacts[#contacts + 1] = line end
end
math.randomseed(13)
-- Unique across runs: the start time, a random prefix and a counter.
local run = string.format("%d-%06d", os.time(), math.random(0, 999999))
local n = 0
local path = "/v1/crm/tenants/bench/activities"

local function body(i, contact)
  local kind = i % 3
  if kind == 0 then
    return string.format('{"type":"call","contactId":"%s","subject":"Inbound call — Billing Support",'
      .. '"call":{"direction":"INBOUND","startedAt":"2026-12-03T10:15:00+01:00","durationSeconds":%d,'
      .. '"outcome":"Resolved"}}', contact, 60 + i % 900)
  elseif kind == 1 then
    return string.format('{"type":"task","contactId":"%s","subject":"Send the replacement part",'
      .. '"task":{"dueAt":"2026-12-10T17:00:00+01:00","priority":"high"}}', contact)
  end
  return string.format('{"type":"note","contactId":"%s","description":"Prefers email; asked for the last invoices (%d)."}',
    contact, i)
end

request = function()
  n = n + 1
  local i, idem, contact
  if retry then
    i = n % 50
    contact = contacts[(i % #contacts) + 1]
    idem = "retry-" .. i .. "-" .. contact
  else
    i = n
    contact = contacts[math.random(1, #contacts)]
    idem = run .. "-" .. n
  end
  return wrk.format("POST", path, {
    ["x-api-key"] = key,
    ["content-type"] = "application/json",
    ["idempotency-key"] = idem,
  }, body(i, contact))
end

dofile(os.getenv("C360_BENCH_DIR") .. "/report.lua")

done = function(summary, latency, requests)
  report(summary, latency)
end
