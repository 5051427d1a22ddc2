#!/usr/bin/env python3
"""Scores what `examples/page_bench` read from the article-extraction
benchmark's pages: article text against the benchmark's ground truth, with
the benchmark's own `evaluate.py` (4-token shingles, precision and recall
averaged over pages, F1 from those averages), and the chosen captions against
our hand labels (`caption_labels.toml`).

    score.py BENCHMARK_DIR OUR_OUTPUT.json [LABELS.toml] [OTHER_OUTPUT.json ...]

Other outputs (e.g. the benchmark's `output/dom_smoothie.json`) are scored
the same way, for comparison. Needs only Python 3.11 (tomllib).
"""

import json
import re
import sys
import tomllib
from pathlib import Path


def main() -> None:
    bench = Path(sys.argv[1])
    ours = json.loads(Path(sys.argv[2]).read_text())
    labels_path = Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    others = [Path(p) for p in sys.argv[4:]]
    sys.path.insert(0, str(bench))
    import evaluate  # the benchmark's own scoring, MIT licence

    truth = json.loads((bench / "ground-truth.json").read_text())
    prediction = {key: {"articleBody": ours.get(key, {}).get("articleBody", "")} for key in truth}
    refused = sorted(key for key in truth if ours.get(key, {}).get("refused", key not in ours))
    print(f"pages: {len(truth)}, refused: {len(refused)}")
    report("ours", evaluate.evaluate(truth, prediction, 200))
    for other in others:
        predicted, _version = evaluate.load_prediction(other)
        report(other.stem, evaluate.evaluate(truth, predicted, 200))
    if labels_path:
        captions(ours, tomllib.loads(labels_path.read_text()))


def report(name: str, metrics: dict) -> None:
    print(
        f"{name:<22} F1 {metrics['f1']:.3f} ± {metrics['f1_std']:.3f}  "
        f"precision {metrics['precision']:.3f}  recall {metrics['recall']:.3f}  "
        f"accuracy {metrics['accuracy']:.3f}"
    )


def squeeze(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def captions(ours: dict, labels: dict) -> None:
    """Of the labelled pages: how many chose a logo or UI label, how many the
    lead photo's caption (same words, or one contains the other), how many
    said "no caption" rightly, and which did not."""
    pages = labels.get("page", [])
    junk = same = none_right = 0
    wrong = []
    for page in pages:
        chosen = ours.get(page["id"], {}).get("caption", "")
        label = page.get("caption", "")
        bad = [squeeze(b) for b in page.get("junk", [])]
        if chosen and squeeze(chosen) in bad:
            junk += 1
            wrong.append(("JUNK", page["id"], chosen, label))
            continue
        if not label:
            if not chosen:
                none_right += 1
            else:
                wrong.append(("has none", page["id"], chosen, label))
            continue
        c, l = squeeze(chosen), squeeze(label)
        if c and (c == l or c in l or l in c):
            same += 1
        else:
            wrong.append(("other", page["id"], chosen, label))
    with_caption = sum(1 for p in pages if p.get("caption"))
    print(
        f"captions: {len(pages)} labelled pages, {with_caption} with a caption; "
        f"chosen a logo or UI label: {junk}; lead photo's caption: {same}/{with_caption}; "
        f"'no caption' right: {none_right}/{len(pages) - with_caption}"
    )
    for kind, page_id, chosen, label in wrong:
        print(f"  {kind:<8} {page_id[:12]} chose {chosen[:70]!r} label {label[:70]!r}")


if __name__ == "__main__":
    main()
