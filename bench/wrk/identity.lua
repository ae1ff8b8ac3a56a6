-- An authenticated request that touches no database: what HTTP, JWT and JSON cost on their own.
dofile("bench/wrk/common.lua")
function request()
  return wrk.format("GET", "/api/v1/me/identity", { ["Authorization"] = bearer(sales[math.random(0, 99)]) })
end
