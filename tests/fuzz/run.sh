#!/usr/bin/env bash
# Builds the figure finder's fuzz target with clang (libFuzzer, ASan, UBSan)
# and runs it: tests/fuzz/run.sh [SECONDS] (default 600).
# Seeds the corpus with the samples and, where present, ../shared/seeds.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
if ! command -v clang++ >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends clang >/dev/null
fi
out=build/fuzz
mkdir -p "$out/corpus"
qt_flags=$(pkg-config --cflags Qt6Core)
qt_libs=$(pkg-config --libs Qt6Core)
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Icore -Icore/figures $qt_flags -fPIC \
  tests/fuzz/figures_fuzz.cpp core/figures/*.cpp core/text.cpp \
  $qt_libs -lcrypto -lfmt -o "$out/figures_fuzz"
cp samples/articles/*.txt "$out/corpus/" 2>/dev/null || true
cp ../shared/seeds/*.txt "$out/corpus/" 2>/dev/null || true
"$out/figures_fuzz" "$out/corpus" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1
