"""How often the analysis is right: precision and recall on the seeds' gold, and on hand-labelled pairs of real articles.

Usage: python bench/quality.py [--eval ../shared/eval] [--no-score]

1. The seeds' gold annotation (tests/data/gold_seeds.yaml): every label the analysis gives (corroboration
   links, hedged sentences, attributed sentences, denials/disputes, contested claims), automatic analysis
   only (the editorial layer off).
2. Hand-labelled claim pairs of the development stories (bench/data/fnc-dev-links.tsv: story, claim a,
   claim b, label; 747 pairs sampled by score band, labels same / partial / contradicts / topic /
   unrelated; no article text is kept here): the precision of the links the site shows as
   ``corroborates`` or ``echoes`` (a link is right when the pair is labelled same or partial), of those
   shown as ``related``, and how many contradicting pairs are shown as agreeing. The articles themselves
   are read from ``--eval`` (they are not part of the repository).
3. The summary of ``score.py`` on the development stories, when the evaluation folder is there.

Numbers depend on the data, not on the machine, but this reads files outside the repository, so it is a
benchmark, not a test. Record its output in bench/README.md and docs/methodology.md.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CORRECT = {"same", "partial"}


def seeds_gold() -> list[str]:
    from gold import load, score, sentence_of

    gold, result, analysis, letters = load()
    lines = []
    claim_of = {(c.source, c.sentence): c.id for c in result.claims}

    def cid(letter: str, quote: str) -> str:
        return claim_of[(letters[letter], sentence_of(result, letters[letter], quote))]

    def keys(entries):
        return {(letters[e["source"]], sentence_of(result, letters[e["source"]], e["quote"])) for e in entries}

    expected = {frozenset((cid("A", p["a"]), cid("B", p["b"]))) for p in gold["corroborates"]}
    strong = {frozenset((cid("A", p["a"]), cid("B", p["b"]))) for p in gold["corroborates"] if p["strength"] == "strong"}
    shown = {frozenset((r.a, r.b)) for r in analysis.relations if r.kind in ("corroborates", "echoes")}
    related = {frozenset((r.a, r.b)) for r in analysis.relations if r.kind == "related"}
    s = score(shown, expected)
    lines.append(f"| corroborates + echoes | {s.precision:.2f} | {s.recall:.2f} | {len(shown)} shown, {len(expected)} in gold; strong-pair recall {score(shown, strong).recall:.2f} |")
    r = score(shown | related, expected)
    lines.append(f"| ... and related | {r.precision:.2f} | {r.recall:.2f} | {len(related)} related |")
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].hedges}
    s = score(found, keys(gold["hedged"]))
    lines.append(f"| hedged sentences | {s.precision:.2f} | {s.recall:.2f} | |")
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].attribution}
    s = score(found, keys(gold["attributed"]))
    lines.append(f"| attributed sentences | {s.precision:.2f} | {s.recall:.2f} | |")
    stance_claims, contested_claims = set(), set()
    for point in gold["contested"]:
        for position in point["positions"]:
            found_keys = keys(position["quotes"])
            contested_claims |= found_keys
            if position["stance"] != "asserts":
                stance_claims |= found_keys
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].stance}
    s = score(found, stance_claims)
    lines.append(f"| denials and disputes | {s.precision:.2f} | {s.recall:.2f} | |")
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].status == "contested"}
    s = score(found, contested_claims)
    lines.append(f"| contested claims | {s.precision:.2f} | {s.recall:.2f} | {len(analysis.contested)} points, {len(gold['contested'])} in gold |")
    single = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].status == "single-source"}
    linked = {k for pair in expected for k in pair}
    wrong_single = sum(1 for c in result.claims if (c.source, c.sentence) in single and c.id in linked)
    lines.append(f"| single source | {1 - wrong_single / max(1, len(single)):.2f} | | {len(single)} shown single-source, {wrong_single} of them have a gold counterpart |")
    return lines


def dev_links(eval_dir: Path) -> list[str]:
    from provenance import pipeline

    labels_file = ROOT / "bench" / "data" / "fnc-dev-links.tsv"
    labels: dict[frozenset, str] = {}
    stories: set[str] = set()
    with labels_file.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            labels[frozenset((row["a"], row["b"]))] = row["label"]
            stories.add(row["story"])
    by_kind: dict[str, Counter] = defaultdict(Counter)
    bands: dict[str, Counter] = defaultdict(Counter)
    for story in sorted(stories):
        folder = eval_dir / "fnc-dev" / story
        if not folder.is_dir():
            continue
        result = pipeline.run(folder, folder, editorial_dir=folder / "no-editorial")
        for r in result.analysis.relations:
            label = labels.get(frozenset((r.a, r.b)))
            if label is None:
                continue
            kind = "corroborates" if r.kind in ("corroborates", "echoes") else r.kind
            by_kind[kind][label] += 1
            if kind == "corroborates":
                band = "≥ 0.45" if r.score >= 0.45 else "0.30-0.45" if r.score >= 0.3 else "0.20-0.30" if r.score >= 0.2 else "< 0.20"
                bands[band][label] += 1
    lines = []
    for kind in ("corroborates", "related", "contests"):
        c = by_kind.get(kind, Counter())
        n = sum(c.values())
        if not n:
            lines.append(f"| {kind} | - | 0 labelled |")
            continue
        right = sum(c[x] for x in CORRECT) if kind != "contests" else c["contradicts"]
        lines.append(f"| {kind} | {right / n:.2f} | {n} labelled: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())) + " |")
    for band in ("≥ 0.45", "0.30-0.45", "0.20-0.30", "< 0.20"):
        c = bands.get(band)
        if c:
            n = sum(c.values())
            lines.append(f"| corroborates, score {band} | {sum(c[x] for x in CORRECT) / n:.2f} | {n} labelled, {c['contradicts']} contradicting |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--no-score", action="store_true", help="skip score.py (it builds five sites)")
    args = ap.parse_args()
    print("## Seeds (gold annotation, automatic analysis only)\n\n| label | precision | recall | notes |\n|---|---:|---:|---|")
    print("\n".join(seeds_gold()))
    if (args.eval / "fnc-dev").is_dir():
        print("\n## Development stories (hand-labelled pairs)\n\n| shown as | precision | labels |\n|---|---:|---|")
        print("\n".join(dev_links(args.eval)))
        score = args.eval / "score.py"
        if score.exists() and not args.no_score:
            out = subprocess.run([sys.executable, str(score), str(ROOT), "--python", sys.executable], capture_output=True, text=True)
            print("\n## score.py on the development stories\n")
            print("\n".join(line for line in out.stdout.splitlines() if line.startswith(("fnc:", "   goals", "== total", "   contested across", "   corroborates", "   disagree-body"))))
    else:
        print(f"\n(no development stories at {args.eval}: only the seeds were measured)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
