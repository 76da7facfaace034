-- POST /users with a fresh, unique email in every request (the examples reject duplicates with
-- 409). The token passed after `--` keeps emails unique across wrk windows of one run.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")

local token = "w"
local counter = 0

function init(args)
  token = args[1] or tostring(os.time())
end

function request()
  counter = counter + 1
  local body = string.format('{"email": "u%s-%d@example.com", "name": "Bench User"}',
                             token, counter)
  return wrk.format("POST", "/users", {["Content-Type"] = "application/json"}, body)
end
