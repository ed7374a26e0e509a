"""Load on one page for make bench (bench/run.py): wrk runs, each measured against the bare
liveness view just before it."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("report.lua")


def cookie_pairs(cookie: str) -> list[tuple[str, str]]:
    """A ``Cookie:`` header's value (``a=1; b=2``) as (name, value) pairs."""
    return [tuple(pair.split("=", 1)) for pair in cookie.split("; ")] if cookie else []


def wrk(url: str, cookie: str, *, duration: int, connections: int, threads: int) -> dict:
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",  # wrk's 2 s default drops the slow requests from the latencies it reports
        "-s",
        str(REPORT_SCRIPT),
    ]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=duration + 60).stdout
    match = re.search(r"BENCH_JSON (\{.*\})", out)
    if not match:
        raise RuntimeError(f"wrk printed no result for {url}:\n{out}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(data["p50_us"] / 1000, 2),
        "p95_ms": round(data["p95_us"] / 1000, 2),
        "errors": data["errors"],
        "non2xx": data["non2xx"],
    }


LIVENESS = "/healthz/live"


def measure(
    port: int,
    page,
    cookie: str,
    *,
    rounds: int,
    duration: int,
    healthz_seconds: int,
    connections: int,
    threads: int,
) -> dict:
    """The page under wrk ``rounds`` times, each run just after ``/healthz/live`` for
    ``healthz_seconds``: each round's ratio is to the liveness view measured seconds before it,
    so a machine that slows down or speeds up during the bench moves both. The result is the
    median of the rounds (req/s, p50, p95 and the ratio; errors added up), and keeps each
    round's figures under ``rounds``."""
    runs = []
    for _ in range(rounds):
        live = (
            None
            if page.name == LIVENESS
            else wrk(
                f"http://127.0.0.1:{port}{LIVENESS}",
                "",
                duration=healthz_seconds,
                connections=connections,
                threads=threads,
            )
        )
        run = wrk(
            f"http://127.0.0.1:{port}{page.path}",
            cookie,
            duration=duration,
            connections=connections,
            threads=threads,
        )
        if live is not None:
            run["healthz_rps"] = live["rps"]
            run["ratio_to_healthz"] = round(run["rps"] / live["rps"], 4) if live["rps"] else None
        runs.append(run)
    result = {
        key: round(statistics.median(run[key] for run in runs), 2)
        for key in ("rps", "p50_ms", "p95_ms")
    }
    result["errors"] = sum(run["errors"] for run in runs)
    result["non2xx"] = sum(run["non2xx"] for run in runs)
    if page.name != LIVENESS:
        ratios = [run["ratio_to_healthz"] for run in runs]
        result["ratio_to_healthz"] = (
            round(statistics.median(ratios), 4) if None not in ratios else None
        )
        result["healthz_rps"] = round(statistics.median(run["healthz_rps"] for run in runs), 1)
    result["rounds"] = runs
    return result
