"""Sites with many sources: the sources leave the sidebar for a sortable list (``sidebar_sources``), and search
holds each source's text once. Timings are measured by bench/scale.py, not here."""

from __future__ import annotations

import json
import logging
import re

import pytest

from . import harbour
from .conftest import Project

# Two more small articles (written for the tests), so that four sources exceed sidebar_sources: 3.
QUAY = """Quay Repairs Finished Ahead of Schedule

By Lena Osei
Wednesday, March 6, 2024 - 10:00 AM

Workers finished the repairs to the old quay in Porto Alto two weeks early.
The town paid 1.2 million euros for the work.
"""
MARKET = """Zebra Crossing Market Reopens

By Omar Haddad
Thursday, March 7, 2024 - 11:00 AM

The covered fish market in Porto Alto reopened on Thursday after a month of repairs.
Traders said that business was slow in the first hours.
Many stalls still lack running water.
"""
SORTS = ("by_title", "by_publisher", "by_published", "by_claims")


def _sidebar(html: str) -> str:
    start = html.index('class="md-nav md-nav--primary"')
    return html[start : html.index('class="md-content"', start)]


def _rows(html: str) -> list[str]:
    """The titles of the sources list's rows, in order."""
    table = html[html.index('<table class="pv-table pv-source-list"') :]
    table = table[: table.index("</table>")]
    return re.findall(r'<tr><td><a href="[^"]+">([^<]+)</a>', table)


@pytest.fixture
def large(project: Project, caplog: pytest.LogCaptureFixture) -> Project:
    """Four sources, with a sidebar for at most three: built with --strict."""
    harbour.write(project.seeds)
    project.add_source("quay.txt", QUAY, "id: quay\npublisher: Alto Weekly\n")
    project.add_source("market.txt", MARKET, "id: market\npublisher: Alto Weekly\n")
    yml = project.root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("      seeds: seeds\n", "      seeds: seeds\n      sidebar_sources: 3\n"), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        project.build(strict=True)
    return project


def test_beyond_the_option_sources_leave_the_sidebar_for_the_list(large: Project, caplog: pytest.LogCaptureFixture) -> None:
    sidebar = _sidebar(large.html(""))
    assert 'href="sources/"' in sidebar
    for sid in ("herald", "gazette", "quay", "market"):
        assert f"sources/{sid}/" not in sidebar
        assert (large.site / "sources" / sid / "index.html").exists()  # still built, still linked from the list
    for sort in SORTS:
        assert f"sources/{sort}/" not in sidebar
    assert not [r.getMessage() for r in caplog.records if "not included in the" in r.getMessage() or r.levelno >= logging.WARNING]
    index = large.html("sources/")
    for sid in ("herald", "gazette", "quay", "market"):
        assert f'href="{sid}/"' in index.split('pv-source-list', 1)[1]


def test_the_list_puts_contested_sources_first_and_sorts_without_javascript(large: Project) -> None:
    index = large.html("sources/")
    titles = _rows(index)
    assert len(titles) == 4
    contested = re.findall(r"<td>(yes \(\d+ points?\)|no)</td></tr>", index)
    assert contested == sorted(contested, key=lambda c: c == "no")  # contested first
    assert contested[0].startswith("yes") and contested[-1] == "no"  # the harbour papers contest a point; the others do not
    # The index is sorted by the Contested column; the other headers link to their sorted pages.
    assert re.search(r'<th scope="col" aria-sort="descending">Contested</th>', index)
    for sort in SORTS:
        assert f'href="{sort}/"' in index
    by_title = large.html("sources/by_title/")
    assert _rows(by_title) == sorted(titles, key=str.casefold)
    assert '<th scope="col" aria-sort="ascending">Title</th>' in by_title
    assert 'href="../"' in by_title  # back to the contested-first order
    assert "<script" not in by_title.split('class="pv-sources"', 1)[1].split("</table>", 1)[0]
    by_publisher = large.html("sources/by_publisher/")
    publishers = re.findall(r"</a></td><td>([^<]+)</td>", by_publisher.split('pv-source-list', 1)[1])
    assert publishers == sorted(publishers, key=str.casefold)
    by_claims = large.html("sources/by_claims/")
    counts = [int(n) for n in re.findall(r"<td>(\d+)</td><td>(?:yes|no)", by_claims)]
    assert counts == sorted(counts, reverse=True) and len(counts) == 4
    assert '<th scope="col" aria-sort="descending">Claims</th>' in by_claims
    assert 'aria-sort="descending">Published</th>' in large.html("sources/by_published/")


def test_search_holds_each_source_text_once_without_labels_or_marks(large: Project) -> None:
    docs = json.loads((large.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if any(f"sources/{sort}/" in d["location"] for sort in SORTS)]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    for glued in ("assertsasserts", "asserts + deniesasserts", "· reviewed", "· automatic", "contested<", "corroborated<"):
        assert glued not in text
    herald = " ".join(d["text"] for d in docs if d["location"].startswith("sources/herald/"))
    # A claim is found by its words, once: its source's text, not again in a note.
    sentence = "Fishermen in Porto Alto were not consulted, according to the memo."
    assert herald.count(sentence) == 1
    assert "Notes" not in [d["title"] for d in docs if d["location"].startswith("sources/herald/")] or "permalink" not in herald
    assert "permalink" not in herald and "page furniture" not in herald and "dateline" not in herald
    # The page itself still shows its marks and notes (only search reads the text alone).
    page = large.html("sources/herald/")
    assert 'class="pv-marks"' in page and 'role="doc-endnotes"' in page and "data-search-exclude" not in page


def test_a_small_site_keeps_its_sidebar(seeded_project: Project) -> None:
    from provenance import pipeline

    seeded_project.build(strict=True)
    result = pipeline.run(seeded_project.seeds, seeded_project.root)
    sidebar = _sidebar(seeded_project.html(""))
    positions = [sidebar.index(f'href="sources/{s.id}/"') for s in result.sources]
    assert positions == sorted(positions) and sidebar.index('href="sources/"') < positions[0]
    for sort in SORTS:
        assert not (seeded_project.site / "sources" / sort).exists()
    index = seeded_project.html("sources/")
    assert "pv-source-list" not in index and "aria-sort" not in index  # the list of all sources as before


@pytest.mark.browser
@pytest.mark.slow
def test_the_list_pages_are_valid_html_and_pass_axe(large: Project, browser) -> None:
    """The reader's gates (tests/test_site_gates.py), on the pages a large site adds."""
    from .browser import serve
    from .test_site_gates import axe_violations, vnu_errors

    errors = [e for e in vnu_errors(large.site) if e["file"].startswith("/sources/")]
    assert not errors, errors[:10]
    with serve(large.site) as url:
        page = browser.new_page()
        found = {}
        for path in ("sources/", *(f"sources/{sort}/" for sort in SORTS)):
            page.goto(url + path)
            found[path] = axe_violations(page)
        page.close()
    assert not any(found.values()), found
