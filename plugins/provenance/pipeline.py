"""Run the whole core: sources -> sentences -> claims (-> relations, in later stages).

This is the one entry point a site generator needs; it never touches MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import anchor, claims, editorial
from .analysis.analyze import Analysis, analyze
from .errors import Problem, line_of
from .ingest import Corpus, load_corpus
from .model import Claim, Source


@dataclass
class Result:
    corpus: Corpus
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    orphans: list[Problem] = field(default_factory=list)  # editorial passages that no longer anchor
    editorial_files: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        return self.corpus.sources

    def claims_of(self, source_id: str) -> dict[str, Claim]:
        """Claims of one source, keyed by sentence id."""
        return {c.sentence: c for c in self.claims if c.source == source_id}


def verify(sources: list[Source], found: list[Claim]) -> list[Problem]:
    """Every claim's quoted passage must be in its source, verbatim, where its selector says."""
    by_id = {s.id: s for s in sources}
    problems = []
    for claim in found:
        source = by_id[claim.source]
        why = anchor.verify(source.text, claim.selector)
        if why:
            problems.append(Problem(source.file, line_of(source.text, claim.selector.start), f"claim {claim.id}: {why}", "rebuild; if it persists, report a bug"))
    return problems


def run(seeds: Path, base: Path | None = None, editorial_dir: Path | None = None) -> Result:
    """Sources -> sentences -> claims -> relations, then the editors' corrections on top."""
    corpus = load_corpus(seeds, base)
    found = claims.extract(corpus.sources)
    result = Result(corpus, found, list(corpus.problems))
    result.problems += verify(corpus.sources, found)
    result.analysis = analyze(corpus.sources, found)
    edits = editorial.load(editorial_dir or seeds / editorial.FOLDER, base or Path.cwd(), corpus.sources, found)
    editorial.apply(result.analysis, edits, found)
    result.problems += edits.problems
    result.orphans = [Problem(o.file, o.line, o.message, o.fix, "warning") for o in edits.orphans]
    result.problems += result.orphans
    result.editorial_files = edits.files
    return result
