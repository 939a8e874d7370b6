"""Pointers to a claim by its id, kept true when the claim's sentence is edited.

A claim id (``SOURCE.s-1a2b3c4d``) is a hash of its sentence's words, so a one-word edit retires
it. A pointer written with an id (an editorial entry's ``claim:``, a citation ``[@claim:ID]``) is
then re-anchored as a passage by quote is (:func:`provenance.claims.anchor.match`, same formula and
threshold), with the words it was written for: those written beside the id (``quote``), else those
an earlier run saw (:mod:`provenance.claims.memory`). Below the threshold, or with no words to go by, the
pointer is **orphaned**: reported with the best candidate by text, and never attached to another
sentence. An id is never suggested by its spelling: two ids that look alike are unrelated
sentences.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Claim, Sentence, Source
from . import anchor
from .memory import Memory, Remembered

CLAIM_ID = re.compile(r"^(?P<source>[a-z0-9][a-z0-9-]*)\.(?P<sentence>s-[0-9a-f]{8}(?:-\d+)?)$")


@dataclass(frozen=True)
class Pointer:
    """What a claim id points at now, and what to tell the editor about it."""

    claim: Claim | None
    severity: str = ""  # "" the id holds; "info" re-anchored (update the id); "warning" orphaned; "error" wrong
    message: str = ""
    fix: str = ""


def sentence_at(source: Source, start: int, end: int) -> Sentence | None:
    """The sentence that holds most of ``text[start:end]``."""
    best, overlap = None, 0
    for sentence in source.sentences:
        shared = min(end, sentence.end) - max(start, sentence.start)
        if shared > overlap:
            best, overlap = sentence, shared
    return best


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def resolve(
    claim_id: str,
    quote: str | None,
    sources: Mapping[str, Source],
    claims: Mapping[str, Claim],
    by_sentence: Mapping[tuple[str, str], Claim],
    memory: Memory | None = None,
) -> Pointer:
    """The claim ``claim_id`` points at; ``quote`` (optional) is the claim's words written beside the id."""
    quote = quote if quote and quote.strip() else None
    claim = claims.get(claim_id)
    if claim is not None:
        if quote is not None and anchor.find_verbatim(claim.selector.exact, quote) is None:
            return Pointer(None, "error", f"the words beside claim id '{claim_id}' are not in its sentence: \"{_short(quote)}\"",
                           f"copy them from the sentence: \"{_short(claim.selector.exact)}\"")
        return Pointer(claim)
    shape = CLAIM_ID.match(claim_id)
    if shape is None:
        return Pointer(None, "error", f"'{claim_id}' is not a claim id (SOURCE.s-1a2b3c4d)",
                       "copy the id from provenance.json or `provenance sentences`, or point at the passage by quote")
    source = sources.get(shape["source"])
    if source is None:  # a source id is a name people type: its spelling means something
        close = difflib.get_close_matches(shape["source"], list(sources), n=1)
        return Pointer(None, "error", f"unknown source id '{shape['source']}' in claim id '{claim_id}'",
                       f"did you mean '{close[0]}'?" if close else "use a source id from provenance.json")
    words = Remembered(quote) if quote is not None else (memory.recall(claim_id) if memory is not None else None)
    gone = f"claim id '{claim_id}' is no longer in '{source.id}' (its sentence was edited or removed)"
    if words is None:
        return Pointer(None, "warning", f"orphaned: {gone}, and the words it pointed at are not known",
                       "point at the passage by its words instead (a quote), or write the claim's words beside the id")
    found = anchor.match(source.text, words.text, words.prefix, words.suffix, words.start)
    if found is not None and not found.exact and quote is None:
        # Remembered words are a whole sentence: the candidate is the sentence the match falls in, scored whole.
        near = sentence_at(source, found.start, found.end)
        if near is not None:
            found = anchor.score_span(source.text, near.start, near.end, words.text, words.prefix, words.suffix, words.start)
    if found is None or not found.accepted:
        best = "no candidate"
        if found is not None:
            near = sentence_at(source, found.start, found.end)
            other = by_sentence.get((source.id, near.id)) if near else None
            named = f" (claim '{other.id}')" if other else ""
            best = f'best candidate: "{_short(source.text[found.start:found.end])}"{named} (score {found.score:.2f})'
        return Pointer(None, "warning", f"orphaned: {gone}; its words \"{_short(words.text)}\" are not found",
                       f"{best}; point at the passage by its words instead (a quote), or remove the pointer")
    sentence = sentence_at(source, found.start, found.end)
    claim = by_sentence.get((source.id, sentence.id)) if sentence else None
    if claim is None:
        role = sentence.role if sentence else "white space"
        return Pointer(None, "error", f"{gone}; its words \"{_short(words.text)}\" are now in a sentence that is not a claim ({role})",
                       "point at a claim sentence, or remove the pointer")
    how = "re-anchored" if found.exact else f"re-anchored approximately (score {found.score:.2f})"
    return Pointer(claim, "info", f"{gone}; {how} to '{claim.id}': \"{_short(claim.selector.exact)}\"", f"update the id to '{claim.id}'")
