#!/usr/bin/env bash
# Takes a screenshot of the app on a project under Xvfb:
#   scripts/screenshot.sh APP PROJECT OUT.png [SECONDS] [APP OPTIONS...]
# with fresh settings, so the window shows its default layout; e.g.
#   scripts/screenshot.sh build/release/app/claimtrack build/demo.claims docs/compare.png 4 \
#       --compare "Surveillance cameras in China"
set -euo pipefail
app=$1 project=$2 out=$3 wait=${4:-3}
shift $(($# < 4 ? $# : 4))
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
XDG_CONFIG_HOME=$settings xvfb-run -a -s "-screen 0 1400x860x24" bash -c '
  out=$1 wait=$2; shift 2
  "$@" & pid=$!
  sleep "$wait"
  import -window root "$out"
  kill $pid' screenshot "$out" "$wait" "$app" "$project" "$@"
