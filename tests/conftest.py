"""Shared fixtures: small projects written to tmp_path, built for real with MkDocs."""

from __future__ import annotations

import os
import shutil
import signal
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

MKDOCS_YML = """\
site_name: Test site
site_url: http://127.0.0.1/
theme:
  name: material
  font: false
  features: [content.footnote.tooltips]
plugins:
  - search
  - provenance:
      seeds: seeds
markdown_extensions: [footnotes, attr_list, md_in_html, admonition, toc]
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


@contextmanager
def deadline(seconds: float, what: str) -> Iterator[None]:
    """Fail (rather than hang the suite) when ``what`` has not finished after ``seconds``.

    A guard against endless loops, far above the time the work takes even on a loaded machine;
    it measures nothing.
    """

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"{what} did not finish in {seconds} s (an endless loop?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.seeds = root / "seeds"
        self.docs = root / "docs"
        self.site = root / "site"

    def add_source(self, name: str, text: str | bytes, sidecar: str | None = None) -> Path:
        path = self.seeds / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".yml").write_text(textwrap.dedent(sidecar), encoding="utf-8")
        return path

    def build(self, strict: bool = True) -> Path:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=strict)
        build(config)
        return self.site

    def html(self, url_path: str) -> str:
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n\nA test site.\n", encoding="utf-8")
    return Project(root)


@pytest.fixture
def seeded_project(project: Project) -> Project:
    shutil.copytree(ROOT / "seeds", project.seeds, dirs_exist_ok=True)
    return project


class TextExtractor(HTMLParser):
    """Text content of the elements below the first element with a given class (or the whole page)."""

    def __init__(self, within_class: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.within_class = within_class
        self.depth = 0 if within_class else 1
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in {"script", "style"}:
            self.skip += 1
        if self.depth:
            if tag not in {"br", "hr", "img", "input", "meta", "link", "wbr"}:
                self.depth += 1
        elif self.within_class in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip -= 1
        if self.depth > 1 or (self.depth == 1 and self.within_class):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def page_text(html: str, within_class: str | None = None) -> str:
    parser = TextExtractor(within_class)
    parser.feed(html)
    return "".join(parser.parts)


@pytest.fixture
def text_of() -> Callable[..., str]:
    return page_text
