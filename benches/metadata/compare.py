#!/usr/bin/env python3
"""Compares the fields our reader extracts (examples/metadata_fields, JSON
lines) with what `exiftool -j -G1` reads from the same files.

usage: compare.py OURS.jsonl EXIFTOOL.json STATUS.tsv OUT_DIR

A comparison is one (file, tag) pair where either side has a value, for the
tags below, which are every field our metadata model reads. Values compare
with whitespace at either end ignored (we trim it, exiftool keeps it),
empty values treated as absent (we drop them), and exiftool's date form
(2024:07:30 21:15:00) written as ours (2024-07-30T21:15:00). Lists compare
item by item, in order. Prints the totals per corpus (the first path
component under the corpora folder) and writes every disagreement to
OUT_DIR/disagreements.tsv.
"""
import json
import re
import sys
from collections import defaultdict

TAGS = {
    ("iptc", "caption"): "IPTC:Caption-Abstract",
    ("iptc", "headline"): "IPTC:Headline",
    ("iptc", "byline"): "IPTC:By-line",
    ("iptc", "credit"): "IPTC:Credit",
    ("iptc", "source"): "IPTC:Source",
    ("iptc", "copyright"): "IPTC:CopyrightNotice",
    ("iptc", "date_created"): "IPTC:DateCreated",
    ("iptc", "city"): "IPTC:City",
    ("iptc", "country"): "IPTC:Country-PrimaryLocationName",
    ("iptc", "keywords"): "IPTC:Keywords",
    ("xmp", "caption"): "XMP-dc:Description",
    ("xmp", "title"): "XMP-dc:Title",
    ("xmp", "byline"): "XMP-dc:Creator",
    ("xmp", "copyright"): "XMP-dc:Rights",
    ("xmp", "keywords"): "XMP-dc:Subject",
    ("xmp", "headline"): "XMP-photoshop:Headline",
    ("xmp", "credit"): "XMP-photoshop:Credit",
    ("xmp", "source"): "XMP-photoshop:Source",
    ("xmp", "date_created"): "XMP-photoshop:DateCreated",
    ("xmp", "city"): "XMP-photoshop:City",
    ("xmp", "country"): "XMP-photoshop:Country",
    ("xmp", "person_in_image"): "XMP-iptcExt:PersonInImage",
    ("xmp", "event"): "XMP-iptcExt:Event",
    ("exif", "caption"): "IFD0:ImageDescription",
    ("exif", "make"): "IFD0:Make",
    ("exif", "model"): "IFD0:Model",
    ("exif", "byline"): "IFD0:Artist",
    ("exif", "copyright"): "IFD0:Copyright",
    ("exif", "date_created"): "ExifIFD:DateTimeOriginal",
}

DATE = re.compile(r"^(\d{4}):(\d{2})(?::(\d{2}))?(?: (.*))?$")


def ours_form(value):
    value = value.strip()
    m = DATE.match(value)
    if not m:
        return value
    date = "-".join(p for p in m.groups()[:3] if p)
    return f"{date}T{m.group(4)}" if m.group(4) else date


def strings(value):
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, dict):
        return [json.dumps(value)]
    return [str(value)]


def cleaned(values, dates):
    out = [ours_form(v) if dates else v.strip() for v in values]
    return [v for v in out if v]


def corpus_of(path):
    parts = path.split("/")
    return parts[0] if parts else path


def main():
    ours_path, theirs_path, status_path, out_dir = sys.argv[1:5]
    ours = {}
    with open(ours_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                ours[row["file"]] = row
    with open(theirs_path, encoding="utf-8") as f:
        theirs = {o["SourceFile"]: o for o in json.load(f, parse_float=str, parse_int=str)}
    status = {}
    with open(status_path, encoding="utf-8") as f:
        for line in f:
            file, code = line.rstrip("\n").rsplit("\t", 1)
            status[file] = code

    totals = defaultdict(lambda: defaultdict(int))
    rows = []
    for file, code in sorted(status.items()):
        corpus = corpus_of(file)
        totals[corpus]["files"] += 1
        if code != "0":
            totals[corpus]["crash" if code != "124" else "hang"] += 1
        mine = defaultdict(list)
        for field in ours.get(file, {}).get("fields", []):
            mine[(field["standard"], field["field"])].append(field["value"])
        exif = theirs.get(file, {})
        for key, tag in TAGS.items():
            dates = key[1] == "date_created"
            a = cleaned(mine.get(key, []), dates)
            b = cleaned(strings(exif[tag]), dates) if tag in exif else []
            if not a and not b:
                continue
            totals[corpus]["compared"] += 1
            if a == b:
                totals[corpus]["agree"] += 1
                continue
            kind = "ours only" if not b else "exiftool only" if not a else "differ"
            totals[corpus][kind] += 1
            rows.append((file, tag, kind, json.dumps(a, ensure_ascii=False),
                         json.dumps(b, ensure_ascii=False)))

    with open(f"{out_dir}/disagreements.tsv", "w", encoding="utf-8") as f:
        f.write("file\ttag\tkind\tours\texiftool\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    grand = defaultdict(int)
    print("| corpus | files | fields compared | agree | differ | ours only | exiftool only | agreement | crashes | hangs |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for corpus in sorted(totals) + ["total"]:
        t = grand if corpus == "total" else totals[corpus]
        if corpus != "total":
            for k, v in t.items():
                grand[k] += v
        share = 100.0 * t["agree"] / t["compared"] if t["compared"] else 100.0
        print(f"| {corpus} | {t['files']} | {t['compared']} | {t['agree']} | {t['differ']} "
              f"| {t['ours only']} | {t['exiftool only']} | {share:.2f}% | {t['crash']} | {t['hang']} |")


if __name__ == "__main__":
    main()
