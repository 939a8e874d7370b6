"""Properties of the citation syntax: parsing and resolving never raise, whatever a page holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from provenance.claims import cite, claims
from provenance.sources import ingest

from .strategies import SENTENCES, texts

_ARTICLE = "Council Approves Budget\n\n" + " ".join(SENTENCES[:6]) + "\n"


def _resolver() -> tuple[cite.Resolver, list]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "budget.txt"
        path.write_text(_ARTICLE, encoding="utf-8")
        source, _ = ingest.load_source(path, "budget.txt", set())
    found = claims.extract([source])
    return cite.Resolver([source], found), found


RESOLVER, CLAIMS = _resolver()
ITEMS = st.one_of(
    st.just("@council-approves-budget"),
    st.builds(lambda q: f'@council-approves-budget "{q}"', st.one_of(st.sampled_from(SENTENCES), texts())),
    st.builds(lambda q: f"@council-approves-budget “{q}”", st.text(max_size=30)),
    st.sampled_from([f"@claim:{c.id}" for c in CLAIMS] + ["@claim:", "@claim:nope", "@", "@Bad_Id", '@x "'] ),
    st.text(max_size=30).map(lambda t: "@" + t),
)


@given(st.lists(ITEMS, min_size=1, max_size=4).map("; ".join) | texts())
def test_citations_parse_and_resolve_without_raising(inner: str) -> None:
    parsed = cite.parse_group(inner)
    for citation in parsed or []:
        outcome = RESOLVER.resolve(citation)
        assert isinstance(outcome, (cite.Target, cite.Failure))
        if isinstance(outcome, cite.Target) and citation.quote:
            assert " ".join(outcome.exact.split()) == " ".join(citation.quote.split())
