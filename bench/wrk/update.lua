-- Editing customers with If-Match: each request changes a different, untouched customer of the update pool
-- (seed.sql, n >= 50000) at version 0, so the ETag it sends is always the current one. BENCH_UPDATE_OFFSET keeps
-- successive runs on fresh customers.
dofile("bench/wrk/common.lua")
local counter = 0
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local offset = tonumber(os.getenv("BENCH_UPDATE_OFFSET") or "0")
function request()
  local n = 50000 + offset + tid + counter * threads
  counter = counter + 1
  return wrk.format("PATCH", "/api/v1/customers/" .. customer_id(n), { ["Authorization"] = bearer(sales[n % 100]),
    ["Content-Type"] = "application/merge-patch+json", ["If-Match"] = '"0"' }, '{"city":"宁波","notes":null}')
end
