#!/usr/bin/env python3
"""The same work on a project file and on a project on a PostgreSQL server, alternating, in one session.

    tests/benchmarks/bench_server.py --build build/release --server URI [--runs 3]

URI names a server and database where the benchmark may create and drop schemas (scripts/test.sh's throwaway
server will do: `scripts/postgres-test-server.sh start DIR` prints it). Measures, for each place:
  1. importing 200 articles (claimtrack-cli import, a folder at once);
  2. recording 100,000 claims in one transaction (claimtrack-bench insert-claims);
  3. changing 2,000 claims one at a time, each its own transaction as in the app (claimtrack-bench edit-claims);
  4. exporting the 100,000 claims as CSV (claimtrack-cli export);
  5. the cross-check of every metric (claimtrack-cli conflicts).
Prints a Markdown table for docs/performance.md: medians, and the server's time as a ratio of the file's.
"""
import argparse
import pathlib
import statistics
import subprocess
import tempfile
import time
import uuid

from bench_history import run
from bench_storage import article_text

ARTICLES = 200
CLAIMS = 100_000
EDITS = 2_000


def schema_uri(server, name):
    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options=-csearch_path%3D{name}%2Cpublic"


def psql(server, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", server, "-c", sql], check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a release build folder")
    parser.add_argument("--server", required=True, help="a PostgreSQL connection URI")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cli = str(pathlib.Path(args.build) / "app/claimtrack-cli")
    bench = str(pathlib.Path(args.build) / "tests/claimtrack-bench")

    labels = [f"import {ARTICLES} articles (whole command)",
              f"record {CLAIMS:,} claims, one transaction (whole command)",
              f"change {EDITS:,} claims, a transaction each (ms an edit)",
              f"export {CLAIMS:,} claims as CSV (whole command)",
              "cross-check every metric (whole command)"]
    times = {place: [[] for _ in labels] for place in ("file", "server")}
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        folder = work / "articles"
        folder.mkdir()
        for i in range(ARTICLES):
            (folder / f"a{i:03}.txt").write_text(article_text(i))
        for attempt in range(args.runs):
            for place in ("file", "server"):  # alternating, so both see the machine alike
                schema = f"bench_{uuid.uuid4().hex}"
                if place == "file":
                    project = str(work / f"run{attempt}.claims")
                else:
                    psql(args.server, f"CREATE SCHEMA {schema}")
                    project = schema_uri(args.server, schema)
                try:
                    subprocess.run([cli, "init", project], check=True, capture_output=True)
                    measured = times[place]
                    measured[0].append(run([cli, "import", project, str(folder)])[0])
                    measured[1].append(run([bench, "insert-claims", project, str(CLAIMS)])[0])
                    printed = run([bench, "edit-claims", project, str(EDITS)])[1]
                    measured[2].append(float(printed.split(" in ")[1].split(" s")[0]) * 1000 / EDITS)
                    measured[3].append(run([cli, "export", project, "-o", str(work / "claims.csv")])[0])
                    measured[4].append(run([cli, "conflicts", project, "--format", "csv"])[0])
                finally:
                    if place == "server":
                        psql(args.server, f"DROP SCHEMA {schema} CASCADE")
                    for leftover in work.glob(f"run{attempt}.claims*"):
                        leftover.unlink()

    print(f"Median of {args.runs} runs each, alternating file and server.\n")
    print("| work | file | server | server / file |")
    print("|---|---|---|---|")
    for i, label in enumerate(labels):
        on_file = statistics.median(times["file"][i])
        on_server = statistics.median(times["server"][i])
        unit = "ms" if "ms an edit" in label else "s"
        print(f"| {label} | {on_file:.3f} {unit} | {on_server:.3f} {unit} | {on_server / on_file:.1f}x |")


if __name__ == "__main__":
    main()
