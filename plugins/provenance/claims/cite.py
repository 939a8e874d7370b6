"""Citation syntax for hand-written pages, and resolving citations against the sources.

The syntax (a public contract, documented in docs/reference/citations.md)::

    [@SOURCE_ID]                      a source as a whole
    [@SOURCE_ID "exact words"]        a passage: the words must occur verbatim in the source
    [@claim:CLAIM_ID]                 a claim, by its id in provenance.json
    [@claim:CLAIM_ID "words"]         the same, with words of the claim that re-anchor it if its sentence is edited
    [@a "words"; @b; @claim:ID]       several at once, separated by semicolons

Curly quotes (“...”) may be used instead of straight ones. A backslash before the
bracket (``\\[@...]``) leaves the text alone.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import Claim, Sentence, Source
from . import anchor, pointers
from .memory import Memory

GROUP = re.compile(r"(?<!\\)\[(@[^\[\]\n]*?)\](?!\()")
ITEM = re.compile(
    r"""^@(?:claim:(?P<claim>[^\s;"“”]+)|(?P<source>[a-z0-9][a-z0-9-]*))\s*(?:(?P<q1>"[^"]*")|(?P<q2>“[^”]*”))?\s*$""",
)


@dataclass(frozen=True)
class Citation:
    raw: str  # the whole bracketed group's item, as written
    source: str | None = None
    claim: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Target:
    """What a citation points at."""

    kind: str  # "source" | "passage" | "claim"
    source: Source
    sentence: Sentence | None = None
    claim: Claim | None = None
    start: int = 0
    end: int = 0
    notice: tuple[str, str] | None = None  # (message, fix) to tell the editor: a claim id re-anchored after an edit

    @property
    def exact(self) -> str:
        return self.source.text[self.start : self.end]


@dataclass(frozen=True)
class Failure:
    message: str
    fix: str


def parse_group(inner: str) -> list[Citation] | None:
    """The citations of one bracketed group (without the brackets); None if it is not citation syntax."""
    items = []
    for part in _split(inner):
        match = ITEM.match(part.strip())
        if not match:
            return None
        quote = match.group("q1") or match.group("q2")
        items.append(Citation(part.strip(), match.group("source"), match.group("claim"), quote[1:-1] if quote else None))
    return items or None


def _split(inner: str) -> list[str]:
    """Split on semicolons that are not inside quotes."""
    parts, current, quote = [], [], ""
    for ch in inner:
        if quote:
            if ch == quote:
                quote = ""
        elif ch == '"':
            quote = '"'
        elif ch == "“":
            quote = "”"
        elif ch == ";":
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


class Resolver:
    """Resolves citations against a corpus; pure, so it can serve any site generator."""

    def __init__(self, sources: list[Source], claims: list[Claim], memory: Memory | None = None) -> None:
        self.sources = {s.id: s for s in sources}
        self.claims = {c.id: c for c in claims}
        self.claim_by_sentence = {(c.source, c.sentence): c for c in claims}
        self.memory = memory  # the words of claims earlier runs saw, to re-anchor an id whose sentence was edited

    def resolve(self, citation: Citation) -> Target | Failure:
        if citation.claim is not None:
            found = pointers.resolve(citation.claim, citation.quote, self.sources, self.claims, self.claim_by_sentence, self.memory)
            claim = found.claim
            if claim is None:
                return Failure(found.message, found.fix)
            source = self.sources[claim.source]
            sentence = source.sentence(claim.sentence)
            assert sentence is not None  # a claim is made by a sentence of its source
            notice = (found.message, found.fix) if found.severity == "info" else None
            return Target("claim", source, sentence, claim, sentence.start, sentence.end, notice)
        source = self.sources.get(citation.source or "")
        if source is None:
            return Failure(f"unknown source id '{citation.source}'", _closest(citation.source or "", self.sources, "source ids"))
        if citation.quote is None:
            return Target("source", source)
        if not citation.quote.strip():
            return Failure(f"empty quotation in a citation of '{source.id}'", "put the exact words of the source between the quotes")
        span = anchor.find_verbatim(source.text, citation.quote)
        if span is None:
            found = anchor.match(source.text, citation.quote)
            hint = f'did you mean "{anchor.visible(source.text[found.start:found.end])}"?' if found is not None and found.score >= 0.5 else "copy the words from the source page"
            return Failure(f"quoted passage not found verbatim in source '{source.id}': \"{anchor.visible(citation.quote)}\"", hint)
        at, end = span
        sentence = next((s for s in source.sentences if s.start <= at < s.end), None)
        if sentence is None:
            sentence = next((s for s in source.sentences if s.start >= at), source.sentences[-1] if source.sentences else None)
        claim = self.claim_by_sentence.get((source.id, sentence.id)) if sentence else None
        return Target("passage", source, sentence, claim, at, end)


def _closest(value: str, known: dict, what: str) -> str:
    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.5)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    sample = ", ".join(sorted(known)[:5])
    return f"known {what} include: {sample}" if sample else f"there are no {what}"
