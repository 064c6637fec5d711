#!/usr/bin/env bash
# Installs the build into a fresh prefix, as a package would, and checks what a Linux desktop finds there:
# both programs, the menu entry and its icon, the AppStream metadata, and a MIME type that opens .claims
# files (by name, and by content for a project saved without its extension). Each file is checked by the
# program that reads it: desktop-file-validate, appstreamcli, xmllint, update-mime-database and gio.
set -euo pipefail
build=$1
app_id=org.claimtrack.Claimtrack
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
share=$prefix/share
for file in bin/claimtrack bin/claimtrack-cli "share/applications/$app_id.desktop" \
            "share/metainfo/$app_id.metainfo.xml" "share/mime/packages/$app_id.xml" \
            "share/icons/hicolor/scalable/apps/$app_id.svg" "share/icons/hicolor/48x48/apps/$app_id.png" \
            "share/icons/hicolor/256x256/apps/$app_id.png" share/man/man1/claimtrack.1 \
            share/man/man1/claimtrack-cli.1 share/bash-completion/completions/claimtrack-cli; do
  [[ -e "$prefix/$file" ]] || fail "$file is not installed"
done

desktop-file-validate "$share/applications/$app_id.desktop"
appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml" >/dev/null
xmllint --noout "$share/mime/packages/$app_id.xml" "$share/icons/hicolor/scalable/apps/$app_id.svg"

# The menu entry runs an installed program, with its icon, for the MIME type the package defines.
entry=$share/applications/$app_id.desktop
exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
[[ -x "$prefix/bin/$exec_program" ]] || fail "the menu entry runs '$exec_program', which is not installed"
[[ "$(sed -n 's/^Icon=//p' "$entry")" == "$app_id" ]] || fail "the menu entry's icon is not $app_id"
mime=$(sed -n 's/^MimeType=\([^;]*\);.*/\1/p' "$entry")
grep -q "<mime-type type=\"$mime\">" "$share/mime/packages/$app_id.xml" || fail "no MIME type $mime is defined"

# A project is known by its name, and by its content; another SQLite file is not a project.
update-mime-database "$share/mime"
"$prefix/bin/claimtrack-cli" --version >/dev/null
"$prefix/bin/claimtrack-cli" init "$prefix/study.claims" >/dev/null
cp "$prefix/study.claims" "$prefix/study-without-extension"
sqlite3 "$prefix/other" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
type_of() { XDG_DATA_DIRS="$share:/usr/share" gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'; }
[[ "$(type_of "$prefix/study.claims")" == "$mime" ]] || fail "study.claims is $(type_of "$prefix/study.claims")"
[[ "$(type_of "$prefix/study-without-extension")" == "$mime" ]] ||
  fail "a project without its extension is $(type_of "$prefix/study-without-extension")"
[[ "$(type_of "$prefix/other")" != "$mime" ]] || fail "any SQLite file is taken for a project"
# The manual pages render without a warning, and every command of claimtrack-cli has its section.
for page in claimtrack claimtrack-cli; do
  warnings=$(man --warnings -l "$share/man/man1/$page.1" 2>&1 >/dev/null)
  [[ -z "$warnings" ]] || fail "man $page: $warnings"
done
cli_manual=$(man -l "$share/man/man1/claimtrack-cli.1" 2>/dev/null)
for command in init import articles "claim add" claims export search conflicts "metric set" verdict metrics \
               extract detect; do
  grep -q "claimtrack-cli $command" <<< "$cli_manual" || fail "the manual page has no 'claimtrack-cli $command'"
done

# Bash completes the commands, then each command's own options.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _claimtrack_cli; echo "${COMPREPLY[*]}"' \
    _ "$share/bash-completion/completions/claimtrack-cli" claimtrack-cli "$@"
}
[[ "$(complete_words cl)" == "claim claims" ]] || fail "'cl' completes to '$(complete_words cl)'"
[[ "$(complete_words claim add study.claims --va)" == "--value" ]] || fail "'claim add --va' does not complete"

echo "installed and found as a desktop finds it: $(find "$prefix" -type f | wc -l) files"
