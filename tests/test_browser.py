"""The site in a real browser: footnote tooltips, the no-JavaScript fallback, screenshots."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import chromium, serve
from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(os.environ.get("PROVENANCE_ARTIFACTS", ROOT / "artifacts" / "screenshots"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("browser-site")
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


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
        tooltip.wait_for(state="visible", timeout=5000)
        assert quote in tooltip.inner_text()
        page.mouse.move(0, 0)
        page.keyboard.press("Escape")
        page.locator("a.footnote-ref").nth(1).focus()
        page.locator(".md-tooltip2--active, .md-tooltip--active").first.wait_for(state="visible", timeout=5000)
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
def test_screenshots_and_no_horizontal_scroll(site: Path, browser, width: int, scheme: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.goto(base + first_source_page(site))
        page.wait_for_timeout(200)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page scrolls horizontally by {overflow}px at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"source-{width}-{scheme}.png"), full_page=False)
        page.close()
