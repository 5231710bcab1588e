-- wrk script: transcript-summaries batches of 50 real interaction ids (from C360_BENCH_IDS, one id
-- a line), a different slice each request.
local key = os.getenv("C360_BENCH_KEY")
local ids = {}
for line in io.lines(os.getenv("C360_BENCH_IDS")) do ids[#ids + 1] = line end
local batches = {}
for start = 1, #ids - 49, 50 do
  local parts = {}
  for j = start, start + 49 do parts[#parts + 1] = "interactionId=" .. ids[j] end
  batches[#batches + 1] = "/v1/public/tenants/bench/transcript-summaries?" .. table.concat(parts, "&")
end
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", batches[(n % #batches) + 1], { ["x-api-key"] = key })
end

dofile(os.getenv("C360_BENCH_DIR") .. "/report.lua")

done = function(summary, latency, requests)
  report(summary, latency)
end
