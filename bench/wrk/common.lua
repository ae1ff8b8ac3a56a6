-- Shared by the benchmark's wrk scripts: tokens of the seeded staff and ids derived from numbers (see seed.sql).
local tokens_file = os.getenv("BENCH_TOKENS") or "target/bench/tokens.txt"
sales, managers = {}, {}
for line in io.lines(tokens_file) do
  local kind, index, token = line:match("^(%S+) (%d+) (%S+)$")
  if kind == "sales" then sales[tonumber(index)] = token else managers[tonumber(index)] = token end
end

function customer_id(n) return string.format("00000000-0000-4000-8000-%012d", n) end

local thread_counter = 0
function setup(thread)
  thread:set("tid", thread_counter)
  thread_counter = thread_counter + 1
end

function bearer(token) return "Bearer " .. token end
