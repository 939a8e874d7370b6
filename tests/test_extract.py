"""Decoding pages and cleaning what the extractor leaves: each rule with a case it must leave alone."""

from __future__ import annotations

import codecs

import pytest

from provenance.sources import boilerplate, webpage

from . import webfixtures as web


@pytest.mark.parametrize(
    ("raw", "header", "text", "charset"),
    [
        (codecs.BOM_UTF8 + "é".encode(), "windows-1252", "é", "utf-8"),  # a byte-order mark wins over everything
        ('<meta charset="windows-1252"><p>é</p>'.encode(), "utf-8", '<meta charset="windows-1252"><p>é</p>', "utf-8"),  # the header over the page
        ('<meta charset="windows-1252"><p>“é”</p>'.encode("cp1252"), None, '<meta charset="windows-1252"><p>“é”</p>', "cp1252"),
        ('<?xml version="1.0" encoding="iso-8859-1"?><p>é</p>'.encode("latin-1"), None, '<?xml version="1.0" encoding="iso-8859-1"?><p>é</p>', "cp1252"),
        ("<p>é</p>".encode(), None, "<p>é</p>", "utf-8"),  # nothing declared, valid UTF-8
        ("<p>“é”</p>".encode("cp1252"), None, "<p>“é”</p>", "cp1252"),  # nothing declared, not UTF-8
        ("<p>é</p>".encode(), "no-such-charset", "<p>é</p>", "utf-8"),  # an unknown label is ignored
        ('<meta charset="utf-16"><p>é</p>'.encode(), None, '<meta charset="utf-16"><p>é</p>', "utf-8"),  # a page cannot be UTF-16 and say so in ASCII
    ],
)
def test_decode(raw: bytes, header: str | None, text: str, charset: str) -> None:
    assert webpage.decode(raw, header) == (text, charset)


def test_latin_1_is_read_as_windows_1252_as_browsers_do() -> None:
    # 0x93 and 0x94 are curly quotes in windows-1252 and control characters in ISO 8859-1.
    assert webpage.decode(b"\x93quoted\x94", "ISO-8859-1")[0] == "“quoted”"


@pytest.mark.parametrize(
    ("value", "code"),
    [("en", "en"), ("EN", "en"), ("en_GB", "en-GB"), ("pt-br", "pt-BR"), ("de-DE, en", "de-DE"), ("zh-Hant", "zh-Hant"), ("", None), ("english", None), ("12", None)],
)
def test_language_code(value: str, code: str | None) -> None:
    assert webpage.language_code(value) == code


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share this article",
        "12 comments",
        "Read more: Ferry timetable changes for the summer season",
        "RELATED: Lifeboat crew rescues two kayakers",
        "Also on courier.example: Council election results",
        "Sign up for our daily newsletter to get the news in your inbox.",
        "Follow us on Twitter and Facebook.",
        "Follow Mara Lindqvist on Instagram",
        "Like this story? Share it with a friend!",
        "© 2024 The Eastmouth Courier. All rights reserved.",
        "Copyright 2024 Brackwater Gazette",
        "This copy is for your personal, non-commercial use only.",
        "Lifeboat crew rescues two kayakers off Gull Point [VIDEO]",
        "Have a tip? Write to the newsroom.",
        "Updated at 1:23 p.m.",
        "(Published Monday, Nov. 18, 2019)",
        "Last updated: 12 March 2024 10:32 GMT",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert boilerplate.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        # Article sentences that share a word with a rule.
        "The advertisement campaign cost the council 40,000 pounds, according to the report.",
        "Readers who want to read more about the barrier can find the survey in the library.",
        "Related projects in two other ports were cancelled last year.",
        "The company will follow the ruling, its lawyers said.",
        "Shares in the ferry operator fell 4 per cent on Friday.",
        "Residents were asked to sign up for flood alerts by text message.",
        "The copyright dispute between the two bakeries went to court in June.",
        "The council said it would share the survey with residents next week.",
        "He said the newsletter of the harbour association had warned of the corrosion in 2019.",
        "Click, the rescue dog, found the kayakers.",
        "Updated figures released on 3 May show a fall of 4 per cent.",
        "Published in 1998, the first survey found no corrosion.",
        "Posted at the harbour office on Monday, the notice named 12 boats.",
        # A long paragraph is never a prompt, whatever it contains.
        "Sign up for our newsletter, the harbour master joked at the meeting, before explaining at length why the gates "
        "had corroded faster than the engineers expected and why the repairs could not wait for another winter.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not boilerplate.is_furniture(line)


def test_headline_copy_and_related_lists_are_dropped() -> None:
    lines = [
        web.NEWS_TITLE,
        web.NEWS_BODY[0],
        "Related:",
        "- Lifeboat crew rescues two kayakers off Gull Point",
        "- Ferry timetable changes for the summer season",
        web.NEWS_BODY[1],
        "- A list item that belongs to the article, after a paragraph",
    ]
    assert boilerplate.clean(lines, web.NEWS_TITLE + " | The Eastmouth Courier") == [web.NEWS_BODY[0], web.NEWS_BODY[1], lines[-1]]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (web.NEWS_TITLE, web.NEWS_TITLE + " | The Eastmouth Courier"),
        ("Local news | " + web.NEWS_TITLE, web.NEWS_TITLE),
        ("Harbour council approves repairs to Eastmouth's tidal barrier", web.NEWS_TITLE),  # reworded slightly
    ],
)
def test_headline_copies(line: str, title: str) -> None:
    assert boilerplate.is_headline_copy(line, title)


def test_a_first_line_that_only_resembles_the_title_is_kept() -> None:
    lines = ["Harbour council approves", web.NEWS_BODY[0]]  # too short a part of the title to be its copy
    assert boilerplate.clean(lines, web.NEWS_TITLE) == lines
    assert boilerplate.clean([web.NEWS_BODY[0], web.NEWS_TITLE], web.NEWS_TITLE) == [web.NEWS_BODY[0], web.NEWS_TITLE]  # only at the top


@pytest.mark.parametrize(
    ("precise", "balanced", "chosen"),
    [
        ("Subscribe to read the whole story of the barrier.", " ".join(web.NEWS_BODY), "balanced"),  # a teaser: take the fuller text
        (web.NEWS_BODY[0], web.NEWS_BODY[0] + " " + web.NEWS_BODY[1], "precise"),  # short, but the other finds little more
        (" ".join(web.NEWS_BODY * 2), " ".join(web.NEWS_BODY * 7), "precise"),  # long enough: precision is kept
    ],
)
def test_precision_first_with_a_fallback(monkeypatch: pytest.MonkeyPatch, precise: str, balanced: str, chosen: str) -> None:
    class Document:
        def __init__(self, text: str) -> None:
            self.text, self.title, self.author, self.sitename, self.date = text, "A title", None, None, None

    monkeypatch.setattr(webpage, "_run", lambda html, url, precision: Document(precise if precision else balanced))
    article = webpage.article("<html><body><p>x</p></body></html>")
    assert " ".join(article.paragraphs) == (precise if chosen == "precise" else balanced)


def test_metadata_from_the_page() -> None:
    article = webpage.article(web.news_page(), "http://127.0.0.1:8000/a.html")
    assert article.publisher == "The Eastmouth Courier"  # never the address it was served from
    assert (article.language, article.url, article.kind) == ("en-GB", web.NEWS_URL, "news")
    bare = webpage.article("<html><head><title>Quay Street floods again</title></head><body><article>"
                           + "".join(f"<p>{p}</p>" for p in web.NEWS_BODY) + "</article></body></html>", "http://127.0.0.1:8000/a.html")
    assert bare.title == "Quay Street floods again" and bare.publisher is None and bare.language is None and bare.url is None


def test_an_article_cut_into_chunks_is_completed_from_the_later_chunks() -> None:
    from lxml import html

    chunk = '<div class="story-chunk">{}</div>'
    page = html.document_fromstring(
        "<html><body>"
        '<div class="story-chunk"><p>A teaser paragraph above the article, in a container of the same kind as the body.</p></div>'
        + chunk.format("".join(f"<p>{p}</p>" for p in web.NEWS_BODY[:3]))
        + '<div class="ad"><p>Advertisement: the best ferry deals of the summer season, book your crossing today.</p></div>'
        + chunk.format("".join(f"<p>{p}</p>" for p in web.NEWS_BODY[3:5]) + "<p>Share this</p>")
        + '<div class="related"><p>Lifeboat crew rescues two kayakers off Gull Point in a storm on Sunday night.</p></div>'
        + chunk.format(f"<p>{web.NEWS_BODY[5]}</p>")
        + chunk.format(f"<p>{web.NEWS_BODY[1]}</p>")  # a paragraph already there is not repeated
        + "</body></html>"
    )
    # The extractor kept the first chunk only.
    assert webpage.complete_split_body(page, web.NEWS_BODY[:3]) == web.NEWS_BODY[:6]
    # Two paragraphs are needed to recognise the kind of container.
    assert webpage.complete_split_body(page, web.NEWS_BODY[:1]) == web.NEWS_BODY[:1]
