#!/usr/bin/env bash
# Builds the release and makes its Debian package, checked by lintian:
# build/release/package/claimtrack_VERSION_ARCH.deb, installed with `sudo apt install ./FILE.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
cpack --config build/release/CPackConfig.cmake -B build/release/package
deb=$(ls build/release/package/*.deb)
lintian --fail-on error,warning "$deb"
echo "$deb"
