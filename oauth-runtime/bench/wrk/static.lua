-- One fixed request, sent again and again: client_credentials, discovery, JWKS, the trivial endpoint.
-- Environment: BENCH_METHOD (GET or POST), BENCH_BODY (a form, for POST), BENCH_AUTH (an
-- Authorization header value, optional). The request is built once by wrk (no request() here).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local auth = os.getenv("BENCH_AUTH") or ""
if auth ~= "" then wrk.headers["Authorization"] = auth end

function response(status, headers, body)
  if t_first == 0 then t_first = common.now() end
  common.count(status)
end
