-- wrk -s bench/get.lua URL -- <user or -> <path or @file of paths>: GETs one path (or cycles through the
-- paths of a file, one per line) as that demo user ("-": no login); 200 expected.
package.path = "bench/?.lua;" .. package.path
local common = require("common")
local headers, paths, next_path

function setup(thread) common.setup(thread) end

function init(args)
  common.init(args)
  headers = {}
  if args[1] and args[1] ~= "-" then headers["Authorization"] = common.auth[args[1]] end
  paths = {}
  local target = args[2] or "/"
  if string.sub(target, 1, 1) == "@" then
    for line in io.lines(string.sub(target, 2)) do table.insert(paths, line) end
  else
    paths = { target }
  end
  next_path = wrk.thread:get("index")
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], headers)
end

function response(status)
  common.count(status, 200)
  if status == 200 then done_units = done_units + 1 end
end

function done(summary, latency) common.done(summary, latency) end
