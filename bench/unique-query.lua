-- Every request rendered, never answered by the output cache: measures rendering.
-- An Authorization header keeps the output cache out of it (a request that carries one is never answered from or
-- stored in the cache); the page itself ignores the header and renders as for any anonymous visitor.
-- Each request also has its own query string, so a run reads like a stream of different visitors.
-- The string names the run (its start second) and the thread, so neither the warm-up run before nor
-- the other thread asks for an address the cache already holds.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread", threads)
end

function init(args)
    prefix = os.time() .. "-" .. thread .. "-"
    counter = 0
    wrk.headers["Authorization"] = "Bearer bench"
end

request = function()
    counter = counter + 1
    return wrk.format("GET", wrk.path .. "?bench=" .. prefix .. counter)
end
