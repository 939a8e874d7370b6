"""The text of a PDF, page by page, with pypdf (BSD-licensed; PyMuPDF would be AGPL).

A PDF has lines, not paragraphs: lines are joined into paragraphs where the layout shows a
break (a short line that ends a sentence, a short heading line, a blank line), page numbers
and running heads repeated on most pages are dropped, and a paragraph that runs on to the next
page is kept whole. Each paragraph records the page it starts on; the source text carries a
form feed (as pdftotext writes one) between pages, so the build can say "p. 4" in a note.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from importlib.metadata import version
from typing import Any

from ..errors import Problem, ProvenanceError
from .webpage import Article, language_code

MAX_TITLE_CHARS = 200  # a PDF without a title gets its first line as one, cut at a word to this length
SHORT_LINE = 0.75  # a line shorter than this share of the page's usual line ends its paragraph (if it ends a sentence)
HEADING_LINE = 0.55  # ...and a line this short without final punctuation is a heading, a paragraph of its own
PARAGRAPH_GAP = 1.4  # a gap between lines this many times the usual line spacing separates paragraphs
RUNNING_SHARE = 0.6  # a first or last line repeated on this share of the pages (3 at least) is a running head or foot
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_TITLE_JUNK = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|odt|rtf|indd)$", re.I)


def extractor_name() -> str:
    return f"pypdf {version('pypdf')}"


def _fail(name: str, message: str, fix: str) -> ProvenanceError:
    return ProvenanceError(Problem(name, None, message, fix))


def page_lines(page: Any) -> list[str]:
    """A page's lines in reading order, with an empty line where the layout leaves a gap wider than
    a line (pypdf's text has the lines but not the gaps: their height comes from its visitor)."""
    chunks: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        chunks.append((text, tm[5] * cm[3] + tm[4] * cm[1] + cm[5]))  # the chunk's height on the page

    text = page.extract_text(visitor_text=visit) or ""
    joined = "".join(t for t, _ in chunks)
    if joined.strip() != text.strip():  # the visitor saw something else: keep the lines without gaps
        return text.splitlines()
    lines: list[tuple[str, float | None]] = []
    for chunk, height in chunks:
        for index, piece in enumerate(chunk.split("\n")):
            if index == 0 and lines and not lines[-1][0].endswith("\n"):
                known = lines[-1][1]
                lines[-1] = (lines[-1][0] + piece, known if known is not None or not piece.strip() else height)
            else:
                lines.append((piece, height if piece.strip() else None))
            if index < chunk.count("\n"):
                lines[-1] = (lines[-1][0] + "\n", lines[-1][1])
    placed = [(t.rstrip("\n"), h) for t, h in lines if t.strip()]
    steps = [a[1] - b[1] for a, b in zip(placed, placed[1:], strict=False) if a[1] is not None and b[1] is not None and a[1] > b[1]]
    # The usual spacing is the most common step between lines (ties: the smaller), not the median,
    # which paragraph gaps pull up on a short page.
    counted = Counter(round(step) for step in steps)
    usual = float(min(counted, key=lambda step: (-counted[step], step))) if counted else 0.0
    out: list[str] = []
    for index, (line, height) in enumerate(placed):
        if index and usual and height is not None and placed[index - 1][1] is not None:
            step = placed[index - 1][1] - height  # type: ignore[operator]
            if step > PARAGRAPH_GAP * usual or step < 0:  # a wider gap, or a jump up to a new column
                out.append("")
        out.append(line)
    return out


def page_texts(raw: bytes, name: str = "PDF") -> tuple[list[list[str]], Any]:
    """The lines of each page, and the reader (for the document's metadata)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(name, "is encrypted", "save an unprotected copy of the PDF and add that")
        return [page_lines(page) for page in reader.pages], reader
    except ProvenanceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _fail(name, f"is not a readable PDF ({type(exc).__name__})", "check that the file is a complete PDF") from exc


def _running_lines(pages: list[list[str]]) -> set[str]:
    """First and last lines that most pages share (a running head, a footer): furniture, not text."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        ends = {re.sub(r"\d+", "#", line) for line in (lines[:1] + lines[-1:])}
        counts.update(ends)
    return {line for line, n in counts.items() if n >= max(3, RUNNING_SHARE * len(pages))}


def paragraphs_of(lines: list[str], width: float) -> list[str]:
    """Join a page's lines into paragraphs."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = []
            continue
        current.append(line)
        short = len(line) < SHORT_LINE * width
        if (short and _ENDS_SENTENCE.search(line)) or (len(line) < HEADING_LINE * width and not _ENDS_SENTENCE.search(line) and len(current) == 1):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return [_join(p) for p in paragraphs]


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # A word broken at the line's end keeps its hyphen ("well-" + "known"); other lines join with a space.
        text = text + line if text.endswith("-") and line[:1].islower() else f"{text} {line}"
    return text


def article(raw: bytes, name: str = "PDF") -> Article:
    """The text of a PDF as paragraphs, each with the page it starts on."""
    texts, reader = page_texts(raw, name)
    pages = [[" ".join(line.split()) for line in lines] for lines in texts]
    running = _running_lines([[line for line in lines if line] for lines in pages])
    widths = [len(line) for lines in pages for line in lines if line]
    width = statistics.quantiles(widths, n=10)[7] if len(widths) >= 10 else max(widths, default=0)
    numbered: list[tuple[int, str]] = []
    for number, lines in enumerate(pages, start=1):
        kept = [
            line for line in lines
            if not _PAGE_NUMBER.match(line) and re.sub(r"\d+", "#", line) not in running
        ]
        for index, paragraph in enumerate(paragraphs_of(kept, width)):
            if index == 0 and numbered and _runs_on(numbered[-1][1], paragraph):
                numbered[-1] = (numbered[-1][0], _join([numbered[-1][1], paragraph]))
            else:
                numbered.append((number, paragraph))
    if not any(text.strip() for _, text in numbered):
        raise _fail(name, "has no text layer (it may be a scan)", "run OCR on it first (e.g. ocrmypdf), then add the result")
    info = _info(reader)
    title = info.get("title")
    if not title:
        first = numbered[0][1]
        title = first if len(first) <= MAX_TITLE_CHARS else first[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
    return Article(
        paragraphs=tuple(text for _, text in numbered),
        pages=tuple(page for page, _ in numbered),
        title=title,
        author=info.get("author"),
        language=info.get("language"),
        kind="document",
        extractor=extractor_name(),
    )


def _runs_on(previous: str, following: str) -> bool:
    """The paragraph at the end of a page goes on at the top of the next one."""
    return not _ENDS_SENTENCE.search(previous) and following[:1].islower()


def _info(reader: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        meta = reader.metadata or {}
        root = reader.trailer["/Root"]
        lang = root.get("/Lang") if hasattr(root, "get") else None
    except Exception:  # a damaged info dictionary costs the metadata, not the text
        return found
    title = " ".join(str(meta.get("/Title") or "").split())
    if title and not _TITLE_JUNK.search(title):
        found["title"] = title
    author = " ".join(str(meta.get("/Author") or "").split())
    if author:
        found["author"] = author
    # The file's /CreationDate is when the PDF was made, not when the document was published: not used.
    code = language_code(str(lang)) if lang else None
    if code:
        found["language"] = code
    return found
