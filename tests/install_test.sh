#!/usr/bin/env bash
# Checks what a Linux desktop finds where Claimtrack is installed: both programs, the menu entry and its
# icon, the AppStream metadata, the manual pages, the bash and zsh completions, and a MIME type that opens .claims
# files (by name, and by content for a project saved without its extension). Each file is checked by the
# program that reads it: desktop-file-validate, appstreamcli, xmllint, man, update-mime-database, gio.
#   install_test.sh install BUILD   installs the build into a fresh prefix, as `cmake --install` does
#   install_test.sh deb BUILD       makes the Debian package (CPack), checks its control data, lintian's
#                                   verdict, and the same files unpacked from it
set -euo pipefail
mode=$1 build=$2
app_id=org.claimtrack.Claimtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

if [[ "$mode" == install ]]; then
  prefix=$work/prefix
  cmake --install "$build" --prefix "$prefix" >/dev/null
else
  cpack --config "$build/CPackConfig.cmake" -B "$work/package" >/dev/null
  deb=$(ls "$work"/package/*.deb)
  info=$(dpkg-deb --info "$deb")
  # The dependencies are the libraries the programs link, as dpkg-shlibdeps computed them.
  for library in libqt6widgets6 libqt6charts6 libsqlite3-0 libpoppler-cpp0v5 libuchardet0 libgumbo1 libstemmer0d; do
    grep -q "^ Depends:.*\b$library\b" <<< "$info" || fail "the package does not depend on $library"
  done
  lintian --fail-on error,warning "$deb" ||
    fail "lintian: $(lintian "$deb" 2>&1)"
  dpkg-deb -x "$deb" "$work/root"
  prefix=$work/root/usr
fi
share=$prefix/share
for file in bin/claimtrack bin/claimtrack-cli share/doc/claimtrack/copyright "share/applications/$app_id.desktop" \
            "share/metainfo/$app_id.metainfo.xml" "share/mime/packages/$app_id.xml" \
            "share/icons/hicolor/scalable/apps/$app_id.svg" "share/icons/hicolor/48x48/apps/$app_id.png" \
            "share/icons/hicolor/256x256/apps/$app_id.png" share/man/man1/claimtrack.1.gz \
            share/man/man1/claimtrack-cli.1.gz share/bash-completion/completions/claimtrack-cli \
            share/zsh/vendor-completions/_claimtrack-cli; do
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
"$prefix/bin/claimtrack-cli" init "$work/study.claims" >/dev/null
cp "$work/study.claims" "$work/study-without-extension"
sqlite3 "$work/other" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
type_of() { XDG_DATA_DIRS="$share:/usr/share" gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'; }
[[ "$(type_of "$work/study.claims")" == "$mime" ]] || fail "study.claims is $(type_of "$work/study.claims")"
[[ "$(type_of "$work/study-without-extension")" == "$mime" ]] ||
  fail "a project without its extension is $(type_of "$work/study-without-extension")"
[[ "$(type_of "$work/other")" != "$mime" ]] || fail "any SQLite file is taken for a project"
# The manual pages render without a warning, and every command of claimtrack-cli has its section.
for page in claimtrack claimtrack-cli; do
  warnings=$(man --warnings -l "$share/man/man1/$page.1.gz" 2>&1 >/dev/null)
  [[ -z "$warnings" ]] || fail "man $page: $warnings"
done
cli_manual=$(man -l "$share/man/man1/claimtrack-cli.1.gz" 2>/dev/null)
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

# Zsh runs the same completion, as the body of the function its completion system autoloads; compadd (which
# filters by what was typed) is replaced by one that prints all it is given.
complete_zsh() {
  zsh -f -c 'file=$1; shift; compadd() { shift; print -r -- "$@"; }; _files() { :; }
             words=("$@"); CURRENT=$#; source "$file"' _ "$share/zsh/vendor-completions/_claimtrack-cli" \
    claimtrack-cli "$@"
}
grep -qw claims <<< "$(complete_zsh cl)" || fail "zsh offers '$(complete_zsh cl)' for the first word"
grep -qw -- --value <<< "$(complete_zsh claim add study.claims --va)" ||
  fail "zsh offers '$(complete_zsh claim add study.claims --va)' after 'claim add'"
grep -qw -- --value <<< "$(complete_zsh --va)" && fail "zsh offers claim add's options before any command"

echo "$mode: found as a desktop finds it, $(find "$prefix" -type f | wc -l) files"
