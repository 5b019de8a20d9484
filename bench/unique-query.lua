-- Gives every request its own query string, so the output cache never answers: measures rendering.
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", wrk.path .. "?bench=" .. counter)
end
