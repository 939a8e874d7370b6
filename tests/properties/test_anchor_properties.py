"""Properties of selectors and re-anchoring: every claim's selector holds, a match stays in range."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from provenance.claims import anchor, claims
from provenance.sources import ingest

from .strategies import articles, texts


def _source(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8", newline="")
        return ingest.load_source(path, "article.txt", set())[0]


@given(st.one_of(articles(), texts()))
def test_every_claim_selector_verifies(text: str) -> None:
    source = _source(text)
    for claim in claims.extract([source]):
        assert anchor.verify(source.text, claim.selector) is None
        assert claim.selector.exact == claim.text


@given(texts(), texts(), st.text(max_size=40), st.text(max_size=40), st.none() | st.integers(-100, 10_000))
def test_reanchoring_stays_in_range(text: str, quote: str, prefix: str, suffix: str, hint: int | None) -> None:
    found = anchor.match(text, quote, prefix, suffix, hint)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(text)
        assert 0.0 <= found.score <= 1.0


@given(articles(), st.data())
def test_a_quote_copied_from_the_text_is_found_verbatim(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(start, len(text)))
    quote = text[start:end]
    found = anchor.match(text, quote)
    if quote:
        assert found is not None and found.exact
        assert " ".join(text[found.start : found.end].split()) == " ".join(quote.split())
