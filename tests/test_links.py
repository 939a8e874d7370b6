"""Links between pages: one helper (render/links.py) makes every relative link of the generated pages and notes."""

from __future__ import annotations

import re
from pathlib import Path

from provenance.render.links import Linker, relative

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "provenance"


def test_links_from_a_page_to_sources_sentences_and_analysis_pages() -> None:
    pages = {"lake": "sources/lake/", "dam": "sources/dam/"}
    links = Linker(pages, "analysis/overview/", {"contested": "analysis/contested/"})
    assert links.source("lake") == "../../sources/lake/"
    assert links.sentence("dam", "s-1a2b") == "../../sources/dam/#s-1a2b"
    assert links.page("contested", "point-1") == "../contested/#point-1"
    assert links.page("contested") == "../contested/"
    assert Linker(pages, "sources/lake/").source("lake") == "./"  # a link to the page itself
    assert Linker(pages, "sources/lake/").sentence("lake", "s-9") == "#s-9"
    assert Linker(pages, "index.html").source("dam") == "sources/dam/"
    flat = Linker({"lake": "sources/lake.html"}, "analysis/overview.html", {"contested": "analysis/contested.html"})
    assert flat.sentence("lake", "s-1") == "../sources/lake.html#s-1" and flat.page("contested", "p") == "contested.html#p"
    assert Linker(pages, "x/").source("unknown") == "./" and relative("", "") == ""  # an unknown source: this page, not a broken link


def test_only_the_linker_module_makes_relative_links() -> None:
    """The same lambdas were rebuilt in three places; now every caller asks a Linker."""
    callers = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "links.py" and re.search(r"\brelative\(", path.read_text(encoding="utf-8"))
    )
    assert callers == []


def test_links_between_markdown_files_as_provenance_pages_writes_them() -> None:
    pages = {"lake": "sources/lake.md", "dam": "sources/dam.md"}
    links = Linker(pages, "analysis/overview.md", {"contested": "analysis/contested.md"})
    assert links.sentence("lake", "s-1") == "../sources/lake.md#s-1"
    assert links.page("contested", "point-1") == "contested.md#point-1"
    assert Linker(pages, "index.md").source("dam") == "sources/dam.md"
    own = Linker(pages, "sources/lake.md")
    assert own.sentence("lake", "s-2") == "#s-2" and own.source("lake") == "lake.md"
