#!/usr/bin/env python3
"""Exchange benchmark: merging two projects of 100,000 claims each, and exporting a project file.

    tests/benchmarks/bench_exchange.py --build build/release [--runs 3] [--million PROJECT]

Builds project A (1,000 articles, 100,000 claims) and project B (1,000 other articles, 100,000 claims) with
claimtrack-bench, as bench_storage.py does, then times, each as the median of --runs runs on a fresh copy
of A:
  1. `merge A B.claims`: every row of B is new;
  2. `merge A B.json`: the same, from B's project file;
  3. `merge A A.claims`: every row is already there, passed over;
  4. `import A B.qdpx`: the way another project came in before, a REFI-QDA archive of B.
With --million, also `export --format project` of that project against its CSV export, with peak memory.
Prints a Markdown table for docs/performance.md.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

from bench_storage import article_text

ARTICLES = 1_000
CLAIMS = 100_000


def run(*args):
    subprocess.run([str(a) for a in args], check=True, stdout=subprocess.DEVNULL)


def timed(*args):
    """Wall time and peak memory (KB, from GNU time) of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *[str(a) for a in args]], check=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds, kb = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb)


def build_project(cli, bench, folder, first_article):
    articles = folder / "articles"
    articles.mkdir(parents=True)
    files = []
    for i in range(first_article, first_article + ARTICLES):
        path = articles / f"a{i:05}.txt"
        path.write_text(article_text(i))
        files.append(path)
    project = folder / "p.claims"
    run(cli, "init", project)
    run(cli, "import", project, *files)
    run(bench, "insert-claims", project, CLAIMS)
    return project


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, type=pathlib.Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--million", type=pathlib.Path, help="a project of 1,000,000 claims to export")
    options = parser.parse_args()
    cli = options.build / "app" / "claimtrack-cli"
    bench = options.build / "tests" / "claimtrack-bench"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        a = build_project(cli, bench, tmp / "a", 0)
        b = build_project(cli, bench, tmp / "b", ARTICLES)
        run(cli, "export", b, "--format", "project", "-o", tmp / "b.json")
        run(cli, "export", b, "--format", "qdpx", "-o", tmp / "b.qdpx")
        cases = [("merge A B.claims (all new)", ["merge", "{ours}", b]),
                 ("merge A B.json (all new)", ["merge", "{ours}", tmp / "b.json"]),
                 ("merge A A.claims (all already there)", ["merge", "{ours}", a]),
                 ("import A B.qdpx (all new; the earlier way)", ["import", "{ours}", tmp / "b.qdpx"])]
        print("| command | median | range | peak memory |")
        print("|---|---|---|---|")
        for name, args in cases:
            times, memory = [], []
            for _ in range(options.runs):
                ours = tmp / "ours.claims"
                shutil.copyfile(a, ours)
                seconds, kb = timed(cli, *[ours if x == "{ours}" else x for x in args])
                times.append(seconds)
                memory.append(kb)
            print(f"| `{name}` | {statistics.median(times):.2f} s | {min(times):.2f} to {max(times):.2f} s "
                  f"| {max(memory) // 1024} MB |")
        if options.million:
            for name, args in [("export (CSV)", ["-o", tmp / "m.csv"]),
                               ("export --format project", ["--format", "project", "-o", tmp / "m.json"])]:
                runs = [timed(cli, "export", options.million, *args) for _ in range(options.runs)]
                times = [t for t, _ in runs]
                print(f"| `{name}`, 1,000,000 claims | {statistics.median(times):.2f} s | {min(times):.2f} to "
                      f"{max(times):.2f} s | {max(kb for _, kb in runs) // 1024} MB |")


if __name__ == "__main__":
    start = time.monotonic()
    main()
    print(f"\n(run in {time.monotonic() - start:.0f} s)")
