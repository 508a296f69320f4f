-- wrk script for the wire-limit baseline: GET one user with Okta's headers
-- and print the run's totals as one JSON object on stdout.
--
--   WFN_BENCH_TOKEN=... wrk -c1 -t1 -d5s -s get-user.lua https://127.0.0.1:PORT/api/v1/users/ID

wrk.method = "GET"
wrk.headers["Authorization"] = "SSWS " .. (os.getenv("WFN_BENCH_TOKEN") or "sandbox-api-token")
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  local errors = summary.errors
  local failures = errors.connect + errors.read + errors.write + errors.status + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"client":"wrk","scenario":"get","requests":%d,"failures":%d,"elapsed_ms":%.3f,' ..
    '"requests_per_second":%.3f,"latency_p50_us":%d,"latency_p99_us":%d}\n',
    summary.requests, failures, seconds * 1000, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99)))
end
