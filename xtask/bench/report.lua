-- Shared by the wrk scripts: one machine-readable result line that `cargo xtask bench` parses.
function report(summary, latency)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d rps=%.0f\n",
    summary.requests, e.status + e.connect + e.read + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests / (summary.duration / 1e6)))
end
