"""`provenance pages` (pages.py) and the citation extension without a host: the site for engines that run
no plugins, written into a project in tmp_path (never the checkout's docs/)."""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from markdown.preprocessors import Preprocessor

from provenance.integrations import pages, site_config
from provenance.integrations.markdown.citations import makeExtension
from provenance.render.analysis_pages import PAGES

from . import harbour
from .conftest import Project

CITING = '# Home\n\nThe board denied the sale [@gazette "The harbour board denied that it sold the fishing rights"].\n'


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def harbour_project(project: Project) -> Project:
    harbour.write(project.seeds)
    (project.docs / "index.md").write_text(CITING, encoding="utf-8")
    return project


def test_pages_writes_every_generated_page_the_exports_and_the_stylesheet(harbour_project: Project) -> None:
    done = run("pages", cwd=harbour_project.root)
    assert done.returncode == 0, done.stderr
    docs = harbour_project.docs
    manifest = json.loads((docs / pages.MANIFEST).read_text(encoding="utf-8"))["files"]
    expected = {f"analysis/{p.name}.md" for p in PAGES} | {"sources/index.md", "sources/herald.md", "sources/gazette.md"}
    expected |= {"provenance.json", "annotations.jsonld", "assets/provenance/provenance.css"}
    assert set(manifest) == expected
    page = (docs / "sources" / "gazette.md").read_text(encoding="utf-8")
    front, body = page.split("\n---\n", 1)
    assert front.startswith("---\n# Written by 'provenance pages'") and 'title: "Board Rejects Memo Claims"' in front
    assert re.search(r'^description: "The full text of “Board Rejects Memo Claims” \(Bay Gazette, 2024-03-05\)', front, re.M)
    # Links go from file to file, as in hand-written Markdown, so that any engine can turn them into its URLs.
    assert 'href="herald.md#s-' in body and 'href="../analysis/contested.md#point-1"' in body and 'href="#s-' in body
    exported = json.loads((docs / "provenance.json").read_text(encoding="utf-8"))
    assert exported["sources"][0]["page"] == "sources/gazette/" and exported["contested"][0]["url"] == "analysis/contested/#point-1"
    # The engine needs the stylesheet and the extension named in mkdocs.yml: pages says so.
    assert "extra_css does not list 'assets/provenance/provenance.css'" in done.stderr
    assert "markdown_extensions does not list 'provenance.citations_md'" in done.stderr


def test_pages_rewrites_only_what_changed_and_removes_what_it_no_longer_generates(harbour_project: Project) -> None:
    root, docs = harbour_project.root, harbour_project.docs
    assert run("pages", cwd=root).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    again = run("pages", cwd=root)
    assert "0 files written" in again.stderr and "0 removed" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == before
    (harbour_project.seeds / "herald.txt").unlink()
    (harbour_project.seeds / "herald.yml").unlink()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    third = run("pages", cwd=root)
    assert third.returncode == 0, third.stderr
    assert not (docs / "sources" / "herald.md").exists() and (docs / "sources" / "gazette.md").exists()
    assert "1 removed" in third.stderr and (docs / "index.md").read_text(encoding="utf-8") == "# Home\n"


def test_pages_never_touches_a_file_it_did_not_write(harbour_project: Project) -> None:
    root, docs = harbour_project.root, harbour_project.docs
    (docs / "sources").mkdir()
    (docs / "sources" / "herald.md").write_text("# My own page\n", encoding="utf-8")
    (docs / "provenance.json").write_text("{}\n", encoding="utf-8")
    done = run("pages", cwd=root)
    assert done.returncode == 1
    assert "herald.txt: the page 'sources/herald.md' already exists in docs (fix: rename that page" in done.stderr
    assert "docs/provenance.json: exists and was not written by 'provenance pages'" in done.stderr
    assert (docs / "sources" / "herald.md").read_text(encoding="utf-8") == "# My own page\n"
    assert (docs / "provenance.json").read_text(encoding="utf-8") == "{}\n"
    assert (docs / "sources" / "gazette.md").exists()
    # An edited generated file is no longer the command's: it is left alone, and so is its place in the manifest.
    (docs / "sources" / "gazette.md").write_text("# Edited\n", encoding="utf-8")
    run("pages", cwd=root)
    assert (docs / "sources" / "gazette.md").read_text(encoding="utf-8") == "# Edited\n"


def test_pages_reports_a_citation_that_does_not_resolve_with_its_line(harbour_project: Project) -> None:
    (harbour_project.docs / "about.md").write_text('# About\n\nText.\n\nWrong [@gazette "words the gazette never printed"].\n', encoding="utf-8")
    done = run("pages", cwd=harbour_project.root)
    assert done.returncode == 1
    assert "docs/about.md:5: quoted passage not found verbatim in source 'gazette'" in done.stderr


def test_mkdocs_builds_the_same_site_with_or_without_what_pages_wrote(harbour_project: Project, tmp_path: Path) -> None:
    """The plugin leaves out the files `provenance pages` wrote (it generates its own), so both engines can share docs/."""
    plain = tmp_path / "plain"
    shutil.copytree(harbour_project.root, plain)
    harbour_project.build()
    Project(plain).build()
    assert run("pages", cwd=harbour_project.root).returncode == 0
    harbour_project.build()
    built = {p.relative_to(harbour_project.site): p.read_bytes() for p in harbour_project.site.rglob("*") if p.is_file()}
    reference = {p.relative_to(plain / "site"): p.read_bytes() for p in (plain / "site").rglob("*") if p.is_file()}
    assert built.keys() == reference.keys()
    assert [name for name in built if built[name] != reference[name]] == []


def test_check_and_export_read_only_the_hand_written_pages(harbour_project: Project) -> None:
    assert run("pages", cwd=harbour_project.root).returncode == 0
    hand = [p.relative_to(harbour_project.docs).as_posix() for p in pages.hand_written(harbour_project.docs)]
    assert hand == ["index.md"]
    checked = run("check", cwd=harbour_project.root)
    assert checked.returncode == 0, checked.stderr + checked.stdout


class Context(Preprocessor):
    """What Zensical registers while it renders a page (zensical/extensions/context.py): the page and the settings."""

    def __init__(self, md: markdown.Markdown, page: object, config: dict) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


def convert(text: str, root: Path | None, path: str = "", url: str = "") -> str:
    md = markdown.Markdown(extensions=["footnotes", "attr_list", makeExtension(config_file=str(root / "mkdocs.yml") if root and not path else "")])
    if path:
        page = type("Page", (), {"url": url, "path": path})()
        md.preprocessors.register(Context(md, page, {"root_dir": str(root)}), "rendering_context", 0)
    return md.convert(text)


def test_the_extension_named_in_markdown_extensions_loads_the_sources_itself(harbour_project: Project) -> None:
    html = convert(CITING, harbour_project.root)
    assert "[@" not in html and 'href="#fn:cite-1"' in html and 'role="doc-noteref"' in html
    assert 'href="sources/gazette.md#s-' in html and "Bay Gazette" in html  # from the docs root: no engine said otherwise
    # Under an engine that says which page it converts (as Zensical does), links go from that page's file.
    nested = convert(CITING, harbour_project.root, path="reports/march.md", url="reports/march/")
    assert 'href="../sources/gazette.md#s-' in nested


def test_the_extension_reports_with_file_and_line_and_sees_a_changed_source(harbour_project: Project, caplog: pytest.LogCaptureFixture) -> None:
    page = harbour_project.docs / "reports" / "march.md"
    page.parent.mkdir()
    text = "# March\n\nOne.\n\nTwo [@gazette \"a quote nobody wrote\"].\n"
    page.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="provenance"):
        html = convert(text, harbour_project.root, path="reports/march.md")
    assert '[@gazette "a quote nobody wrote"]' in html  # left as written, and reported
    assert "docs/reports/march.md:5: quoted passage not found verbatim in source 'gazette'" in caplog.text
    (harbour_project.seeds / "gazette.yml").write_text("id: gazette\npublisher: Bay Evening Gazette\n", encoding="utf-8")
    assert "Bay Evening Gazette" in convert(CITING, harbour_project.root, path="index.md")


def test_env_values_in_mkdocs_yml_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: !ENV [PV_TEST_SITE_URL, 'http://127.0.0.1:8000/']\ndocs_dir: !ENV PV_TEST_DOCS\n", encoding="utf-8")
    monkeypatch.delenv("PV_TEST_SITE_URL", raising=False)
    monkeypatch.delenv("PV_TEST_DOCS", raising=False)
    data, _ = site_config.read(config)
    assert data["site_url"] == "http://127.0.0.1:8000/" and data["docs_dir"] is None
    monkeypatch.setenv("PV_TEST_SITE_URL", "https://example.org/site/")
    monkeypatch.setenv("PV_TEST_DOCS", "pages")
    data, _ = site_config.read(config)
    assert data["site_url"] == "https://example.org/site/" and site_config.layout_of(data).docs == "pages"


def test_pages_watch_writes_again_when_a_source_changes(harbour_project: Project) -> None:
    """For `zensical serve`: the generated pages follow the sources while the command runs."""
    import time

    page = harbour_project.docs / "sources" / "gazette.md"
    watcher = subprocess.Popen(
        [sys.executable, "-m", "provenance.cli", "pages", "--watch", "--interval", "0.2"],
        cwd=harbour_project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # A guard against a watcher that never writes, far above the time it takes (a few seconds; a minute once
        # on a 2-core machine running other builds), for each of the two writes.
        deadline = time.monotonic() + 300
        while not (page.exists() and "Bay Gazette" in page.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline and watcher.poll() is None, "the first pages were not written"
            time.sleep(0.1)
        (harbour_project.seeds / "gazette.yml").write_text("id: gazette\npublisher: Bay Evening Gazette\n", encoding="utf-8")
        deadline = time.monotonic() + 300
        while "Bay Evening Gazette" not in page.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline and watcher.poll() is None, "the changed source was not written again"
            time.sleep(0.1)
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
