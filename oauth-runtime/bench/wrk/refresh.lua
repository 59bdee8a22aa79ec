-- grant_type=refresh_token (RFC 6749 §6). Each thread keeps its own queue of live refresh tokens
-- (its share of the file): request() takes the oldest, response() queues the rotated successor,
-- so every family of the pool is used in turn. A failed response loses its token (counted as
-- lost); an empty queue stops the thread (exhausted). The warm-up spends other families than the
-- measured run: a family's used tokens are refused once their successor was used (RFC 9700 §4.14.2).
-- Environment: BENCH_FILE (one refresh token a line), BENCH_WARMUP_FILE (the same, for the
-- warm-up), BENCH_PHASE (warmup or measured), BENCH_AUTH (the client's Basic header).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local queue, head, tail = {}, 1, 0

function init(args)
  local file = os.getenv("BENCH_FILE")
  if os.getenv("BENCH_PHASE") == "warmup" then file = os.getenv("BENCH_WARMUP_FILE") or file end
  queue = common.share(common.lines(file))
  head, tail = 1, #queue
  pool_left = tail - head + 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
end

function request()
  common.started()
  local token = queue[head]
  if token == nil then
    -- The loop stops before this request's answer is read, so it is never counted.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=pool-exhausted")
  end
  queue[head] = nil
  head = head + 1
  pool_left = tail - head + 1
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. common.encode(token))
end

function response(status, headers, body)
  local successor = common.count(status) and string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
  if successor then
    tail = tail + 1
    queue[tail] = successor
  else
    lost = lost + 1
  end
  pool_left = tail - head + 1
end
