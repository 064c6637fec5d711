#!/bin/bash
# Writes vN.sql for each earlier schema version N: a project made by the claimtrack-cli of the last commit at
# that version, doing what that version could, then dumped with the sqlite3 shell (.dump).
#
#   tests/data/old-projects/make.sh DIR
#
# DIR/vN/ holds a build of that commit, with claimtrack-cli at DIR/vN/build/release/app/claimtrack-cli;
# the commits are listed in README.md beside this script. Needs the sqlite3 shell.
set -euo pipefail
builds=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 200 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n' >"$work/a.txt"
printf 'Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 250 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n' >"$work/a2.txt"
metric="Surveillance cameras in China"
for cli in "$builds"/v*/build/release/app/claimtrack-cli; do
    v=$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$cli")")")")")
    n=${v#v}
    p="$work/$v.claims"
    rm -f "$p"
    ct() { "$cli" "$@" >/dev/null; }
    ct init "$p"
    ct import "$p" "$work/a.txt"
    ct claim add "$p" --article 1 --quote "176 million" --value 176000000 --unit cameras --metric "$metric" \
        --source "IHS Markit" --as-of 2016 --tag cameras --note "IHS Markit's estimate, 'roughly'"
    ct claim add "$p" --article 1 --quote "more than 200 million" --low 200000000 --unit cameras \
        --metric "$metric" --source "State media" --status disputed --tag cameras --tag "state media"
    ct claim add "$p" --article 1 --quote "626 million" --value 626000000 --unit cameras --metric "$metric" \
        --source "IHS Markit" --as-of 2020
    ct claim add "$p" --article 1 --quote "450 million" --value 450000000 --unit cameras --metric "$metric" \
        --as-of 2020
    ct claim add "$p" --article 1 --quote "80 percent" --value 80 --unit % --metric "Approval"
    if ((n >= 2)); then ct detect "$p"; fi
    if ((n >= 3)); then
        ct metric set "$p" "$metric" --kind count --place China --tolerance 10%
        ct verdict "$p" 3 4 --supported 4 --note "the later count"
    fi
    if ((n >= 7)); then ct memo "$p" --set "Who counts the cameras?"; fi
    if ((n >= 8)); then ct settings "$p" --reviewer "Claimtrack test desk"; fi
    if ((n >= 9)); then ct --user ana claim set "$p" 1 --status supported; fi
    if ((n >= 10)); then ct import "$p" "$work/a2.txt" --new-version-of 1 2>/dev/null; fi
    if ((n >= 11)); then ct claim set "$p" 3 --via Xinhua; fi
    if ((n >= 12)); then ct claim set "$p" 5 --base respondents --sample-size 2209 --fieldwork 2018; fi
    # .dump leaves out the header's numbers, which say whose file it is and at which version.
    { sqlite3 "$p" .dump; sqlite3 "$p" 'SELECT printf("PRAGMA application_id = %d;", application_id) FROM
        pragma_application_id; SELECT printf("PRAGMA user_version = %d;", user_version) FROM pragma_user_version'
    } >"$here/$v.sql"
    echo "$v: $(sqlite3 "$p" 'PRAGMA user_version') $(wc -c <"$here/$v.sql") bytes"
done
