"""Real builds, in the style of mkdocstrings' plugin test: write a project, build it, read the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from provenance.claims import anchor
from provenance.claims import claims as claims_module
from provenance.model import Selector

from .conftest import ROOT, Project, RepoSite, page_text


@pytest.fixture
def built_repo_site(repo_site: RepoSite) -> Path:
    """The repository's own site, built once per session with --strict (see conftest)."""
    return repo_site.site


def test_repo_site_builds_strict_with_a_page_per_source(built_repo_site: Path) -> None:
    data = json.loads((built_repo_site / "provenance.json").read_text(encoding="utf-8"))
    assert data["schema"] == "2.2"
    assert len(data["sources"]) == len(list((ROOT / "seeds").glob("*.txt"))) > 0
    for source in data["sources"]:
        page = built_repo_site / source["page"] / "index.html"
        assert page.is_file(), source["page"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", source["id"])
    for name in ("index.html", "methodology/index.html", "sources/index.html", "reference/export/index.html"):
        assert (built_repo_site / name).is_file()


def test_fidelity_every_body_sentence_is_on_its_page_verbatim(built_repo_site: Path) -> None:
    """Offsets index the files of the checkout (the build read a copy of them)."""
    data = json.loads((built_repo_site / "provenance.json").read_text(encoding="utf-8"))
    for source in data["sources"]:
        html = (built_repo_site / source["page"] / "index.html").read_text(encoding="utf-8")
        text = page_text(html, "pv-text")
        raw = (ROOT / source["file"]).read_text(encoding="utf-8")
        for sentence in source["sentences"]:
            assert raw[sentence["start"] : sentence["end"]] == sentence["text"]
            assert sentence["text"] in text, (source["id"], sentence["text"])
    for claim in data["claims"]:
        source = next(s for s in data["sources"] if s["id"] == claim["source"])
        raw = (ROOT / source["file"]).read_text(encoding="utf-8")
        sel = claim["selector"]
        assert raw[sel["start"] : sel["end"]] == sel["exact"] == claim["text"]
        assert raw[: sel["start"]].endswith(sel["prefix"]) and raw[sel["end"] :].startswith(sel["suffix"])


def test_every_claim_has_a_footnote_with_source_paragraph_and_permalink(built_repo_site: Path) -> None:
    data = json.loads((built_repo_site / "provenance.json").read_text(encoding="utf-8"))
    assert data["claims"]
    for claim in data["claims"]:
        page, anchor_id = claim["url"].split("#")
        html = (built_repo_site / page / "index.html").read_text(encoding="utf-8")
        sid = claim["sentence"]
        assert f'id="{anchor_id}"' in html
        ref = re.search(rf'<sup id="fnref:{sid}" class="pv-ref"><a class="footnote-ref" href="#fn:{sid}"', html)
        assert ref, sid
        note = re.search(rf'<li id="fn:{sid}">(.*?)</li>', html, re.S)
        assert note, sid
        body = note.group(1)
        paragraph = next(s["paragraph"] for src in data["sources"] for s in src["sentences"] if s["id"] == sid and src["id"] == claim["source"])
        assert f"paragraph {paragraph}" in body
        assert f'href="#{sid}"' in body and f'href="#fnref:{sid}"' in body and 'role="doc-backlink"' in body


def test_non_claims_are_labelled_and_never_footnoted(built_repo_site: Path) -> None:
    data = json.loads((built_repo_site / "provenance.json").read_text(encoding="utf-8"))
    claimed = {c["sentence"] for c in data["claims"]}
    for source in data["sources"]:
        html = (built_repo_site / source["page"] / "index.html").read_text(encoding="utf-8")
        for s in source["sentences"]:
            if s["role"] != "body":
                assert s["id"] not in claimed
                assert f'id="fnref:{s["id"]}"' not in html
                assert re.search(rf'id="{s["id"]}">[^<]*</span><span class="pv-tag', html), s


def test_footnotes_tooltip_feature_and_site_hygiene() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "content.footnote.tooltips" in config
    assert re.search(r"^\s+font: false", config, re.M)
    assert re.search(r"^validation:\n(\s+\w+: warn\n)+", config, re.M)


def test_a_new_source_gets_a_page_metadata_and_claims(project: Project) -> None:
    project.add_source(
        "017_x9f3.txt",
        "Lake Levels Fall to Record Low\n\nBy Sam Okoro\n\nThe lake fell by two metres this summer. Officials blamed the drought.\n",
        "publisher: Valley News\n",
    )
    site = project.build()
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    (source,) = data["sources"]
    assert source["id"] == "lake-levels-fall-to-record-low"
    assert (source["author"], source["publisher"], source["published"]) == ("Sam Okoro", "Valley News", None)
    assert len(data["claims"]) == 2
    html = (site / source["page"] / "index.html").read_text(encoding="utf-8")
    assert "Lake Levels Fall to Record Low - Test site</title>" in html
    meta = page_text(html, "pv-meta")
    assert "Published" in meta and "unknown" in meta
    index = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert 'href="lake-levels-fall-to-record-low/"' in index  # relative to sources/, where the list is


def test_a_quote_that_does_not_match_its_source_fails_strict(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n")
    real = anchor.describe

    def off_by_one(text: str, start: int, end: int, context: int = 32) -> Selector:
        sel = real(text, start, end, context)
        return Selector(sel.exact, sel.prefix, sel.suffix, sel.start + 1, sel.end + 1)

    monkeypatch.setattr(claims_module.anchor, "describe", off_by_one)
    with pytest.raises(Abort):
        project.build(strict=True)


def test_broken_sidecar_fails_strict_but_builds_otherwise(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ok\ntitle: [broken\n")
    with pytest.raises(Abort):
        project.build(strict=True)
    assert re.search(r"seeds/a\.yml:\d+: is not valid YAML", caplog.text)
    caplog.clear()
    site = project.build(strict=False)
    assert "The ferry sank near the harbour on Sunday night." in page_text((site / "sources/ok/index.html").read_text(encoding="utf-8"))


def test_links_to_sentence_anchors_are_validated(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    project.build()
    sid = json.loads((project.site / "provenance.json").read_text())["claims"][0]["sentence"]
    (project.docs / "index.md").write_text(f"# Home\n\n[the sinking](sources/ferry.md#{sid})\n", encoding="utf-8")
    project.build(strict=True)
    (project.docs / "index.md").write_text("# Home\n\n[gone](sources/ferry.md#s-00000000)\n", encoding="utf-8")
    with pytest.raises(Abort):
        project.build(strict=True)
    assert "does not contain an anchor '#s-00000000'" in caplog.text


def test_the_sidebar_lists_all_sources_first_then_each_in_the_order_of_the_table(project: Project) -> None:
    """File-name order (the table's, and provenance.json's), not the ids' alphabetical order; no "Sources > Sources"."""
    for name, sid, title in (("01_zeta.txt", "zeta", "Zeta Tide Tables Published"), ("02_alpha.txt", "alpha", "Alpha Pier Reopens"),
                             ("03_mid.txt", "mid", "Mid Channel Dredging Begins")):
        project.add_source(name, f"{title}\n\nThe work on the harbour was finished on time this week.\n", f"id: {sid}\n")
    site = project.build()
    table = re.findall(r'<td><a href="[^"]*">([^<]*)</a></td>', (site / "sources" / "index.html").read_text(encoding="utf-8"))
    assert table == ["Zeta Tide Tables Published", "Alpha Pier Reopens", "Mid Channel Dredging Begins"]
    html = (site / "sources" / "alpha" / "index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('class="md-nav md-nav--primary"') :]
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', sidebar)
    assert labels[labels.index("Sources") + 1 :][:4] == ["All sources", *table], labels
