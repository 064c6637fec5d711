#!/usr/bin/env bash
# Installs the Debian 12 packages Claimtrack builds, tests and runs with.
# Only what is missing is installed; a machine that has everything is left alone.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libssl-dev
  libicu-dev libuchardet-dev libgumbo-dev libpoppler-cpp-dev zlib1g-dev  # importers: encodings, HTML, PDF
  libstemmer-dev  # the metric proposals' word stems
  libdtl-dev  # the word diff between versions of an article
  libzip-dev libxml2-dev  # the REFI-QDA archive: its zip and its XML
  libpq-dev postgresql openssl  # shared projects on a PostgreSQL server; the tests start their own (one over TLS)
  qt6-svg-dev  # the compare chart saved as SVG
  libgtest-dev
  sqlite3 python3 clang-format time
  python3-jsonschema  # the Web Annotation and CSL-JSON checks
  python3-pyld  # the ClaimReview check: its JSON-LD read with the schema.org context
  python3-html5lib  # the report check: its HTML parsed as a browser does
  poppler-utils  # the report check: its PDF read back (pdftotext, pdfimages, pdftoppm)
  python3-pybtex  # the BibTeX check: the articles' entries read back
  libreoffice-calc-nogui  # the tests read exported CSV back with LibreOffice
  xvfb x11-utils imagemagick  # scripts/screenshot.sh
  librsvg2-bin help2man  # the icon's sizes and the app's manual page, made at build time
  qt6-tools-dev qt6-l10n-tools  # lupdate: the translation template, made at build time
  desktop-file-utils appstream shared-mime-info libxml2-utils man-db lintian zsh  # the install and package tests
  fonts-noto-cjk fonts-dejavu-core  # the reader test draws Chinese and Arabic
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
