-- Mixed load for the memory figure: the addresses in BENCH_PATHS (separated by spaces) in turn, every other
-- request rendered (with an Authorization header, which keeps the output cache out of it, and its own query string),
-- the others as they are (the output cache answers).
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread", threads)
end

function init(args)
    paths = {}
    for p in string.gmatch(os.getenv("BENCH_PATHS"), "%S+") do paths[#paths + 1] = p end
    prefix = os.time() .. "-" .. thread .. "-"
    counter = 0
end

request = function()
    counter = counter + 1
    local path = paths[(counter % #paths) + 1]
    if counter % 2 == 0 then
        return wrk.format("GET", path .. "?bench=" .. prefix .. counter, { ["Authorization"] = "Bearer bench" })
    end
    return wrk.format("GET", path)
end
