"""Adding a source while `mkdocs serve` runs: one command, no hand edits, and its page is served."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import pytest

from . import webfixtures as web
from .conftest import Project
from .test_livereload import Server, get
from .webfixtures import Site, serve

pytestmark = pytest.mark.slow


def test_provenance_add_shows_up_on_the_running_site(project: Project) -> None:
    project.add_source("a.txt", "Harbour Report\n\nThe ferry sailed at dawn on Monday.\n", "id: harbour\n")
    command = Path(sys.executable).parent / "provenance"
    with serve(Site()) as site:
        url = site.html("/news/barrier.html", web.news_page())
        server = Server(project)
        try:
            html = server.wait_ready("sources/")
            assert "Eastmouth" not in html
            done = subprocess.run([str(command), "add", url, "--id", "barrier"], cwd=project.root, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            server.wait_for_rebuild(html)
            deadline, page = time.monotonic() + 300, ""  # a hang guard, for a loaded machine
            while time.monotonic() < deadline:  # the three files may land in more than one rebuild
                try:
                    page = get(server.base + "sources/barrier/", timeout=10)
                    break
                except urllib.error.HTTPError:
                    time.sleep(0.5)
            assert "The Eastmouth harbour council voted on Tuesday to spend 4.2 million pounds" in page
            assert "retrieved on" in page and "The Eastmouth Courier" in page
            assert 'href="barrier/"' in get(server.base + "sources/")  # listed among the sources
            assert "is not a source" not in server.log.read_text()
        finally:
            server.stop()
