"""Citations in hand-written pages, through real builds."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort

from provenance.claims.cite import Citation, Failure, Resolver, parse_group
from provenance.claims.claims import extract
from provenance.model import Metadata, Source
from provenance.sources.ingest import split

from .conftest import Project, page_text

WIRE = "Port Strike Ends\n\nDock workers ended their strike on Friday after nine days.\u00a0Wages will rise by 4 percent.\n\nThe union called the deal \"a fair compromise\".\n"


@pytest.fixture
def cited(project: Project) -> Project:
    project.add_source("wire.txt", WIRE, "id: wire\npublisher: Harbour Wire\npublished: 2024-06-07\n")
    return project


def build_page(project: Project, text: str, strict: bool = True) -> str:
    (project.docs / "index.md").write_text(text, encoding="utf-8")
    site = project.build(strict=strict)
    return (site / "index.html").read_text(encoding="utf-8")


def test_a_passage_becomes_a_footnote_with_quote_source_date_and_link(cited: Project) -> None:
    html = build_page(cited, '# Home\n\nThe strike is over [@wire "ended their strike on Friday"].\n')
    ref = re.search(r'<sup id="fnref:cite-1"><a [^>]*class="footnote-ref" href="#fn:cite-1"', html)
    assert ref, "a footnote reference replaces the citation"
    note = re.search(r'<li id="fn:cite-1">(.*?)</li>', html, re.S).group(1)
    assert "<q class=\"pv-quote\">ended their strike on Friday</q>" in note
    assert "Port Strike Ends" in note and "Harbour Wire" in note and "2024-06-07" in note
    assert re.search(r'href="sources/wire/#s-[0-9a-f]{8}"', note)
    assert "pv-mark-single-source" in note
    assert "[@" not in page_text(html)


def test_whole_source_and_claim_id_citations(cited: Project) -> None:
    import json

    cited.build()
    claim_id = json.loads((cited.site / "provenance.json").read_text())["claims"][0]["id"]
    html = build_page(cited, f"# Home\n\nSee [@wire] and [@claim:{claim_id}; @wire].\n")
    assert html.count('class="footnote-ref"') == 3
    assert len(re.findall(r'<li id="fn:cite-\d+">', html)) == 2  # the same source cited twice is one note


def test_hand_written_footnotes_keep_their_numbers(cited: Project) -> None:
    html = build_page(cited, '# Home\n\nFirst[^a] then [@wire "Wages will rise by 4 percent."] then[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n')
    numbers = dict(re.findall(r'href="#fn:([^"]+)"[^>]*>(\d+)</a>', html))
    assert sorted(numbers.values()) == ["1", "2", "3"]
    assert numbers["a"] != numbers["cite-1"] != numbers["b"]
    assert "Note A." in html and "Note B." in html


def test_white_space_in_a_quote_matches_any_white_space(cited: Project) -> None:
    html = build_page(cited, '# Home\n\nIt took long [@wire "after nine days. Wages will rise"].\n')
    assert "after nine days.\u00a0Wages will rise" in html


def test_citations_in_code_are_left_alone(cited: Project) -> None:
    text = '# Home\n\nInline `[@wire "no such words"]` code.\n\n```\n[@nobody]\n```\n\n    [@nobody "indented"]\n\nEscaped \\[@nobody].\n'
    html = build_page(cited, text)
    assert '[@wire "no such words"]' in html.replace("&quot;", '"') and "[@nobody]" in html
    assert 'class="footnote-ref"' not in html


def test_a_quote_not_in_the_source_fails_strict_with_page_line_and_suggestion(cited: Project, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        build_page(cited, '---\ntitle: Home\n---\n\n# Home\n\nText.\n\nClaim [@wire "Dock workers ended the strike on Friday"].\n')
    message = next(r.getMessage() for r in caplog.records if "not found verbatim" in r.getMessage())
    assert message.startswith("docs/index.md:9: quoted passage not found verbatim in source 'wire'")
    assert 'did you mean "Dock workers ended their strike on Friday"?' in message


def test_a_source_id_is_suggested_by_its_spelling_a_claim_id_never(cited: Project, caplog: pytest.LogCaptureFixture) -> None:
    """Source ids are names people type; claim ids are hashes, so one that looks like another is another sentence."""
    with pytest.raises(Abort):
        build_page(cited, "# Home\n\nA [@wir].\n\nB [@claim:wire.s-123].\n\nC [@claim:wire.s-0123abcd].\n")
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("docs/index.md:3: unknown source id 'wir'") and "did you mean 'wire'?" in m for m in messages)
    assert any(m.startswith("docs/index.md:5: 'wire.s-123' is not a claim id") for m in messages), messages
    assert any(m.startswith("docs/index.md:7: orphaned: claim id 'wire.s-0123abcd' is no longer in 'wire'") for m in messages), messages
    assert not any("did you mean 'wire." in m for m in messages), messages


def test_parse_group_syntax() -> None:
    assert parse_group('@a "x; y"; @claim:a.s-1; @b “q "z"”') == [
        Citation('@a "x; y"', "a", None, "x; y"),
        Citation("@claim:a.s-1", None, "a.s-1", None),
        Citation('@b “q "z"”', "b", None, 'q "z"'),
    ]
    assert parse_group("@ not an id") is None
    assert parse_group("@Upper") is None


def test_resolver_reports_empty_quotes() -> None:
    text = "Title Line\n\nA long enough sentence is here.\n"
    paragraphs, sentences, _ = split(text)
    source = Source("a.txt", text, Metadata(id="a"), tuple(paragraphs), tuple(sentences), "")
    resolver = Resolver([source], extract([source]))
    assert isinstance(resolver.resolve(Citation('@a ""', "a", None, "")), Failure)
