-- wrk -s bench/intake.lua URL -- <run id>: POST /api/petitions, each with its own requestId; 201 expected.
package.path = "bench/?.lua;" .. package.path
local common = require("common")
local run, index, counter

function setup(thread) common.setup(thread) end

function init(args)
  run, index = common.init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local body = common.petition(string.format("bench-%s-%d-%d", run, index, counter), counter, false)
  return wrk.format("POST", "/api/petitions", { ["Content-Type"] = "application/json" }, body)
end

function response(status)
  common.count(status, 201)
  if status == 201 then done_units = done_units + 1 end
end

function done(summary, latency) common.done(summary, latency) end
