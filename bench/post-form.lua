-- Sends the same form post on every request (a statement): body and cookies come from the environment
-- (BENCH_BODY, BENCH_COOKIE), as bench/goals.sh signs in and loads the form once.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
