-- wrk script: native CRM contact requests drawn at random (fixed seed) from the paths in the file
-- C360_BENCH_QUERIES (one per line, written by `cargo xtask bench` from real contacts): the
-- search-as-you-type mix, or identity matches, as many agents typing and popping calls at once.
local key = os.getenv("C360_BENCH_KEY")
local paths = {}
for line in io.lines(os.getenv("C360_BENCH_QUERIES")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(42)

request = function()
  return wrk.format("GET", paths[math.random(1, #paths)], { ["x-api-key"] = key })
end

dofile(os.getenv("C360_BENCH_DIR") .. "/report.lua")

done = function(summary, latency, requests)
  report(summary, latency)
end
