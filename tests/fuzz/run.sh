#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, ASan, UBSan) and runs each:
#   tests/fuzz/run.sh [SECONDS] [TARGET...]   (default 600 s; targets: annotations figures html pdf project_file qdpx
#                                              references text)
# Seeds each corpus with the samples and, where present, ../shared/seeds. An input that takes more than
# 2 s is a finding (-timeout): inputs are at most 64 KB, which the finder reads at 1 MB/s or more even
# under the sanitizers' tenfold slowdown.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(annotations figures html pdf project_file qdpx references text)
if ! command -v clang++ >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends clang >/dev/null
fi
out=build/fuzz
mkdir -p "$out"
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fPIC
       -Icore -Icore/figures -Idb $(pkg-config --cflags Qt6Core uchardet poppler-cpp gumbo icu-uc libzip libxml-2.0))
libs=($(pkg-config --libs Qt6Core uchardet poppler-cpp gumbo icu-uc libzip libxml-2.0) -lcrypto -lfmt -lz -lsqlite3 -lstemmer)
core=(core/text.cpp core/model.cpp core/anchor.cpp)
importers=(core/importers/*.cpp)

for target in "${targets[@]}"; do
  corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  case $target in
    annotations) sources=(core/annotation.cpp core/claim_format.cpp core/figures/*.cpp)
             printf '%s' '{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[{"id":"urn:uuid:1","type":"Annotation","body":[{"type":"TextualBody","purpose":"tagging","value":"cameras"},{"type":"TextualBody","purpose":"describing","format":"application/json","value":"{\"value\":176000000,\"unit\":\"cameras\"}"}],"target":{"source":"https://example.org/a","selector":[{"type":"TextQuoteSelector","exact":"176 million","prefix":"counted ","suffix":" in all"},{"type":"TextPositionSelector","start":10,"end":21}]}}]}}' >"$corpus/seed.jsonld" ;;
    figures) sources=(core/figures/*.cpp)
             cp samples/articles/*.txt ../shared/seeds/*.txt "$corpus/" 2>/dev/null || true ;;
    html)    sources=("${importers[@]}")
             cp samples/pages/*.html "$corpus/" 2>/dev/null || true ;;
    project_file) # every part of db/ a merge runs, and the core beneath it; not the workbook or archive writers
             sources=(db/lock_holder.cpp db/project*.cpp db/records.cpp db/schema.cpp db/sqlite.cpp
                      db/conflict_format.cpp core/annotation.cpp core/citation.cpp core/claim_format.cpp core/csv.cpp
                      core/files.cpp core/conflicts/*.cpp core/figures/*.cpp core/search/*.cpp "${importers[@]}")
             samples/load_demo.py --cli build/dev/app/claimtrack-cli "$out/demo.claims" >/dev/null 2>&1 &&
               build/dev/app/claimtrack-cli export "$out/demo.claims" --format project -o "$corpus/demo.json" ||
               printf '%s' '{"format":"claimtrack-project","version":1,"memo":"","sources":[],"metrics":[],"articles":[],"claims":[],"verdicts":[],"suggestions":[]}' >"$corpus/empty.json" ;;
    pdf)     sources=("${importers[@]}")
             printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n5 0 obj<</Length 44>>stream\nBT /F1 11 Tf 72 720 Td (176 million) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >"$corpus/seed.pdf" ;;
    qdpx)    sources=("${importers[@]}")
             python3 - "$corpus/seed.qdpx" <<'PY'
import sys, zipfile
document = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="seed"><CodeBook><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="count" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="22222222-2222-2222-2222-222222222222" name="a" plainTextPath="internal://a.txt">
<PlainTextSelection guid="33333333-3333-3333-3333-333333333333" startPosition="8" endPosition="19">
<Coding guid="44444444-4444-4444-4444-444444444444"><CodeRef targetGUID="11111111-1111-1111-1111-111111111111"/>
</Coding></PlainTextSelection></TextSource></Sources></Project>"""
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("project.qde", document)
    z.writestr("sources/a.txt", "It said 176 million cameras.")
PY
             ;;
    references) sources=("${importers[@]}")
             printf 'TY  - NEWS\nTI  - Lenses\nAU  - Zhang, Mei\nDA  - 2018/03/12/\nL1  - a.txt\nER  - \n' >"$corpus/seed.ris"
             printf '%s' '[{"title":"Lenses","author":[{"family":"Zhang","given":"Mei"}],"issued":{"date-parts":[[2018,3]]}}]' >"$corpus/seed.json"
             printf '%s' '@string{l = "The " # "Ledger"} @article{k, author = {M{\"u}ller, J and {Staff}}, title = {{A} \& b}, journal = l, month = mar, year = 2019, file = {:a.txt:Text}}' >"$corpus/seed.bib" ;;
    text)    sources=("${importers[@]}")
             cp samples/articles/*.txt "$corpus/" 2>/dev/null || true
             printf 'Caf\xe9 au lait, 5 \x80\n' >"$corpus/cp1252.txt" ;;
    *) echo "unknown target: $target" >&2; exit 2 ;;
  esac
  clang++ "${flags[@]}" "tests/fuzz/${target}_fuzz.cpp" "${sources[@]}" "${core[@]}" "${libs[@]}" \
    -o "$out/${target}_fuzz"
  "$out/${target}_fuzz" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=2 -rss_limit_mb=4096 \
    -print_final_stats=1
done
