-- A salesperson's phone opening its day: GET /me/agenda (12 follow-ups, gzip), one SQL statement.
dofile("bench/wrk/common.lua")
function request()
  local s = math.random(0, 99)
  return wrk.format("GET", "/api/v1/me/agenda", { ["Authorization"] = bearer(sales[s]), ["Accept-Encoding"] = "gzip" })
end
