-- GET the URL given on the command line; only adds the shared summary (report.lua).
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")
