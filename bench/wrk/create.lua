-- Registering walk-in customers with an Idempotency-Key; every request is a new customer (unique phone and key,
-- also across runs: BENCH_RUN is a digit that differs per run).
dofile("bench/wrk/common.lua")
local counter = 0
local run = tonumber(os.getenv("BENCH_RUN") or "0")
function request()
  counter = counter + 1
  local key = string.format("%08d-%04d-4000-8000-%012d", tid, run, counter)
  local phone = string.format("13%d%d%07d", 7 - tid, run, counter)
  local body = string.format('{"name":"压测客户","phone":"%s","city":"杭州","contactConsent":true}', phone)
  return wrk.format("POST", "/api/v1/customers", { ["Authorization"] = bearer(sales[counter % 100]),
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
