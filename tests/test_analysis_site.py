"""The analysis as the reader sees it: marks, notes, analysis pages and exports, from real builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance.analysis.attribution import KINDS

from . import harbour
from .conftest import MKDOCS_YML, Project, page_text


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("analysis-project")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    harbour.write(root / "seeds")
    return Project(root).build(strict=True)


def data(site: Path) -> dict:
    return json.loads((site / "provenance.json").read_text(encoding="utf-8"))


def claim(doc: dict, words: str) -> dict:
    return next(c for c in doc["claims"] if words in c["text"])


def test_export_v2_fields(site: Path) -> None:
    doc = data(site)
    assert doc["schema"] == "2.2"
    sale = claim(doc, "secretly sold the fishing rights")
    assert sale["status"] == "contested"
    assert any(r["relation"] == "contests" for r in sale["related"])
    lopez = claim(doc, "reportedly approved the sale")
    assert lopez["hedges"] == ["reportedly"]
    approved = claim(doc, "Maria Lopez approved the sale")
    (attribution,) = approved["attribution"]
    assert (attribution["name"], attribution["via"]) == ("two board members", "according to")
    assert attribution["kind"] in KINDS  # which kind is tests/test_attribution.py's matter
    assert any(r["claim"] == lopez["id"] and r["relation"] in ("corroborates", "echoes") for r in approved["related"])
    (point,) = doc["contested"]
    stances = {p["stance"]: p for p in point["positions"]}
    assert stances["denies"]["holders"] == ["The harbour board"]
    assert sale["id"] in stances["asserts"]["claims"]
    meeting = claim(doc, "The board meets again on April 2")
    assert meeting["status"] == "single-source" and meeting["related"] == []
    boats = claim(doc, "240 registered boats")  # the other paper gives the figure in its own words
    assert boats["status"] == "corroborated" and [r["relation"] for r in boats["related"]] == ["corroborates"]


def test_annotations_jsonld(site: Path) -> None:
    doc = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld" and doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert len(items) == doc["total"] == len(data(site)["claims"])
    selectors = items[0]["target"]["selector"]
    assert {s["type"] for s in selectors} == {"TextQuoteSelector", "TextPositionSelector"}
    # Sources without a url are annotated on their page, which the site publishes (it does not publish seeds/NAME.txt).
    pages = {s["id"]: s["page"] for s in data(site)["sources"]}
    for item in items:
        source_id = item["id"].removeprefix("http://127.0.0.1/").split("/")[1]
        assert item["target"]["source"] == f"http://127.0.0.1/{pages[source_id]}", item["target"]["source"]
        assert (site / pages[source_id] / "index.html").is_file()


def test_marks_and_notes_follow_the_sentence_on_the_source_page(site: Path) -> None:
    html = (site / "sources/herald/index.html").read_text(encoding="utf-8")
    doc = data(site)
    lopez = claim(doc, "reportedly approved the sale")
    sentence = re.search(rf'<span class="[^"]*" id="{lopez["sentence"]}">(.*?)</span>(.*?)</sup>', html, re.S)
    assert sentence
    inner, after = sentence.groups()
    assert '<mark class="pv-hedge"' in inner and "reportedly" in inner
    assert re.sub(r"<[^>]+>", "", inner) == lopez["text"]  # nothing inserted between the words
    assert "pv-mark-hedged" in after and ">hedged<" in after and 'class="footnote-ref"' in after
    note = re.search(rf'<li id="fn:{lopez["sentence"]}">(.*?)</li>', html, re.S).group(1)
    assert "Who says it:" in note and "Hedged:" in note
    assert re.search(r'href="\.\./gazette/#s-[0-9a-f]{8}"', note), "links to the corroborating sentence on the other page"


def test_overview_quotes_and_footnotes_every_item(site: Path) -> None:
    html = (site / "analysis/overview/index.html").read_text(encoding="utf-8")
    body = html[html.index('<h1 id="overview">') : html.index('<div class="footnote')]
    items = re.findall(r"<li>(.*?)</li>", body, re.S)
    assert items
    for item in items:
        assert '<q class="pv-quote">' in item and 'class="footnote-ref"' in item
    for section in ("agreed", "contested", "single-source"):
        assert f'id="{section}"' in html


def test_contested_page_shows_positions_side_by_side(site: Path) -> None:
    html = (site / "analysis/contested/index.html").read_text(encoding="utf-8")
    assert html.count('<section class="pv-position pv-stance-') >= 2
    assert "pv-stance-asserts" in html and "pv-stance-denies" in html
    assert 'id="point-1"' in html
    notes = re.findall(r'<li id="fn:pv-\d+"><p>(.*?)</p></li>', html, re.S)
    assert notes and all('href="../../sources/' in n for n in notes)


def test_matrix_timeline_and_people(site: Path) -> None:
    matrix = (site / "analysis/matrix/index.html").read_text(encoding="utf-8")
    assert "<caption>" in matrix and 'scope="col"' in matrix and "denies" in matrix and "silent" in matrix
    timeline = page_text((site / "analysis/timeline/index.html").read_text(encoding="utf-8"))
    assert timeline.index("2024-02-12") < timeline.index("2024-04-02")
    assert "year inferred" in timeline  # "April 2" has no year: taken from the publication date
    people = (site / "analysis/people/index.html").read_text(encoding="utf-8")
    text = page_text(people)
    assert "Maria Lopez" in text and "Carlos Lopez" in text
    assert re.search(r"“Lopez” may refer to", text)


def test_a_third_source_links_to_the_existing_seeds(seeded_project: Project) -> None:
    project = seeded_project
    project.add_source(
        "wire.txt",
        "Cable Row Explained\n\n"
        "Imran Khan was removed as prime minister through a no-confidence vote in the National Assembly in April 2022.\n\n"
        "The US State Department denied any involvement in the removal of Khan.\n\n"
        "Khan was sentenced to three years in prison on corruption charges on August 5, 2023.\n",
        "id: wire\npublisher: Example Wire\n",
    )
    site = project.build(strict=True)
    doc = data(site)
    wire = [c for c in doc["claims"] if c["source"] == "wire"]
    assert len(wire) == 3
    linked = [c for c in wire if any(not r["claim"].startswith("wire.") for r in c["related"])]
    assert len(linked) >= 2
    sentenced = claim(doc, "sentenced to three years in prison on corruption charges on August 5")
    assert any(r["relation"] in ("corroborates", "echoes") and not r["claim"].startswith("wire.") for r in sentenced["related"])


def test_long_lists_are_summarised(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.render import analysis_pages

    monkeypatch.setattr(analysis_pages, "MAX_ITEMS", 1)
    monkeypatch.setattr(analysis_pages, "MAX_ROWS", 0)
    harbour.write(project.seeds)
    site = project.build(strict=True)
    overview = page_text((site / "analysis/overview/index.html").read_text(encoding="utf-8"))
    assert "claims are made by one source only" in overview
    matrix = page_text((site / "analysis/matrix/index.html").read_text(encoding="utf-8"))
    assert re.search(r"Shown: 0 of [1-9]\d* rows", matrix)


def test_each_registered_analysis_page_is_built_with_its_title_and_description_in_reading_order(site: Path) -> None:
    """One registry (render/analysis_pages.PAGES) names the pages, their titles, descriptions and order."""
    from provenance.render.analysis_pages import PAGES

    assert [p.name for p in PAGES] == ["overview", "contested", "matrix", "timeline", "people"]
    for page in PAGES:
        html = (site / "analysis" / page.name / "index.html").read_text(encoding="utf-8")
        assert f"<title>{page.title} - " in html
        assert f'<meta name="description" content="{page.description}">' in html.replace("&#39;", "'")
    sidebar = (site / "index.html").read_text(encoding="utf-8")
    sidebar = sidebar[sidebar.index('class="md-nav md-nav--primary"') :]
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', sidebar)
    titles = [p.title for p in PAGES]
    assert [label for label in labels if label in titles] == titles
