#!/usr/bin/env python3
"""The same work on a project file and on a project on a PostgreSQL server, alternating, in one session.

    tests/benchmarks/bench_server.py --build build/release --server URI [--runs 3]

URI names a server and database where the benchmark may create and drop schemas (scripts/test.sh's throwaway
server will do: `scripts/postgres-test-server.sh start DIR` prints it). Measures, for each place:
  1. importing 200 articles (claimtrack-cli import, a folder at once);
  2. recording 100,000 claims in one transaction (claimtrack-bench insert-claims);
  3. changing 2,000 claims one at a time, each its own transaction as in the app (claimtrack-bench edit-claims);
  4. exporting the 100,000 claims as CSV (claimtrack-cli export);
  5. the cross-check of every metric (claimtrack-cli conflicts);
  6. searching a word that every article and most claims hold, and a phrase with a prefix (claimtrack-cli
     search, every hit), checking both places find the same articles;
  7. how soon a program with the project open sees another's change, and what asking costs when nothing
     changed (claimtrack-watch-bench: SQLite's data version against the server's notices; on the server
     also the query the app polled with before, the alternative).
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
WATCHED = 200  # changes whose notice is timed
SEARCHES = ("cameras", '"million more in" surveil*')


def schema_uri(server, name):
    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options=-csearch_path%3D{name}%2Cpublic"


def psql(server, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", server, "-c", sql], check=True, capture_output=True)


def alternating_projects(cli, server, runs, work, articles):
    """Yields (place, project, folder) RUNS times for a new project file and for a new schema on SERVER, in
    turn so that both see the machine alike: each project is initialised and empty, FOLDER holds ARTICLES
    articles to import. The project is removed once the caller is done with it."""
    folder = work / "articles"
    folder.mkdir()
    for i in range(articles):
        (folder / f"a{i:03}.txt").write_text(article_text(i))
    for attempt in range(runs):
        for place in ("file", "server"):
            schema = f"bench_{uuid.uuid4().hex}"
            if place == "file":
                project = str(work / f"run{attempt}.claims")
            else:
                psql(server, f"CREATE SCHEMA {schema}")
                project = schema_uri(server, schema)
            try:
                subprocess.run([cli, "init", project], check=True, capture_output=True)
                yield place, project, folder
            finally:
                if place == "server":
                    psql(server, f"DROP SCHEMA {schema} CASCADE")
                for leftover in work.glob(f"run{attempt}.claims*"):
                    leftover.unlink()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a release build folder")
    parser.add_argument("--server", required=True, help="a PostgreSQL connection URI")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cli = str(pathlib.Path(args.build) / "app/claimtrack-cli")
    bench = str(pathlib.Path(args.build) / "tests/claimtrack-bench")
    watch = str(pathlib.Path(args.build) / "tests/claimtrack-watch-bench")

    labels = [(f"import {ARTICLES} articles (whole command)", "s"),
              (f"record {CLAIMS:,} claims, one transaction (whole command)", "s"),
              (f"change {EDITS:,} claims, a transaction each (an edit)", "ms"),
              (f"export {CLAIMS:,} claims as CSV (whole command)", "s"),
              ("cross-check every metric (whole command)", "s"),
              (f"search {SEARCHES[0]} (whole command)", "s"),
              (f"search {SEARCHES[1]} (whole command)", "s"),
              (f"another program's change seen after (median of {WATCHED})", "ms"),
              ("asking whether anything changed, when nothing did (median)", "us")]
    times = {place: [[] for _ in labels] for place in ("file", "server")}
    found = {"file": {}, "server": {}}
    polled = []  # on the server, the polling query the app asked before it listened
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for place, project, folder in alternating_projects(cli, args.server, args.runs, work, ARTICLES):
            measured = times[place]
            measured[0].append(run([cli, "import", project, str(folder)])[0])
            measured[1].append(run([bench, "insert-claims", project, str(CLAIMS)])[0])
            printed = run([bench, "edit-claims", project, str(EDITS)])[1]
            measured[2].append(float(printed.split(" in ")[1].split(" s")[0]) * 1000 / EDITS)
            measured[3].append(run([cli, "export", project, "-o", str(work / "claims.csv")])[0])
            measured[4].append(run([cli, "conflicts", project, "--format", "csv"])[0])
            for i, query in enumerate(SEARCHES):
                took, printed = run([cli, "search", project, query, "--limit", "1000"])
                measured[5 + i].append(took)
                found[place][query] = sorted(line.split()[0] for line in printed.splitlines()[1:])
            printed = run([watch, project, str(WATCHED)])[1]
            measured[7].append(float(printed.split("median ")[1].split(" ms")[0]))
            measured[8].append(float(printed.split("median ")[2].split(" us")[0]))
            if place == "server":
                polled.append(float(printed.split("median ")[3].split(" us")[0]))

    for query in SEARCHES:
        same = "the same" if found["file"][query] == found["server"][query] else "DIFFERENT"
        print(f"search {query}: {len(found['file'][query])} articles shown in the file, {same} on the server")
    print(f"Median of {args.runs} runs each, alternating file and server.\n")
    print("| work | file | server | server / file |")
    print("|---|---|---|---|")
    for i, (label, unit) in enumerate(labels):
        on_file = statistics.median(times["file"][i])
        on_server = statistics.median(times["server"][i])
        print(f"| {label} | {on_file:.3f} {unit} | {on_server:.3f} {unit} | {on_server / on_file:.1f}x |")
    print(f"\nOn the server, the polling query instead of the notices: {statistics.median(polled):.1f} us an ask, "
          f"{statistics.median(polled) / statistics.median(times['server'][8]):.0f}x")

if __name__ == "__main__":
    main()
