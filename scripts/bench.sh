#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks (storage, the desktop app,
# the figure finder); see docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
tests/benchmarks/bench_storage.py --build build/release "$@"
tests/benchmarks/bench_gui.py --build build/release
tests/benchmarks/bench_extract.py --build build/release
