-- Shared by the wrk scripts of bench/run: counts answers per thread and prints one RESULT line of JSON
-- (requests, seconds, rate, the answers that were not the expected status, latency percentiles in ms).
local common = {}
local threads = {}

function common.setup(thread)
  thread:set("index", #threads + 1)
  table.insert(threads, thread)
end

-- per thread: resets the counters; answers the run id (first script argument) and the thread's number
function common.init(args)
  ok = 0
  unexpected = 0
  done_units = 0
  return args[1] or tostring(os.time()), wrk.thread:get("index")
end

function common.count(status, expected)
  if status == expected then
    ok = ok + 1
  else
    unexpected = unexpected + 1
    if unexpected <= 3 then
      io.stderr:write("unexpected HTTP " .. status .. "\n")
    end
  end
end

function common.done(summary, latency, extra)
  local oks, bad, units = 0, 0, 0
  for _, t in ipairs(threads) do
    oks = oks + t:get("ok")
    bad = bad + t:get("unexpected")
    units = units + t:get("done_units")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"ok":%d,"unexpected":%d,"socketErrors":%d,"units":%d,'
      .. '"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f}\n',
    summary.requests, seconds, oks, bad, e.connect + e.read + e.write + e.timeout, units,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end

-- Basic credentials of the demo users (password demo)
common.auth = {
  clerk1 = "Basic Y2xlcmsxOmRlbW8=",
  housing1 = "Basic aG91c2luZzE6ZGVtbw==",
  housinghead1 = "Basic aG91c2luZ2hlYWQxOmRlbW8=",
  leader1 = "Basic bGVhZGVyMTpkZW1v",
}

local districts = { "FUTIAN", "LUOHU", "NANSHAN", "BAOAN", "LONGGANG" }
local categories = { "HOUSING", "LABOUR", "LAND", "ENVIRONMENT", "URBAN_MANAGEMENT" }

-- A valid registration body with its own requestId; the petition route's housing case when housing is true.
function common.petition(requestId, n, housing)
  local district = housing and "FUTIAN" or districts[n % #districts + 1]
  local category = housing and "HOUSING" or categories[n % #categories + 1]
  return string.format('{"requestId":"%s","channel":"ONLINE","petitioner":{"name":"张三","idNumber":"11010519491231002X",'
    .. '"phone":"13800138000","address":"深圳市福田区福华路1号"},"personCount":1,"district":"%s","category":"%s",'
    .. '"title":"小区楼上漏水 %d","content":"楼上住户漏水多次协商未果，请求有关部门协调处理。编号 %d"}',
    requestId, district, category, n, n)
end

return common
