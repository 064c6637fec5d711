#!/usr/bin/env python3
"""Report benchmark: the report of a project of 100,000 claims, as HTML and as PDF, against its CSV export.

    tests/benchmarks/bench_report.py --build build/release [--runs 5]

Builds a project of 1,000 articles and 100,000 claims (100 metrics, 50 sources) with claimtrack-bench, as
bench_exchange.py does, then times each command as the median of --runs runs, alternating, with peak memory
and the size of what it wrote. Prints a Markdown table for docs/performance.md.
"""
import argparse
import pathlib
import statistics
import tempfile
import time

from bench_exchange import build_project, timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, type=pathlib.Path)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    cli = options.build / "app" / "claimtrack-cli"
    bench = options.build / "tests" / "claimtrack-bench"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project = build_project(cli, bench, tmp / "p", 0)
        cases = [("export -o claims.csv", ["export", project, "-o", tmp / "claims.csv"], tmp / "claims.csv"),
                 ("report -o report.html", ["report", project, "-o", tmp / "report.html"], tmp / "report.html"),
                 ("chart \"Metric 7\" -o chart.svg", ["chart", project, "Metric 7", "-o", tmp / "chart.svg"],
                  tmp / "chart.svg")]
        if (options.build / "app" / "claimtrack").exists():  # the app prints the command line's PDF
            cases.append(("report -o report.pdf", ["report", project, "-o", tmp / "report.pdf"], tmp / "report.pdf"))
        results = {name: [] for name, _, _ in cases}
        for _ in range(options.runs):
            for name, args, _ in cases:
                results[name].append(timed(cli, *args))
        print("| command, 100,000 claims | median | range | peak memory | written |")
        print("|---|---|---|---|---|")
        for name, _, output in cases:
            times = [t for t, _ in results[name]]
            print(f"| `{name}` | {statistics.median(times):.2f} s | {min(times):.2f} to {max(times):.2f} s | "
                  f"{max(kb for _, kb in results[name]) // 1024} MB | {output.stat().st_size / 1e6:.1f} MB |")
        csv = statistics.median(t for t, _ in results["export -o claims.csv"])
        report = statistics.median(t for t, _ in results["report -o report.html"])
        print(f"\nreport / CSV export: {report / csv:.2f}x")


if __name__ == "__main__":
    start = time.monotonic()
    main()
    print(f"\n(run in {time.monotonic() - start:.0f} s)")
