"""Relative links between generated pages, and from hand-written pages to them.

Addresses are URLs relative to the site root ("sources/lake/", the MkDocs plugin's) or files
relative to the docs folder ("sources/lake.md", ``provenance pages``'s): a link is relative either way.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping


def relative(target: str, here: str) -> str:
    """``target`` (a URL relative to the site root) as seen from the page at ``here``."""
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    path, _, fragment = target.partition("#")
    if fragment and path == here and path.endswith(".md"):
        return f"#{fragment}"  # within the page's own Markdown file (an engine would make "../page/#s" of "page.md#s")
    rel = posixpath.relpath("/" + path, "/" + base) if path else ""
    if path.endswith("/") and rel and not rel.endswith("/"):
        rel += "/"
    if rel == "./" or rel == ".":
        rel = ""
    return rel + (f"#{fragment}" if fragment else "")


class Linker:
    """Builds hrefs from one page (``here``) to source pages and sentences."""

    def __init__(self, pages: Mapping[str, str], here: str, extra: Mapping[str, str] | None = None) -> None:
        self.pages = pages  # source id -> page URL relative to the site root
        self.here = here
        self.extra = extra or {}  # name -> page URL (overview, contested, ...)

    def source(self, source_id: str) -> str:
        return relative(self.pages.get(source_id, ""), self.here) or "./"

    def sentence(self, source_id: str, sentence_id: str) -> str:
        return relative(f"{self.pages.get(source_id, '')}#{sentence_id}", self.here)

    def page(self, name: str, fragment: str = "") -> str:
        url = self.extra.get(name, "")
        return relative(url + (f"#{fragment}" if fragment else ""), self.here)
