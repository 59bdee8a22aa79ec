-- grant_type=authorization_code (RFC 6749 §4.1.3, PKCE RFC 7636 §4.5): each code of BENCH_FILE
-- ("code verifier" a line, oldest first) is sent once, oldest first, split between the threads.
-- A thread whose codes run out stops (exhausted) and never sends a code twice; load.sh then
-- measures the run over its active window (first request to last answer).
-- Environment: BENCH_FILE, BENCH_AUTH (the client's Basic header), BENCH_REDIRECT (its redirect URI).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local codes = {}
local next_index = 1
local redirect = ""

function init(args)
  codes = common.share(common.lines(os.getenv("BENCH_FILE")))
  pool_left = #codes
  redirect = common.encode(os.getenv("BENCH_REDIRECT"))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
end

function request()
  common.started()
  local line = codes[next_index]
  if line == nil then
    -- The loop stops before this request's answer is read, so it is never counted.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format(nil, nil, nil, "grant_type=authorization_code&code=exhausted")
  end
  next_index = next_index + 1
  pool_left = #codes - next_index + 1
  local code, verifier = string.match(line, "^(%S+) (%S+)$")
  return wrk.format(nil, nil, nil, "grant_type=authorization_code&code=" .. common.encode(code)
    .. "&redirect_uri=" .. redirect .. "&code_verifier=" .. verifier)
end

function response(status, headers, body)
  common.count(status)
end
