"""Claims named for readers: by their source and paragraph (and, where several would read alike, their
opening words), linked to the sentence, and never by their id, which is for programs."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model import Claim, Source
from .escape import text as esc

OPENING_WORDS = 6  # enough to tell apart two sentences of one paragraph, short enough for a list of links


def opening(text: str, count: int = OPENING_WORDS) -> str:
    """The first words of a sentence, with an ellipsis when there are more."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def paragraph_of(claim: Claim, sources: Mapping[str, Source]) -> int | None:
    sentence = sources[claim.source].sentence(claim.sentence)
    return sentence.paragraph if sentence else None


def source_name(source_id: str, sources: Mapping[str, Source], this_source: str | None = None) -> str:
    """The source's title (escaped), or "this source" on its own page."""
    if source_id == this_source:
        return "this source"
    source = sources[source_id]
    return esc(source.meta.title or source.id)


def claim_link(
    claim_id: str,
    claims: Mapping[str, Claim],
    sources: Mapping[str, Source],
    href: Callable[[str, str], str],
    this_source: str | None = None,
) -> str:
    """``<a>Title, paragraph N</a>`` for a claim, linked to its sentence."""
    claim = claims.get(claim_id)
    if claim is None or claim.source not in sources:
        return "another claim"
    where = source_name(claim.source, sources, this_source)
    return f'<a href="{esc(href(claim.source, claim.sentence))}">{where}, paragraph {paragraph_of(claim, sources)}</a>'


def sentence_link(claim: Claim, sources: Mapping[str, Source], href: Callable[[str, str], str]) -> str:
    """``<a>paragraph N: “Opening words…”</a>``, for a list grouped under the claim's source."""
    label = f"paragraph {paragraph_of(claim, sources)}: “{esc(opening(claim.text))}”"
    return f'<a href="{esc(href(claim.source, claim.sentence))}">{label}</a>'
