-- static.lua at a fixed overall rate, for the soak run: each thread hands out send times
-- 1 / (BENCH_RATE / BENCH_THREADS) seconds apart, and delay() holds each connection until its slot.
-- A thread that falls behind (the server is slower than the rate) sends at once, without building
-- up a burst of more than 100 ms.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
dofile(os.getenv("BENCH_LUA") .. "/static.lua")

local interval = tonumber(os.getenv("BENCH_THREADS") or "1") / tonumber(os.getenv("BENCH_RATE") or "1000")
local slot = 0

function delay()
  local now = common.now()
  if slot < now - 0.1 then slot = now end
  slot = slot + interval
  local wait = (slot - now) * 1000
  if wait < 1 then return 0 end
  return math.floor(wait)
end
