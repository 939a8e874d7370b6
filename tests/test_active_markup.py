"""The reject_scripts option: markup that runs code in hand-written pages and editorial notes fails the build,
named by file and line; markup that only looks like it (code, text, safe URLs) does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from provenance.integrations.mkdocs.active_markup import Locator, findings

from .conftest import MKDOCS_YML, Project

CANAL = """Canal Reopens After Dredging

The city canal reopened to barges on Tuesday after six weeks of dredging.
Harbour master Ines Varga said the channel is now four metres deep.
"""

ACTIVE = {
    "<script>alert(1)</script>": "a <script> element",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>": "a <script> element",
    "<svg><script>alert(1)</script></svg>": "a <script> element",
    "<img src=x onerror=alert(1)>": "the event-handler attribute onerror=",
    '<p onmouseover="steal()">hover</p>': "the event-handler attribute onmouseover=",
    '<a href="jav&#x61;script:alert(1)">x</a>': "a javascript: URL",
    '<a href="java\tscript:alert(1)">x</a>': "a javascript: URL",
    '<a href=" JavaScript:alert(1)">x</a>': "a javascript: URL",
    '<form action="vbscript:msgbox(1)"></form>': "a vbscript: URL",
    '<svg><animate attributeName="href" values="x;javascript:alert(1)"/></svg>': "a javascript: URL",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>': "the attribute srcdoc=",
    '<base href="https://evil.example/">': "a <base> element",
    '<object data="x.swf"></object>': "a <object> element",
    '<embed src="x.swf">': "a <embed> element",
}

INERT = [
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; is shown as text</p>",
    "<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>",
    '<a href="https://example.org/javascript-guide">a guide to JavaScript: the basics</a>',
    "<p>the onclick= attribute, and javascript: URLs, in prose</p>",
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a dot">',
    '<a href="#fn:1" class="footnote-ref" data-once="1">1</a>',
    "<!-- <script>alert(1)</script> -->",
    '<iframe src="https://video.example/embed/42" title="A video"></iframe>',
]


@pytest.mark.parametrize("markup", ACTIVE, ids=range(len(ACTIVE)))
def test_markup_that_runs_code_is_found(markup: str) -> None:
    assert [f.what for f in findings(markup)] == [ACTIVE[markup]]


@pytest.mark.parametrize("markup", INERT, ids=range(len(INERT)))
def test_markup_that_only_looks_like_it_is_not(markup: str) -> None:
    assert findings(markup) == []


def test_each_finding_takes_its_own_line_outside_front_matter_and_code() -> None:
    text = (
        "---\ndescription: <script> in front matter is not rendered\n---\n"  # 1-3
        "# Title\n\n"  # 4-5
        "```html\n<script>shown as code</script>\n```\n"  # 6-8
        "<script>one()</script>\n\n"  # 9-10
        "Text, then <script>two()</script>, and <img src=x onerror=three()>\n"  # 11
    )
    locator = Locator(text, front_matter=True)
    [one, two, three] = findings("<script>one()</script><script>two()</script><img src=x onerror=three()>")
    assert [locator.line(one), locator.line(two), locator.line(three)] == [9, 11, 11]
    assert locator.line(one) is None  # a third <script> is not written anywhere


def make_site(tmp_path: Path, *, reject: bool) -> Project:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "seeds" / "editorial").mkdir(parents=True)
    options = "      seeds: seeds\n      reject_scripts: true\n" if reject else "      seeds: seeds\n"
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("      seeds: seeds\n", options), encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        "---\ndescription: A page about the canal.\n---\n"  # 1-3
        "# Canal\n\n"  # 4-5
        'The canal is deep again [@canal "four metres deep"].\n\n'  # 6-7
        "```html\n<script>an example, shown as code</script>\n```\n\n"  # 8-11
        "`<img onerror=x>` in a code span is text.\n\n"  # 12-13
        "<script>document.title = 'forged'</script>\n\n"  # 14-15
        "Read [the notice](javascript:alert(1)).\n\n"  # 16-17
        'A paragraph with a handler.\n{: onclick="alert(2)" }\n',  # 18-19
        encoding="utf-8",
    )
    project = Project(root)
    project.add_source("canal.txt", CANAL, "id: canal\n")
    (root / "seeds" / "editorial" / "notes.yml").write_text(
        "claims:\n"  # 1
        '  - passage: {source: canal, quote: "four metres deep"}\n'  # 2
        "    note: |\n"  # 3
        "      Measured by the harbour office.\n"  # 4
        '      <img src=x onerror="alert(3)">\n',  # 5
        encoding="utf-8",
    )
    return project


def test_the_option_rejects_pages_and_notes_naming_file_and_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_site(tmp_path, reject=True)
    with pytest.raises(Abort):
        project.build(strict=False)  # whatever --strict says
    problems = set(re.findall(r"(\S+:\d+): (.+?) \(fix: remove it", caplog.text))
    assert problems == {
        ("docs/index.md:14", "a <script> element in a hand-written page"),
        ("docs/index.md:16", "a javascript: URL in a hand-written page"),
        ("docs/index.md:19", "the event-handler attribute onclick= in a hand-written page"),
        ("seeds/editorial/notes.yml:5", "the event-handler attribute onerror= in an editorial note"),
    }
    assert "reject_scripts: 4 piece(s) of markup that run code" in caplog.text
    assert not (project.site / "index.html").exists()  # nothing was published


def test_without_the_option_trusted_markup_passes_through(tmp_path: Path) -> None:
    site = make_site(tmp_path, reject=False).build(strict=True)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>document.title = 'forged'</script>" in home and 'onerror="alert(3)"' in home


def test_a_clean_site_builds_with_the_option(tmp_path: Path) -> None:
    project = make_site(tmp_path, reject=True)
    index = project.root / "docs" / "index.md"
    index.write_text("\n".join(index.read_text(encoding="utf-8").splitlines()[:13]) + "\n", encoding="utf-8")
    (project.root / "seeds" / "editorial" / "notes.yml").write_text(
        'claims:\n  - passage: {source: canal, quote: "four metres deep"}\n    note: "Measured by the *harbour office*."\n', encoding="utf-8"
    )
    home = (project.build(strict=True) / "index.html").read_text(encoding="utf-8")
    assert "Measured by the <em>harbour office</em>." in home and "&lt;script&gt;an example" in home
