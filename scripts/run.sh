#!/usr/bin/env bash
# Installs what is missing, builds Claimtrack, builds the demo project from
# samples/ and prints its claim table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
samples/load_demo.py --cli build/release/app/claimtrack-cli build/demo.claims
build/release/app/claimtrack-cli claims build/demo.claims
