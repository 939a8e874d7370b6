"""Selectors that point at a passage: describe a span, and check a selector against a text.

A selector combines the W3C Web Annotation ``TextQuoteSelector`` (the exact
words, with up to :data:`CONTEXT` characters of prefix and suffix) and the
``TextPositionSelector`` (start and end offsets into the source's text).
"""

from __future__ import annotations

from .model import Selector

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
