"""A Python-Markdown extension that gives footnotes the DPUB-ARIA roles the generated pages carry.

Python-Markdown's ``footnotes`` extension writes plain links and a plain ``div``;
screen readers announce them as notes only with ``role="doc-noteref"`` on each
mark, ``role="doc-endnotes"`` on the list and ``role="doc-backlink"`` on each
back-link. The back-link's only text is an arrow, so it also gets its title as
its accessible name.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class FootnoteRolesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            classes = (element.get("class") or "").split()
            if element.tag == "a" and "footnote-ref" in classes:
                element.set("role", "doc-noteref")
                if not element.get("aria-label") and element.text:
                    element.set("aria-label", f"Note {element.text}")
            elif element.tag == "a" and "footnote-backref" in classes:
                element.set("role", "doc-backlink")
                if not element.get("aria-label") and element.get("title"):
                    element.set("aria-label", element.get("title", ""))
            elif element.tag == "div" and "footnote" in classes and not element.get("role"):
                element.set("role", "doc-endnotes")


class FootnoteRolesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After the footnotes extension has built the notes (priority 50) and numbered duplicates (15).
        md.treeprocessors.register(FootnoteRolesTreeprocessor(md), "provenance-footnote-roles", 10)
