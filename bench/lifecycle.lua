-- wrk -t8 -c8 -s bench/lifecycle.lua URL -- <run id>: each connection carries cases from registration to
-- REPLIED, one request at a time, as the petitioner (public API) and the demo users (/engine-rest) do:
-- register; triage (clerk1); accept, conclude (housing1); approve (housinghead1, the unit's head); approve (leader1).
-- units = cases REPLIED.
-- Needs one connection per thread (-t N -c N): the steps of a case follow each other on that connection.
package.path = "bench/?.lua;" .. package.path
local common = require("common")
local run, index, counter, step, caseNumber, taskId

local TRIAGE = '{"variables":{"nature":{"value":"CLAIM"},"statutoryRoute":{"value":"NONE"},'
  .. '"legalProcessConcluded":{"value":false},"reviewConcluded":{"value":false},'
  .. '"accusedIsOfficial":{"value":false},"withinJurisdiction":{"value":true}}}'
local ACCEPT = '{"variables":{"acceptance":{"value":"ACCEPT"}}}'
local CONCLUDE = '{"variables":{"handlingOutcome":{"value":"SUPPORTED"},'
  .. '"opinionText":{"value":"经调查核实，已责成物业公司于 10 日内维修管道并赔偿损失。"}}}'
local APPROVE = '{"variables":{"replyApproved":{"value":true}}}'

-- the steps after registration: find the task as its user, then complete it with its variables
local STEPS = {
  { "triagePetition", "clerk1", TRIAGE },
  { "acceptPetition", "housing1", ACCEPT },
  { "handlePetition", "housing1", CONCLUDE },
  { "approveReply", "housinghead1", APPROVE },
  { "approveReply", "leader1", APPROVE },
}

function setup(thread) common.setup(thread) end

function init(args)
  run, index = common.init(args)
  counter = 0
  step = 0
end

local function json(user)
  return { ["Content-Type"] = "application/json", ["Authorization"] = common.auth[user] }
end

-- step 0: register; odd steps 2k-1: find task k; even steps 2k: complete it
function request()
  if step == 0 then
    counter = counter + 1
    local body = common.petition(string.format("life-%s-%d-%d", run, index, counter), counter, true)
    return wrk.format("POST", "/api/petitions", { ["Content-Type"] = "application/json" }, body)
  end
  local s = STEPS[math.floor((step + 1) / 2)]
  if step % 2 == 1 then
    return wrk.format("GET", "/engine-rest/task?taskDefinitionKey=" .. s[1] .. "&processInstanceBusinessKey="
      .. caseNumber, json(s[2]))
  end
  return wrk.format("POST", "/engine-rest/task/" .. taskId .. "/complete", json(s[2]), s[3])
end

local function restart(status)
  common.count(status, -1)
  step = 0
end

function response(status, headers, body)
  if step == 0 then
    if status ~= 201 then return restart(status) end
    caseNumber = string.match(body, '"caseNumber":"([^"]+)"')
    common.count(status, 201)
    step = 1
  elseif step % 2 == 1 then
    taskId = status == 200 and string.match(body, '"id":"([^"]+)"')
    -- the next task is created in the completing transaction; it is there, or something went wrong
    if not taskId then return restart(status) end
    common.count(status, 200)
    step = step + 1
  else
    if status ~= 204 then return restart(status) end
    common.count(status, 204)
    if step == 2 * #STEPS then
      done_units = done_units + 1
      step = 0
    else
      step = step + 1
    end
  end
end

function done(summary, latency) common.done(summary, latency) end
