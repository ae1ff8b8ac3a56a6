-- Salespeople pricing quotes for their open leads on cars of their dealer: accessories, services, a discount within
-- the limit and a 36-month loan, all priced by the server; every request a new quote (unique Idempotency-Key, also
-- across runs: BENCH_RUN is a digit that differs per run).
dofile("bench/wrk/common.lua")
local counter = 0
local run = tonumber(os.getenv("BENCH_RUN") or "0")
function request()
  counter = counter + 1
  local s = math.random(0, 99)
  local lead = string.format("00000000-0000-4000-9000-%012d", s + 100 * math.random(0, 999))
  local car = string.format("00000000-0000-4000-e000-%012d", math.floor(s / 20) * 20 + math.random(0, 19))
  local key = string.format("%08d-%04d-4000-9000-%012d", tid, run, counter)
  local body = string.format('{"leadId":"%s","vehicleId":"%s",'
    .. '"accessories":[{"name":"全车脚垫","quantity":2,"unitPrice":{"amount":"399.50","currency":"CNY"}}],'
    .. '"services":[{"kind":"INSURANCE","description":"商业险","price":{"amount":"6200.00","currency":"CNY"}}],'
    .. '"discount":{"amount":{"amount":"3000.00","currency":"CNY"},"reason":"店庆"},'
    .. '"financing":{"downPayment":{"amount":"60000.00","currency":"CNY"},"termMonths":36,"annualRatePercent":"3.99"}}',
    lead, car)
  return wrk.format("POST", "/api/v1/quotes", { ["Authorization"] = bearer(sales[s]),
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
