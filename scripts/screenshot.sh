#!/usr/bin/env bash
# Takes a screenshot of the app on a project under Xvfb:
#   scripts/screenshot.sh APP PROJECT OUT.png [SECONDS]
# with fresh settings, so the window shows its default layout.
set -euo pipefail
app=$1 project=$2 out=$3 wait=${4:-3}
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
XDG_CONFIG_HOME=$settings xvfb-run -a -s "-screen 0 1400x860x24" bash -c '
  "$0" "$1" & pid=$!
  sleep "$3"
  import -window root "$2"
  kill $pid' "$app" "$project" "$out" "$wait"
