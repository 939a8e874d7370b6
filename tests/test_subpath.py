"""A site built with a site_url that has a path (as a pull request's preview is, under
/pr-preview/pr-N/) works when served under that path: every link and asset, checked by linkchecker
against a local server that answers only under the path, and every link to an anchor."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from .browser import serve
from .conftest import copy_repo_project

pytestmark = pytest.mark.slow

PREFIX = "/pr-preview/pr-5/"
LINKCHECKER_INI = """\
[checking]
threads=8
maxrequestspersecond=200
[filtering]
# Links that leave the sub-path are "external" to linkchecker: check those on this machine too
# (the server answers 404 outside the sub-path), and no others (there is no network).
checkextern=1
ignore=
  ^(?!http://127\\.0\\.0\\.1:)
[output]
status=0
"""


def linkchecker() -> str:
    beside = Path(sys.executable).parent / "linkchecker"
    tool = str(beside) if beside.exists() else shutil.which("linkchecker")
    if tool:
        return tool
    if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):
        pytest.fail("linkchecker not found: run .ci/setup")
    pytest.skip("linkchecker not found: run .ci/setup")


def check_links(tmp_path: Path, *urls: str) -> list[dict[str, str]]:
    """Run linkchecker; return a row for every link it followed (``valid`` is "True" or not)."""
    ini = tmp_path / "linkchecker.ini"
    ini.write_text(LINKCHECKER_INI, encoding="utf-8")
    done = subprocess.run(
        [linkchecker(), "--config", str(ini), "--output", "csv", "--verbose", *urls],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line and not line.startswith("# ")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert rows, done.stdout[-3000:]
    return rows


def broken(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in rows if row.get("valid") != "True"]


def build(project: Path, site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.ids.add(str(values[name]))
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(str(values[name]))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("subpath")
    project = copy_repo_project(tmp / "project")
    site = tmp / "site"
    site.mkdir()
    with serve(site, PREFIX) as url:
        build(project, site, url)
        yield site, url, tmp


def test_every_link_and_asset_works_under_the_sub_path(served) -> None:
    site, url, tmp = served
    rows = check_links(tmp, url)
    assert not broken(rows), [(row["urlname"], row["parentname"], row["result"]) for row in broken(rows)][:20]
    # It went everywhere: every page, and the theme's and the plugin's assets.
    checked = {row["url"] for row in rows if row.get("result", "").startswith("200")}
    pages = {url + p.relative_to(site).parent.as_posix().removeprefix(".") for p in site.rglob("index.html")}
    pages = {p if p.endswith("/") else p + "/" for p in pages}
    assert pages and pages <= checked, sorted(pages - checked)
    assert any("/assets/stylesheets/" in u for u in checked) and any("/assets/javascripts/" in u for u in checked)
    assert any(u.endswith("provenance.css") for u in checked)


def test_linkchecker_catches_a_link_that_leaves_the_sub_path(served) -> None:
    site, url, tmp = served
    page = site / "zz-bad" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><title>x</title><a href="/index.html">root</a> <a href="../missing/">gone</a>', encoding="utf-8")
    try:
        rows = check_links(tmp, f"{url}zz-bad/")
    finally:
        shutil.rmtree(page.parent)
    assert {row["urlname"] for row in broken(rows)} == {"/index.html", "../missing/"}


def test_absolute_addresses_carry_the_sub_path(served) -> None:
    site, url, _ = served
    assert f'<link rel="canonical" href="{url}">' in (site / "index.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{url}</loc>" in sitemap and f"<loc>{url}sources/" in sitemap
    assert f'"id":"{url}annotations.jsonld"' in (site / "annotations.jsonld").read_text(encoding="utf-8").replace(" ", "")


def check_anchors(site: Path, url: str) -> int:
    """Every link to an anchor on the site (served at ``url``) finds it; returns how many were checked."""
    pages: dict[str, Links] = {}
    for path in site.rglob("*.html"):
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[url + path.relative_to(site).as_posix()] = parser
    checked = 0
    for page_url, parser in pages.items():
        for link in parser.links:
            target, fragment = urldefrag(urljoin(page_url, link))
            if not fragment or not target.startswith(url):
                continue
            if target.endswith("/"):
                target += "index.html"
            if urlsplit(target).path.endswith(".html"):
                assert target in pages, f"{page_url}: {link} (no such page)"
                assert fragment in pages[target].ids, f"{page_url}: {link} (no such anchor)"
                checked += 1
    return checked


def test_every_link_to_an_anchor_finds_it(served) -> None:
    """linkchecker's anchor plugin takes minutes on this site; the same check, from the files."""
    site, url, _ = served
    checked = check_anchors(site, url)
    assert checked > 100
