-- Asks the addresses listed in the file BENCH_PATHS (one path with its query a line) in turn, each with a query
-- parameter of its own (the run's start second, the thread and a counter) and an Authorization header, which keeps the
-- output cache out of it (the cache varies only by the keys a page reads, so the parameter alone would not): measures
-- searching, not the cache.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread", threads)
end

function init(args)
    paths = {}
    for line in io.lines(os.getenv("BENCH_PATHS")) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    prefix = os.time() .. "-" .. thread .. "-"
    counter = 0
    wrk.headers["Authorization"] = "Bearer bench"
end

request = function()
    counter = counter + 1
    local path = paths[(counter - 1) % #paths + 1]
    local separator = path:find("?", 1, true) and "&" or "?"
    return wrk.format("GET", path .. separator .. "bench=" .. prefix .. counter)
end
