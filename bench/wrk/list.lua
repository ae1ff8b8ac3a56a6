-- A salesperson's tablet opening its customer list: first page of 20, their own customers, newest first.
dofile("bench/wrk/common.lua")
function request()
  local s = math.random(0, 99)
  return wrk.format("GET", "/api/v1/customers?limit=20", { ["Authorization"] = bearer(sales[s]),
    ["Accept-Encoding"] = "gzip" })
end
