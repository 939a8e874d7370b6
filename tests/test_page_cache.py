"""The page cache: generated pages come from cached HTML only when everything they are made from is
unchanged. Each case edits one input, rebuilds over the warm cache, and compares the site, byte for
byte, with a cold build of the same project (no cache at all)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from provenance.cache import Cache, PageCache

from . import harbour
from .conftest import Project

HERALD_PAGE = "sources/herald/index.html"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def cold(project: Project, where: Path) -> dict[str, bytes]:
    """The same project built from nothing: a copy without the cache folder, in ``where``."""
    copy = where / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project.root, copy, ignore=shutil.ignore_patterns(".cache", "site"))
    again = Project(copy)
    again.build()
    return tree(again.site)


@pytest.fixture
def harbour_project(project: Project) -> Project:
    harbour.write(project.seeds)
    return project


def test_nothing_changed_gives_the_bytes_of_a_cold_build_from_the_cache(harbour_project: Project, tmp_path: Path) -> None:
    harbour_project.build()
    pages = harbour_project.root / ".cache" / "provenance" / "pages"
    stored = sorted(p.name for p in pages.iterdir())
    assert stored and all(name.endswith((".html.z", ".alias")) for name in stored)
    harbour_project.build()
    assert sorted(p.name for p in pages.iterdir()) == stored  # same inputs, same keys: nothing new written
    assert tree(harbour_project.site) == cold(harbour_project, tmp_path)


def _edit_own_text(p: Project) -> None:
    path = p.seeds / "herald.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("240 registered boats", "250 registered boats"), encoding="utf-8")


def _edit_own_sidecar(p: Project) -> None:
    (p.seeds / "herald.yml").write_text("id: herald\npublisher: Coast Herald Weekly\n", encoding="utf-8")


def _edit_editorial(p: Project) -> None:
    entry = 'claims:\n  - passage: {source: herald, quote: "The harbour has 240 registered boats."}\n    note: "Counted in *January*."\n'
    (p.seeds / "editorial" / "boats.yml").write_text(entry, encoding="utf-8")


def _edit_related_source(p: Project) -> None:
    path = p.seeds / "gazette.txt"
    text = path.read_text(encoding="utf-8").replace("Fishing boats in the harbour number about 240", "Fishing boats in the harbour number about 240 in all")
    path.write_text(text, encoding="utf-8")


def _edit_related_sidecar(p: Project) -> None:
    (p.seeds / "gazette.yml").write_text("id: gazette\npublisher: Bay Gazette\ntitle: The Gazette's Report\n", encoding="utf-8")


def _edit_plugin_option(p: Project) -> None:
    config = p.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      seeds: seeds\n", "      seeds: seeds\n      display: excerpts\n"), encoding="utf-8")


def _edit_site_name(p: Project) -> None:
    config = p.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Test site", "site_name: Another site"), encoding="utf-8")


EDITS: dict[str, Callable[[Project], None]] = {
    "source text": _edit_own_text,
    "sidecar": _edit_own_sidecar,
    "editorial file": _edit_editorial,
    "a source that relates to it": _edit_related_source,
    "the sidecar of a source it links to": _edit_related_sidecar,
    "a plugin option": _edit_plugin_option,
    "the site's name": _edit_site_name,
}


@pytest.mark.parametrize("what", list(EDITS))
def test_changing_an_input_changes_the_page_as_a_cold_build_does(harbour_project: Project, tmp_path: Path, what: str) -> None:
    harbour_project.build()
    before = harbour_project.html(HERALD_PAGE)
    EDITS[what](harbour_project)
    harbour_project.build()
    after = tree(harbour_project.site)
    assert after == cold(harbour_project, tmp_path)
    if what != "the site's name":  # the site's name is in the page's template, not in the page the plugin renders
        assert after[HERALD_PAGE].decode("utf-8") != before


def test_only_the_last_builds_pages_are_kept(harbour_project: Project) -> None:
    harbour_project.add_source("weather.txt", "Rain Expected\n\nHeavy rain is expected in the valley on Friday, the weather office said.\n")
    harbour_project.build()
    pages = harbour_project.root / ".cache" / "provenance" / "pages"
    first = {p.name for p in pages.iterdir()}
    _edit_own_text(harbour_project)
    harbour_project.build()
    second = {p.name for p in pages.iterdir()}
    assert first - second  # the pages whose inputs changed are gone ...
    assert first & second  # ... and the others (the unrelated source's page) are still there


def test_a_damaged_page_entry_is_rendered_again(tmp_path: Path) -> None:
    cache = PageCache(Cache(tmp_path / "cache"))
    assert cache.html("inputs", lambda: "<p>one</p>") == "<p>one</p>"
    (path,) = (tmp_path / "cache" / "pages").iterdir()
    path.write_bytes(b"not compressed")
    again = PageCache(Cache(tmp_path / "cache"))
    assert again.html("inputs", lambda: "<p>one</p>") == "<p>one</p>" and again.misses == 1
    third = PageCache(Cache(tmp_path / "cache"))
    assert third.html("inputs", lambda: "never") == "<p>one</p>" and third.hits == 1
    assert PageCache(Cache(tmp_path / "cache")).html(None, lambda: "uncached") == "uncached"


def test_after_a_rebuild_with_nothing_changed_an_edit_still_reuses_the_other_pages(
    harbour_project: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    harbour_project.add_source("weather.txt", "Rain Expected\n\nHeavy rain is expected in the valley on Friday, the weather office said.\n")
    harbour_project.build()
    harbour_project.build()  # nothing changed: every page by its quick key
    _edit_own_text(harbour_project)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.provenance"):
        harbour_project.build()
    (line,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("generated pages from the cache")]
    assert not line.startswith("generated pages from the cache: 0,")  # the weather page at least
    assert tree(harbour_project.site) == cold(harbour_project, tmp_path)
