"""Scoring the analysis against the hand-written gold annotation of the seeds (tests/data/gold_seeds.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from provenance import pipeline
from provenance.analysis.analyze import Analysis, analyze

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_seeds.yaml"


@dataclass
class Scored:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load() -> tuple[dict, pipeline.Result, Analysis, dict[str, str]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    # The automatic analysis alone: the editorial layer's corrections must not count in its favour.
    result = pipeline.run(ROOT / "seeds", ROOT, editorial_dir=ROOT / "tests" / "data" / "no-editorial")
    analysis = analyze(result.sources, result.claims)
    by_file = {Path(s.file).name: s for s in result.sources}
    letters = {letter: by_file[name].id for letter, name in gold["sources"].items()}
    return gold, result, analysis, letters


def sentence_of(result: pipeline.Result, source_id: str, quote: str) -> str:
    source = next(s for s in result.sources if s.id == source_id)
    at = source.text.index(quote)
    return next(s.id for s in source.sentences if s.start <= at < s.end)


def score(predicted: set, gold: set) -> Scored:
    return Scored(len(predicted & gold), len(predicted - gold), len(gold - predicted))
