-- Shared by every wrk script of `atlas bench`: count responses outside 2xx in each thread and
-- print one machine-readable summary line when the window ends.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

non2xx = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "ATLAS-WRK {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, \"non_2xx\": %d, " ..
    "\"connect\": %d, \"read\": %d, \"write\": %d, \"timeout\": %d, " ..
    "\"p50_us\": %.1f, \"p99_us\": %.1f}\n",
    summary.requests, summary.duration, summary.bytes, bad,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
