#!/usr/bin/env python3
"""What roles cost on a server: the same work by the owner of a project no one else shares (no roles: the
alternative), by its owner once it has members, and by an annotator (privileges checked on every statement,
the history's row-level security on every entry), alternating, in one session.

    tests/benchmarks/bench_roles.py --build build/release --server URI [--runs 3]

URI names a server and database as a superuser (scripts/postgres-test-server.sh start prints one): the
benchmark makes two login roles of its own there and drops them, with every project's groups, at the end.
For each run and each way, a new project in a schema of its own with 50 articles:
  1. recording 20,000 claims in one transaction (claimtrack-bench insert-claims);
  2. changing 1,000 claims one at a time, each its own transaction as in the app (claimtrack-bench edit-claims).
Prints a Markdown table for docs/performance.md: medians, and each way's time as a ratio of no roles.
"""
import argparse
import pathlib
import statistics
import subprocess
import tempfile
import uuid

from bench_history import run
from bench_server import psql, schema_uri
from bench_storage import article_text

ARTICLES = 50
CLAIMS = 20_000
EDITS = 1_000
WAYS = ("no roles (owner)", "owner, with members", "annotator")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a release build folder")
    parser.add_argument("--server", required=True, help="a PostgreSQL connection URI, as a superuser")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cli = str(pathlib.Path(args.build) / "app/claimtrack-cli")
    bench = str(pathlib.Path(args.build) / "tests/claimtrack-bench")
    owner, annotator = "bench_owner", "bench_annotator"
    psql(args.server, f"CREATE ROLE {owner} LOGIN CREATEROLE; CREATE ROLE {annotator} LOGIN;"
                      "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;"
                      "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public")
    inserted = {way: [] for way in WAYS}
    edited = {way: [] for way in WAYS}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp) / "articles"
            folder.mkdir()
            for i in range(ARTICLES):
                (folder / f"a{i:03}.txt").write_text(article_text(i))
            for _ in range(args.runs):
                for way in WAYS:
                    schema = f"bench_{uuid.uuid4().hex}"
                    psql(args.server, f"CREATE SCHEMA {schema} AUTHORIZATION {owner}")
                    project = schema_uri(args.server, schema)
                    as_owner, as_annotator = f"{project}&user={owner}", f"{project}&user={annotator}"
                    try:
                        run([cli, "init", as_owner])
                        run([cli, "import", as_owner, str(folder)])
                        if way != WAYS[0]:
                            run([cli, "members", as_owner, "--annotator", annotator])
                        user = as_annotator if way == WAYS[2] else as_owner
                        inserted[way].append(run([bench, "insert-claims", user, str(CLAIMS)])[0])
                        printed = run([bench, "edit-claims", user, str(EDITS)])[1]
                        edited[way].append(float(printed.split(" in ")[1].split(" s")[0]) * 1000 / EDITS)
                    finally:
                        psql(args.server, f"DROP SCHEMA {schema} CASCADE")
                        groups = subprocess.run(
                            ["psql", "-Atq", args.server, "-c", "SELECT rolname FROM pg_roles WHERE "
                             f"shobj_description(oid, 'pg_authid') LIKE '%.{schema}'"],
                            check=True, capture_output=True, text=True).stdout.split()
                        for group in groups:
                            psql(args.server, f'DROP OWNED BY "{group}"; DROP ROLE "{group}"')
    finally:
        psql(args.server, f"DROP OWNED BY {owner}, {annotator}; DROP ROLE {owner}; DROP ROLE {annotator}")

    print(f"Median of {args.runs} runs each, the three ways alternating.\n")
    print(f"| way | record {CLAIMS:,} claims (whole command) | / no roles | an edit | / no roles |")
    print("|---|---|---|---|---|")
    for way in WAYS:
        insert, edit = statistics.median(inserted[way]), statistics.median(edited[way])
        print(f"| {way} | {insert:.2f} s | {insert / statistics.median(inserted[WAYS[0]]):.2f}x | "
              f"{edit:.3f} ms | {edit / statistics.median(edited[WAYS[0]]):.2f}x |")


if __name__ == "__main__":
    main()
