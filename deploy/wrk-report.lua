-- wrk script: ask for compressed responses as browsers do, and print one JSON line at the end
-- with requests/s, p50 and p95 latency (ms) and the number of errors (deploy/bench.py reads it).
wrk.headers["Accept-Encoding"] = "gzip"

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50": %.2f, "p95": %.2f, "max": %.2f, "errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency.max / 1000, errors, summary.errors.status))
end
