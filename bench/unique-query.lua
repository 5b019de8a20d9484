-- Gives every request its own query string, so the output cache never answers: measures rendering.
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
end

request = function()
    counter = counter + 1
    return wrk.format("GET", wrk.path .. "?bench=" .. prefix .. counter)
end
