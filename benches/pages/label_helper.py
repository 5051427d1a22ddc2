#!/usr/bin/env python3
"""Shows what a person needs to label a page's lead-photo caption by hand:
the page's address and title, its og:image (and og:image:alt), the figures
and figcaptions in page order with the image each holds, itemprop=caption,
JSON-LD ImageObject captions, and the first image alts with their enclosing
header/nav/footer/aside. The label itself is a human decision, written into
caption_labels.toml; this script only saves opening each page's source.

    label_helper.py PAGES_DIR ID [ID ...]      (needs beautifulsoup4 + lxml)
"""

import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def short(text, n=160):
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n] + "…"


def regions(tag):
    return [p.name for p in tag.parents if p.name in ("header", "nav", "footer", "aside")]


def show(path: Path) -> None:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    meta = lambda prop: (soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop}) or {}).get("content")
    print("=" * 100)
    print(path.stem)
    print("url:", meta("og:url"), "| site:", meta("og:site_name"))
    print("og:title:", short(meta("og:title")))
    print("og:image:", meta("og:image"), "| alt:", short(meta("og:image:alt")))
    for fig in soup.find_all(["figure"])[:6]:
        img = fig.find("img")
        cap = fig.find("figcaption")
        print("FIGURE", regions(fig), "img:", short(img.get("src") if img else None, 90), "alt:", short(img.get("alt") if img else None, 90))
        print("    figcaption:", short(cap.get_text(" ") if cap else None, 250))
    for cap in soup.find_all("figcaption")[:4]:
        if not cap.find_parent("figure"):
            print("FIGCAPTION (no figure)", regions(cap), short(cap.get_text(" "), 250))
    for cap in soup.select("[itemprop=caption], [itemprop=description]")[:3]:
        print("ITEMPROP", cap.get("itemprop"), short(cap.get("content") or cap.get_text(" "), 200))
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for found in walk(data):
            print("JSON-LD ImageObject", short(found.get("caption"), 200), "| desc:", short(found.get("description"), 120))
    for cap in soup.select("[class*=caption], [class*=Caption]")[:4]:
        if cap.name != "figcaption" and cap.get_text(strip=True):
            print("CLASS", cap.name, cap.get("class"), regions(cap), short(cap.get_text(" "), 200))
    for img in soup.find_all("img")[:6]:
        alt = img.get("alt")
        if alt:
            print("IMG", regions(img), img.get("width"), "x", img.get("height"), short(img.get("src"), 60), "alt:", short(alt, 120))


def walk(data):
    if isinstance(data, dict):
        if data.get("@type") == "ImageObject" and (data.get("caption") or data.get("description")):
            yield data
        for value in data.values():
            yield from walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from walk(value)


if __name__ == "__main__":
    pages = Path(sys.argv[1])
    for page_id in sys.argv[2:]:
        show(pages / f"{page_id}.html")
