"""The editorial layer: decisions, notes, hand-written points, re-anchoring and orphans."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.claims import anchor

from . import harbour
from .conftest import Project, page_text
from .harbour import HERALD


@pytest.fixture
def seeds(harbour_seeds: Path) -> Path:
    return harbour_seeds


def edit(seeds: Path, text: str) -> pipeline.Result:
    (seeds / "editorial" / "e.yml").write_text(text, encoding="utf-8")
    return pipeline.run(seeds, seeds.parent)


def claim(result: pipeline.Result, words: str):
    return next(c for c in result.claims if words in c.text)


def test_status_hedges_note_and_references(seeds: Path) -> None:
    result = edit(seeds, """
claims:
  - passage: {source: herald, quote: "The harbour has 240 registered boats."}
    status: corroborated
    note: "Confirmed by the *port register*."
    references:
      - {title: Port register 2024, publisher: Port Office, date: 2024-01-31, url: "https://example.org/register"}
    why: checked the register
  - passage: {source: herald, quote: "reportedly approved the sale"}
    hedges: reject
    why: the minutes show the approval
""")
    assert not [p for p in result.problems if p.severity in ("error", "warning")], result.problems
    boats = claim(result, "240 registered boats")
    facts = result.analysis.facts[boats.id]
    assert facts.status == "corroborated"
    note = result.analysis.notes[boats.id]
    assert note.markdown == "Confirmed by the *port register*." and note.references[0].date == "2024-01-31"
    assert [str(d) for d in note.decisions] == ["status set to corroborated: checked the register"]
    lopez = claim(result, "reportedly approved")
    assert result.analysis.facts[lopez.id].hedges == ()


def test_links_can_be_rejected_and_confirmed(seeds: Path) -> None:
    before = pipeline.run(seeds, seeds.parent)
    a, b = claim(before, "reportedly approved"), claim(before, "approved the sale of the fishing rights")
    assert any({r.a, r.b} == {a.id, b.id} for r in before.analysis.relations)
    result = edit(seeds, """
links:
  - a: {source: herald, quote: "reportedly approved the sale"}
    b: {source: gazette, quote: "approved the sale of the fishing rights"}
    verdict: reject
    why: different votes
  - a: {source: herald, quote: "Fishermen in Porto Alto were not consulted"}
    b: {source: gazette, quote: "Lopez never spoke to the fishermen"}
    verdict: confirm
""")
    pairs = {frozenset((r.a, r.b)): r.kind for r in result.analysis.relations}
    assert frozenset((a.id, b.id)) not in pairs
    fishermen, spoke = claim(result, "were not consulted"), claim(result, "never spoke to the fishermen")
    assert not any({r.a, r.b} == {fishermen.id, spoke.id} for r in before.analysis.relations)
    assert pairs[frozenset((fishermen.id, spoke.id))] == "corroborates"
    assert before.analysis.facts[fishermen.id].status == "single-source"
    assert result.analysis.facts[fishermen.id].status == "corroborated"
    assert "different votes" in " ".join(map(str, result.analysis.notes[a.id].decisions))


def test_points_rated_retitled_rejected_and_written_by_hand(seeds: Path) -> None:
    result = edit(seeds, """
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold the fishing rights"}
    title: "Did the board sell the fishing rights?"
    rating: Disputed
  - id: boats
    title: "How many boats?"
    rating: "Unsupported by the other sources"
    positions:
      - stance: asserts
        holders: [Herald]
        passages: [{source: herald, quote: "The harbour has 240 registered boats."}]
      - stance: disputes
        holders: [port office]
        passages: [{source: gazette, quote: "number about 240"}]
""")
    points = {p.id: p for p in result.analysis.contested}
    assert set(points) == {"sale", "boats"}
    assert points["sale"].title == "Did the board sell the fishing rights?" and points["sale"].rating == "Disputed"
    assert points["boats"].reviewed and [p.stance for p in points["boats"].positions] == ["asserts", "disputes"]
    boats = claim(result, "240 registered boats")
    assert result.analysis.facts[boats.id].status == "contested"
    rejected = edit(seeds, "points:\n  - id: sale\n    match: {source: gazette, quote: \"denied that it sold\"}\n    verdict: reject\n")
    assert rejected.analysis.contested == []


def test_reanchoring_after_edits_moved_reworded_deleted(seeds: Path) -> None:
    entry = 'claims:\n  - passage: {source: herald, quote: "The harbour has 240 registered boats."}\n    note: counted\n'
    (seeds / "editorial" / "e.yml").write_text(entry, encoding="utf-8")
    moved = HERALD.replace("The harbour has 240 registered boats.\n", "") + "\nNew paragraph first.\n\nThe harbour has 240 registered boats.\n"
    (seeds / "herald.txt").write_text(moved, encoding="utf-8")
    result = pipeline.run(seeds, seeds.parent)
    assert result.analysis.notes[claim(result, "240 registered").id].markdown == "counted"

    (seeds / "herald.txt").write_text(HERALD.replace("has 240 registered boats", "has 240 registred boats"), encoding="utf-8")
    result = pipeline.run(seeds, seeds.parent)
    assert result.analysis.notes[claim(result, "240 registred").id].markdown == "counted"
    assert any(p.severity == "info" and "re-anchored approximately" in p.message for p in result.problems)

    (seeds / "herald.txt").write_text(HERALD.replace("The harbour has 240 registered boats.\n", "Ferries run hourly in summer.\n"), encoding="utf-8")
    result = pipeline.run(seeds, seeds.parent)
    assert not result.analysis.notes
    (orphan,) = result.orphans
    assert orphan.file.endswith("editorial/e.yml") and orphan.line == 2
    assert "orphaned" in orphan.message and "best candidate" in orphan.fix
    assert orphan in result.problems and orphan.severity == "warning"


def test_corroboration_within_one_source_is_refused(seeds: Path) -> None:
    result = edit(seeds, """
links:
  - a: {source: herald, quote: "secretly sold the fishing rights"}
    b: {source: herald, quote: "reportedly approved the sale"}
    verdict: confirm
""")
    assert any(p.line == 3 and "different sources" in p.message for p in result.problems)


def test_validation_errors_name_file_and_line(seeds: Path) -> None:
    result = edit(seeds, """
claims:
  - passage: {source: heral, quote: "240"}
  - passage: {source: herald, quote: "The harbour has 240 registered boats."}
    stauts: corroborated
links:
  - a: {source: herald, quote: "240"}
    verdict: maybe
points:
  - id: Not A Slug
    positions: []
""")
    messages = {(p.line, p.message.split(" (")[0]) for p in result.problems if p.severity == "error"}
    text = "\n".join(f"{line}: {m}" for line, m in sorted(messages, key=str))
    assert re.search(r"3: unknown source id 'heral'", text)
    assert re.search(r"5: unknown key 'stauts' in a claim entry", text)
    assert re.search(r"7: a link entry needs 'a' and 'b'", text)
    assert re.search(r"10: a point needs an 'id' that is a slug", text)
    broken = edit(seeds, "claims:\n  - passage: {source: herald\n")
    assert any(p.line and "not valid YAML" in p.message for p in broken.problems)


def test_match_scores_follow_the_documented_formula() -> None:
    text = "Alpha beta gamma. Delta epsilon zeta. Alpha beta gamma again."
    exact = anchor.match(text, "Alpha beta gamma", suffix=" again")
    assert exact.exact and exact.start == text.rindex("Alpha")
    fuzzy = anchor.match(text, "Delta epsilom zeta")
    assert not fuzzy.exact and fuzzy.accepted and text[fuzzy.start : fuzzy.end] == "Delta epsilon zeta"
    unrelated = anchor.match(text, "Completely different words here")
    assert unrelated is None or not unrelated.accepted


def test_editorial_shows_on_the_site_with_claim_review(project: Project) -> None:
    root = project.root
    (root / "docs" / "index.md").write_text('# Home\n\nBoats [@herald "240 registered boats"].\n', encoding="utf-8")
    harbour.write(project.seeds)
    (root / "seeds" / "editorial" / "e.yml").write_text("""
claims:
  - passage: {source: herald, quote: "240 registered boats"}
    note: "Counted in *January*."
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold"}
    rating: Disputed
""", encoding="utf-8")
    site = project.build(strict=True)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Editor's note:" in page_text(home)
    assert "Counted in <em>January</em>." in home
    herald = (site / "sources/herald/index.html").read_text(encoding="utf-8")
    assert "Counted in <em>January</em>." in herald
    overview = (site / "analysis/overview/index.html").read_text(encoding="utf-8")
    assert "Counted in <em>January</em>." in overview  # shown wherever the claim appears
    contested = (site / "analysis/contested/index.html").read_text(encoding="utf-8")
    review = re.search(r'<script type="application/ld\+json">(.*?)</script>', contested).group(1)
    data = json.loads(review)
    assert data["@type"] == "ClaimReview" and data["reviewRating"]["alternateName"] == "Disputed"
    assert data["url"].endswith("analysis/contested/#sale")
    doc = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    assert next(p for p in doc["contested"] if p["id"] == "sale")["rating"] == "Disputed"
    assert doc["orphans"] == []


def test_two_entries_on_one_automatic_point_report_the_second_and_go_on(seeds: Path) -> None:
    result = edit(seeds, """
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold the fishing rights"}
    rating: Disputed
  - id: sale-again
    match: {source: herald, quote: "secretly sold the fishing rights"}
    title: "Was the sale secret?"
""")
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert problem.file.endswith("editorial/e.yml") and problem.line == 6
    assert "already reviewed by the entry at line 3" in problem.message
    points = {p.id: p for p in result.analysis.contested}
    assert set(points) == {"sale"} and points["sale"].rating == "Disputed"


BOATS_POSITIONS = """    positions:
      - stance: asserts
        passages: [{source: herald, quote: "The harbour has 240 registered boats."}]
      - stance: disputes
        passages: [{source: gazette, quote: "number about 240"}]
"""


def test_a_point_id_is_used_once(seeds: Path) -> None:
    """Two points with one id (or an editor's point named like an automatic one) would share an anchor."""
    result = edit(seeds, f"points:\n  - id: boats\n{BOATS_POSITIONS}  - id: boats\n    title: Again\n{BOATS_POSITIONS}  - id: point-1\n{BOATS_POSITIONS}")
    errors = sorted((p.line, p.message) for p in result.problems if p.severity == "error")
    assert errors == [
        (8, "point id 'boats' is already used by the entry at line 2"),
        (15, "point id 'point-1' is the id of an automatic contested point"),
    ]
    ids = [p.id for p in result.analysis.contested]
    assert sorted(ids) == ["boats", "point-1"] and len(set(ids)) == len(ids)
    assert next(p for p in result.analysis.contested if p.id == "boats").title == "boats"
