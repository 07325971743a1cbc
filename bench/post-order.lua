-- wrk script: POST /api/orders with a random customer and 1-3 random products of the generated data.
local token = os.getenv("TOKEN")
local customers = tonumber(os.getenv("CUSTOMERS") or "10000")
local products = tonumber(os.getenv("PRODUCTS") or "1000")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

-- each wrk thread has its own Lua state: seed each differently, or they send the same orders in step
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

request = function()
  local lines = {}
  for i = 1, math.random(1, 3) do
    lines[i] = string.format('{"product_id":%d,"quantity":%d}', math.random(1, products), math.random(1, 5))
  end
  local body = string.format('{"customer_id":%d,"lines":[%s]}', math.random(1, customers), table.concat(lines, ","))
  return wrk.format(nil, "/api/orders", nil, body)
end

local created, failed = 0, 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 else failed = failed + 1 end
end
