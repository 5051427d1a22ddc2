#!/usr/bin/env bash
# Field agreement of our embedded-metadata reader with exiftool over public
# image corpora (issue 16, item 4; results in BENCHMARKS.md):
#
#   benches/metadata/get.sh            # once: the corpora, outside the repository
#   benches/metadata/run.sh [CORPORA]  # default /work/corpora
#
# Every image file (by extension: JPEG, PNG, TIFF, WebP, HEIC/HEIF, AVIF,
# PSD, the formats a folder walk reads metadata from) is read by examples/metadata_fields in its
# own process under `timeout` (a crash or a hang is counted, never hidden),
# and by one `exiftool -j -G1` run; compare.py compares every field our
# metadata model reads. Writes ours.jsonl, exiftool.json, status.tsv and
# disagreements.tsv into OUT (default a new temporary folder) and prints the
# table.
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPORA=$(realpath "${1:-/work/corpora}")
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/metadata-agreement.XXXXXX")}
TIMEOUT=${TIMEOUT:-20}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --example metadata_fields
READER=$(realpath "$TARGET/release/examples/metadata_fields")
command -v exiftool > /dev/null || { echo "needs exiftool (apt-get install libimage-exiftool-perl)" >&2; exit 2; }

cd "$CORPORA"
find exiftool exif-samples exiv2 -type f -iregex '.*\.\(jpe?g\|jpe\|png\|tiff?\|webp\|heic\|heif\|hif\|avif\|psd\)' \
    | LC_ALL=C sort > "$OUT/files.txt"
: > "$OUT/ours.jsonl"
: > "$OUT/status.tsv"
while IFS= read -r file; do
    code=0
    timeout "$TIMEOUT" "$READER" "$file" >> "$OUT/ours.jsonl" 2>> "$OUT/stderr.txt" || code=$?
    printf '%s\t%s\n' "$file" "$code" >> "$OUT/status.tsv"
done < "$OUT/files.txt"
exiftool -j -G1 -q -q -@ "$OUT/files.txt" > "$OUT/exiftool.json" || true
cd - > /dev/null
echo "$(wc -l < "$OUT/files.txt") files; exiftool $(exiftool -ver); output in $OUT"
python3 benches/metadata/compare.py "$OUT/ours.jsonl" "$OUT/exiftool.json" "$OUT/status.tsv" "$OUT"
