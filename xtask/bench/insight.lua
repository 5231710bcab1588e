-- wrk script: interactions-insight for a customer drawn at random (fixed seed) from the
-- 100,000 identities of `c360-server seed`, as many agents opening different customers would.
local key = os.getenv("C360_BENCH_KEY")
local identities = tonumber(os.getenv("C360_BENCH_IDENTITIES") or "100000")
math.randomseed(42)

request = function()
  local i = math.random(0, identities - 1)
  local path = "/v1/public/tenants/bench/interactions-insight?phoneNumber=%2B1" .. (2000000000 + i)
  return wrk.format("GET", path, { ["x-api-key"] = key })
end

dofile(os.getenv("C360_BENCH_DIR") .. "/report.lua")

done = function(summary, latency, requests)
  report(summary, latency)
end
