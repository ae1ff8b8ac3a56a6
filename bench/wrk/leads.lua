-- A salesperson's tablet opening its lead list: their open leads, next follow-up first, 20 per page, each row
-- with the customer's name and masked phone.
dofile("bench/wrk/common.lua")
function request()
  local s = math.random(0, 99)
  return wrk.format("GET", "/api/v1/leads?assignee=me&status=NEW,CONTACTED,QUALIFIED,TEST_DRIVE,QUOTED&limit=20",
    { ["Authorization"] = bearer(sales[s]), ["Accept-Encoding"] = "gzip" })
end
