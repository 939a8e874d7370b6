"""Which marks an editor reviewed: the editorial format's `by`, `date` and `verdict: todo`, the review each
mark gets from the entries (and from what decides it), and what provenance.json and the pages say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.export import export
from provenance.render import analysis_pages, annotations
from provenance.render.links import Linker

from .conftest import page_text


def edit(seeds: Path, text: str) -> pipeline.Result:
    (seeds / "editorial" / "e.yml").write_text(text, encoding="utf-8")
    return pipeline.run(seeds, seeds.parent)


def claim(result: pipeline.Result, words: str):
    return next(c for c in result.claims if words in c.text)


def problems(result: pipeline.Result) -> list:
    return [p for p in result.problems if p.severity != "info"]


def link_review(result: pipeline.Result, a: str, b: str):
    pair = {claim(result, a).id, claim(result, b).id}
    return next(r.review for r in result.analysis.relations if {r.a, r.b} == pair)


def test_without_editorial_files_every_mark_is_automatic(harbour_seeds: Path) -> None:
    result = pipeline.run(harbour_seeds, harbour_seeds.parent)
    assert result.analysis.reviews == {}
    assert all(r.review is None for r in result.analysis.relations)
    assert all(not p.reviewed and p.review is None for p in result.analysis.contested)
    document = export.provenance(result, lambda sid: f"sources/{sid}/")
    for entry in document["claims"]:
        assert entry["status_reviewed"] is False and entry["status_review"] is None
        assert entry["hedges_reviewed"] is False and entry["hedges_review"] is None
        assert all(r["reviewed"] is False and r["review"] is None for r in entry["related"])
    assert all(p["reviewed"] is False and p["review"] is None for p in document["contested"])


def test_a_confirmed_point_reviews_its_positions_denials_and_claims_with_who_and_when(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold the fishing rights"}
    verdict: confirm
    by: Ana Editor
    date: 2024-05-02
""")
    assert not problems(result), result.problems
    point = result.analysis.contested[0]
    assert point.review.how == "confirmed" and (point.review.by, point.review.date) == ("Ana Editor", "2024-05-02")
    assert point.review.file.endswith("editorial/e.yml") and point.review.line == 3
    members = {c for p in point.positions for c in p.claims}
    assert all(result.analysis.reviews["status", c] == point.review for c in members)
    contests = [r for r in result.analysis.relations if r.kind == "contests"]
    assert contests and all(r.review == point.review for r in contests)
    document = export.provenance(result, lambda sid: f"sources/{sid}/")
    assert document["contested"][0]["review"] == {"how": "confirmed", "by": "Ana Editor", "date": "2024-05-02", "file": point.review.file, "line": 3}


@pytest.mark.parametrize(
    ("entry", "how"),
    [
        ("    verdict: confirm\n", "confirmed"),
        ("    title: Was it sold?\n", "confirmed"),  # retitled: reviewed, as found
        ("    positions:\n      - stance: asserts\n        holders: [Herald]\n        passages: [{source: herald, quote: \"secretly sold\"}]\n"
         "      - stance: denies\n        holders: [the board]\n        passages: [{source: gazette, quote: \"denied that it sold\"}]\n", "corrected"),
    ],
)
def test_how_a_point_was_reviewed(harbour_seeds: Path, entry: str, how: str) -> None:
    result = edit(harbour_seeds, 'points:\n  - id: sale\n    match: {source: gazette, quote: "denied that it sold"}\n' + entry)
    assert not problems(result), result.problems
    assert result.analysis.contested[0].review.how == how


def test_a_point_written_by_hand_is_written(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
points:
  - id: boats
    positions:
      - stance: asserts
        holders: [Herald]
        passages: [{source: herald, quote: "The harbour has 240 registered boats."}]
      - stance: disputes
        holders: [port office]
        passages: [{source: gazette, quote: "number about 240"}]
""")
    written = next(p for p in result.analysis.contested if p.id == "boats")
    assert written.review.how == "written"
    assert next(p for p in result.analysis.contested if p.id != "boats").review is None  # the automatic one stays automatic


def test_links_confirmed_corrected_added_and_rejected(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
links:
  - a: {source: herald, quote: "reportedly approved the sale"}
    b: {source: gazette, quote: "approved the sale of the fishing rights"}
    verdict: confirm
  - a: {source: herald, quote: "The harbour has 240 registered boats."}
    b: {source: gazette, quote: "number about 240"}
    verdict: confirm
    relation: echoes
  - a: {source: herald, quote: "Fishermen in Porto Alto were not consulted"}
    b: {source: gazette, quote: "Lopez never spoke to the fishermen"}
    verdict: confirm
    by: Tom
""")
    assert not problems(result), result.problems
    assert link_review(result, "reportedly approved", "approved the sale of the fishing rights").how == "confirmed"
    assert link_review(result, "240 registered boats", "number about 240").how == "corrected"  # corroboration -> echo
    added = link_review(result, "were not consulted", "never spoke to the fishermen")
    assert (added.how, added.by) == ("written", "Tom")
    # The status that a reviewed corroboration decides is reviewed; an echo decides nothing.
    reviews = result.analysis.reviews
    assert reviews["status", claim(result, "were not consulted").id] == added
    assert ("status", claim(result, "240 registered boats").id) not in reviews
    rejected = edit(harbour_seeds, """
links:
  - a: {source: herald, quote: "reportedly approved the sale"}
    b: {source: gazette, quote: "approved the sale of the fishing rights"}
    verdict: reject
""")
    lopez = claim(rejected, "reportedly approved")
    assert rejected.analysis.facts[lopez.id].status == "single-source"
    assert rejected.analysis.reviews["status", lopez.id].how == "corrected"  # single source, because an editor said so


def test_a_status_set_to_what_the_analysis_says_is_confirmed_and_to_another_corrected(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
claims:
  - passage: {source: herald, quote: "The harbour has 240 registered boats."}
    status: corroborated
    date: 2024-06-01
  - passage: {source: herald, quote: "Fishermen in Porto Alto were not consulted"}
    status: corroborated
  - passage: {source: herald, quote: "reportedly approved the sale"}
    hedges: confirm
""")
    reviews = result.analysis.reviews
    boats = reviews["status", claim(result, "240 registered").id]
    assert (boats.how, boats.date, boats.by) == ("confirmed", "2024-06-01", None)
    assert reviews["status", claim(result, "were not consulted").id].how == "corrected"
    assert reviews["hedges", claim(result, "reportedly approved").id].how == "confirmed"
    entry = next(c for c in export.provenance(result, lambda sid: "")["claims"] if "reportedly approved" in (c["text"] or ""))
    assert entry["hedges_reviewed"] is True and entry["hedges_review"]["how"] == "confirmed"
    assert entry["status_reviewed"] is False  # its corroboration is automatic


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ("    by: 42\n", 4, "'by' must be the reviewer's name, as text, not 42"),
        ("    by: '  '\n", 4, "'by' must be the reviewer's name"),
        ("    date: last Tuesday\n", 4, "'date' must be a date, YYYY-MM-DD, not 'last Tuesday'"),
        ("    date: 2024-02-30\n", 4, "'date' must be a date, YYYY-MM-DD, not '2024-02-30'"),
        ("    verdict: maybe\n", 4, "'verdict' must be confirm or reject, not 'maybe'"),
    ],
)
def test_bad_reviewers_and_verdicts_are_reported_with_their_line(harbour_seeds: Path, entry: str, line: int, message: str) -> None:
    result = edit(harbour_seeds, 'links:\n  - a: {source: herald, quote: "reportedly approved"}\n    b: {source: gazette, quote: "approved the sale of"}\n'
                  + entry + ("    verdict: confirm\n" if "verdict" not in entry else ""))
    found = [p for p in result.problems if p.severity == "error"]
    assert len(found) == 1 and message in found[0].message and found[0].line == line, found
    assert all(r.review is None for r in result.analysis.relations)  # not applied


def test_entries_to_do_are_checked_and_not_applied(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold"}
    verdict: todo
  - id: nowhere
    verdict: todo
    positions:
      - stance: asserts
        holders: [x]
        passages: [{source: herald, quote: "The harbour has 240 registered boats."}]
links:
  - a: {source: herald, quote: "reportedly approved"}
    b: {source: gazette, quote: "approved the sale of"}
    verdict: todo
  - a: {source: herald, quote: "not in the text at all"}
    b: {source: gazette, quote: "approved the sale of"}
    verdict: todo
""")
    assert sorted((t.kind, t.line) for t in result.todo) == [("link", 13), ("point", 3)]
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].line == 6 and "'verdict: todo' needs 'match'" in errors[0].message
    assert len(result.orphans) == 1 and result.orphans[0].line == 16  # a to-do entry's passages are checked like any other
    assert all(not p.reviewed for p in result.analysis.contested) and all(r.review is None for r in result.analysis.relations)


def test_every_mark_on_the_pages_says_reviewed_or_automatic(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, 'points:\n  - id: sale\n    match: {source: gazette, quote: "denied that it sold"}\n    verdict: confirm\n')
    sources = {s.id: s for s in result.sources}
    claims = {c.id: c for c in result.claims}
    parts = annotations.annotator(result.analysis, claims, sources, href=lambda s, sid: f"#{sid}", point_href=lambda p: f"#{p}")
    sale = claim(result, "secretly sold")
    note = parts(sale)
    assert page_text(note.marks) == "contested · reviewed"
    assert "(this claim asserts; confirmed by an editor)" in page_text(note.note)
    assert re.search(r"Contested by: Board Rejects Memo Claims: paragraph 3: “The harbour board denied that it…” \(confirmed by an editor\)", page_text(note.note))
    boats = parts(claim(result, "240 registered"))
    assert page_text(boats.marks) == "corroborated · automatic"
    assert re.search(r"Corroborated by: Board Rejects Memo Claims: paragraph 3: “Fishing boats in the harbour number…” \(automatic, similarity 0\.\d\d\)", page_text(boats.note))
    ctx = analysis_pages.context(result.sources, result.claims, result.analysis, Linker({s: f"sources/{s}/" for s in sources}, "analysis/contested/", {"contested": "analysis/contested/"}), "analysis/contested/", "Test site")
    contested = page_text(analysis_pages.contested_page(ctx))
    assert "Reviewed: the point and its positions were confirmed by an editor." in contested
    assert "Asserts · reviewed" in contested and "Denies · reviewed" in contested
    overview = page_text(analysis_pages.overview_page(ctx))
    assert "corroborated · automatic" in overview


def test_the_cypher_sites_reviewed_points_show_as_reviewed(repo_site) -> None:
    data = json.loads((repo_site.site / "provenance.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in data["contested"]} == {"us-pressure", "neutrality-policy", "corruption-charges"}
    for point in data["contested"]:
        assert point["reviewed"] and point["review"]["how"] == "confirmed" and point["review"]["file"] == "seeds/editorial/cypher.yml", point
    members = {c for p in data["contested"] for pos in p["positions"] for c in pos["claims"]}
    for entry in data["claims"]:
        if entry["id"] in members:
            assert entry["status_reviewed"], entry["id"]
            assert all(r["reviewed"] for r in entry["related"] if r["relation"] == "contests"), entry["id"]
    contested = page_text((repo_site.site / "analysis" / "contested" / "index.html").read_text(encoding="utf-8"), "md-content")
    assert contested.count("Reviewed: the point and its positions were confirmed by an editor.") == 3 and "Automatic:" not in contested
    assert " · automatic" not in contested.split("Notes")[0]


def test_who_reviewed_is_shown_as_text(harbour_seeds: Path) -> None:
    result = edit(harbour_seeds, """
links:
  - a: {source: herald, quote: "reportedly approved the sale"}
    b: {source: gazette, quote: "approved the sale of the fishing rights"}
    verdict: confirm
    by: "<img src=x onerror=alert(1)> & Co"
points:
  - id: sale
    match: {source: gazette, quote: "denied that it sold"}
    verdict: confirm
    by: "<script>alert(2)</script>"
""")
    sources = {s.id: s for s in result.sources}
    claims = {c.id: c for c in result.claims}
    parts = annotations.annotator(result.analysis, claims, sources, href=lambda s, sid: f"#{sid}", point_href=lambda p: f"#{p}")
    ctx = analysis_pages.context(result.sources, result.claims, result.analysis, Linker({s: f"sources/{s}/" for s in sources}, "c/", {"contested": "c/"}), "c/", "Test site")
    html = "".join(parts(c).note + parts(c).marks for c in result.claims) + analysis_pages.contested_page(ctx)
    assert "<img" not in html and "<script>alert" not in html
    assert "(confirmed by an editor (&lt;img src=x onerror=alert(1)&gt; &amp; Co))" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
