-- wrk reporting for scripts/bench/site.ts: after the run, one line
--   BENCH_REPORT {"p50":…,"p95":…,"p99":…,"requests":…,"errors":{…},"statuses":{…}}
-- with exact percentiles (milliseconds) from wrk's latency histogram, wrk's own error counts,
-- and, when a script counts them in the global `statuses` table of each thread (as
-- comment-post.lua does), the responses by HTTP status. Pages use it without a response()
-- callback, so wrk's request loop stays as fast as a run without a script.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local function json_object(entries)
  local parts = {}
  for key, value in pairs(entries) do
    table.insert(parts, string.format('"%s":%s', tostring(key), tostring(value)))
  end
  table.sort(parts)
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local statuses = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    if type(counted) == "table" then
      for status, count in pairs(counted) do
        statuses[status] = (statuses[status] or 0) + count
      end
    end
  end
  local ms = function(p) return string.format("%.3f", latency:percentile(p) / 1000) end
  io.write("BENCH_REPORT " .. json_object({
    p50 = ms(50),
    p95 = ms(95),
    p99 = ms(99),
    requests = summary.requests,
    durationMs = string.format("%.0f", summary.duration / 1000),
    errors = json_object(summary.errors),
    statuses = json_object(statuses),
  }) .. "\n")
end
