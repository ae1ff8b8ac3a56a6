-- A tablet revalidating a customer it holds: If-None-Match with the current ETag, answered 304.
dofile("bench/wrk/common.lua")
function request()
  local n = math.random(0, 49999)
  return wrk.format("GET", "/api/v1/customers/" .. customer_id(n), { ["Authorization"] = bearer(sales[n % 100]),
    ["If-None-Match"] = '"0"' })
end
