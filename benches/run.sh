#!/usr/bin/env bash
# Runs every benchmark of issue 7 side by side with the tools people use today,
# and prints one table (see BENCHMARKS.md). From a clean checkout:
#
#   benches/run.sh
#
# Builds the release binary and bench examples, generates the scale folder into a
# temporary folder (deleted at the end), then measures, each in its own process
# under /usr/bin/time (peak memory is its maximum resident set size):
#   - load + analyse 10,000 photos x 6 variants (examples/bench_analysis), checked
#     against the generator's answer file, and the `check` command end to end;
#   - alignment and diffs of 10 variants of ~100 words (examples/bench_align)
#     vs the Python `collatex` package on the same witnesses;
#   - embedded metadata of 1,000 JPEGs (examples/bench_images metadata) vs `exiftool -j`;
#   - perceptual hashes of the same JPEGs (examples/bench_images hash) vs Python `imagehash`;
#   - frames of the real window, headless, with the folder loaded (examples/bench_ui).
#
#   - `check` on one photo with 50,000 captions (ONE_PHOTO=50000; 0 skips it);
#
# Settings (environment): PHOTOS=10000 VARIANTS=6 JPEGS=1000 JPEG_SIZE=3000x2000
# SEED=7 ONE_PHOTO=50000; KEEP=1 keeps the generated folder; CRITERION=1 also runs `cargo bench`.
# Python packages go into a virtual environment in the temporary folder; a
# comparison whose tool cannot be installed is skipped with a message.
set -uo pipefail

cd "$(dirname "$0")/.."
PHOTOS=${PHOTOS:-10000}
VARIANTS=${VARIANTS:-6}
JPEGS=${JPEGS:-1000}
JPEG_SIZE=${JPEG_SIZE:-3000x2000}
SEED=${SEED:-7}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/caption-provenance-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping the generated data in $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi
BIN=target/release
EX=target/release/examples
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
    echo "needs /usr/bin/time (apt-get install time)" >&2
    exit 2
fi

note() { echo "== $*" >&2; }

note "building (release)"
cargo build --release --quiet --bin caption-provenance \
    --example make_scale_folder --example bench_analysis --example bench_align \
    --example bench_images --example bench_ui || exit 2

note "generating $PHOTOS photos x $VARIANTS variants and $JPEGS JPEGs of $JPEG_SIZE into $WORK"
"$EX/make_scale_folder" "$WORK/data" --photos "$PHOTOS" --variants "$VARIANTS" \
    --jpegs "$JPEGS" --jpeg-size "$JPEG_SIZE" --seed "$SEED" >&2 || exit 2
PHOTOS_DIR="$WORK/data/photos"
JPEG_DIR="$WORK/data/jpegs"
# Warm the page cache so no measure pays for the first read from disk.
cat "$JPEG_DIR"/*.jpg > /dev/null
find "$PHOTOS_DIR" -type f -exec cat {} + > /dev/null

# run NAME COMMAND...: runs under /usr/bin/time; stdout in $WORK/NAME.out,
# "wall_seconds max_rss_kb" in $WORK/NAME.time.
run() {
    local name=$1
    shift
    "$TIME" -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
    local status=$?
    # (`check` prints one line per conflict: thousands, and not needed here.)
    [ "$name" = check ] || cat "$WORK/$name.out" >&2
    return $status
}
# (The last line: /usr/bin/time first notes a non-zero exit status.)
secs() { tail -1 "$WORK/$1.time" 2>/dev/null | awk '{print $1}'; }
mb() { tail -1 "$WORK/$1.time" 2>/dev/null | awk '{printf "%.0f", $2 / 1024}'; }
# field NAME REGEX: the first number after REGEX in NAME's output.
field() { grep -oE "$2 *[0-9.]+" "$WORK/$1.out" | head -1 | grep -oE '[0-9.]+$'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.0fx", b / a; else print "-" }'; }
less_than() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a < b) }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a >= b) }'; }
yes_no() { if "$@"; then echo yes; else echo NO; fi; }

ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$@")"); }

# 1. Load and analyse.
note "load + analyse"
run analysis "$EX/bench_analysis" "$PHOTOS_DIR" "$WORK/data/answers.json"
A_WALL=$(field analysis 'total')
A_CPU=$(grep -E '^total' "$WORK/analysis.out" | grep -oE 'cpu +[0-9.]+' | grep -oE '[0-9.]+$')
A_MB=$(mb analysis)
A_OK=NO
if less_than "$A_WALL" 2 && less_than "$A_MB" 500; then A_OK=yes; fi
row "load + analyse ${PHOTOS} x ${VARIANTS} (cpu ${A_CPU} s)" "${A_WALL} s" "-" "-" "< 2 s, < 500 MB" "$A_MB MB" "$A_OK"
FOUND=$(grep -oE 'found [0-9]+/[0-9]+' "$WORK/analysis.out" | head -1)
EXTRA=$(grep -oE 'not planted [0-9]+' "$WORK/analysis.out" | grep -oE '[0-9]+$')
F_OK=NO
if [ -n "$FOUND" ] && [ "${FOUND#found }" = "$(echo "${FOUND#found }" | awk -F/ '{print $2"/"$2}')" ] && [ "$EXTRA" = 0 ]; then F_OK=yes; fi
row "planted conflicts found / conflicts not planted" "${FOUND#found }, ${EXTRA:-?} extra" "-" "-" "all, 0 extra" "-" "$F_OK"
note "check command, end to end"
run check "$BIN/caption-provenance" check -q "$PHOTOS_DIR"
row "\`caption-provenance check\` end to end (report incl. diffs)" "$(secs check) s" "-" "-" "(information)" "$(mb check) MB" "-"

# 1b. One photo with 50,000 captions (issue 18): the reuse analysis compares
# candidate pairs from a MinHash index, so this grows linearly, not with the
# square of the count. ONE_PHOTO=0 skips it.
ONE_PHOTO=${ONE_PHOTO:-50000}
if [ "$ONE_PHOTO" != 0 ]; then
    note "one photo with $ONE_PHOTO captions"
    "$EX/make_scale_folder" "$WORK/one" --photos 1 --variants "$ONE_PHOTO" --jpegs 0 --seed "$SEED" > /dev/null || exit 2
    find "$WORK/one" -type f -exec cat {} + > /dev/null
    run one_photo "$BIN/caption-provenance" check -q "$WORK/one/photos"
    O_S=$(secs one_photo)
    O_MB=$(mb one_photo)
    O_OK=NO
    if less_than "$O_S" 60 && less_than "$O_MB" 2048; then O_OK=yes; fi
    row "\`check\` on one photo with $ONE_PHOTO captions" "${O_S} s" "-" "-" "< 60 s, < 2 GB" "$O_MB MB" "$O_OK"
    rm -rf "$WORK/one"
fi

# 2. Alignment and diffs vs collatex.
VENV="$WORK/venv"
PY=""
note "python packages (collatex, imagehash) into $VENV"
if python3 -m venv "$VENV" > /dev/null 2>&1 &&
    "$VENV/bin/pip" install --quiet --disable-pip-version-check collatex python-Levenshtein imagehash > "$WORK/pip.log" 2>&1; then
    PY="$VENV/bin/python"
else
    echo "SKIPPED: could not install collatex/imagehash from PyPI (see $WORK/pip.log)" >&2
fi
note "alignment"
run align "$EX/bench_align" "$WORK/witnesses.json"
AL_MS=$(field align 'align_variants of 10 x ~100 words:')
DF_MS=$(field align 'diff_variants, all 45 pairs:')
CX_MS=""
CX_MB="-"
if [ -n "$PY" ]; then
    cat > "$WORK/collatex_bench.py" <<'PYEOF'
import json, sys, time
from collatex import Collation, collate
texts = json.load(open(sys.argv[1]))
def once():
    c = Collation()
    for i, t in enumerate(texts):
        c.add_plain_witness("W%d" % i, t)
    collate(c, segmentation=False)
once()
runs, started = 0, time.perf_counter()
while runs < 3 or time.perf_counter() - started < 3:
    once()
    runs += 1
print("collatex: %.3f ms per alignment (%d runs)" % ((time.perf_counter() - started) * 1e3 / runs, runs))
PYEOF
    if run collatex "$PY" "$WORK/collatex_bench.py" "$WORK/witnesses.json"; then
        CX_MS=$(field collatex 'collatex:')
        CX_MB="$(mb collatex) MB"
    else
        echo "SKIPPED: collatex failed (see $WORK/collatex.err)" >&2
    fi
else
    echo "SKIPPED: collatex comparison (not installable)" >&2
fi
AL_RATIO=$(ratio "$AL_MS" "$CX_MS")
AL_OK=$(yes_no at_least "${AL_RATIO%x}" 50)
[ -z "$CX_MS" ] && AL_OK="skipped"
row "align 10 variants of ~100 words" "${AL_MS} ms" "${CX_MS:-skipped} ms (collatex)" "$AL_RATIO" ">= 50x" "$(mb align) MB / $CX_MB" "$AL_OK"
row "word diffs, all 45 pairs of the 10 variants" "${DF_MS} ms" "-" "-" "(information)" "$(mb align) MB" "-"

# 3. Embedded metadata vs exiftool.
note "embedded metadata of $JPEGS JPEGs"
run metadata "$EX/bench_images" metadata "$JPEG_DIR"
MD_S=$(field metadata 'files in')
if ! command -v exiftool > /dev/null && command -v apt-get > /dev/null; then
    apt-get install -y -qq libimage-exiftool-perl > /dev/null 2>&1 || true
fi
EX_S=""
EX_MB="-"
if command -v exiftool > /dev/null; then
    "$TIME" -f "%e %M" -o "$WORK/exiftool.time" exiftool -j "$JPEG_DIR" > "$WORK/exiftool.json" 2> "$WORK/exiftool.err"
    EX_S=$(secs exiftool)
    EX_MB="$(mb exiftool) MB"
    echo "exiftool -j: $EX_S s, $(grep -c '"Caption-Abstract"' "$WORK/exiftool.json") captions" >&2
else
    echo "SKIPPED: exiftool not installed and not installable" >&2
fi
MD_RATIO=$(ratio "$MD_S" "$EX_S")
MD_OK=$(yes_no at_least "${MD_RATIO%x}" 20)
[ -z "$EX_S" ] && MD_OK="skipped"
row "embedded metadata of $JPEGS JPEGs ($JPEG_SIZE)" "${MD_S} s" "${EX_S:-skipped} s (exiftool -j)" "$MD_RATIO" ">= 20x" "$(mb metadata) MB / $EX_MB" "$MD_OK"

# 4. Perceptual hashes vs imagehash.
note "perceptual hashes of $JPEGS JPEGs"
run hash "$EX/bench_images" hash "$JPEG_DIR"
HS_S=$(field hash 'files in')
IH_S=""
IH_MB="-"
if [ -n "$PY" ]; then
    cat > "$WORK/imagehash_bench.py" <<'PYEOF'
import os, sys, time
import imagehash
from PIL import Image
folder = sys.argv[1]
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".jpg"))
started = time.perf_counter()
hashes = [imagehash.dhash(Image.open(f), hash_size=16) for f in files]
print("imagehash: %d files in %.3f s" % (len(hashes), time.perf_counter() - started))
PYEOF
    if run imagehash "$PY" "$WORK/imagehash_bench.py" "$JPEG_DIR"; then
        IH_S=$(field imagehash 'files in')
        IH_MB="$(mb imagehash) MB"
    else
        echo "SKIPPED: imagehash failed (see $WORK/imagehash.err)" >&2
    fi
else
    echo "SKIPPED: imagehash comparison (not installable)" >&2
fi
HS_RATIO=$(ratio "$HS_S" "$IH_S")
HS_OK=$(yes_no at_least "${HS_RATIO%x}" 5)
[ -z "$IH_S" ] && HS_OK="skipped"
row "perceptual hashes of $JPEGS JPEGs ($JPEG_SIZE)" "${HS_S} s" "${IH_S:-skipped} s (imagehash dhash 16)" "$HS_RATIO" ">= 5x" "$(mb hash) MB / $IH_MB" "$HS_OK"

# 5. UI frames.
note "UI frames"
run ui "$EX/bench_ui" "$PHOTOS_DIR"
UI_LOAD=$(field ui 'worst frame')
UI_CMP=$(grep '^compare tab' "$WORK/ui.out" | grep -oE 'cpu [0-9.]+' | grep -oE '[0-9.]+$')
UI_ALN=$(grep '^alignment tab' "$WORK/ui.out" | grep -oE 'cpu [0-9.]+' | grep -oE '[0-9.]+$')
UI_CPU=$(awk -v a="$UI_CMP" -v b="$UI_ALN" 'BEGIN { print (a > b ? a : b) }')
row "UI frame, $PHOTOS photos loaded, largest panels (cpu)" "${UI_CPU} ms" "-" "-" "< 8 ms" "$(mb ui) MB" "$(yes_no less_than "$UI_CPU" 8)"
row "UI worst frame while the folder loads (wall)" "${UI_LOAD} ms" "-" "-" "< 50 ms" "$(mb ui) MB" "$(yes_no less_than "$UI_LOAD" 50)"

if [ "${CRITERION:-0}" = 1 ]; then
    note "criterion benches"
    cargo bench --bench analysis --bench diff >&2
fi

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | ours | theirs | ratio | target | peak memory (ours / theirs) | met? |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
