#!/usr/bin/env python3
"""Export benchmark: every export of a project of 1,000,000 claims against its CSV export.

    tests/benchmarks/bench_exports.py --build build/release [--runs 3] [--project PROJECT] [--formats xlsx,w3c]
                                      [--baseline OTHER/claimtrack-cli]

Builds the storage benchmark's project (10,000 articles of about 5 KB, 1,000,000 claims recorded by
claimtrack-bench), or takes --project, then runs `claimtrack-cli export` to CSV and to each format in
turn, --runs rounds, alternating, so that a noisy moment falls on both sides of a ratio. Prints, per
format, the median wall time, the median of each round's ratio to that round's CSV, the peak memory
(GNU time) and the file's size, as a Markdown table for docs/performance.md. With --baseline, the
workbook is also written by that build of claimtrack-cli (an earlier version, to compare writers) in the
same rounds.
"""
import argparse
import pathlib
import statistics
import subprocess
import tempfile
import time

from bench_storage import CLAIMS, timed, write_articles

FORMATS = ["xlsx", "w3c", "qdpx", "project"]


def build_project(cli, bench, folder):
    files, _ = write_articles(folder / "articles")
    project = folder / "million.claims"
    subprocess.run([cli, "init", project], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cli, "import", project, *files], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([bench, "insert-claims", project, str(CLAIMS)], check=True, stdout=subprocess.DEVNULL)
    return project


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, type=pathlib.Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=pathlib.Path, help="a project to export instead of building one")
    parser.add_argument("--formats", default=",".join(FORMATS), help="which of " + ", ".join(FORMATS))
    parser.add_argument("--baseline", help="another build's claimtrack-cli to write the workbook with too")
    options = parser.parse_args()
    cli = str(options.build / "app" / "claimtrack-cli")
    bench = str(options.build / "tests" / "claimtrack-bench")
    formats = options.formats.split(",")
    # (label, program, format) of each export measured against the CSV.
    exports = [(f"`--format {f}`", cli, f) for f in formats]
    if options.baseline:
        exports.append(("`--format xlsx`, the --baseline build", options.baseline, "xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project = options.project or build_project(cli, bench, tmp)
        csv = {"seconds": [], "mb": [], "size": 0}
        measured = {label: {"seconds": [], "ratios": [], "mb": [], "size": 0} for label, _, _ in exports}
        for _ in range(options.runs):
            for label, program, name in exports:
                # The CSV again before each format: each ratio is of two runs side by side.
                out = tmp / "claims.csv"
                seconds, mb = timed([cli, "export", str(project), "-o", str(out)])
                csv["seconds"].append(seconds)
                csv["mb"].append(mb)
                csv["size"] = out.stat().st_size
                out.unlink()
                out = tmp / f"claims.{name}"
                taken, mb = timed([program, "export", str(project), "--format", name, "-o", str(out)])
                measured[label]["seconds"].append(taken)
                measured[label]["ratios"].append(taken / seconds)
                measured[label]["mb"].append(mb)
                measured[label]["size"] = out.stat().st_size
                out.unlink()
        print("| export | median | range | ratio to the CSV (median of rounds) | peak memory | file |")
        print("|---|---|---|---|---|---|")
        rows = [("CSV", csv)] + [(label, measured[label]) for label, _, _ in exports]
        for label, m in rows:
            ratio = f"**{statistics.median(m['ratios']):.2f}x**" if "ratios" in m else ""
            print(f"| {label} | {statistics.median(m['seconds']):.2f} s | {min(m['seconds']):.2f} to "
                  f"{max(m['seconds']):.2f} s | {ratio} | {max(m['mb']):.0f} MB | {m['size'] / 1e6:.0f} MB |")


if __name__ == "__main__":
    start = time.monotonic()
    main()
    print(f"\n(run in {time.monotonic() - start:.0f} s)")
