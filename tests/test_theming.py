"""The plugin's fixes to Material (theming.py, theme/) and the footnote roles, without a browser.

The browser gates (test_site_gates.py) check the result on every page; these say early, and
precisely, when an update of Material moves the markup a fix is written for.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material

from provenance.integrations.mkdocs.theming import FIXES, fix_template

from .conftest import Project

MATERIAL = Path(material.__file__).parent / "templates"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[dict[str, str | None]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.setdefault(tag, []).append(dict(attrs))


def fixed(name: str) -> str:
    return fix_template(name, (MATERIAL / name).read_text(encoding="utf-8"))


def test_each_fix_finds_its_text_in_the_installed_material() -> None:
    sources = {name: (MATERIAL / name).read_text(encoding="utf-8") for name in ("base.html", "partials/nav-item.html", "partials/search.html")}
    for target, pattern, _ in FIXES:
        names = sources if target == "*" else [target]
        assert any(pattern.search(sources[name]) for name in names), pattern.pattern


def test_the_fixed_templates() -> None:
    base = fixed("base.html")
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', base)
    assert 'content="{{ page.meta.description | e }}"' in base and 'content="{{ config.site_description | e }}"' in base
    assert 'tabindex="{{ tabindex }}"' not in fixed("partials/nav-item.html").replace('{% if tabindex %} tabindex="{{ tabindex }}"', "")
    assert re.search(r'role="dialog" aria-label="\{\{ lang\.t\("search"\) \}\}"', fixed("partials/search.html"))


def test_pages_get_escaped_meta_open_graph_tags_and_announced_footnotes(project: Project) -> None:
    (project.docs / "index.md").write_text('---\ndescription: He said "hi" & <b>left</b>\n---\n\n# Home\n\nA claim.[^1]\n\n[^1]: A note.\n', encoding="utf-8")
    project.build()
    html = project.html("")
    assert '<meta name="description" content="He said &#34;hi&#34; &amp; &lt;b&gt;left&lt;/b&gt;">' in html
    assert '<meta property="og:description" content="He said &#34;hi&#34; &amp; &lt;b&gt;left&lt;/b&gt;">' in html
    assert '<meta property="og:url" content="http://127.0.0.1/">' in html and '<meta property="og:type" content="website">' in html
    tags = Tags()
    tags.feed(html)
    assert {"href": "#fn:1", "class": "footnote-ref", "role": "doc-noteref", "aria-label": "Note 1"} in tags.found["a"]
    assert {"class": "footnote", "role": "doc-endnotes"} in tags.found["div"]
    backref = next(a for a in tags.found["a"] if a.get("class") == "footnote-backref")
    assert backref["role"] == "doc-backlink" and backref["aria-label"] == backref["title"]
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', html)
    assert '"provenance.footnote.tooltips"' in html and "content.footnote.tooltips" not in html
    assert 'src="assets/provenance/provenance.js"' in html and (project.site / "assets/provenance/provenance.js").exists()


def test_a_source_page_describes_itself(project: Project) -> None:
    project.add_source("lake.txt", "Lake Levels Fall\n\nBy Sam Okoro\n\nThe lake fell by two metres this summer.\n", "id: lake\npublisher: Valley News\n")
    project.build()
    html = project.html("sources/lake/")
    description = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert description and "Lake Levels Fall" in description.group(1) and "Valley News" in description.group(1)
    assert '<meta property="og:title" content="Lake Levels Fall">' in html
    assert '<link rel="canonical" href="http://127.0.0.1/sources/lake/">' in html


def test_a_custom_main_html_keeps_materials_own_tooltips(project: Project) -> None:
    (project.root / "overrides").mkdir()
    (project.root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    project.build()
    html = project.html("")
    assert '"content.footnote.tooltips"' in html and "provenance.js" not in html


def test_other_themes_are_left_alone(project: Project) -> None:
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: mkdocs\n"), encoding="utf-8")
    project.build()
    assert "provenance.js" not in project.html("")
    assert not (project.site / "assets" / "provenance" / "provenance.js").exists()
