#!/usr/bin/env python3
"""Writes assets/countries.toml, the built-in country vocabulary, from the
countries.json of mledoze/countries (https://github.com/mledoze/countries,
Open Database License).

    python3 scripts/countries.py COUNTRIES_JSON --commit SHA [--out PATH]

COUNTRIES_JSON is that repository's countries.json at commit SHA (the commit
is only written into the header, so the file says where it came from). The
output is deterministic: the same input gives the same bytes.

Every entry becomes one [[countries]] entry: its English common name as the
canonical `name` (except where CANONICAL_NAMES says otherwise), the `forms`
that name it, and its IOC code and ISO 3166-1 alpha-3 code as `codes`. The
forms are the English common and official names, the common names of the
translations in TRANSLATIONS, the English and French demonyms (m/f) and the
English plural demonyms ("Jamaicans"). A form is left out when:

- it has fewer than MIN_LETTERS letters in a cased script (a short word
  matched ignoring case is too often something else: "Çin", "Fas", "Omã");
  Han, kana and hangul forms are words of their own and are kept ("日本");
- the matcher could never find it as written: its words are separated by
  something other than spaces ("St. Helena", "Congo (Rép. dém.)", "・");
- DENYLIST names it: it misfires as an ordinary word or a given name;
- several entries share it: it goes to the entry whose English common name
  it is ("Congo"), else to the one sovereign state among them ("Norwegian"
  for Norway, not Svalbard; "Dutch" for the Netherlands), else to none
  ("Congolese", "Dominican").

Codes are never forms ("CAN", "PER", "ARM" are ordinary words ignoring
case). An IOC code that is another entry's alpha-3 code is kept for the IOC
country only (the app reads sports captions: "BRN" is Bahrain at the Games,
Brunei's alpha-3).

The matching rules copied here (what a word is, how it is compared) are
those of src/analysis/scan.rs.
"""

import argparse
import json
import sys
import unicodedata
from pathlib import Path

SOURCE = "https://github.com/mledoze/countries"

# Translations whose common names become forms: the languages of the dev set
# besides English (German, French, Spanish, Portuguese, Italian, Turkish,
# Japanese, Korean, Chinese).
TRANSLATIONS = ("deu", "fra", "spa", "por", "ita", "tur", "jpn", "kor", "zho")

# Canonical names that must agree with assets/vocabulary.toml (its entries
# merge into these by name). The data's own names stay as forms.
CANONICAL_NAMES = {
    "GBR": "Great Britain",  # Olympic usage ("Team GB"), as vocabulary.toml has it
}

MIN_LETTERS = 4

# Forms that misfire when matched ignoring case (a capital is all the matcher
# asks for, so given names and words that start sentences or headlines are
# the risk). Compared by matching key, so one entry covers every spelling.
DENYLIST = {
    "Chad": "an English given name (Chad Le Clos); also the Spanish form",
    "Jordan": "an English given and family name (Michael Jordan)",
    "Georgia": "a given name and a US state; also the Spanish and Italian form",
    "Israel": "a given name (Israel Adesanya); also the German, Spanish, Portuguese form",
    "Jersey": "a sports shirt, and the end of 'New Jersey'",
    "Montserrat": "a Catalan given name (Montserrat Caballé) and a mountain near Barcelona",
    "Island": "German for Iceland, but an ordinary English word ('Christmas Island')",
    "Dominique": "French for Dominica; a common French given name",
    "Salvador": "French for El Salvador; a given name and a Brazilian city",
    "Grenade": "French for Grenada; the English and French word for the weapon",
    "Granada": "Portuguese for Grenada; a Spanish city and its football club",
    "Guadalupe": "Spanish and Portuguese for Guadeloupe; a given name and many places",
    "Mauricio": "Spanish and Portuguese for Mauritius; a common given name",
    "Gana": "Portuguese and Turkish for Ghana; Spanish for 'wins' ('Bolt gana el oro')",
    "Réunion": "English 'reunion', French 'réunion' (a meeting); also the Spanish form",
    "Reunião": "Portuguese for Réunion; also 'a meeting'",
    "Riunione": "Italian for Réunion; also 'a meeting'",
    "Malouin": "French demonym of the Falklands; also a person from Saint-Malo",
    "Malouinne": "the feminine of 'Malouin' (a woman from Saint-Malo)",
    "Karadağ": "Turkish for Montenegro; a common Turkish family name",
    "수단": "Korean for Sudan; the everyday word for 'means' (이동 수단)",
    "오만": "Korean for Oman; 'arrogance', and the numeral 50,000",
}

# English demonyms that take a plural "s" ("Jamaicans", "Icelanders",
# "Pakistanis", "Cypriots", "Greeks", "Filipinos"); "-ese", "-ish", "Swiss"
# and the like do not.
PLURAL_ENDINGS = ("an", "er", "i", "ot", "ar", "k", "ech", "ine", "ene", "ino", "que")

CONNECTORS = "-'’‐‑"


def words_of(form):
    """The words of a form as src/analysis/scan.rs cuts them, each with the
    separator before it ("" for the first)."""
    words, seps = [], []
    word, sep = "", ""
    chars = list(form)
    i = 0
    while i < len(chars):
        c = chars[i]
        if c.isalnum():
            word += c
        elif c in CONNECTORS and word and i + 1 < len(chars) and chars[i + 1].isalnum():
            word += c
        else:
            if word:
                words.append(word)
                seps.append(sep)
                word, sep = "", ""
            sep += c
        i += 1
    if word:
        words.append(word)
        seps.append(sep)
    return words, seps


def word_key(word):
    """src/analysis/scan.rs `word_key`: lower case, diacritics and connectors
    dropped, the Turkish dotless ı folded to i."""
    out = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) or not c.isalnum():
            continue
        out.append("i" if c == "ı" else c.lower())
    return "".join(out)


def form_key(form):
    """The matching key of a whole form: its words' keys, in order."""
    return tuple(word_key(w) for w in words_of(form)[0])


def matchable(form):
    """Whether the matcher can find the form: words apart by spaces only."""
    words, seps = words_of(form)
    return bool(words) and all(s.strip() == "" for s in seps[1:]) and seps[0] == ""


def caseless(form):
    """Written in a script without case (Han, kana, hangul)."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.lower() == c.upper() for c in letters)


def too_short(form):
    return not caseless(form) and sum(c.isalpha() for c in form) < MIN_LETTERS


DENIED = {form_key(f): f for f in DENYLIST}


def demonym_parts(text):
    """'Antiguan, Barbudan', 'Kittitian or Nevisian', 'Antiguaise et
    barbudienne': one demonym each."""
    parts = [text]
    for sep in (",", " or ", " et "):
        parts = [p for part in parts for p in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def plural(demonym, common_name):
    """'Jamaican' gives 'Jamaicans'; not a demonym that is the common name or
    its first word ('Djibouti', 'Vatican' of Vatican City), nor 'I-Kiribati'."""
    if demonym in (common_name, common_name.split()[0]) or demonym.split("-")[0] in ("I", "Ni"):
        return None
    if demonym.endswith(PLURAL_ENDINGS):
        return demonym + "s"
    return None


def candidate_forms(country):
    """Every form the data offers for one entry, before the rules, in order,
    each with the singular it is the plural of (or None)."""
    name = country["name"]
    forms = [(name["common"], None), (name["official"], None)]
    translations = country.get("translations", {})
    forms += [(translations[l]["common"], None) for l in TRANSLATIONS if l in translations]
    demonyms = country.get("demonyms", {})
    english = demonyms.get("eng", {})
    for gender in ("m", "f"):
        for part in demonym_parts(english.get(gender, "")):
            forms.append((part, None))
            forms.append((plural(part, name["common"]), part))
    french = demonyms.get("fra", {})
    for gender in ("m", "f"):
        forms += [(part, None) for part in demonym_parts(french.get(gender, ""))]
    return [(f.strip(), one) for f, one in forms if f and f.strip()]


def canonical_name(country):
    return CANONICAL_NAMES.get(country["cca3"], country["name"]["common"])


def build(countries):
    """The entries to write, and a log of what was left out and why."""
    log = {"short": [], "unmatchable": [], "denied": [], "shared": []}
    entries = []
    for country in countries:
        forms, seen, singulars = [], set(), {}
        for form, singular in candidate_forms(country):
            key = form_key(form)
            if singular is not None:
                singulars[key] = form_key(singular)
            if key in seen:
                continue
            seen.add(key)
            if not matchable(form):
                log["unmatchable"].append(form)
            elif too_short(form):
                log["short"].append(form)
            elif key in DENIED:
                log["denied"].append(form)
            else:
                forms.append(form)
        entries.append(
            {
                "country": country,
                "name": canonical_name(country),
                "forms": forms,
                "singulars": singulars,
            }
        )

    # A form shared by several entries goes to one of them or to none.
    holders = {}
    for i, entry in enumerate(entries):
        for form in entry["forms"]:
            holders.setdefault(form_key(form), []).append(i)
    owner = {}
    for key, ids in holders.items():
        if len(ids) < 2:
            continue
        own = [i for i in ids if form_key(entries[i]["country"]["name"]["common"]) == key]
        sovereign = [i for i in ids if entries[i]["country"].get("independent")]
        keeper = own[0] if len(own) == 1 else sovereign[0] if len(sovereign) == 1 else None
        owner[key] = keeper
        names = sorted(entries[i]["name"] for i in ids)
        shown = next(f for f in entries[ids[0]]["forms"] if form_key(f) == key)
        kept = entries[keeper]["name"] if keeper is not None else "none"
        log["shared"].append(f"{shown}: {', '.join(names)} -> {kept}")
    for i, entry in enumerate(entries):
        entry["forms"] = [f for f in entry["forms"] if owner.get(form_key(f), i) == i]
        # A plural goes where its singular goes ("Dominicans" with "Dominican").
        kept = {form_key(f) for f in entry["forms"]}
        singulars = entry["singulars"]
        entry["forms"] = [
            f for f in entry["forms"] if singulars.get(form_key(f), form_key(f)) in kept
        ]

    # Codes: the IOC code first, then alpha-3; an IOC code wins over another
    # entry's alpha-3 code.
    ioc = {c["cioc"] for c in countries if c.get("cioc")}
    for entry in entries:
        country = entry["country"]
        codes = [country.get("cioc", ""), country["cca3"]]
        codes = [c for c in codes if c]
        codes = [c for j, c in enumerate(codes) if c not in codes[:j]]
        codes = [c for c in codes if c == country.get("cioc") or c not in ioc]
        entry["codes"] = codes
    entries.sort(key=lambda e: (sort_key(e["name"]), e["name"]))
    return entries, log


def sort_key(name):
    """'Åland Islands' sorts with the A's."""
    letters = unicodedata.normalize("NFD", name)
    return "".join(c for c in letters if not unicodedata.combining(c)).casefold()


def toml_string(text):
    # A JSON string is a valid TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def toml_list(key, items, width=100):
    one_line = f"{key} = [{', '.join(toml_string(i) for i in items)}]"
    if len(one_line) <= width:
        return one_line
    lines, line = [f"{key} = ["], "   "
    for item in items:
        piece = f" {toml_string(item)},"
        if len(line) + len(piece) > width:
            lines.append(line)
            line = "   "
        line += piece
    lines.append(line)
    lines.append("]")
    return "\n".join(lines)


def header(commit):
    reasons = "\n".join(f"#   {form}: {why}" for form, why in DENYLIST.items())
    return f"""\
# Every country, territory and region of mledoze/countries, with the names,
# demonyms and codes caption-provenance knows them by. GENERATED: do not edit;
# add forms in assets/vocabulary.toml instead (an entry with the same `name`
# adds its forms to the one here).
#
# Source: mledoze/countries, {SOURCE}, countries.json at commit
#   {commit}
# Licence: that data is made available under the Open Database License (ODbL)
#   v1.0, https://opendatacommons.org/licenses/odbl/1.0/. This file is a
#   derived database of it, made available under the same licence; the
#   attribution is to the mledoze/countries contributors.
# Regenerate (git directory of a clone of the source at that commit):
#   git --git-dir=countries/.git show {commit}:countries.json > /tmp/countries.json
#   python3 scripts/countries.py /tmp/countries.json --commit {commit}
#
# `name` is the English common name (United Kingdom is "Great Britain", as in
# assets/vocabulary.toml); `forms` are the English common and official names,
# the common names in German, French, Spanish, Portuguese, Italian, Turkish,
# Japanese, Korean and Chinese, and the English and French demonyms; `codes`
# are the IOC and ISO 3166-1 alpha-3 codes, looked up exactly, never matched
# as words. Left out (see scripts/countries.py): forms of fewer than
# {MIN_LETTERS} letters in a cased script, forms whose words are not separated by spaces,
# forms several entries share (unless one is named so or one is sovereign), and:
{reasons}
"""


def render(entries, commit):
    parts = [header(commit)]
    for entry in entries:
        parts.append(
            "[[countries]]\n"
            f"name = {toml_string(entry['name'])}\n"
            f"{toml_list('forms', entry['forms'])}\n"
            f"{toml_list('codes', entry['codes'])}\n"
        )
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("countries_json", type=Path, help="mledoze/countries' countries.json")
    parser.add_argument("--commit", required=True, help="the source commit, for the header")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "assets" / "countries.toml",
    )
    args = parser.parse_args()
    countries = json.loads(args.countries_json.read_text(encoding="utf-8"))
    entries, log = build(countries)
    args.out.write_text(render(entries, args.commit), encoding="utf-8")
    forms = sum(len(e["forms"]) for e in entries)
    print(f"{args.out}: {len(entries)} countries, {forms} forms", file=sys.stderr)
    for reason, items in log.items():
        print(f"left out ({reason}, {len(items)}): {'; '.join(items)}", file=sys.stderr)


if __name__ == "__main__":
    main()
