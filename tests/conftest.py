"""Shared fixtures: small projects written to tmp_path, built for real with MkDocs; the repository's
own site, built once per session from a copy; the harbour articles (tests/harbour.py).

Nothing here writes into the checkout: every build happens in a temporary folder, so the analysis
cache (.cache/provenance), sites and screenshots never land in it, and no pickle an editor's
`mkdocs serve` left there is ever read instead of running the analysis.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from . import harbour
from .browser import chromium, serve

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "seeds")  # what the repository's site is built from
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# --- The checkout stays as it was: what the session adds to it (outside Python's and pytest's own caches) fails the run.

_PYTHON_CACHES = ("__pycache__/", ".pytest_cache/")


def _added_to_checkout() -> set[str] | None:
    """Untracked and ignored entries of the checkout (as `git status` names them), or None without git."""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--ignored"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return {line[3:] for line in done.stdout.splitlines() if line[:2] in ("??", "!!") and not line.endswith(_PYTHON_CACHES)}


_BEFORE = pytest.StashKey[set[str] | None]()
_WRITTEN = pytest.StashKey[set[str]]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_BEFORE] = _added_to_checkout()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before, after = session.config.stash.get(_BEFORE, None), _added_to_checkout()
    written = (after - before) if before is not None and after is not None else set()
    session.config.stash[_WRITTEN] = written
    if written and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    written = config.stash.get(_WRITTEN, set())
    if written:
        terminalreporter.write_sep("=", "the tests wrote into the checkout", red=True)
        terminalreporter.write_line(f"new in {ROOT}: {', '.join(sorted(written))} (build copies in tmp_path; see conftest.py)")


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
    """A small project with the repository's seeds in it."""
    shutil.copytree(ROOT / "seeds", project.seeds, dirs_exist_ok=True)
    return project


@pytest.fixture
def harbour_seeds(tmp_path: Path) -> Path:
    """A seeds folder with the two harbour articles, their sidecars and an empty editorial folder."""
    return harbour.write(tmp_path / "seeds")


def copy_repo_project(where: Path) -> Path:
    """A copy of what the repository's site is built from, in ``where``."""
    where.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        else:
            shutil.copy2(source, where / name)
    return where


@dataclass(frozen=True)
class RepoSite:
    root: Path  # the copy of the project it was built from
    site: Path  # the built site: read it, never change it (the whole session shares it)
    url: str  # where it is served, gzipped as static hosts serve it; also the site_url it was built for


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RepoSite]:
    """The repository's own site, built once per session with --strict, from a copy of the project
    (its analysis cache stays in the copy), for the local address it is then served at."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    tmp = tmp_path_factory.mktemp("repo-site")
    root = copy_repo_project(tmp / "project")
    site = tmp / "site"
    site.mkdir()
    with serve(site, compress=True) as url:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site), site_url=url, strict=True))
        yield RepoSite(root, site, url)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium, driven by Playwright, launched once for the session."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Where tests leave what a person may want to look at (screenshots, the gates' measurements):
    ``artifacts("screenshots")`` is $PROVENANCE_ARTIFACTS/screenshots when that variable is set (CI
    sets it and uploads the folder), else a folder in the session's temporary directory."""
    given = os.environ.get("PROVENANCE_ARTIFACTS")
    base = Path(given) if given else tmp_path_factory.getbasetemp() / "artifacts"

    def folder(kind: str) -> Path:
        path = base / kind
        path.mkdir(parents=True, exist_ok=True)
        return path

    return folder


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
