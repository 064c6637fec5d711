#!/usr/bin/env python3
"""What keeping the history costs: recording and changing claims with it (this build) and without it (a build
from before it, schema 8), alternating, in one session.

    tests/benchmarks/bench_history.py --build build/release --before /tmp/old/build/release [--runs 5]

`--before` is a release build of a commit before the history (52f86dd^), with this file's
claimtrack_bench.cpp copied in (its `edit-claims` command came with this benchmark). Measures:
  1. recording 100,000 claims in one transaction (claimtrack-bench insert-claims);
  2. changing 2,000 claims one at a time, each its own transaction as in the app
     (claimtrack-bench edit-claims), on a project of 100,000 claims.
Prints a Markdown table for docs/performance.md: medians, and the history's cost as a ratio.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

from bench_storage import article_text

ARTICLES = 200
CLAIMS = 100_000
EDITS = 2_000


def run(command):
    """Runs a command; returns (wall seconds, what it printed)."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[:500]}")
    return time.perf_counter() - start, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="this build's release folder")
    parser.add_argument("--before", required=True, help="a release build from before the history")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    builds = {"with history": pathlib.Path(args.build), "without (before)": pathlib.Path(args.before)}

    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        folder = work / "articles"
        folder.mkdir()
        for i in range(ARTICLES):
            (folder / f"a{i:03}.txt").write_text(article_text(i))
        # The articles imported by the older build, so both can open the file (this one upgrades it).
        base = work / "base.claims"
        older_cli = str(builds["without (before)"] / "app/claimtrack-cli")
        subprocess.run([older_cli, "init", str(base)], check=True, capture_output=True)
        subprocess.run([older_cli, "import", str(base), str(folder)], check=True, capture_output=True)

        inserts = {name: [] for name in builds}
        edits = {name: [] for name in builds}
        for attempt in range(args.runs):
            for name, build in builds.items():  # alternating, so both see the machine alike
                bench = str(build / "tests/claimtrack-bench")
                project = work / f"run{attempt}-{name[:4]}.claims"
                shutil.copy(base, project)
                inserts[name].append(run([bench, "insert-claims", str(project), str(CLAIMS)])[0])
                # The edits' own time, as the bench prints it ("2000 edits in 1.234 s: …"), not reading the claims.
                printed = run([bench, "edit-claims", str(project), str(EDITS)])[1]
                edits[name].append(float(printed.split(" in ")[1].split(" s")[0]))
                for leftover in work.glob(project.name + "*"):
                    leftover.unlink()

    print(f"Median of {args.runs} runs each, alternating the two builds.\n")
    print("| work | with history | without (before) | cost |")
    print("|---|---|---|---|")
    for label, times, unit, scale in ((f"record {CLAIMS:,} claims, one transaction (whole command)", inserts,
                                       "s", 1),
                                      (f"change {EDITS:,} claims, a transaction each", edits, "ms an edit",
                                       1000 / EDITS)):
        ours = statistics.median(times["with history"]) * scale
        before = statistics.median(times["without (before)"]) * scale
        print(f"| {label} | {ours:.3f} {unit} | {before:.3f} {unit} | {(ours / before - 1) * 100:+.0f}% |")


if __name__ == "__main__":
    main()
