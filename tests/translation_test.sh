#!/usr/bin/env bash
# The translation template the build gathers (lupdate): well-formed, holding the app's strings, each in the
# context tr() looks it up in, so that a translation of it is found.
set -euo pipefail
ts=$1
fail() { echo "FAILED: $*" >&2; exit 1; }
xmllint --noout "$ts"
count=$(xmllint --xpath 'count(//message)' "$ts")
(( count >= 200 )) || fail "only $count strings"
in_context() {
  local found
  found=$(xmllint --xpath "count(//context[name='$1']/message[source=\"$2\"])" "$ts")
  (( found == 1 )) || fail "'$2' is not in context $1"
}
in_context claimtrack::gui::MainWindow "&Record Claim from Selection"
in_context claimtrack::gui::ClaimEditor "Claim"
in_context claimtrack::gui::ShortcutsDialog "Select a number's whole figure"
in_context claimtrack::gui::ShortcutsDialog "Edit a metric, source, status or tags cell (of every selected claim)"
# A class's strings are looked up under its full name: any other context must be one the code names itself.
while read -r name; do
  case "$name" in
    claimtrack::gui::* | Claim | Import | QObject) ;;
    *) fail "strings in context '$name', which no tr() looks in" ;;
  esac
done < <(sed -n 's|^ *<name>\(.*\)</name>$|\1|p' "$ts")
echo "$count strings"
