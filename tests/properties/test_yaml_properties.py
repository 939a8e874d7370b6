"""Properties of the YAML files the project reads: whatever a sidecar or an editorial file holds,
reading it gives values and problems (each with a fix), never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from provenance.claims import claims
from provenance.editorial import editorial
from provenance.sources import ingest, sidecar

from .strategies import SENTENCES

SCALARS = st.one_of(
    st.sampled_from(["2023-08-09", "2023-02-30", "2023-13-01", "'2023-08-091'", "2023-08-09 or maybe 2024", "2023-08-09T25:00:00",
                     "news", "blog", "https://example.org/a", "ftp://x", "Harbour Times", "~", "null", "yes", "12", "1e3", "[]", "{}",
                     '"quoted"', "'it''s'", "|", ">", "&a x", "*a", "!!binary aGk=", "!!python/name:os.system", "? x", "- y"]),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
)
KEYS = st.one_of(st.sampled_from([*sidecar.FIELDS, "claims", "points", "links", "passage", "quote", "source", "why", "id", "stance",
                                  "positions", "passages", "verdict", "match", "references", "title", "date", "? [[x]]", "<<"]),
                 st.text(max_size=6))


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """Documents shaped like the project's files, with the constructs that crashed or hung the readers."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        indent = "  " * draw(st.integers(0, 3))
        item = "- " if draw(st.booleans()) else ""
        value = draw(st.one_of(SCALARS, st.builds(lambda d: "[" * d + "x" + "]" * d, st.integers(1, 200)),
                               st.builds(lambda v: "{quote: " + v + "}", SCALARS)))
        lines.append(f"{indent}{item}{draw(KEYS)}: {value}")
    if draw(st.booleans()):
        lines += ["l0: &l0 [ha, ha, ha]", "l1: &l1 [*l0, *l0, *l0]", f"{draw(KEYS)}: *l1"]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


DOCUMENTS = st.one_of(yaml_documents(), st.text(max_size=200))
# What crashed the readers once (issue 17), run by every profile before the generated examples.
KNOWN = ["published: 2023-02-30\n", "id: 2023-13-01\n", "? [[x]]\n: 1\n", "title: " + "[" * 1000 + "]" * 1000 + "\n",
         "points:\n  - id: &i " + "x" * 20 + "\n    why: *i\n"]


def _known(test):  # type: ignore[no-untyped-def]
    for text in reversed(KNOWN):
        test = example(text)(test)
    return test


@_known
@given(DOCUMENTS)
def test_a_sidecar_never_raises(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tides.yml"
        path.write_text(text, encoding="utf-8")
        values, problems = sidecar.load(path, "seeds/tides.yml")
    assert set(values) <= set(sidecar.FIELDS)
    assert all(p.file == "seeds/tides.yml" and p.fix for p in problems)


_ARTICLE = "Council Approves Budget\n\n" + " ".join(SENTENCES[:6]) + "\n"


@given(st.lists(DOCUMENTS, min_size=1, max_size=3))
@example([KNOWN[0]])
@example([KNOWN[2]])
@example([KNOWN[3]])
@example(["="])  # a document that is only a value tag: a tagged scalar with no line (found by this test in CI)
def test_editorial_files_never_raise(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds" / "editorial").mkdir(parents=True)
        (root / "seeds" / "budget.txt").write_text(_ARTICLE, encoding="utf-8")
        for n, text in enumerate(texts):
            (root / "seeds" / "editorial" / f"e{n}.yml").write_text(text, encoding="utf-8")
        corpus = ingest.load_corpus(root / "seeds", root)
        edits = editorial.load(root / "seeds" / "editorial", root, corpus.sources, claims.extract(corpus.sources))
    assert all(p.file.startswith("seeds/editorial/e") for p in edits.problems + edits.orphans)
