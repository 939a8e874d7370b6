"""Seed text is untrusted: it must render as literal text wherever the plugin emits it."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from provenance.render import escape

from .conftest import Project, page_text
from .hostile import HOSTILE, HOSTILE_LINES, HOSTILE_SIDECAR  # noqa: F401


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def test_escape_function() -> None:
    assert escape.text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert escape.text("bell\x07") == "bell\u2407"


def test_hostile_seed_renders_as_text_everywhere(project: Project) -> None:
    project.add_source("evil.txt", HOSTILE, HOSTILE_SIDECAR)
    site = project.build(strict=True)
    html = (site / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")

    parsed = Elements()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert tag != "img" or attrs.get("src") != "x"
        assert attrs.get("id") != "pwn" and "evil" not in (attrs.get("class") or "").split()
    assert "alert(" not in "".join(parsed.script_text)
    assert "alert(" not in "".join(parsed.comments)
    assert not any(tag == "b" for tag, _ in parsed.tags)
    text_html = html[html.index('<section class="pv-text"') : html.index("</section>", html.index('<section class="pv-text"'))]
    assert "<em>" not in text_html and "<strong>" not in text_html and 'class="admonition' not in html

    text = page_text(html, "pv-text")
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    sentences = data["sources"][0]["sentences"]
    assert "".join(s["text"] for s in sentences).replace(" ", "") == "".join(HOSTILE.split())
    for sentence in sentences:
        assert escape.visible(sentence["text"]) in text, sentence["text"]
    for fragment in ("[^1]", '{: onclick="alert(1)" .evil #pwn }', "{{ config.site_name }}", "{% raw %}", '!!! warning "Admonition"',
                     "<img src=x onerror=alert(1)>", "<!-- hidden -->", "*Not emphasis*", "`not code`", "\u2407"):
        assert fragment in text, fragment
    meta = page_text(html, "pv-meta")
    assert "<script>alert('pub')</script>" in meta and "{{ x }} [^2]" in meta

    # the page title and the navigation show the title as text too
    assert "<title>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Headline &amp;amp; More - Test site</title>" in html
    assert "<script>alert('title')" not in html
    assert data["sources"][0]["title"] == HOSTILE_LINES[0]


def test_hostile_text_in_every_page_of_the_site(project: Project) -> None:
    project.add_source("evil.txt", HOSTILE, HOSTILE_SIDECAR)
    site = project.build(strict=True)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
