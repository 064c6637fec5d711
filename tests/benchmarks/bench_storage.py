#!/usr/bin/env python3
"""Storage benchmark: Claimtrack against the sqlite3 shell doing the same work.

    scripts/bench.sh            (builds the release preset, then runs this)
    tests/benchmarks/bench_storage.py --build build/release [--runs 3]

Measures, each as the median wall time of --runs runs in one session:
  1. importing 10,000 articles of about 5 KB: `claimtrack-cli import` against
     the shell's `.import` of the same rows into the article table;
  2. recording 1,000,000 claims in one transaction (claimtrack-bench) against
     the shell's `.import` of the same rows into the claim table;
  3. exporting 1,000,000 claims to CSV: `claimtrack-cli export` against
     `sqlite3 -csv` selecting the same columns; and the export's peak memory
     at 100,000 and 1,000,000 claims;
  4. searching the 10,000 imported articles (claimtrack-bench search, a
     median of 21 runs a query) against a LIKE scan of every text.
Prints Markdown tables for docs/performance.md.
"""
import argparse
import csv
import hashlib
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid

ARTICLES = 10_000
CLAIMS = 1_000_000
SMALL_CLAIMS = 100_000

WORDS = ("officials said the city had installed cameras along roads and railways while analysts "
         "estimated that spending rose sharply in the years after the plan was announced").split()


def article_text(i):
    """About 5 KB of ASCII prose with figures; ASCII so code points are bytes."""
    lines = [f"Report number {i} on surveillance"]
    n = i
    while sum(len(line) + 1 for line in lines) < 5000:
        n = (n * 1103515245 + 12345) % 2**31
        words = [WORDS[(n >> k) % len(WORDS)] for k in range(0, 24, 2)]
        lines.append(" ".join(words) + f" and {n % 10000} million more in {2000 + n % 25}.")
    return "\n".join(lines) + "\n"


def write_articles(folder):
    """Writes the ARTICLES benchmark articles as files in `folder`; returns their paths and texts."""
    folder.mkdir(parents=True, exist_ok=True)
    files, texts = [], []
    for i in range(ARTICLES):
        texts.append(article_text(i))
        path = folder / f"a{i:05}.txt"
        path.write_text(texts[-1])
        files.append(str(path))
    return files, texts


def timed(command, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, peak RSS in MiB).

    The peak RSS comes from GNU time: a child forked straight from this Python
    process would count the parent's pages in its own peak.
    """
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=stdout, stderr=subprocess.PIPE,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[:500]}")
    return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024


def sqlite3(db, *commands, stdout=subprocess.DEVNULL):
    return timed(["sqlite3", str(db), *commands], stdout)


def median_of(runs, measure):
    results = [measure(run) for run in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build/release", help="release build folder")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    build = pathlib.Path(args.build).resolve()
    cli = str(build / "app" / "claimtrack-cli")
    bench = str(build / "tests" / "claimtrack-bench")

    work = pathlib.Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    try:
        files, texts = write_articles(work / "articles")
        with open(work / "articles.csv", "w", newline="") as f:
            writer = csv.writer(f)
            for i, text in enumerate(texts, 1):
                writer.writerow([i, str(uuid.uuid4()), text.split("\n", 1)[0], "", "", "", "",
                                 "2026-01-01T00:00:00.000Z", text, hashlib.sha256(text.encode()).hexdigest(),
                                 len(text), "text", "UTF-8"])  # format and encoding (schema 4)

        def fresh_project(name):
            project = work / name
            for suffix in ("", "-wal", "-shm"):
                pathlib.Path(str(project) + suffix).unlink(missing_ok=True)
            subprocess.run([cli, "init", str(project)], check=True)
            return project

        rows = []

        # 1. Import.
        ours = median_of(args.runs, lambda r: timed([cli, "import", str(fresh_project("import.claims")), *files]))
        shell = median_of(args.runs, lambda r: sqlite3(fresh_project("shell-import.claims"),
                                                       f".import --csv {work / 'articles.csv'} article"))
        rows.append(("import 10,000 articles (5 KB)", ours, shell, "claimtrack-cli import",
                     "sqlite3 .import into article"))
        # 4. Search, on the project the last import run built (its full-text index included).
        search = subprocess.run([bench, "search", str(work / "import.claims")], capture_output=True, text=True,
                                check=True).stdout

        # A project holding the articles, copied as the start of each claims run.
        base = fresh_project("base.claims")
        sqlite3(base, f".import --csv {work / 'articles.csv'} article")
        with open(work / "entities.sql", "w") as f:
            f.writelines(f"INSERT INTO metric (id, uuid, name) VALUES ({k + 1}, '{uuid.uuid4()}', 'Metric {k}');\n"
                         for k in range(100))
            f.writelines(f"INSERT INTO source (id, uuid, name) VALUES ({k + 1}, '{uuid.uuid4()}', 'Source {k}');\n"
                         for k in range(50))

        def claims_csv(count):
            """The rows claimtrack-bench records (see insertClaims there), as the shell's .import takes them."""
            path = work / f"claims-{count}.csv"
            with open(path, "w", newline="") as f:
                writer = csv.writer(f)
                for i in range(count):
                    a = i % ARTICLES
                    text = texts[a]
                    start = (i * 7) % (len(text) - 20)
                    writer.writerow([i + 1, str(uuid.uuid4()), a + 1, start, start + 12, text[start:start + 12],
                                     text[max(0, start - 32):start], text[start + 12:start + 44],
                                     (i % 1000) * 1e6, "", "", "cameras", i % 100 + 1, i % 50 + 1, "2020",
                                     "unverified", "", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z",
                                     0])  # approximate (schema 3)
            return path

        big_csv = claims_csv(CLAIMS)

        def project_with_articles(name):
            project = work / name
            shutil.copy(base, project)
            return project

        # 2. Insert claims.
        ours = median_of(args.runs, lambda r: timed([bench, "insert-claims",
                                                      str(project_with_articles("insert.claims")), str(CLAIMS)]))

        def shell_insert(run):
            project = project_with_articles("shell-insert.claims")
            sqlite3(project, f".read {work / 'entities.sql'}")
            return sqlite3(project, f".import --csv {big_csv} claim")
        shell = median_of(args.runs, shell_insert)
        rows.append(("insert 1,000,000 claims", ours, shell, "Project::addClaims, one transaction",
                     "sqlite3 .import into claim"))

        # 3. Export.
        exported = project_with_articles("export.claims")
        subprocess.run([bench, "insert-claims", str(exported), str(CLAIMS)], check=True)
        small = project_with_articles("export-small.claims")
        subprocess.run([bench, "insert-claims", str(small), str(SMALL_CLAIMS)], check=True)
        select = """SELECT c.uuid, a.uuid, a.title, a.publisher, a.url, a.published, c.quote, c.start, c.end,
                           c.prefix, c.suffix, c.value, c.low, c.high, c.unit, m.name, s.name, c.as_of, c.status,
                           (SELECT group_concat(name, '; ') FROM (SELECT t.name FROM claim_tag ct
                               JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY t.name)),
                           c.note, c.created_at, c.updated_at
                    FROM claim c JOIN article a ON a.id = c.article_id
                    LEFT JOIN metric m ON m.id = c.metric_id LEFT JOIN source s ON s.id = c.source_id
                    ORDER BY c.article_id, c.start, c.id"""
        ours = median_of(args.runs, lambda r: timed([cli, "export", str(exported), "-o", str(work / "out.csv")]))
        with open(work / "shell.csv", "w") as out:
            shell = median_of(args.runs, lambda r: timed(["sqlite3", "-csv", str(exported), select], stdout=out))
        rows.append(("export 1,000,000 claims to CSV", ours, shell, "claimtrack-cli export -o",
                     "sqlite3 -csv SELECT (same columns)"))
        _, small_rss = timed([cli, "export", str(small), "-o", str(work / "out-small.csv")])
        # 5. The claim table as JSON against the same as CSV (the same rows, streamed alike).
        as_csv = median_of(args.runs, lambda r: timed([cli, "claims", str(exported), "--format", "csv"]))
        as_json = median_of(args.runs, lambda r: timed([cli, "claims", str(exported), "--format", "json"]))
        # 6. Every search filter, alone and combined, on the million claims (it varies their statuses and tags).
        filters = subprocess.run([bench, "filters", str(exported)], capture_output=True, text=True,
                                 check=True).stdout

        print(f"Runs per figure: {args.runs} (median wall time); machine: {os.cpu_count()} cores\n")
        print("| work | Claimtrack | sqlite3 shell | ratio | Claimtrack peak RSS | what ran |")
        print("|---|---|---|---|---|---|")
        for name, (ours_s, ours_rss), (shell_s, _), ours_what, shell_what in rows:
            print(f"| {name} | {ours_s:.2f} s | {shell_s:.2f} s | {ours_s / shell_s:.2f}x | {ours_rss:.0f} MiB "
                  f"| {ours_what} vs {shell_what} |")
        print("\nSearch over the 10,000 imported articles:\n")
        print(search)
        print(f"\nclaims --format json: {as_json[0]:.2f} s, --format csv: {as_csv[0]:.2f} s "
              f"({as_json[0] / as_csv[0]:.2f}x) for {CLAIMS:,} claims")
        print(f"\nSearch filters on {ARTICLES:,} articles and {CLAIMS:,} claims:\n")
        print(filters)
        print(f"\nExport peak RSS: {small_rss:.0f} MiB at {SMALL_CLAIMS:,} claims, "
              f"{rows[-1][1][1]:.0f} MiB at {CLAIMS:,} claims.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
