"""Notes beside the text (issue 14), in Chromium: in the margin on wide screens, in the text flow on
phones, reachable and closable from the keyboard, read once by screen readers, unchanged without
JavaScript, and endnotes on paper."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .browser import UI_WAIT, serve
from .conftest import RepoSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WIDE = {"width": 1600, "height": 1000}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def site(repo_site: RepoSite) -> Path:
    return repo_site.site


def source_page(site: Path) -> str:
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    return max(data["sources"], key=lambda s: len(s["sentences"]))["page"]


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found, locator
    return found


def sentence_box(page, sentence_id: str) -> dict:
    """The first line of a sentence (a sentence is inline and may wrap)."""
    return page.evaluate(f"""() => {{
        const r = document.getElementById({json.dumps(sentence_id)}).getClientRects()[0];
        return {{x: r.x, y: r.y, width: r.width, height: r.height}};
    }}""")


def sidenotes(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.pv-sidenote')].map(n => {
        const r = n.getBoundingClientRect();
        return {id: n.dataset.pvFor, top: r.top, bottom: r.bottom, left: r.left, right: r.right};
    })""")


def assert_no_overlap_and_never_above_its_sentence(page) -> None:
    notes = sidenotes(page)
    assert notes
    for above, below in zip(notes, notes[1:], strict=False):
        assert below["top"] >= above["bottom"], (above, below)
    for note in notes:
        assert note["top"] >= sentence_box(page, note["id"])["y"] - 1, note  # a note only ever moves down


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_at_1600_the_first_claims_note_is_readable_beside_its_sentence(site: Path, browser, artifacts, scheme: str) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=WIDE, color_scheme=scheme)
        page.goto(base + source_page(site))
        first = page.locator(".pv-text .pv-claim").first
        sid = first.get_attribute("id")
        note = page.locator(f'[id="pv-side-{sid}"]')
        note.wait_for(state="visible", timeout=UI_WAIT)
        where, line, column = box(note), sentence_box(page, sid), box(page.locator(".pv-text"))
        assert where["y"] >= 0 and where["y"] + where["height"] <= WIDE["height"], where  # readable without scrolling
        assert abs(where["y"] - line["y"]) <= 2, (where, line)  # beside its sentence
        assert where["x"] >= column["x"] + column["width"], (where, column)  # right of the text column
        assert where["x"] + where["width"] <= WIDE["width"], where
        text = note.inner_text()
        assert re.search(r"paragraph \d+ \(characters \d+–\d+\)", text), text
        assert re.search(r"· (reviewed|automatic)", text), text  # its marks, and whether an editor reviewed them
        assert first.inner_text() not in text  # the sentence beside it is not quoted again
        assert page.locator(".pv-notes").is_hidden() and page.locator(".pv-para .pv-mark").first.is_hidden()
        assert_no_overlap_and_never_above_its_sentence(page)
        for n in range(3):  # unfolding notes pushes the ones below down, never over each other
            page.locator(".pv-sidenote summary").nth(n).click()
        page.wait_for_timeout(100)
        assert_no_overlap_and_never_above_its_sentence(page)
        assert page.locator(".pv-sidenote details[open] .pv-fact").first.is_visible()
        page.screenshot(path=str(artifacts("screenshots") / f"margin-notes-1600-{scheme}.png"))
        page.close()


def test_hovering_or_focusing_a_note_shows_its_sentence(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=WIDE)
        page.goto(base + source_page(site))
        note = page.locator(".pv-sidenote").nth(2)
        sid = note.get_attribute("data-pv-for")
        sentence = page.locator(f'[id="{sid}"]')
        assert "pv-lit" not in (sentence.get_attribute("class") or "")
        note.hover()
        assert "pv-lit" in sentence.get_attribute("class")
        assert sentence.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        page.mouse.move(5, 5)
        assert "pv-lit" not in sentence.get_attribute("class")
        page.locator(".pv-sidenote summary").nth(2).focus()
        assert "pv-lit" in sentence.get_attribute("class")
        page.close()


def test_the_keyboard_reaches_every_margin_note_and_nothing_traps_it(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=WIDE)
        url = base + source_page(site)
        page.goto(url)
        mark = page.locator(".pv-text a.footnote-ref").nth(1)
        sid = mark.evaluate("a => a.closest('sup').id.slice(6)")
        mark.focus()
        page.keyboard.press("Enter")  # the mark leads to its note beside the sentence
        assert page.evaluate("document.activeElement.id") == f"pv-side-{sid}"
        assert page.url == url
        note = page.locator(f'[id="pv-side-{sid}"]')
        assert note.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # focus visible
        page.keyboard.press("Tab")  # its permalink, then its summary
        assert page.evaluate("document.activeElement.closest('.pv-sidenote').id") == f"pv-side-{sid}"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        assert page.evaluate("document.activeElement.closest('.pv-sidenote').id") == f"pv-side-{sid}"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Enter")
        assert note.locator("details").evaluate("d => d.open")
        page.keyboard.press("Escape")  # closes what it opened, and keeps the place
        assert not note.locator("details").evaluate("d => d.open")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        # Every note's summary is in the tab order, in reading order, and Tab goes on past the last.
        summaries = page.locator(".pv-sidenote summary").count()
        assert summaries == page.locator(".pv-text a.footnote-ref").count()
        page.locator(".pv-text a.footnote-ref").first.focus()
        seen = []
        for _ in range(400):
            page.keyboard.press("Tab")
            where = page.evaluate("(() => { const n = document.activeElement.closest('.pv-sidenote'); return n ? n.id : (document.activeElement.closest('.pv-text') ? 'text' : 'out'); })()")
            if where == "out":
                break
            if where != "text" and (not seen or seen[-1] != where):
                seen.append(where)
        assert where == "out"  # past the text: nothing trapped the focus
        assert seen == [f"pv-side-{n.get_attribute('data-pv-for')}" for n in page.locator(".pv-sidenote").all()]
        page.close()


def test_screen_readers_meet_each_note_once(site: Path, browser) -> None:
    """In the margin the list of notes is hidden; in between, the list is the only copy. Each claim's
    place ("characters 190–434") is in the accessibility tree exactly once either way."""
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    page_url = source_page(site)
    source = next(s for s in data["sources"] if s["page"] == page_url)
    claims = [c for c in data["claims"] if c["source"] == source["id"] and c["text"]]
    with serve(site) as base:
        for viewport in (WIDE, {"width": 1280, "height": 900}):
            page = browser.new_page(viewport=viewport)
            page.goto(base + page_url)
            tree = page.locator("body").aria_snapshot()
            counts = {c["id"]: tree.count(f"characters {c['selector']['start']}–{c['selector']['end']})") for c in claims}
            assert set(counts.values()) == {1}, (viewport, {k: v for k, v in counts.items() if v != 1})
            page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_a_tap_opens_the_note_below_its_sentence_and_a_second_closes_it(site: Path, browser, artifacts, scheme: str) -> None:
    with serve(site) as base:
        context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, color_scheme=scheme)
        page = context.new_page()
        url = base + source_page(site)
        page.goto(url)
        mark = page.locator(".pv-text a.footnote-ref").nth(2)
        sid = mark.evaluate("a => a.closest('sup').id.slice(6)")
        mark.tap()
        note = page.locator(".pv-inline-note")
        note.wait_for(state="visible", timeout=UI_WAIT)
        assert page.url == url and mark.get_attribute("aria-expanded") == "true"
        assert note.get_attribute("id") == mark.get_attribute("aria-controls")
        where, line = box(note), sentence_box(page, sid)
        assert where["y"] > line["y"] and where["x"] >= 0 and where["x"] + where["width"] <= PHONE["width"], (where, line)
        assert note.evaluate("n => n.closest('.pv-para') !== null")  # in the text flow, inside its paragraph
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        note.locator("summary").tap()
        assert note.locator(".pv-fact").first.is_visible()
        page.screenshot(path=str(artifacts("screenshots") / f"phone-note-open-360-{scheme}.png"))
        mark.tap()  # a second tap closes it
        assert page.locator(".pv-inline-note").count() == 0 and mark.get_attribute("aria-expanded") == "false"
        assert page.url == url
        mark.tap()
        page.locator(".pv-inline-note .pv-close").tap()  # so does its Close button, which gives the focus back
        assert page.locator(".pv-inline-note").count() == 0
        assert page.evaluate("document.activeElement.closest('sup') && document.activeElement.closest('sup').id") == f"fnref:{sid}"
        context.close()


def test_on_a_phone_the_keyboard_opens_enters_and_closes_a_note(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(base + source_page(site))
        mark = page.locator(".pv-text a.footnote-ref").first
        mark.focus()
        assert page.locator(".md-tooltip2").count() == 0  # no tooltip over the text on a phone
        page.keyboard.press("Enter")
        assert mark.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.pv-inline-note') !== null")
        page.keyboard.press("Escape")
        assert page.locator(".pv-inline-note").count() == 0
        assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")
        page.close()


def test_without_javascript_a_wide_page_is_as_before(site: Path, browser) -> None:
    with serve(site) as base:
        context = browser.new_context(viewport=WIDE, java_script_enabled=False)
        page = context.new_page()
        page.goto(base + source_page(site))
        assert page.locator(".pv-sidenote").count() == 0
        assert page.locator(".pv-notes li").first.is_visible() and page.locator(".pv-para .pv-mark").first.is_visible()
        assert page.locator(".pv-meta").evaluate("e => getComputedStyle(e).position") == "static"
        context.close()


def test_printed_from_a_wide_window_the_notes_are_endnotes(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=WIDE)
        page.goto(base + source_page(site))
        page.locator(".pv-sidenote").first.wait_for(state="visible", timeout=UI_WAIT)
        page.emulate_media(media="print")
        assert page.locator(".pv-sidenote").first.is_hidden()
        notes = page.locator(".pv-notes li")
        assert notes.count() == page.locator("a.footnote-ref").count() > 0 and notes.first.is_visible()
        assert page.locator(".pv-para .pv-mark").first.is_visible()
        page.close()


def test_narrowing_the_window_puts_the_notes_back_in_the_list(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page(viewport=WIDE)
        page.goto(base + source_page(site))
        count = page.locator(".pv-sidenote").count()
        assert count > 0
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_function("document.querySelectorAll('.pv-sidenote').length === 0")
        assert page.locator(".pv-notes li").first.is_visible()
        page.set_viewport_size(WIDE)
        page.wait_for_function(f"document.querySelectorAll('.pv-sidenote').length === {count}")
        assert_no_overlap_and_never_above_its_sentence(page)
        page.close()
