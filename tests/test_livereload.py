"""Editing a seed or its sidecar while `mkdocs serve` runs rebuilds the site and tells the browser to reload.

This starts a real `mkdocs serve` on 127.0.0.1, as an editor would, and speaks
its live-reload protocol: the page carries `livereload(EPOCH, ID)`, and
`/livereload/EPOCH/ID` answers with a newer epoch once a rebuild is visible.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Project

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 70) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback only)
        return response.read().decode("utf-8")


class Server:
    def __init__(self, project: Project) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.log = project.root / "serve.log"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", "--livereload"],
            cwd=project.root,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, path: str) -> str:
        deadline = time.monotonic() + 300  # a hang guard, far above the seconds it takes, for a loaded machine
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("mkdocs serve exited:\n" + self.log.read_text())
            try:
                return get(self.base + path, timeout=5)
            except OSError:
                time.sleep(0.3)
        raise AssertionError("mkdocs serve did not start:\n" + self.log.read_text())

    def epoch(self, html: str) -> tuple[int, int]:
        match = re.search(r"livereload\((\d+), (\d+)\)", html)
        assert match, "the page carries no live-reload script (is click newer than 8.2.1?)"
        return int(match[1]), int(match[2])

    def wait_for_rebuild(self, html: str) -> None:
        epoch, request = self.epoch(html)
        deadline = time.monotonic() + 300  # a hang guard, far above the seconds it takes, for a loaded machine
        while time.monotonic() < deadline:
            answer = int(get(f"{self.base}livereload/{epoch}/{request}"))
            if answer > epoch:
                return
        raise AssertionError("no rebuild was signalled:\n" + self.log.read_text())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def server(project: Project) -> Iterator[tuple[Project, Server]]:
    project.add_source("a.txt", "Harbour Report\n\nThe ferry sailed at dawn on Monday.\n", "id: harbour\n")
    srv = Server(project)
    try:
        yield project, srv
    finally:
        srv.stop()


def test_editing_a_seed_rebuilds_and_reloads(server: tuple[Project, Server]) -> None:
    project, srv = server
    html = srv.wait_ready("sources/harbour/")
    assert "The ferry sailed at dawn on Monday." in html
    (project.seeds / "a.txt").write_text("Harbour Report\n\nThe ferry sailed at noon on Tuesday.\n", encoding="utf-8")
    srv.wait_for_rebuild(html)
    html = get(srv.base + "sources/harbour/")
    assert "The ferry sailed at noon on Tuesday." in html

    (project.seeds / "a.yml").write_text("id: harbour\npublisher: Coast Gazette\n", encoding="utf-8")
    srv.wait_for_rebuild(html)
    assert "Coast Gazette" in get(srv.base + "sources/harbour/")


def test_a_broken_sidecar_mid_edit_keeps_the_server_running(server: tuple[Project, Server]) -> None:
    project, srv = server
    html = srv.wait_ready("sources/harbour/")
    (project.seeds / "a.yml").write_text("id: harbour\npublisher: [unclosed\n", encoding="utf-8")
    srv.wait_for_rebuild(html)
    html = get(srv.base + "sources/harbour/")
    assert srv.proc.poll() is None
    assert re.search(r"seeds/a\.yml:\d+: is not valid YAML", Path(srv.log).read_text())
    (project.seeds / "a.yml").write_text("id: harbour\npublisher: Fixed Gazette\n", encoding="utf-8")
    srv.wait_for_rebuild(html)
    assert "Fixed Gazette" in get(srv.base + "sources/harbour/")


def test_an_editorial_change_rebuilds_and_reloads(server: tuple[Project, Server]) -> None:
    project, srv = server
    html = srv.wait_ready("")
    (project.docs / "index.md").write_text('# Home\n\nFerry [@harbour "The ferry sailed at dawn"].\n', encoding="utf-8")
    srv.wait_for_rebuild(html)
    assert 'href="#fn:cite-1"' in get(srv.base)
    html = get(srv.base + "sources/harbour/")
    (project.seeds / "editorial").mkdir(exist_ok=True)
    (project.seeds / "editorial" / "notes.yml").write_text(
        'claims:\n  - passage: {source: harbour, quote: "The ferry sailed at dawn"}\n    note: "Timetable checked by the desk."\n', encoding="utf-8"
    )
    srv.wait_for_rebuild(html)
    assert "Timetable checked by the desk." in get(srv.base + "sources/harbour/")
    assert "Timetable checked by the desk." in get(srv.base)  # the citation's note on the home page too
    (project.seeds / "editorial" / "notes.yml").write_text('claims:\n  - passage: {source: harbour, quote: "The ferry sailed at dusk and', encoding="utf-8")
    html = get(srv.base + "sources/harbour/")
    srv.wait_for_rebuild(html)
    assert srv.proc.poll() is None
    assert re.search(r"seeds/editorial/notes\.yml:\d+: is not valid YAML", srv.log.read_text())
