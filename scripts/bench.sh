#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks (storage, the desktop app,
# the figure finder, the cross-check); see docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
tests/benchmarks/bench_storage.py --build build/release "$@"
tests/benchmarks/bench_gui.py --build build/release
tests/benchmarks/bench_extract.py --build build/release
# The figure finder on generated worst cases: fails when any is read below 1 MB/s.
build/release/tests/claimtrack-bench worst-cases
# The cross-check, on one core: the issue's million claims in 10,000 metrics against comparing every
# pair; one large metric against every pair; and how the cost grows within one metric.
conflicts=build/release/tests/claimtrack-conflicts-bench
taskset -c 0 "$conflicts" 1000000 10000 --pairwise
taskset -c 0 "$conflicts" 10000 1 --pairwise
for claims in 10000 100000 1000000 4000000; do
  taskset -c 0 "$conflicts" "$claims" 1 --agreeing
done
