#!/usr/bin/env python3
"""The load test at full size: ten researchers at once on one project, on a file and on a server, alternating.

    tests/benchmarks/load_test.py --build build/release --server URI [--runs 3] [--workers 10] [--claims 1000]

Each run starts WORKERS processes of claimtrack-load-worker (tests/load_worker.cpp) at once on a new project
with 20 articles: each records CLAIMS claims, a transaction each, and after each edits another worker's claim
from its version (half of the edits on the project's first 20 claims, which all of them edit). Afterwards it
checks that every claim a worker was told was recorded is in the project and that the project holds no other,
and that every refusal said why. Prints a Markdown table for docs/performance.md: the wall time of the whole
run, the writes acknowledged a second, and the edits refused as changed meanwhile; medians of the runs.
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import tempfile
import time

from bench_server import alternating_projects

ARTICLES = 20


def count_claims(cli, project):
    listed = subprocess.run([cli, "claims", project, "--format", "json"], check=True, capture_output=True,
                            text=True).stdout
    return len(json.loads(listed))


def worker_lines(running, outputs):
    """The lines the worker processes `running` wrote (their `outputs`, from communicate()), each as its
    tab-separated fields; stops at a worker that failed."""
    for p, (out, err) in zip(running, outputs):
        if p.returncode != 0:
            raise SystemExit(f"a worker failed: {err.strip()}")
        for line in out.splitlines():
            yield line.split("\t")


def load(cli, worker, project, workers, claims):
    started = time.monotonic()
    running = [subprocess.Popen([worker, project, str(w), str(claims)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for w in range(1, workers + 1)]
    outputs = [p.communicate() for p in running]
    elapsed = time.monotonic() - started
    recorded, edits, stale, other = set(), 0, 0, 0
    for fields in worker_lines(running, outputs):
        if fields[0] == "claim":
            recorded.add(int(fields[1]))
        elif fields[0] == "edit":
            edits += 1
        elif fields[0] == "refused":
            if len(fields) < 4 or not fields[3]:
                raise SystemExit(f"a refusal without a reason: {fields}")
            stale += fields[2] == "stale"
            other += fields[2] != "stale"
    stored = count_claims(cli, project)
    if stored != len(recorded) or len(recorded) != workers * claims:
        raise SystemExit(f"{len(recorded)} claims acknowledged of {workers * claims}, {stored} in the project")
    return elapsed, len(recorded) + edits, edits, stale, other


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a release build folder")
    parser.add_argument("--server", required=True, help="a PostgreSQL connection URI")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--claims", type=int, default=1000)
    args = parser.parse_args()
    cli = str(pathlib.Path(args.build) / "app/claimtrack-cli")
    worker = str(pathlib.Path(args.build) / "tests/claimtrack-load-worker")
    results = {"file": [], "server": []}
    with tempfile.TemporaryDirectory() as tmp:
        for place, project, folder in alternating_projects(cli, args.server, args.runs, pathlib.Path(tmp), ARTICLES):
            subprocess.run([cli, "import", project, str(folder)], check=True, capture_output=True)
            results[place].append(load(cli, worker, project, args.workers, args.claims))

    print(f"{args.workers} processes at once, each recording {args.claims:,} claims and editing after each; "
          f"median of {args.runs} runs\n")
    print("| project | whole run | writes acknowledged a second | edits saved | refused as changed meanwhile "
          "| refused otherwise |")
    print("|---|---|---|---|---|---|")
    for place, runs in results.items():
        elapsed = statistics.median(r[0] for r in runs)
        rate = statistics.median(r[1] / r[0] for r in runs)
        print(f"| {place} | {elapsed:.1f} s | {rate:,.0f} | {statistics.median(r[2] for r in runs):,.0f} | "
              f"{statistics.median(r[3] for r in runs):,.0f} | {statistics.median(r[4] for r in runs):,.0f} |")
    file_rate = statistics.median(r[1] / r[0] for r in results["file"])
    server_rate = statistics.median(r[1] / r[0] for r in results["server"])
    print(f"\nserver / file, writes a second: {server_rate / file_rate:.2f}")


if __name__ == "__main__":
    main()
