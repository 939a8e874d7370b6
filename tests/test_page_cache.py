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


def stored_keys(project: Project) -> set[str]:
    return PageCache(Cache(project.root / ".cache" / "provenance")).stored()


@pytest.fixture
def harbour_project(project: Project) -> Project:
    harbour.write(project.seeds)
    return project


def test_nothing_changed_gives_the_bytes_of_a_cold_build_from_the_cache(harbour_project: Project, tmp_path: Path) -> None:
    harbour_project.build()
    pages = harbour_project.root / ".cache" / "provenance" / "pages"
    assert [p.name for p in pages.iterdir()] == [PageCache.PACK]  # one file, however many pages
    stored = stored_keys(harbour_project)
    assert len(stored) > 4
    harbour_project.build()
    assert stored_keys(harbour_project) == stored  # same inputs, same keys: nothing new stored
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
    first = stored_keys(harbour_project)
    _edit_own_text(harbour_project)
    harbour_project.build()
    second = stored_keys(harbour_project)
    assert first - second  # the pages whose inputs changed are gone ...
    assert first & second  # ... and the others (the unrelated source's page) are still there


@pytest.mark.parametrize("damage", ["garbage", "truncated", "entry", "empty"])
def test_a_damaged_pack_is_rendered_again(tmp_path: Path, damage: str) -> None:
    cache = PageCache(Cache(tmp_path / "cache"))
    assert cache.html("inputs", lambda: "<p>one</p>") == "<p>one</p>"
    cache.save()
    (path,) = (tmp_path / "cache" / "pages").iterdir()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a pack at all")
    elif damage == "truncated":
        path.write_bytes(data[:-5])
    elif damage == "entry":  # the index intact, the page's bytes not zlib's
        start = len(PageCache.MAGIC)
        path.write_bytes(data[:start] + b"\0" * 4 + data[start + 4 :])
    else:
        path.write_bytes(b"")
    again = PageCache(Cache(tmp_path / "cache"))
    assert again.html("inputs", lambda: "<p>one</p>") == "<p>one</p>" and again.misses == 1
    again.save()
    third = PageCache(Cache(tmp_path / "cache"))
    assert third.html("inputs", lambda: "never") == "<p>one</p>" and third.hits == 1
    assert PageCache(Cache(tmp_path / "cache")).html(None, lambda: "uncached") == "uncached"


def test_a_build_that_stops_before_saving_leaves_the_last_pack(tmp_path: Path) -> None:
    first = PageCache(Cache(tmp_path / "cache"))
    first.html("a", lambda: "<p>a</p>", quick="qa")
    first.save()
    stopped = PageCache(Cache(tmp_path / "cache"))
    stopped.html("b", lambda: "<p>b</p>")  # never saved: a build that failed half-way
    later = PageCache(Cache(tmp_path / "cache"))
    assert later.html(lambda: pytest.fail("the quick key finds it"), lambda: "never", quick="qa") == "<p>a</p>"
    assert later.html("b", lambda: "<p>b</p>") == "<p>b</p>" and later.misses == 1
    later.save()
    assert [p.name for p in (tmp_path / "cache" / "pages").iterdir()] == [PageCache.PACK]  # the stopped build's file is gone


def test_a_page_used_twice_in_one_build_is_stored_once(tmp_path: Path) -> None:
    cache = PageCache(Cache(tmp_path / "cache"))
    assert cache.html("same", lambda: "<p>x</p>", quick="q1") == "<p>x</p>"
    assert cache.html("same", lambda: "never", quick="q2") == "<p>x</p>" and cache.hits == 1
    cache.save()
    again = PageCache(Cache(tmp_path / "cache"))
    assert len(again.stored()) == 3  # the page's key and its two quick keys
    assert again.html(None, lambda: "never", quick="q2") == "<p>x</p>"


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
