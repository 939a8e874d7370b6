"""Excerpts: what a site shows of a source it may quote but not republish whole.

A source is displayed ``full`` (every sentence) or as ``excerpts`` (its sidecar's ``display``,
else the site's default). Of a source shown as excerpts, a sentence is shown when it matters
to the site:

- it is cited from a hand-written page (``[@id "words"]`` or ``[@claim:ID]``): a citation of
  a sentence that would otherwise be hidden shows it, so a citation never points at nothing;
- its claim is linked to a claim of another source (corroborated, echoed, contested);
- its claim is in a contested point, or hedged;
- an editor wrote a note on its claim.

The analysis still reads the whole text; only what is published changes. Everything that
publishes text (pages, exports) asks :class:`Shown` first; hidden sentences keep their ids and
offsets, never their words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..claims.cite import GROUP, Failure, Resolver, parse_group
from ..model import Claim, Selector, Source

if TYPE_CHECKING:
    from ..analysis.analyze import Analysis
    from ..pipeline import Result

DISPLAYS = ("full", "excerpts")

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


@dataclass(frozen=True)
class Shown:
    """For each source displayed as excerpts, the ids of the sentences shown; other sources are shown in full."""

    sentences: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def excerpted(self, source_id: str) -> bool:
        return source_id in self.sentences

    def sentence(self, source_id: str, sentence_id: str) -> bool:
        chosen = self.sentences.get(source_id)
        return chosen is None or sentence_id in chosen

    def claim(self, claim: Claim) -> bool:
        return self.sentence(claim.source, claim.sentence)

    def visible(self, source: Source) -> list[tuple[int, int]]:
        """The spans of ``source.text`` that may be published."""
        if source.id not in self.sentences:
            return [(0, len(source.text))]
        chosen = self.sentences[source.id]
        return [(s.start, s.end) for s in source.sentences if s.id in chosen]

    def clip(self, source: Source, start: int, end: int, before: bool) -> str:
        """``source.text[start:end]`` cut to the part that touches the visible text: for a
        selector's prefix (``before``), what follows the last hidden character; for its suffix,
        what precedes the first one."""
        text = source.text[start:end]
        if source.id not in self.sentences:
            return text
        spans = self.visible(source)
        hidden = [i for i in range(start, end) if not source.text[i].isspace() and not _inside(i, spans)]
        if not hidden:
            return text
        return source.text[hidden[-1] + 1 : end] if before else source.text[start : hidden[0]]


    def selector(self, source: Source, claim: Claim) -> Selector | None:
        """The claim's selector as it may be published: None for a hidden sentence; for a shown one in
        a source displayed as excerpts, the prefix and suffix cut where hidden text begins."""
        if not self.claim(claim):
            return None
        sel = claim.selector
        if source.id not in self.sentences:
            return sel
        prefix = self.clip(source, sel.start - len(sel.prefix), sel.start, before=True)
        suffix = self.clip(source, sel.end, sel.end + len(sel.suffix), before=False)
        return replace(sel, prefix=prefix, suffix=suffix)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def display_of(source: Source, default: str = "full") -> str:
    return source.meta.display or default


def cited_in(markdown: str) -> list[str]:
    """The bracketed citation groups of a page (without the brackets), outside code."""
    masked = _CODE_SPAN.sub(lambda m: "\0" * len(m.group()), _FENCE.sub(lambda m: "\0" * len(m.group()), markdown))
    return [markdown[m.start(1) : m.end(1)] for m in GROUP.finditer(masked)]


def cited_sentences(pages: Iterable[str], resolver: Resolver) -> set[tuple[str, str]]:
    """(source id, sentence id) of every sentence a citation in ``pages`` (Markdown) points into.
    Citations that do not resolve are left to the citation extension, which reports them."""
    found: set[tuple[str, str]] = set()
    for markdown in pages:
        for inner in cited_in(markdown):
            for citation in parse_group(inner) or []:
                target = resolver.resolve(citation)
                if isinstance(target, Failure) or target.sentence is None:
                    continue
                source = target.source
                found.add((source.id, target.sentence.id))
                found.update((source.id, s.id) for s in source.sentences if s.start < target.end and target.start < s.end)
    return found


def select(result: Result, default: str = "full", cited: Iterable[tuple[str, str]] = ()) -> Shown:
    """Which sentences of each source displayed as excerpts are shown."""
    analysis = result.analysis
    cited_by_source: dict[str, set[str]] = {}
    for source_id, sentence_id in cited:
        cited_by_source.setdefault(source_id, set()).add(sentence_id)
    chosen: dict[str, frozenset[str]] = {}
    for source in result.sources:
        if display_of(source, default) != "excerpts":
            continue
        ids = set(cited_by_source.get(source.id, ()))
        for claim in result.claims_of(source.id).values():
            if matters(claim, analysis):
                ids.add(claim.sentence)
        chosen[source.id] = frozenset(ids)
    return Shown(chosen)


def for_pages(result: Result, default: str, pages: Callable[[], Iterable[str]]) -> Shown:
    """What the build shows, for a command that builds no site (``export``, ``diff``): ``pages`` gives
    the hand-written pages' Markdown, read only when some source is displayed as excerpts."""
    if not any(display_of(source, default) == "excerpts" for source in result.sources):
        return Shown()
    return select(result, default, cited_sentences(pages(), Resolver(result.sources, result.claims)))


def matters(claim: Claim, analysis: Analysis) -> bool:
    """A claim linked to another, contested, hedged or annotated by an editor."""
    facts = analysis.facts.get(claim.id)
    return bool(
        analysis.related(claim.id)
        or analysis.points_of(claim.id)
        or (facts is not None and (facts.hedges or facts.status == "contested"))
        or claim.id in analysis.notes
    )


def gaps(source: Source, shown: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of hidden sentences as (index of the first, count), in reading order."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, sentence in enumerate(source.sentences):
        if sentence.id in shown:
            if start is not None:
                runs.append((start, index - start))
                start = None
        elif start is None:
            start = index
    if start is not None:
        runs.append((start, len(source.sentences) - start))
    return runs
