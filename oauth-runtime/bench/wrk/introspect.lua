-- POST /introspect (RFC 7662) authenticated as a resource server's introspection client, the
-- tokens of BENCH_FILE round-robin (each thread starts at its own offset). A 200 whose answer is
-- not "active": true is counted as rejected: the token should have been active.
-- Environment: BENCH_FILE (one access token a line), BENCH_AUTH (the introspection client's Basic header).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local tokens = {}
local next_index = 1

function init(args)
  tokens = common.lines(os.getenv("BENCH_FILE"))
  next_index = (tid * 7919) % #tokens + 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
end

function request()
  common.started()
  local token = tokens[next_index]
  next_index = next_index % #tokens + 1
  return wrk.format(nil, nil, nil, "token=" .. token)
end

function response(status, headers, body)
  if common.count(status) and not string.find(body, '"active"%s*:%s*true') then
    ok = ok - 1
    rejected = rejected + 1
  end
end
