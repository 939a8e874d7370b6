"""Split a text into paragraphs, lines and sentences, keeping exact offsets.

Paragraphs are separated by blank lines (lines end in LF, CR LF or CR alone). Inside a paragraph, a line break ends
a block (a headline, a byline, a dateline) unless the paragraph looks
hard-wrapped (several long lines of similar length), in which case the lines
are joined. Each block is split into sentences by ``sentencex`` (Wikimedia's
rule-based segmenter, which knows abbreviations such as "U.S." and quotations);
a break it proposes before a word in lower case is undone, because a new
sentence does not start in lower case ("met the Amb. on Monday").

sentencex is given the text with every non-ASCII space written as an ASCII
space (same length in characters, so offsets hold): it panics on a capital, a
non-breaking or thin space and a full stop ("Appendix B\u00a0."). Should it
panic on anything else, the block is kept whole as one sentence: no text may
stop the build.

Spans are trimmed of surrounding whitespace; the sentences of a text cover
every character that is not whitespace, exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import sentencex

# A line ends with CR LF, LF or a lone CR (old Mac files); a blank line is a line of spaces between two ends.
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v\u00a0\u2000-\u200b\u3000]*(?=[\r\n])")
_LINE_BREAK = re.compile(r"\r?\n|\r")
# Unicode's spaces beyond ASCII (str.isspace), each written as " " for the segmenter.
_WIDE_SPACES = str.maketrans({c: " " for c in map(chr, range(0x80, 0x3001)) if c.isspace()})
# Everything Python counts as white space (including the separators \x1c-\x1f and NEL), plus the
# zero-width space and the byte-order mark, which are just as invisible.
_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u200b\ufeff"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs (runs of non-blank lines), trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append(trim(text, pos, match.start()))
        pos = match.end()
    spans.append(trim(text, pos, len(text)))
    return [(a, b) for a, b in spans if a < b]


def _is_hard_wrapped(lines: list[tuple[int, int]]) -> bool:
    """Lines of a paragraph wrapped at a fixed width, as in plain-text e-mail."""
    if len(lines) < 3:
        return False
    lengths = [b - a for a, b in lines[:-1]]
    longest = max(lengths)
    return longest >= 50 and min(lengths) >= 0.75 * longest and longest <= 100


def blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside one paragraph that sentences may not cross."""
    lines: list[tuple[int, int]] = []
    pos = start
    for match in _LINE_BREAK.finditer(text, start, end):
        lines.append(trim(text, pos, match.start()))
        pos = match.end()
    lines.append(trim(text, pos, end))
    lines = [(a, b) for a, b in lines if a < b]
    if _is_hard_wrapped(lines):
        return [(lines[0][0], lines[-1][1])]
    return lines


def sentences(text: str, start: int, end: int, language: str = "en") -> Iterator[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed and in order, split with the rules of
    ``language`` (sentencex falls back along its chain of related languages, then to English)."""
    chunk = text[start:end].translate(_WIDE_SPACES)
    pieces: list[list[int]] = []
    pos = 0
    for segment in _segment(chunk, language.split("-")[0].lower() or "en"):
        found = chunk.find(segment, pos) if segment else -1
        if found < 0:  # the segmenter changed the text: fall back to what is left
            pieces.append([pos, len(chunk)])
            pos = len(chunk)
            break
        a, b = trim(chunk, found, found + len(segment))
        pos = found + len(segment)
        if a >= b:
            continue
        if pieces and chunk[a].islower():
            pieces[-1][1] = b
        else:
            pieces.append([a, b])
    if pos < len(chunk):  # never lose text the segmenter did not return
        a, b = trim(chunk, pos, len(chunk))
        if a < b:
            if pieces:
                pieces[-1][1] = b
            else:
                pieces.append([a, b])
    for a, b in pieces:
        yield start + a, start + b


def _segment(chunk: str, language: str) -> list[str]:
    """sentencex's sentences, or the chunk whole if it panics (a Rust panic is a BaseException)."""
    try:
        return list(sentencex.segment(language, chunk))
    except Exception:
        return [chunk]
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # KeyboardInterrupt, SystemExit: not ours to swallow
            raise
        return [chunk]
