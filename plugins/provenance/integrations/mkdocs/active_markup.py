"""Markup that runs code, in what hand-written pages and editorial notes publish (the `reject_scripts` option).

Pages and notes are trusted Markdown: raw HTML passes through, as in any MkDocs site. A site that takes
pages or notes from people it does not know can turn on `reject_scripts`; the build then fails, naming
file and line, on any of these in the HTML they produce:

- the elements ``<script>``, ``<object>``, ``<embed>``, ``<applet>`` and ``<base>`` (which would move
  where the theme's own relative scripts load from);
- event-handler attributes (``onclick=``, ``onerror=``, any ``on…``), and ``srcdoc=`` (a document in
  the site's origin);
- ``javascript:`` and ``vbscript:`` URLs, in any attribute, after character references are decoded and
  the white space and control characters that browsers skip in a URL are removed.

The check reads the HTML as rendered (so that what Markdown makes of attribute lists, reference links
and character references is seen as the browser will see it), then finds each piece in the file it came
from for the message. Sources need no check: their text is escaped everywhere.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ...errors import Problem
from ...model import EditorialNote

ELEMENTS = ("script", "object", "embed", "applet", "base")
SCHEMES = ("javascript:", "vbscript:")
# What browsers drop from a URL before reading its scheme: ASCII white space and control characters.
_SKIPPED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
FIX = "remove it: the plugin's reject_scripts option is on, for a site that takes pages and notes from people it does not know"


@dataclass(frozen=True)
class Finding:
    """One piece of markup that runs code, and how to find it in the text it was written in."""

    what: str  # as the message says it: "a <script> element", "the event-handler attribute onclick="
    key: str  # what to look for in the source: a tag, an attribute name, or a URL scheme
    kind: str  # "element", "attribute" or "scheme"


def url_text(value: str) -> str:
    """An attribute's value as a browser reads a URL's scheme: decoded, without skipped characters."""
    return _SKIPPED_IN_URLS.sub("", html.unescape(value)).lower()


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ELEMENTS:
            self.found.append(Finding(f"a <{tag}> element", tag, "element"))
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc":
                label = "the event-handler attribute" if name.startswith("on") else "the attribute"
                self.found.append(Finding(f"{label} {name}=", name, "attribute"))
            for scheme in SCHEMES:
                if value and scheme in url_text(value):
                    self.found.append(Finding(f"a {scheme} URL", scheme, "scheme"))

    handle_startendtag = handle_starttag


def findings(rendered: str) -> list[Finding]:
    """Every piece of markup that runs code in a piece of HTML, in document order."""
    scanner = _Scanner()
    scanner.feed(rendered)
    scanner.close()
    return scanner.found


class Locator:
    """Finds the line of each finding in the text it came from; the n-th finding of a kind takes the
    n-th place it is written, outside front matter and code. (Only the line is looked for here: what counts
    is found in the rendered HTML, so a misread code span can only misplace a message, not hide markup.)"""

    def __init__(self, text: str, *, front_matter: bool = False) -> None:
        self.lines: list[tuple[int, str]] = []
        lines = text.splitlines()
        start = 0
        if front_matter and lines and lines[0].strip() == "---":  # a page's front matter is not rendered
            start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), 0)
        fenced = False
        for number, line in enumerate(lines[start:], start=start + 1):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                self.lines.append((number, _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)))
        self.taken: dict[str, int] = {}

    def _places(self, finding: Finding) -> list[int]:
        if finding.kind == "element":
            pattern = re.compile(rf"<\s*{re.escape(finding.key)}(?![\w-])", re.I)
        elif finding.kind == "attribute":
            pattern = re.compile(rf"(?<![\w-]){re.escape(finding.key)}\s*=", re.I)
        else:
            return [n for n, line in self.lines for _ in range(url_text(line).count(finding.key))]
        return [n for n, line in self.lines for _ in pattern.finditer(line)]

    def line(self, finding: Finding) -> int | None:
        places = self._places(finding)
        seen = self.taken.get(finding.what, 0)
        self.taken[finding.what] = seen + 1
        return places[seen] if seen < len(places) else None

    @property
    def first(self) -> int:
        return self.lines[0][0] if self.lines else 1


class Check:
    """The check over one build: the editorial notes first, then each hand-written page as it is rendered."""

    def __init__(self, root: Path, render_note: Callable[[EditorialNote], str]) -> None:
        self.root = root
        self.render_note = render_note
        self.problems: list[Problem] = []
        self.in_notes: set[str] = set()  # the kinds found in notes, which citations bring into pages

    def _display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def notes(self, notes: Iterable[EditorialNote]) -> None:
        """Each note's Markdown, references and decisions, as pages show them; at the line of its
        editorial file that holds the piece (or the line of its entry, when it cannot be found)."""
        locators: dict[str, Locator] = {}
        for note in notes:
            found = findings(self.render_note(note))
            if found and note.file not in locators:
                path = self.root / note.file
                locators[note.file] = Locator(path.read_text(encoding="utf-8") if path.is_file() else "")
            for finding in found:
                self.in_notes.add(finding.what)
                line = locators[note.file].line(finding) or note.line
                self.problems.append(Problem(note.file, line, f"{finding.what} in an editorial note", FIX))

    def page(self, path: Path, text: str, rendered: str) -> None:
        """One hand-written page: `text` is its file (front matter included), `rendered` the HTML it became.
        A finding not written in the page, of a kind found in a note, is the note's (cited on the page)."""
        locator = Locator(text, front_matter=True)
        for finding in findings(rendered):
            line = locator.line(finding)
            if line is None and finding.what in self.in_notes:
                continue
            message = f"{finding.what} in a hand-written page" + ("" if line else " (written so that its line cannot be found)")
            self.problems.append(Problem(self._display(path), line or locator.first, message, FIX))
