"""The site in a real browser: footnote tooltips, the no-JavaScript fallback, screenshots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .browser import UI_WAIT, serve
from .conftest import RepoSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def site(repo_site: RepoSite) -> Path:
    return repo_site.site


def first_source_page(site: Path) -> str:
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    return max(data["sources"], key=lambda s: len(s["sentences"]))["page"]


def test_hovering_and_focusing_a_note_shows_its_tooltip(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + first_source_page(site))
        ref = page.locator("a.footnote-ref").first
        note_id = ref.get_attribute("href").lstrip("#")
        quote = page.locator(f'[id="{note_id}"] q').inner_text()
        ref.hover()
        tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
        tooltip.wait_for(state="visible", timeout=UI_WAIT)
        assert quote in tooltip.inner_text()
        page.mouse.move(0, 0)
        page.keyboard.press("Escape")
        page.locator("a.footnote-ref").nth(1).focus()
        page.locator(".md-tooltip2--active, .md-tooltip--active").first.wait_for(state="visible", timeout=UI_WAIT)
        page.close()


def test_footnotes_work_without_javascript(site: Path, browser) -> None:
    with serve(site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        url = base + first_source_page(site)
        page.goto(url)
        ref = page.locator("a.footnote-ref").first
        target = ref.get_attribute("href")
        ref.click()
        assert page.url.endswith(target)
        note = page.locator(f'[id="{target.lstrip("#")}"]')
        assert note.is_visible()
        back = note.locator("a.footnote-backref")
        assert back.get_attribute("role") == "doc-backlink"
        back.click()
        assert page.url.endswith("#fnref:" + target.split(":", 1)[1])
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_and_no_horizontal_scroll(site: Path, browser, artifacts, width: int, scheme: str) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.goto(base + first_source_page(site))
        page.wait_for_timeout(200)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page scrolls horizontally by {overflow}px at {width}px"
        page.screenshot(path=str(artifacts("screenshots") / f"source-{width}-{scheme}.png"), full_page=False)
        page.close()


# Reading on any device (issue 5): notes in place and across sources, phones, print, search.


def cross_source_note(page) -> tuple[str, str]:
    """The first note with a link to a sentence on another source page: (mark id, link href)."""
    return page.evaluate(
        """() => {
          for (const link of document.querySelectorAll('.footnote li a[href^="../"][href*="#s-"]')) {
            const note = link.closest('li');
            return [note.id, link.getAttribute('href')];
          }
        }"""
    )


def lands_on(page, fragment: str) -> None:
    page.wait_for_url(f"**#{fragment}")
    target = page.evaluate("() => { const t = document.querySelector(':target'); return t && t.id; }")
    assert target == fragment
    sentence = page.locator(f'[id="{fragment}"]')
    assert "pv-s" in (sentence.get_attribute("class") or "")
    assert sentence.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # highlighted by .pv-s:target
    box = sentence.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"], box  # scrolled into view


def test_a_link_in_a_note_lands_on_the_other_sources_sentence_and_highlights_it(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + first_source_page(site))
        note, href = cross_source_note(page)
        mark = page.locator(f'a.footnote-ref[href="#{note}"]')
        mark.hover()  # the note opens in place; follow the link from there
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible", timeout=UI_WAIT)
        tooltip.locator(f'a[href="{href}"]').first.click()
        lands_on(page, href.split("#", 1)[1])
        page.close()
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(base + first_source_page(site))
        page.locator(f'[id="{note}"] a[href="{href}"]').first.click()
        lands_on(page, href.split("#", 1)[1])
        context.close()


def test_on_a_tablet_a_tap_opens_the_note_and_a_second_follows_it(site: Path, browser) -> None:
    """Between phones (tests/test_margin_notes.py) and wide screens, a touch screen has tooltips."""
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, is_mobile=True)
        page = context.new_page()
        url = base + first_source_page(site)
        page.goto(url)
        mark = page.locator("a.footnote-ref").nth(2)
        note = mark.get_attribute("href")
        mark.tap()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible", timeout=UI_WAIT)
        assert page.url == url
        assert tooltip.get_attribute("role") == "dialog" and tooltip.get_attribute("aria-label") == mark.get_attribute("aria-label")
        quote = page.locator(f'[id="{note[1:]}"] q').inner_text()
        assert quote in tooltip.inner_text()
        box = tooltip.locator(".md-tooltip2__inner").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 768, box  # fits the screen
        mark.tap()
        page.wait_for_url("**" + note)
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_every_page_fits_a_phone(site: Path, browser, javascript: bool) -> None:
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
        page = context.new_page()
        wide = {}
        for file in sorted(site.rglob("*.html")):
            path = file.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(base + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                wide[path] = overflow
        context.close()
        assert not wide, f"pages that scroll sideways at 360 px: {wide}"


def test_a_printed_source_page_keeps_its_notes_and_the_marks_labels(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + first_source_page(site))
        page.emulate_media(media="print")
        notes = page.locator(".pv-notes li")
        assert notes.count() == page.locator("a.footnote-ref").count() > 0
        assert all(notes.nth(n).is_visible() for n in range(notes.count()))
        marks = page.locator(".pv-mark")
        assert marks.count() > 0
        for n in range(marks.count()):
            assert marks.nth(n).is_visible() and marks.nth(n).inner_text().strip(), n
        assert page.locator("a.footnote-ref").first.is_visible()
        assert len(page.pdf()) > 10_000  # Chromium prints it
        page.close()


def test_search_finds_claims_and_sources(site: Path, browser) -> None:
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    source = max(data["sources"], key=lambda s: len(s["sentences"]))
    others = " ".join(s["title"] + " " + " ".join(x["text"] for x in s["sentences"]) for s in data["sources"] if s is not source).lower()
    claim = next(c for c in data["claims"] if c["source"] == source["id"])
    words = [w.strip(".,;:'\"()") for w in claim["text"].split()]
    word = next(w for w in sorted(words, key=len, reverse=True) if w.isalpha() and w.lower() not in others)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        for query, wanted in ((word, source["page"]), (source["title"].split(":")[0][:40], source["page"])):
            field = page.locator("input.md-search__input")
            field.click()
            field.fill("")
            page.keyboard.type(query)  # Material searches on key presses
            page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=UI_WAIT)
            links = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
            assert any(wanted in link for link in links), (query, links)
            page.keyboard.press("Escape")
        page.close()
