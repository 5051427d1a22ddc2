#!/usr/bin/env bash
# Issue 16: what the loader reads from real saved news pages. Runs the real
# loader (examples/page_bench) over the 181 pages of the article-extraction
# benchmark and scores
#   - the article text against the benchmark's ground truth, with the
#     benchmark's own evaluate.py (shingle precision/recall/F1);
#   - the chosen captions against our hand labels (caption_labels.toml):
#     logos or UI labels chosen (must be 0), lead photo's caption found,
#     pages refused;
#   - for comparison, the benchmark's published outputs of Rust crates
#     (dom_smoothie, readability, readable-readability, llm_readability,
#     rs-trafilatura), and with TRAFILATURA=1 rs-trafilatura 0.2.2 built here
#     (benches/pages/trafilatura, its own target folder).
#
#   benches/pages/run.sh            # CORPUS=/work/corpora/article-extraction-benchmark
#
# The corpus stays outside the repository (MIT licence, Scrapinghub): it is
# cloned at the commit measured, and its gzip pages unpacked beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS=${CORPUS:-/work/corpora/article-extraction-benchmark}
COMMIT=4a3bc979f76c0df73cb95fe272e2fc1b96f9f010
TARGET=${CARGO_TARGET_DIR:-target}

if [ ! -f "$CORPUS/ground-truth.json" ]; then
    git clone -q https://github.com/scrapinghub/article-extraction-benchmark "$CORPUS"
    git -C "$CORPUS" checkout -q "$COMMIT"
fi
if [ ! -d "$CORPUS/pages" ]; then
    mkdir -p "$CORPUS/pages"
    for page in "$CORPUS"/html/*.html.gz; do
        gunzip -c "$page" > "$CORPUS/pages/$(basename "$page" .gz)"
    done
fi

cargo build --release --example page_bench
OUT=$(mktemp -d)
"$TARGET/release/examples/page_bench" "$CORPUS/pages" > "$OUT/ours.json"

OTHERS=()
for name in dom_smoothie readability_rs readable_readability llm_readability rs_trafilatura; do
    [ -f "$CORPUS/output/$name.json" ] && OTHERS+=("$CORPUS/output/$name.json")
done
if [ "${TRAFILATURA:-0}" = 1 ]; then
    (cd benches/pages/trafilatura && CARGO_TARGET_DIR="$OUT/trafilatura-target" cargo build --release -q)
    "$OUT/trafilatura-target/release/trafilatura-pages" "$CORPUS/pages" |
        python3 -c 'import json,sys; print(json.dumps({"version": "0.2.2 built here", "output": json.load(sys.stdin)}))' \
        > "$OUT/rs_trafilatura_0.2.2.json"
    OTHERS+=("$OUT/rs_trafilatura_0.2.2.json")
fi

python3 benches/pages/score.py "$CORPUS" "$OUT/ours.json" benches/pages/caption_labels.toml "${OTHERS[@]}"
echo "(what the loader read from each page: $OUT/ours.json)"
