"""The build, for sources added with `provenance add`: where the text came from, its language,
its pages, and files in the seeds folder that are not sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from provenance import pipeline
from provenance.render import source_page
from provenance.sources.ingest import split

from . import webfixtures as web
from .conftest import Project, page_text

RECORD = """\
id: barrier
title: Harbour council approves repairs to the Eastmouth tidal barrier
author: Mara Lindqvist
publisher: The Eastmouth Courier
published: 2024-03-12
url: https://courier.example/news/tidal-barrier-repairs
archive_url: https://archive.example/2024/courier.example/news/tidal-barrier-repairs
language: en-GB
kind: news
retrieved: "2026-12-01T09:30:00Z"
extractor: trafilatura 2.3.1
original: originals/barrier.html
original_sha256: 9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de
"""


def test_the_header_reads_as_a_citation(project: Project) -> None:
    project.add_source("barrier.txt", "\n\n".join(web.NEWS_BODY) + "\n", RECORD)
    project.build()
    html = project.html("sources/barrier/")
    citation = re.search(r'<p class="pv-citation">(.*?)</p>', html, re.S)
    assert citation
    text = re.sub(r"<[^>]+>", "", citation.group(1))
    assert text == (
        "Mara Lindqvist, “Harbour council approves repairs to the Eastmouth tidal barrier”, The Eastmouth Courier, 12 March 2024. "
        "https://courier.example/news/tidal-barrier-repairs, retrieved on 1 December 2026. Archived copy."
    )
    assert '<a href="https://archive.example/2024/courier.example/news/tidal-barrier-repairs" rel="nofollow noopener">Archived copy</a>' in citation.group(1)
    meta = page_text(html, "pv-meta")
    for row in ("Retrieved2026-12-01 09:30:00 UTC", "LanguageEnglish (en-GB)", "Extracted withtrafilatura 2.3.1",
                "Original as retrievedseeds/originals/barrier.html, SHA-256 9b74c989"):
        assert row in meta, row
    # Footnotes still link to the passage at the original with a text fragment.
    assert "https://courier.example/news/tidal-barrier-repairs#:~:text=" in html
    data = json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))
    (source,) = data["sources"]
    assert (source["language"], source["retrieved"], source["archive_url"], source["original"], source["extractor"]) == (
        "en-GB", "2026-12-01T09:30:00Z", "https://archive.example/2024/courier.example/news/tidal-barrier-repairs", "originals/barrier.html",
        "trafilatura 2.3.1",
    )


@pytest.mark.parametrize(
    ("dateline", "shown"),
    [
        ("Updated: May 2024", '<time datetime="2024-05">May 2024</time>'),  # no day stated: none invented
        ("12/03/2024", '<time datetime="2024">2024</time>'),  # 12 March or 3 December: only the year is certain
        ("Tuesday, March 12, 2024", '<time datetime="2024-03-12">12 March 2024</time>'),
    ],
)
def test_the_citation_gives_the_date_to_the_precision_the_text_states(tmp_path: Path, dateline: str, shown: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = f"Dredging of the East Channel\n\nBy Ines Okafor\n{dateline}\n\nThe east channel of the harbour will be dredged in the autumn.\n"
    (seeds / "notice.txt").write_text(text, encoding="utf-8")
    (source,) = pipeline.run(seeds, tmp_path).sources
    assert source.meta.origin["published"] == "text"
    assert shown in source_page.citation(source)


def test_a_hand_made_source_has_no_retrieval_line(project: Project) -> None:
    project.add_source("a.txt", "\n\n".join(web.NEWS_BODY) + "\n", "title: Barrier\npublisher: The Eastmouth Courier\n")
    project.build()
    html = project.html("sources/barrier/")
    assert re.search(r'<p class="pv-citation">“Barrier”, <cite>The Eastmouth Courier</cite>\.</p>', html)
    assert "Retrieved" not in html and "Archived copy" not in html


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("display", "summary", r"unknown display 'summary'"),
        ("language", "german", r"language 'german' is not a language code"),
        ("retrieved", "yesterday", r"'retrieved' is not a time"),
        ("archive_url", "archive.example/x", r"archive_url 'archive.example/x' is not an http\(s\) URL"),
        ("original", "../elsewhere/page.html", r"original '\.\./elsewhere/page\.html' must be a path inside the seeds folder"),
        ("original_sha256", "abc", r"original_sha256 is not a SHA-256 digest"),
    ],
)
def test_bad_record_fields_fail_strict(project: Project, caplog: pytest.LogCaptureFixture, key: str, value: str, message: str) -> None:
    project.add_source("a.txt", "\n\n".join(web.NEWS_BODY) + "\n", f"title: Barrier\n{key}: {value}\n")
    with pytest.raises(Abort):
        project.build()
    assert re.search(rf"seeds/a\.yml:2: {message}", caplog.text), caplog.text


def test_another_language_is_split_with_its_rules_shown_and_exported(project: Project) -> None:
    text = "\n\n".join(web.GERMAN_BODY) + "\n"
    # English rules would end a sentence at "am 3." (the next word has a capital, as German nouns do).
    assert "Die Stadtbibliothek von Lindenau öffnet am 3." in [s.text for s in split(text)[1]]
    project.add_source("bibliothek.txt", text, f"id: bibliothek\ntitle: {web.GERMAN_TITLE}\nlanguage: de\n")
    project.build()
    data = json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))
    (source,) = data["sources"]
    assert source["language"] == "de"
    sentences = [s["text"] for s in source["sentences"]]
    assert sentences[0] == "Die Stadtbibliothek von Lindenau öffnet am 3. Mai nach zwei Jahren Umbau wieder ihre Türen."
    assert "Bei der Eröffnung spricht Prof. Weber über die Geschichte des Hauses." in sentences
    html = project.html("sources/bibliothek/")
    assert '<section class="pv-text" lang="de"' in html
    assert "LanguageGerman (de)" in page_text(html, "pv-meta")


def test_a_pdf_source_gives_pages_in_its_notes(project: Project) -> None:
    from provenance.sources import add, pdf

    article = pdf.article(web.pdf_bytes(web.PDF_PAGES, title=web.PDF_TITLE))
    project.add_source("westbrook.txt", add.text_of(article), f"id: westbrook\ntitle: {web.PDF_TITLE}\nkind: document\n")
    (project.docs / "spill.md").write_text('# Spill\n\nNobody answered [@westbrook "without receiving an answer"].\n', encoding="utf-8")
    project.build()
    html = project.html("sources/westbrook/")
    assert re.search(r'<li id="fn:s-[0-9a-f]{8}"><p><span class="pv-fn-where"><span class="pv-fn-source">[^<]+</span>, paragraph 4, p\. 2 ', html)
    assert "paragraph 6, p. 3" in html
    assert "Westbrook Reservoir Spill</cite></a>, publisher unknown, date unknown, paragraph 4, p. 2." in project.html("spill/")
    data = json.loads((project.site / "provenance.json").read_text(encoding="utf-8"))
    assert [p["page"] for p in data["sources"][0]["paragraphs"]] == [1, 1, 1, 2, 2, 3]


def test_files_that_are_not_sources_are_named_with_their_command(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    project.add_source("a.txt", "\n\n".join(web.NEWS_BODY) + "\n")
    (project.seeds / "report.pdf").write_bytes(web.pdf_bytes(web.PDF_PAGES))
    (project.seeds / "saved page.html").write_text(web.news_page(), encoding="utf-8")
    (project.seeds / "letter.docx").write_bytes(b"PK\x03\x04")
    (project.seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (project.seeds / ".DS_Store").write_bytes(b"\0")
    (project.seeds / "originals").mkdir()
    (project.seeds / "originals" / "a.html").write_text("<p>kept original</p>", encoding="utf-8")
    with pytest.raises(Abort):
        project.build()
    log = caplog.text
    assert "seeds/report.pdf: is not a source and is not read (fix: run 'provenance add seeds/report.pdf'" in log
    assert "seeds/saved page.html: is not a source and is not read (fix: run 'provenance add 'seeds/saved page.html''" in log
    assert "seeds/letter.docx: is not a source and is not read (fix: save it as PDF, then run 'provenance add'" in log
    assert "seeds/photo.jpg: is not a source and is not read (fix: a source is text" in log
    assert ".DS_Store" not in log and "originals/a.html" not in log
    caplog.clear()
    project.build(strict=False)  # without --strict the site still builds
    assert (project.site / "sources/index.html").is_file()
