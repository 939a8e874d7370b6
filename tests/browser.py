"""Serving a built site on 127.0.0.1 and driving Debian's headless Chromium with Playwright."""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM", "/usr/bin/chromium")
UI_WAIT = 30_000  # ms: how long to wait for a tooltip or search results to show; a bound for a loaded machine, not a measurement
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require_chromium() -> None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"{CHROMIUM} not found: run .ci/setup (it installs Debian's chromium)"
        if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        # linkchecker sends at most ~3 requests a second to a server unless it answers with this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".jsonld", ".xml", ".svg", ".txt"}


@contextmanager
def serve(directory: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` at ``http://127.0.0.1:PORT{prefix}``; other paths answer 404.

    ``compress`` gzips text files for clients that accept it, as static hosts (GitHub Pages,
    Netlify, nginx's gzip_static) do: for measuring page weight and load time as readers get them.
    """

    class Handler(_Quiet):
        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(directory / "__outside_prefix__")
            return super().translate_path("/" + path[len(prefix) :])

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
                path = path / "index.html"
            if not (compress and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file() and path.suffix in COMPRESSIBLE):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
