"""Reads wrk's report (with --latency) on stdin and prints: requests/s, p50 ms, p99 ms, requests, refused.
Refused counts answers other than 2xx and 3xx, and socket errors (connect, read, write, timeout)."""
import re
import sys

text = sys.stdin.read()


def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\b", text, re.M)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
refused = int(bad.group(1)) if bad else 0
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if errors:
    refused += sum(int(g) for g in errors.groups())
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {total} {refused}")
