"""Selectors that point at a passage: describe a span, and check a selector against a text.

A selector combines the W3C Web Annotation ``TextQuoteSelector`` (the exact
words, with up to :data:`CONTEXT` characters of prefix and suffix) and the
``TextPositionSelector`` (start and end offsets into the source's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Selector

CONTEXT = 32


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector of ``text[start:end]``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def verify(text: str, selector: Selector) -> str | None:
    """Why ``selector`` does not hold in ``text``, or None when it does.

    A selector holds when its quote is found verbatim at its position and its
    prefix and suffix are the text around it.
    """
    if not 0 <= selector.start <= selector.end <= len(text):
        return f"position {selector.start}:{selector.end} is outside the text ({len(text)} characters)"
    if text[selector.start : selector.end] != selector.exact:
        return "quoted passage is not found verbatim at its position"
    if not text[: selector.start].endswith(selector.prefix):
        return "prefix does not match the text before the passage"
    if not text[selector.end :].startswith(selector.suffix):
        return "suffix does not match the text after the passage"
    return None


def to_jsonld(selector: Selector) -> list[dict[str, object]]:
    """The selector as W3C Web Annotation JSON-LD selectors."""
    return [
        {"type": "TextQuoteSelector", "exact": selector.exact, "prefix": selector.prefix, "suffix": selector.suffix},
        {"type": "TextPositionSelector", "start": selector.start, "end": selector.end},
    ]


_WHITESPACE = re.compile(r"\s+")


def find_verbatim(text: str, quote: str, start: int = 0) -> tuple[int, int] | None:
    """The first span of ``text`` that is ``quote`` word for word, where any run of white space
    matches any other (a non-breaking space is invisible to whoever copies the quote)."""
    at = text.find(quote, start)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = pattern.search(text, start)
    return (found.start(), found.end()) if found else None


def visible(text: str) -> str:
    """``text`` with unusual white space shown as escapes, for messages."""
    return _WHITESPACE.sub(lambda m: m.group() if m.group() == " " else m.group().encode("unicode_escape").decode(), text)


# --- Re-anchoring a passage described by quote (and optional context) in a text that may have changed.

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
THRESHOLD = 0.8
MIN_QUOTE_SIMILARITY = 0.85
# A span whose words are below MIN_QUOTE_SIMILARITY scores at most this share of their similarity, which keeps
# it under THRESHOLD (0.85 × 0.9 < 0.8) however well its context matches: the words decide, not the context.
WEAK_QUOTE_CAP = 0.9


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    score: float  # 0..1, see :func:`match`
    exact: bool  # the quote was found verbatim

    @property
    def accepted(self) -> bool:
        return self.exact or self.score >= THRESHOLD


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str, hint: int | None, quote_similarity: float) -> float:
    """Hypothesis' formula, with absent parts left out of the weights:
    ``(50 quote + 20 prefix + 20 suffix + 2 position) / (sum of the weights of the parts present)``."""
    total = QUOTE_WEIGHT * quote_similarity
    weights = QUOTE_WEIGHT
    if prefix:
        total += PREFIX_WEIGHT * _similarity(prefix, text[max(0, start - len(prefix)) : start])
        weights += PREFIX_WEIGHT
    if suffix:
        total += SUFFIX_WEIGHT * _similarity(suffix, text[end : end + len(suffix)])
        weights += SUFFIX_WEIGHT
    if hint is not None:
        total += POSITION_WEIGHT * (1 - min(1.0, abs(start - hint) / max(1, len(text))))
        weights += POSITION_WEIGHT
    return total / weights


def match(text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None) -> Match | None:
    """Find ``quote`` in ``text``: verbatim first (prefix, suffix and position choose between
    repeats), then approximately.

    An approximate match is scored with :func:`_context_score`; the caller accepts it only when
    :attr:`Match.accepted` (score >= :data:`THRESHOLD`), and the quote itself must be at least
    :data:`MIN_QUOTE_SIMILARITY` similar. Unlike Hypothesis' client, which attaches an annotation
    to the best candidate whatever its score, a passage below the threshold is reported as orphaned
    with the best candidate as a suggestion, never silently attached to the wrong sentence.
    """
    if not quote:
        return None
    found = []
    span = find_verbatim(text, quote)
    while span is not None:
        found.append(span)
        span = find_verbatim(text, quote, span[0] + 1)
    if found:
        best = max(found, key=lambda s: _context_score(text, s[0], s[1], prefix, suffix, hint, 1.0))
        return Match(best[0], best[1], 1.0, True)
    from rapidfuzz import fuzz

    folded, folded_quote = fold(text), fold(quote)
    alignment = fuzz.partial_ratio_alignment(folded_quote, folded)
    if alignment is None or alignment.score <= 0:
        return None
    start, end = _refine(text, folded_quote, alignment.dest_start, alignment.dest_end, folded)
    return score_span(text, start, end, quote, prefix, suffix, hint, folded)


def score_span(text: str, start: int, end: int, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None,
               folded: str | None = None) -> Match:
    """``text[start:end]`` as an approximate match of ``quote``, scored as :func:`match` scores its candidates
    (for a caller that knows the span, such as the sentence a remembered sentence most overlaps)."""
    folded = fold(text) if folded is None else folded
    quote_similarity = _similarity(fold(quote), folded[start:end])
    score = _context_score(text, start, end, prefix, suffix, hint, quote_similarity)
    if quote_similarity < MIN_QUOTE_SIMILARITY:
        score = min(score, quote_similarity * WEAK_QUOTE_CAP)
    return Match(start, end, round(score, 3), False)


def fold(text: str) -> str:
    """``text`` in lower case, one character for each character, so that an offset into the result
    is an offset into ``text`` ("İ".lower() is two characters: "i" and a combining dot)."""
    lowered = text.lower()
    if len(lowered) == len(text):  # lower() never shortens a character: the common case, aligned
        return lowered
    return "".join(ch.lower()[:1] for ch in text)


def _refine(text: str, quote: str, start: int, end: int, folded: str, reach: int = 24) -> tuple[int, int]:
    """The span between word boundaries near ``start`` and ``end`` whose folded form (``folded``) is most similar to ``quote``."""
    def boundaries(lo: int, hi: int, at_start: bool) -> list[int]:
        out = []
        for k in range(max(0, lo), min(len(text), hi) + 1):
            before = text[k - 1] if k > 0 else " "
            after = text[k] if k < len(text) else " "
            word = (at_start and not before.isalnum() and after.isalnum()) or (not at_start and before.isalnum() and not after.isalnum())
            # Punctuation at either end belongs to the quote as often as not ("... the vote." or “quoted”).
            spaced = (at_start and before.isspace() and not after.isspace()) or (not at_start and not before.isspace() and after.isspace())
            if word or spaced:
                out.append(k)
        return out

    starts = boundaries(start - reach, start + reach, True) or [start]
    ends = boundaries(end - reach, end + reach, False) or [end]
    best = max(((_similarity(quote, folded[a:b]), a, b) for a in starts for b in ends if b > a), default=(0, start, end))
    return best[1], best[2]
