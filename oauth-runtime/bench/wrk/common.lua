-- Shared by every scenario of bench/load.sh (wrk 4.1). Each wrk thread runs its own copy of the
-- scenario script; the main copy calls setup() for each thread and done() at the end, which adds
-- the threads' counters up and prints one machine-readable BENCH line next to wrk's own report.
--
-- Environment: BENCH_THREADS (wrk -t), BENCH_LUA (this directory).
-- Counters each thread keeps (read by done through thread:get):
--   ok        responses with a 2xx status that the scenario accepts
--   non2xx    responses with any other status
--   rejected  2xx responses the scenario refuses (an introspection answer with active false)
--   lost      pooled credentials lost to a failed response (refresh tokens)
--   exhausted 1 when the thread ran out of single-use credentials (codes) and stopped
--   t_first, t_last  monotonic seconds of the thread's first request and last response
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")

local common = {}

-- Monotonic seconds (CLOCK_MONOTONIC = 1).
function common.now()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

ok, non2xx, rejected, lost, exhausted, t_first, t_last = 0, 0, 0, 0, 0, 0, 0

-- Call from request(): remembers when this thread started sending.
function common.started()
  if t_first == 0 then t_first = common.now() end
end

-- Call from response(): counts the status; returns true for a 2xx.
function common.count(status)
  t_last = common.now()
  if status >= 200 and status < 300 then
    ok = ok + 1
    return true
  end
  non2xx = non2xx + 1
  return false
end

-- The lines of a file, for the credentials a scenario spends.
function common.lines(path)
  local values = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if line ~= "" then values[#values + 1] = line end
  end
  file:close()
  return values
end

-- This thread's share of values: every n-th line, starting at its own index (tid from 0).
function common.share(values)
  local n = tonumber(os.getenv("BENCH_THREADS") or "1")
  local mine = {}
  for i = tid + 1, #values, n do mine[#mine + 1] = values[i] end
  return mine
end

-- Form URL encoding of a value (RFC 6749 Appendix B).
function common.encode(value)
  return (string.gsub(value, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local sum = { ok = 0, non2xx = 0, rejected = 0, lost = 0, exhausted = 0, pool_left = 0 }
  local first, last = nil, nil
  for _, thread in ipairs(threads) do
    for key, _ in pairs(sum) do sum[key] = sum[key] + (tonumber(thread:get(key)) or 0) end
    local f, l = tonumber(thread:get("t_first")) or 0, tonumber(thread:get("t_last")) or 0
    if f > 0 and (first == nil or f < first) then first = f end
    if l > 0 and (last == nil or l > last) then last = l end
  end
  local active = (first and last and last > first) and (last - first) or 0
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d ok=%d non2xx=%d rejected=%d lost=%d exhausted=%d pool_left=%d"
    .. " active_s=%.3f connect=%d read=%d write=%d timeout=%d status_ge400=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, sum.ok, sum.non2xx, sum.rejected, sum.lost, sum.exhausted, sum.pool_left,
    active, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end

return common
