#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test: the full build
# (dev preset) and the build without QtGui/QtWidgets (nogui preset), and
# checks the code is formatted.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror

for preset in dev nogui; do
  echo "== $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset" -j2
done
