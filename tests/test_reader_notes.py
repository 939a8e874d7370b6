"""What a claim's note tells a reader: other claims in words (never ids), links that read apart, and a
score only where it means something; and what the export keeps of the editors' decisions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.export import export
from provenance.model import Relation
from provenance.render import annotations, source_page

from .conftest import page_text

CLAIM_ID = re.compile(r"\b[a-z0-9-]+\.s-[0-9a-f]{8}\b")


def run(seeds: Path, editorial: str = "") -> pipeline.Result:
    (seeds / "editorial" / "e.yml").write_text(editorial, encoding="utf-8")
    return pipeline.run(seeds, seeds.parent)


def claim(result: pipeline.Result, words: str):
    return next(c for c in result.claims if words in c.text)


def note_of(result: pipeline.Result, claim_id: str) -> str:
    """The note of one claim on its source page, as HTML."""
    sources = {s.id: s for s in result.sources}
    claims = {c.id: c for c in result.claims}
    parts = annotations.annotator(result.analysis, claims, sources, href=lambda s, sid: f"../{s}/#{sid}", point_href=lambda p: f"#{p}")
    return parts(claims[claim_id]).note


def test_a_link_decision_names_the_other_claim_by_source_and_paragraph(harbour_seeds: Path) -> None:
    result = run(harbour_seeds, """
links:
  - a: {source: herald, quote: "Fishermen in Porto Alto were not consulted"}
    b: {source: gazette, quote: "Lopez never spoke to the fishermen"}
    verdict: confirm
    why: Both say the fishermen were left out.
""")
    fishermen, spoke = claim(result, "were not consulted"), claim(result, "never spoke to the fishermen")
    note = note_of(result, fishermen.id)
    review = re.search(r"<strong>Editor's review:</strong> (.*?)</span>", note).group(1)
    assert review == f'Link to <a href="../gazette/#{spoke.sentence}">Board Rejects Memo Claims, paragraph 3</a> confirmed: Both say the fishermen were left out.'
    assert not CLAIM_ID.search(page_text(note)), page_text(note)
    # Programs keep the ids, and now the place the decision was written.
    entry = export.provenance(result, lambda sid: f"sources/{sid}/")["editorial"][fishermen.id]
    assert entry["decisions"] == [f"link to {spoke.id} confirmed: Both say the fishermen were left out."]
    assert entry["file"].endswith("editorial/e.yml") and entry["line"] == 3


def test_a_review_with_only_a_reason_reads_as_the_reason(harbour_seeds: Path) -> None:
    result = run(harbour_seeds, 'claims:\n  - passage: {source: herald, quote: "The harbour has 240 registered boats."}\n    why: counted in the port register\n')
    note = note_of(result, claim(result, "240 registered boats").id)
    assert "<strong>Editor's review:</strong> Counted in the port register.</span>" in note
    assert "reviewed:" not in note


def test_no_id_anywhere_on_a_source_page_with_decisions(harbour_seeds: Path) -> None:
    result = run(harbour_seeds, """
links:
  - a: {source: herald, quote: "reportedly approved the sale"}
    b: {source: gazette, quote: "approved the sale of the fishing rights"}
    verdict: reject
    why: different votes
""")
    sources = {s.id: s for s in result.sources}
    claims = {c.id: c for c in result.claims}
    parts = annotations.annotator(result.analysis, claims, sources, href=lambda s, sid: f"../{s}/#{sid}", point_href=lambda p: f"#{p}")
    for source in result.sources:
        text = page_text(source_page.render(source, result.claims_of(source.id), parts))
        assert not CLAIM_ID.search(text), CLAIM_ID.search(text)
        assert "rejected: different votes" in text


def test_relations_are_grouped_by_source_with_link_texts_that_read_apart(harbour_seeds: Path) -> None:
    result = run(harbour_seeds)
    sale = claim(result, "secretly sold the fishing rights")
    gazette = [c for c in result.claims if c.source == "gazette"][:3]  # one paragraph of the gazette
    result.analysis.relations[:] = [Relation(c.id, sale.id, "contests", 1.0) for c in gazette]
    result.analysis._related = None
    line = re.search(r"<strong>Contested by:</strong> (.*?)</span>", note_of(result, sale.id)).group(1)
    assert line.count("Board Rejects Memo Claims") == 1  # the source once, its claims after it
    texts = re.findall(r">([^<]*)</a>", line)
    assert len(texts) == 3 and len(set(texts)) == 3, texts
    assert all(t.startswith("paragraph 3: “") for t in texts), texts
    assert "similarity" not in line


@pytest.mark.parametrize(
    ("kind", "score", "shown"),
    [
        ("corroborates", 0.42, "(automatic, similarity 0.42)"),
        ("echoes", 0.3, "(automatic, similarity 0.30)"),
        ("related", 0.21, "(automatic, similarity 0.21)"),
        ("corroborates", 0.0, "(automatic)"),  # a link no similarity made: no score to show
        ("corroborates", 0.004, "(automatic)"),
        ("contests", 1.0, "(automatic)"),  # a denial and what it denies: not a similarity
    ],
)
def test_a_score_is_shown_only_where_it_means_something(harbour_seeds: Path, kind: str, score: float, shown: str) -> None:
    result = run(harbour_seeds)
    a, b = claim(result, "240 registered boats"), claim(result, "number about 240")
    result.analysis.relations[:] = [Relation(a.id, b.id, kind, score)]
    result.analysis._related = None
    note = note_of(result, a.id)
    assert "0.00" not in note
    line = re.search(r"<strong>[^<]*:</strong> (.*?)</span>", note.split("Who says it")[1]).group(1)
    assert line.endswith(f"</a> {shown}"), line


def test_a_link_an_editor_confirmed_says_so_instead_of_a_score(harbour_seeds: Path) -> None:
    result = run(harbour_seeds, """
links:
  - a: {source: herald, quote: "Fishermen in Porto Alto were not consulted"}
    b: {source: gazette, quote: "Lopez never spoke to the fishermen"}
    verdict: confirm
    by: Ana Editor
    date: 2024-05-02
  - a: {source: herald, quote: "Board chair Maria Lopez reportedly approved the sale"}
    b: {source: gazette, quote: "Maria Lopez approved the sale of the fishing rights"}
    verdict: confirm
""")
    note = note_of(result, claim(result, "were not consulted").id)  # a link the analysis had not found
    assert re.search(r"<strong>Corroborated by:</strong> Board Rejects Memo Claims: <a [^>]*>paragraph 3: “Carlos Lopez, a fisherman, said Lopez…”</a> "
                     r"\(added by an editor \(Ana Editor, 2024-05-02\)\)", note), note
    assert "similarity" not in note
    note = note_of(result, claim(result, "reportedly approved").id)  # one it had found
    assert re.search(r"<a [^>]*>paragraph 3: “Maria Lopez approved the sale of…”</a> \(confirmed by an editor\)</span>", note), note
