-- A salesperson sharing a quote from the tablet: the customer's PDF (报价单), rendered with a CJK font subset.
dofile("bench/wrk/common.lua")
function request()
  local s = math.random(0, 99)
  return wrk.format("GET", string.format("/api/v1/quotes/00000000-0000-4000-d000-%012d/document", s),
    { ["Authorization"] = bearer(sales[s]), ["Accept"] = "application/pdf" })
end
