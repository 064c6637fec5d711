#!/usr/bin/env bash
# Installs what is missing, builds Claimtrack, builds the demo project from
# samples/ and opens the app on it. Without a display, prints the demo
# project's claim table instead and says how to see the window.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
samples/load_demo.py --cli build/release/app/claimtrack-cli build/demo.claims

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/app/claimtrack build/demo.claims
fi
build/release/app/claimtrack-cli claims build/demo.claims
echo
echo "No display here, so the app was not opened. To see it: xvfb-run -a build/release/app/claimtrack build/demo.claims"
echo "or take a screenshot: scripts/screenshot.sh build/release/app/claimtrack build/demo.claims shot.png"
