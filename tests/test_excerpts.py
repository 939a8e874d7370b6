"""Excerpts: a source displayed as excerpts shows only the sentences that matter, and its other
sentences are nowhere in the built site (pages, search index, exports, sitemap)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.claims.cite import Resolver
from provenance.export import diff
from provenance.sources import excerpts

from .conftest import Project, page_text

COURIER = """Harbour council approves barrier repairs

By Mara Lindqvist

The Eastmouth harbour council voted on Tuesday to spend 4.2 million pounds on repairs to the tidal barrier. Seven of the nine councillors backed the plan after a long debate in the Guildhall.

According to an engineers' survey, two of the barrier's four steel gates may fail to close during a strong surge. The survey was carried out in January by a firm from Holmby.

The public gallery was full of residents from Quay Street. A brass band played outside the Guildhall before the vote. The barrier was last repaired on 14 March 2009.

Councillor Rowan Pike denied that the council had considered replacing the gates outright. The council's treasurer said the repairs would be paid for from the harbour reserve.
"""
GAZETTE = """Council backs tidal barrier plan

The Eastmouth harbour council voted on Tuesday to spend 4.2 million pounds on repairs to the tidal barrier, the Gazette has learned.

The council considered replacing the gates outright, officials said.

The works will begin in May and last eleven weeks.
"""
HIDDEN = [
    "Seven of the nine councillors backed the plan after a long debate in the Guildhall.",
    "The survey was carried out in January by a firm from Holmby.",
    "The public gallery was full of residents from Quay Street.",
    "A brass band played outside the Guildhall before the vote.",
    "The barrier was last repaired on 14 March 2009.",
]
SHOWN = [
    "The Eastmouth harbour council voted on Tuesday to spend 4.2 million pounds on repairs to the tidal barrier.",  # corroborated
    "According to an engineers' survey, two of the barrier's four steel gates may fail to close during a strong surge.",  # hedged
    "Councillor Rowan Pike denied that the council had considered replacing the gates outright.",  # contested
    "The council's treasurer said the repairs would be paid for from the harbour reserve.",  # cited from a page
]
PAGE = """# The barrier

The repairs will not cost the town anything extra [@courier "paid for from the harbour reserve"].

```
An example of the syntax, not a citation: [@courier "Seven of the nine councillors"]
```

Inline code is not a citation either: `[@courier "A brass band played"]`.
"""


def setup(project: Project, courier_display: str | None = "excerpts", site_default: str | None = None) -> None:
    display = f"display: {courier_display}\n" if courier_display else ""
    project.add_source("courier.txt", COURIER, f"id: courier\ntitle: Harbour council approves barrier repairs\npublisher: The Eastmouth Courier\n"
                       f"url: https://courier.example/news/barrier\n{display}")
    project.add_source("gazette.txt", GAZETTE, "id: gazette\ntitle: Council backs tidal barrier plan\npublisher: Brackwater Gazette\n")
    (project.docs / "barrier.md").write_text(PAGE, encoding="utf-8")
    if site_default:
        config = project.root / "mkdocs.yml"
        config.write_text(config.read_text().replace("      seeds: seeds\n", f"      seeds: seeds\n      display: {site_default}\n"), encoding="utf-8")


def site_files(site: Path) -> dict[str, str]:
    """Every file of the built site as text (gzip files decompressed)."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return out


@pytest.fixture
def built(project: Project) -> Project:
    setup(project)
    project.build()
    return project


def test_hidden_sentences_are_nowhere_in_the_site(built: Project) -> None:
    files = site_files(built.site)
    assert {"search/search_index.json", "provenance.json", "annotations.jsonld", "sitemap.xml", "sitemap.xml.gz"} <= set(files)
    for sentence in HIDDEN:
        for probe in (sentence, sentence[:40], json.dumps(sentence)[1:41]):
            leaks = [name for name, text in files.items() if probe in text]
            assert not leaks, (probe, leaks)
    # ...while the shown sentences are on the page and in the search index.
    for sentence in SHOWN:
        assert sentence in page_text(built.html("sources/courier/"), "pv-text")
        assert json.dumps(sentence)[1:-1] in files["search/search_index.json"]


def test_the_full_source_is_unaffected(built: Project) -> None:
    text = page_text(built.html("sources/gazette/"), "pv-text")
    assert "The works will begin in May and last eleven weeks." in text


def test_the_page_shows_excerpts_with_paragraph_numbers_elisions_and_the_original(built: Project) -> None:
    html = built.html("sources/courier/")
    section = html[html.index('<section class="pv-text pv-excerpts"') : html.index("</section>")]
    # Paragraphs 3, 4 and 6 hold the shown sentences; 1, 2 (title, byline) and 5 are left out.
    assert re.findall(r'<p class="pv-para" id="p-(\d+)">', section) == ["3", "4", "6"]
    marks = re.findall(r'\[… (\d+) sentences? left out …\]', section)
    assert marks == ["2", "1", "4"]  # before paragraph 3, between 3 and 4, between 4 and 6
    assert "Excerpts: 4 of 11 sentences are shown" in html
    assert 'href="https://courier.example/news/barrier"' in html[: html.index("<section")]
    assert 'aria-label="Excerpts of the source"' in html
    # Only shown claims have notes.
    assert len(re.findall(r"<li id=\"fn:s-", html)) == 4


def test_provenance_json_keeps_offsets_but_not_the_words(built: Project) -> None:
    data = json.loads((built.site / "provenance.json").read_text(encoding="utf-8"))
    courier = next(s for s in data["sources"] if s["id"] == "courier")
    assert courier["display"] == "excerpts"
    gazette = next(s for s in data["sources"] if s["id"] == "gazette")
    assert gazette["display"] == "full" and all(s["text"] for s in gazette["sentences"])
    by_text = {COURIER[s["start"] : s["end"]]: s for s in courier["sentences"]}
    for sentence in HIDDEN:
        entry = by_text[sentence]
        assert entry["text"] is None and entry["end"] - entry["start"] == len(sentence)
    for sentence in SHOWN:
        assert by_text[sentence]["text"] == sentence
    hidden_claims = [c for c in data["claims"] if c["source"] == "courier" and c["text"] is None]
    assert len(hidden_claims) == len(HIDDEN)  # every hidden sentence is a claim here
    for claim in hidden_claims:
        assert claim["selector"]["exact"] is None and claim["selector"]["prefix"] is None
        assert isinstance(claim["selector"]["start"], int) and claim["url"] == courier["page"]
    for claim in (c for c in data["claims"] if c["source"] == "courier" and c["text"]):
        selector = claim["selector"]
        assert COURIER[selector["start"] : selector["end"]] == selector["exact"]
        # The context is cut where hidden text begins.
        assert COURIER[: selector["start"]].endswith(selector["prefix"]) and COURIER[selector["end"] :].startswith(selector["suffix"])
        for sentence in HIDDEN:
            assert sentence[:12] not in selector["prefix"] + selector["suffix"]


def test_annotations_of_hidden_sentences_keep_only_positions(built: Project) -> None:
    data = json.loads((built.site / "annotations.jsonld").read_text(encoding="utf-8"))
    courier = [item for item in data["first"]["items"] if "/courier/" in item["id"]]
    kinds = [[s["type"] for s in item["target"]["selector"]] for item in courier]
    assert kinds.count(["TextPositionSelector"]) == len(HIDDEN)
    assert kinds.count(["TextQuoteSelector", "TextPositionSelector"]) == len(SHOWN)


def test_analysis_pages_quote_only_shown_sentences(built: Project) -> None:
    for page in ("analysis/overview/", "analysis/timeline/", "analysis/matrix/", "analysis/contested/", "analysis/people/"):
        html = built.html(page)
        for sentence in HIDDEN:
            assert sentence[:30] not in html, (page, sentence)
    assert "2009-03-14" not in built.html("analysis/timeline/")


def test_a_citation_shows_the_sentence_it_cites(built: Project) -> None:
    """Decided: a citation of a sentence that would be hidden shows it (as an excerpt); it never fails."""
    html = built.html("barrier/")
    assert "paid for from the harbour reserve" in html
    target = re.search(r'href="\.\./sources/courier/#(s-[0-9a-f]{8})"', html)
    assert target and f'id="{target.group(1)}"' in built.html("sources/courier/")


def test_citations_in_code_do_not_count(project: Project) -> None:
    setup(project)
    result = pipeline.run(project.seeds, project.root)
    cited = excerpts.cited_sentences([PAGE], Resolver(result.sources, result.claims))
    texts = {next(s.text for s in result.sources[0].sentences if s.id == sid) for _, sid in cited}
    assert texts == {SHOWN[3]}


def test_the_site_default_and_a_sidecar_that_overrides_it(project: Project) -> None:
    setup(project, courier_display=None, site_default="excerpts")
    (project.seeds / "gazette.yml").write_text("id: gazette\ntitle: Council backs tidal barrier plan\ndisplay: full\n", encoding="utf-8")
    project.build()
    data = json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))
    assert {s["id"]: s["display"] for s in data["sources"]} == {"courier": "excerpts", "gazette": "full"}
    assert HIDDEN[3] not in (project.site / "sources/courier/index.html").read_text(encoding="utf-8")


def test_full_display_shows_everything(project: Project) -> None:
    setup(project, courier_display="full")
    project.build()
    text = page_text(project.html("sources/courier/"), "pv-text")
    for sentence in HIDDEN + SHOWN:
        assert sentence in text
    assert "left out" not in project.html("sources/courier/")


def test_cli_export_applies_excerpts(project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.cli import commands as cli

    setup(project)
    monkeypatch.chdir(project.root)
    assert cli.main(["export", "--seeds", "seeds", "--docs", "docs"]) == 0
    out = capsys.readouterr().out
    for sentence in HIDDEN:
        assert sentence not in out
    assert SHOWN[3] in out  # cited from docs/barrier.md


def test_clip_cuts_context_at_hidden_text() -> None:
    text = "Alpha one. Beta two. Gamma three."
    from provenance.model import Metadata, Source
    from provenance.sources.ingest import split

    paragraphs, sentences, _ = split(text)
    source = Source("a.txt", text, Metadata(id="a"), tuple(paragraphs), tuple(sentences), "")
    beta = next(s for s in sentences if s.text == "Beta two.")
    gamma = next(s for s in sentences if s.text == "Gamma three.")
    shown = excerpts.Shown({"a": frozenset({beta.id, gamma.id})})
    assert shown.clip(source, 0, beta.start, before=True) == " "  # "Alpha one." is hidden
    assert shown.clip(source, beta.end, len(text), before=False) == " Gamma three."
    assert excerpts.Shown().clip(source, 0, beta.start, before=True) == "Alpha one. "


def test_cli_export_is_the_builds_document_with_the_display_of_mkdocs_yml(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`provenance export` takes the site's `display` option and the pages' citations as the build does."""
    from provenance.cli import commands as cli

    setup(project, courier_display=None, site_default="excerpts")
    project.build()
    monkeypatch.chdir(project.root)
    assert cli.main(["export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert {s["id"]: s["display"] for s in exported["sources"]} == {"courier": "excerpts", "gazette": "excerpts"}
    assert exported == json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))


COURIER_YML = "id: courier\ntitle: Harbour council approves barrier repairs\npublisher: The Eastmouth Courier\ndisplay: excerpts\n"
REWORDED = "The public gallery was packed with residents from Quay Street."


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_claims_report_never_quotes_a_hidden_sentence(tmp_path: Path) -> None:
    """`provenance diff` computes each side's provenance.json with the excerpts the site would show."""
    from .test_diff import Repo

    repo = Repo(tmp_path / "repo")
    repo.write("docs/barrier.md", PAGE)
    repo.write("seeds/gazette.txt", GAZETTE)
    repo.write("seeds/gazette.yml", "id: gazette\ntitle: Council backs tidal barrier plan\npublisher: Brackwater Gazette\n")
    repo.commit("gazette")
    repo.write("seeds/courier.txt", COURIER)
    repo.write("seeds/courier.yml", COURIER_YML)
    repo.commit("courier, shown as excerpts")
    repo.write("seeds/courier.txt", COURIER.replace(HIDDEN[2], REWORDED))
    repo.commit("a hidden sentence reworded")

    added, text = diff.run("HEAD~2", "HEAD~1", repo.root)
    courier = [c for c in added.claims_added if c["source"] == "courier"]
    assert len(courier) == len(HIDDEN) + len(SHOWN)
    assert {c["text"] for c in courier} == {None, *SHOWN}
    assert text.count(diff.NOT_SHOWN) == len(HIDDEN)
    assert diff.md(SHOWN[3]) in text  # cited from docs/barrier.md, so shown

    reworded, text_2 = diff.run("HEAD~1", "HEAD", repo.root)
    # The words are unknown on both sides: a claim removed and one added, not a rewording with text.
    assert [c["text"] for c in reworded.claims_removed] == [None] and [c["text"] for c in reworded.claims_added] == [None]
    assert not reworded.claims_changed
    assert [b.text for b in reworded.broken] == [None]
    for report in (text, text_2, diff.run("HEAD~2", None, repo.root)[1]):
        for sentence in [*HIDDEN, REWORDED]:
            assert diff.md(sentence)[:30] not in report and sentence[:30] not in report, sentence


def test_the_sources_index_and_the_overview_say_what_excerpts_leave_out(built: Project) -> None:
    data = json.loads((built.site / "provenance.json").read_text(encoding="utf-8"))
    total, quoted = len(data["claims"]), sum(1 for c in data["claims"] if c["text"] is not None)
    assert total - quoted == len(HIDDEN)
    index = built.html("sources/")
    assert "Each page shows a source's full text, paragraph by paragraph, with a note on every claim; the one marked (excerpts) shows only" in page_text(index)
    assert re.search(r'<a href="courier/">[^<]*</a> <span class="pv-byline">\(excerpts\)</span>', index)
    assert 'content="Every source on this site, shown in full or as excerpts' in index
    overview = page_text(built.html("analysis/overview/"))
    assert f"Claims{total} ({quoted} quoted; {len(HIDDEN)} in sentences that sources shown as excerpts leave out)" in overview


def test_with_every_source_in_full_the_index_and_overview_count_plainly(project: Project) -> None:
    setup(project, courier_display="full")
    project.build()
    data = json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))
    index = project.html("sources/")
    assert "Each page shows a source's full text, paragraph by paragraph, with a note on every claim.</p>" in index
    assert "(excerpts)" not in index and 'content="Every source on this site, each shown in full' in index
    assert re.search(rf"<dt>Claims</dt><dd>{len(data['claims'])}</dd>", project.html("analysis/overview/"))
