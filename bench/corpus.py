"""Generate a synthetic corpus of news-like sources for benchmarks.

Each source is ~700 words: a headline, a byline, a dateline and ~40 body
sentences. About a third of the body sentences restate propositions from a
shared pool (paraphrased: synonyms, reordered clauses, different attribution),
so the analysis has real cross-source links to find; the rest are unique.
Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

FIRST = "Amina Bilal Carlos Dana Elif Farid Grace Hiro Ines Jonas Kofi Lena Mateo Nadia Omar Priya Quinn Rosa Sami Tara Umar Vera Wen Yusuf Zara".split()
LAST = "Okafor Lindqvist Moreau Tanaka Haddad Novak Ferreira Kowalski Adeyemi Castillo Brennan Nakamura Rahman Schultz Petrov Alvarez Osei Ibrahim Laurent Dubois".split()
TITLES = ["Minister", "Senator", "Ambassador", "General", "Governor", "Mayor", "Judge", "spokesperson"]
BODIES = ["the Finance Ministry", "the Supreme Court", "the Central Bank", "the Energy Agency", "the Port Authority", "the Election Commission",
          "the Health Department", "the National Assembly", "the Defence Ministry", "the Transport Board", "the Water Utility", "the Trade Council"]
OUTLETS = ["The Daily Ledger", "The Harbour Times", "Northern Post", "The Meridian", "Capital Wire", "The Observer Review"]
DOCS = ["a leaked memo", "an internal report", "a court filing", "a confidential letter", "the audit", "the draft agreement"]
PLACES = "Arcadia Belmont Corvina Dunmore Estova Farlan Galdor Hestia Irongate Jorvik Kestrel Lumen".split()
THINGS = ["the new bridge", "the pension reform", "the rail contract", "the fishing quota", "the water tariff", "the border checkpoint",
          "the vaccine programme", "the power plant", "the tax rebate", "the mining licence", "the harbour expansion", "the school budget"]
VERBS = [("approved", "signed off on"), ("blocked", "halted"), ("delayed", "postponed"), ("cancelled", "scrapped"), ("expanded", "enlarged"),
         ("investigated", "probed"), ("criticised", "condemned"), ("funded", "financed"), ("reviewed", "examined"), ("rejected", "turned down")]
FILLER = [
    "Residents of {place} said they had followed the debate over {thing} closely for {n} months.",
    "The decision on {thing} is expected to shape the economy of {place} for years to come.",
    "Local businesses in {place} have voiced mixed reactions to the plans for {thing}.",
    "Analysts noted that {n} similar projects near {place} had run over budget.",
    "The issue of {thing} has divided opinion among voters in {place} and beyond.",
    "Officials in {place} declined to give further details on the timetable for {thing}.",
    "{n} community groups in {place} organised meetings to discuss {thing}.",
    "Critics of {thing} argue that the process in {place} lacked transparency from the start.",
    "Supporters of {thing} say the changes are long overdue and will create {n} hundred jobs in {place}.",
    "The opposition in {place} has promised to raise {thing} in the next session.",
]
NOUNS = "bakery ferry tunnel archive stadium clinic library canal orchard depot market foundry reservoir airfield quarry vineyard".split()
MONTHS = "January February March April May June July August September October November December".split()


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{rng.choice(TITLES)} {first} {last}", last


def proposition(rng: random.Random) -> dict[str, object]:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
    title, last = person(rng)
    return {
        "who": title, "last": last, "body": rng.choice(BODIES), "thing": rng.choice(THINGS), "verb": rng.choice(VERBS),
        "amount": rng.choice([3, 4, 7, 12, 15, 40, 85, 120, 250, 900]), "date": day, "place": rng.choice(PLACES),
        "source": rng.choice(OUTLETS + DOCS),
    }


def state(p: dict[str, object], rng: random.Random, variant: int) -> str:
    verb = p["verb"][variant % 2]  # type: ignore[index]
    date: dt.date = p["date"]  # type: ignore[assignment]
    when = f"{MONTHS[date.month - 1]} {date.day}, {date.year}" if variant % 3 else f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    forms = [
        f"{str(p['body']).capitalize()} {verb} {p['thing']} in {p['place']} on {when}, at a cost of {p['amount']} million dollars.",
        f"On {when}, {p['body']} {verb} {p['thing']} in {p['place']}, according to {p['source']}.",
        f"{p['who']} said {p['body']} had {verb} {p['thing']}, which was worth {p['amount']} million dollars.",
        f"According to {p['source']}, {p['thing']} in {p['place']} was {verb} by {p['body']} after {p['last']} intervened.",
        f"{p['last']} reportedly told reporters that {p['body']} {verb} {p['thing']} on {when}.",
    ]
    return forms[variant % len(forms)]


def denial(p: dict[str, object]) -> str:
    return f"{str(p['body']).capitalize()} denied that it had {p['verb'][0]} {p['thing']}, calling the reports false."  # type: ignore[index]


def unique(rng: random.Random) -> str:
    p = proposition(rng)
    kind = rng.randrange(4)
    if kind == 0:
        thing = f"the {rng.choice(NOUNS)} {rng.choice(['plan', 'levy', 'lease', 'repairs', 'closure', 'audit'])}"
        return rng.choice(FILLER).format(place=p["place"], thing=thing, n=rng.randrange(2, 60))
    if kind == 1:
        return f"{p['who']} visited {p['place']} in {MONTHS[rng.randrange(12)]} to meet {rng.choice(FIRST)} {rng.choice(LAST)} and local leaders."
    return state(p, rng, rng.randrange(5))


def make(n_sources: int, out: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    pool = [proposition(rng) for _ in range(max(20, n_sources * 3))]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n_sources):
        outlet = rng.choice(OUTLETS)
        shared = rng.sample(pool, 10)
        body = [state(p, rng, rng.randrange(5)) for p in shared]
        if rng.random() < 0.3:
            body.append(denial(shared[0]))
        while len(body) < 40:
            body.append(unique(rng))
        rng.shuffle(body)
        paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(600))
        text = (
            f"{shared[0]['thing'].title()} Decision Sparks Debate in {shared[0]['place']} ({k})\n\n"
            f"By {rng.choice(FIRST)} {rng.choice(LAST)}\n{date.strftime('%A, %b %d, %Y')} - 10:{k % 60:02d} AM\n\n"
            + "\n\n".join(paragraphs)
            + "\n\nShare this\n"
        )
        path = out / f"{k:04d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".yml").write_text(f"id: bench-{k:04d}\npublisher: {outlet}\n", encoding="utf-8")
        paths.append(path)
    return paths


# The sites the benchmarks build: the plugin's, and plain Material's of the same texts as ordinary Markdown pages
# (auto-generated nav, no web fonts, search on, the same Markdown extensions).
PLUGIN_YML = """\
site_name: Bench
theme:
  name: material
  font: false
plugins:
  - search
  - provenance:
      seeds: seeds
markdown_extensions: [footnotes, attr_list, toc]
"""

PLAIN_YML = """\
site_name: Bench
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions: [footnotes, attr_list, toc]
"""

# Real news articles: the bodies of the Fake News Challenge's training set, read at run time from the shared
# evaluation folder (they belong to their publishers and are never copied into this repository).
REAL_BODIES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "fnc-train-bodies.csv"


def real_bodies(csv_path: Path = REAL_BODIES) -> list[str]:
    """The article bodies of the CSV (columns `Body ID`, `articleBody`), in file order, blank ones left out."""
    import csv

    csv.field_size_limit(10**8)
    with open(csv_path, newline="", encoding="utf-8") as handle:
        return [row["articleBody"].strip() for row in csv.DictReader(handle) if row["articleBody"].strip()]


def vary(body: str, copy: int) -> str:
    """The `copy`-th variation of a body, for corpora larger than the CSV: the same text with the numbered copy in
    its first line and its paragraphs rotated by `copy`, so that every copy is a distinct source whose sentences
    still relate to the original's (as a republished or rewritten article's do)."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if copy == 0 or len(paragraphs) < 2:
        return body if copy == 0 else f"{body}\n\n(Republished, copy {copy}.)"
    k = copy % len(paragraphs)
    return "\n\n".join([f"(Republished, copy {copy}.)"] + paragraphs[k:] + paragraphs[:k])


def make_real(n_sources: int, out: Path, csv_path: Path = REAL_BODIES) -> list[Path]:
    """Write `n_sources` real articles as seeds (`NNNNN.txt` and a sidecar naming an outlet), duplicating the
    CSV's bodies with small variations where more are needed than it holds."""
    bodies = real_bodies(csv_path)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n_sources):
        body = vary(bodies[k % len(bodies)], k // len(bodies))
        path = out / f"{k:05d}.txt"
        path.write_text(f"Article {k}\n\n{body}\n", encoding="utf-8")
        path.with_suffix(".yml").write_text(f"id: real-{k:05d}\npublisher: {OUTLETS[k % len(OUTLETS)]}\n", encoding="utf-8")
        paths.append(path)
    return paths
