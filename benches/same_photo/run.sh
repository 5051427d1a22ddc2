#!/usr/bin/env bash
# Same-photo matching measured on real photos (BENCHMARKS.md, "Same photo").
#
#   benches/same_photo/run.sh            # corpora under /work/corpora (CORPORA=...)
#
# 1. Gets two public sets of real camera JPEGs (git clones, outside the
#    repository): ianare/exif-samples and drewnoakes/metadata-extractor-images
#    (its top-level jpg/ folder; files whose pixels were stripped are too small
#    and are left out by the size filter).
# 2. Keeps distinct photos: at least MIN_SIDE px on the short side, one file
#    per pixel signature (ImageMagick's %#: the same pixels with different
#    metadata count once), minus the files listed in
#    benches/same_photo/left_out.txt (the same scene shot twice, or the
#    same picture re-processed, found by looking at the closest pairs; a
#    corrupt file).
# 3. Makes each photo's original: turned upright (-auto-orient), at most 1600 px
#    on the long side (the size outlets publish; it keeps the run short),
#    JPEG quality 92, metadata stripped. Then its derivatives, with ImageMagick
#    and exiftool:
#      resize50, resize25   half and a quarter of the size
#      q50                  recompressed at JPEG quality 50
#      crop10, crop25       10% / 25% cut off the width AND off the height
#                           (81% / 56% of the area left), off-centre: a third
#                           of the cut on the left and top, two thirds on the
#                           right and bottom
#      exif6                pixels turned 90° anticlockwise, Orientation=6:
#                           displays exactly like the original
#      tag6                 the original's pixels with Orientation=6 only:
#                           displays turned 90° clockwise
#      rot90                pixels turned 90° clockwise (no tag)
#      gray                 grayscale
#      flop                 mirrored left to right
# 4. Runs examples/same_photo_bench over originals and derivatives: every pair
#    of files of different photos is a negative, every original-derivative
#    pair a positive; prints precision and recall per hash, distance and
#    threshold (see the example's doc).
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPORA=${CORPORA:-/work/corpora}
MIN_SIDE=${MIN_SIDE:-200}
OUT=$CORPORA/same-photo
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
for tool in convert identify exiftool git; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install imagemagick libimage-exiftool-perl git)" >&2; exit 2; }
done

get() { # get OWNER/NAME DIR: a shallow clone unless DIR exists
    [ -d "$2" ] || git clone --depth 1 "https://github.com/$1" "$2"
}
if [ ! -d "$CORPORA/exif-samples" ]; then get ianare/exif-samples "$CORPORA/exif-samples"; fi
if [ ! -d "$CORPORA/mei" ]; then
    get drewnoakes/metadata-extractor-images "$CORPORA/metadata-extractor-images"
    mkdir -p "$CORPORA/mei"
    find "$CORPORA/metadata-extractor-images/jpg" -maxdepth 1 -type f -iname '*.jp*g' -exec cp {} "$CORPORA/mei/" \;
fi

if [ ! -f "$OUT/selected.tsv" ]; then
    mkdir -p "$OUT"
    # signature, width, height, path; the first file of each signature wins.
    find "$CORPORA/exif-samples/jpg" "$CORPORA/mei" -type f -iname '*.jp*g' | LC_ALL=C sort |
        while IFS= read -r f; do
            line=$(identify -format '%# %w %h\n' "$f[0]" 2>/dev/null | head -1) || continue
            [ -n "$line" ] && printf '%s %s\n' "$line" "$f"
        done > "$OUT/signatures.txt"
    grep -v '^#' benches/same_photo/left_out.txt | awk -F '  ' 'NF { print $1 }' > "$OUT/excluded.txt"
    awk -v min="$MIN_SIDE" '($2 < $3 ? $2 : $3) >= min && !seen[$1]++ {
            path = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", path); print path }' "$OUT/signatures.txt" |
        grep -v -F -f <(sed "s|^|/|" "$OUT/excluded.txt") |
        awk '{ printf "%03d\t%s\n", NR, $0 }' > "$OUT/selected.tsv"
fi
echo "$(wc -l < "$OUT/selected.tsv") distinct photos" >&2

make_one() { # make_one ID PATH OUT
    local id=$1 src=$2 out=$3 o d
    o=$out/original/$id.jpg
    d=$out/derived
    [ -f "$d/$id-flop.jpg" ] && return 0
    # (jpeg:size lets libjpeg decode a big JPEG at reduced scale.)
    convert -define jpeg:size=3200x3200 "$src[0]" -auto-orient -resize '1600x1600>' -strip -quality 92 "$o"
    convert "$o" -resize 50% -quality 90 "$d/$id-resize50.jpg"
    convert "$o" -resize 25% -quality 90 "$d/$id-resize25.jpg"
    convert "$o" -quality 50 "$d/$id-q50.jpg"
    local w h
    read -r w h < <(identify -format '%w %h\n' "$o")
    for pct in 10 25; do
        local cw=$((w * (100 - pct) / 100)) ch=$((h * (100 - pct) / 100))
        local x=$(((w - cw) / 3)) y=$(((h - ch) / 3))
        convert "$o" -crop "${cw}x${ch}+${x}+${y}" +repage -quality 90 "$d/$id-crop$pct.jpg"
    done
    convert "$o" -rotate -90 -quality 90 "$d/$id-exif6.jpg"
    exiftool -q -overwrite_original -Orientation#=6 "$d/$id-exif6.jpg"
    cp "$o" "$d/$id-tag6.jpg"
    exiftool -q -overwrite_original -Orientation#=6 "$d/$id-tag6.jpg"
    convert "$o" -rotate 90 -quality 90 "$d/$id-rot90.jpg"
    convert "$o" -colorspace Gray -quality 90 "$d/$id-gray.jpg"
    convert "$o" -flop -quality 90 "$d/$id-flop.jpg"
}
export -f make_one
mkdir -p "$OUT/original" "$OUT/derived"
tr '\t' '\n' < "$OUT/selected.tsv" | xargs -d '\n' -n 2 -P "${JOBS:-2}" bash -c 'make_one "$0" "$1" "'"$OUT"'"'
echo "originals and derivatives in $OUT" >&2

cargo build --release --quiet --example same_photo_bench
"$CARGO_TARGET_DIR/release/examples/same_photo_bench" "$OUT/original" "$OUT/derived"
