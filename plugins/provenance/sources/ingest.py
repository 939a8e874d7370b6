"""Read source files into :class:`~provenance.model.Source` records.

A source is a UTF-8 text file (``.txt`` or ``.md``, read as plain text) with an
optional YAML sidecar (see :mod:`provenance.sources.sidecar`). Metadata missing from the
sidecar is taken from the text where the text states it (title line, byline,
dateline), else recorded as unknown.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import Problem, line_of
from ..model import Metadata, Paragraph, Sentence, Source
from . import roles, segment, sidecar, stray

SOURCE_SUFFIXES = (".txt", ".md", ".text")
RECORD_FIELDS = ("language", "retrieved", "archive_url", "display", "extractor", "original", "original_sha256")
"""Sidecar fields that only the sidecar gives (the text never states them)."""
_TRAILING = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "by", "at", "with", "over"}


@dataclass
class Corpus:
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}


def slugify(text: str, limit: int = 48) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’]", "", text)
    parts = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > limit:
            break
        slug = candidate
    while "-" in slug and slug.rsplit("-", 1)[1] in _TRAILING:
        slug = slug.rsplit("-", 1)[0]
    return slug or (parts[0][:limit] if parts else "")


def decode(raw: bytes, display: str) -> tuple[str, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problem = Problem(
            display,
            line,
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); shown with U+FFFD in its place",
            "re-save the file as UTF-8",
            "warning",
        )
        return raw.decode("utf-8", errors="replace"), [problem]


def sentence_id(text: str, taken: set[str], repeats: dict[str, int] | None = None) -> str:
    """An id made from the sentence's own words, so edits elsewhere never change it.

    A repeated sentence gets -2, -3, ...; ``repeats`` remembers the next number for each base,
    so that a text of many identical lines takes linear time, not quadratic.
    """
    base = "s-" + hashlib.sha1(roles.normalize(text).encode("utf-8")).hexdigest()[:8]
    repeats = {} if repeats is None else repeats
    candidate, n = base, repeats.get(base, 2)
    if candidate in taken:
        candidate = f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    if candidate != base:
        repeats[base] = n + 1
    taken.add(candidate)
    return candidate


def split(text: str, title_hint: str | None = None, language: str | None = None) -> tuple[list[Paragraph], list[Sentence], dict[str, object]]:
    """Paragraphs, sentences with roles, and the metadata the text states; sentences are split
    with the rules of ``language`` (a BCP 47 code; default English)."""
    found: dict[str, object] = {}
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    taken: set[str] = set()
    repeats: dict[str, int] = {}
    title = title_hint
    para_spans = segment.paragraphs(text)
    pages = pages_of(text, para_spans)
    for number, (p_start, p_end) in enumerate(para_spans, start=1):
        paragraphs.append(Paragraph(number, p_start, p_end, pages[number - 1]))
        para_blocks = segment.blocks(text, p_start, p_end)
        for b_index, (b_start, b_end) in enumerate(para_blocks):
            spans = list(segment.sentences(text, b_start, b_end, language or "en"))
            line = len(spans) == 1  # the sentence is a line of its own
            alone = line and len(para_blocks) == 1
            for s_index, (start, end) in enumerate(spans):
                piece = text[start:end]
                last = s_index == len(spans) - 1
                role = _role(piece, number, b_index, line, alone, last, not sentences, title, found)
                if role == "title" and title is None:
                    title = piece
                    found.setdefault("title", piece)
                sentences.append(Sentence(sentence_id(piece, taken, repeats), number, start, end, piece, role))
    return paragraphs, _mark_quote_lead_ins(text, sentences), found


PAGE_BREAK = "\f"
"""Between the pages of a text taken from a PDF, as pdftotext writes them."""


def pages_of(text: str, spans: list[tuple[int, int]]) -> list[int | None]:
    """The page each paragraph starts on, counting form feeds; None for every paragraph of a text without them."""
    if PAGE_BREAK not in text:
        return [None] * len(spans)
    pages, page, pos = [], 1, 0
    for start, _ in spans:
        page += text.count(PAGE_BREAK, pos, start)
        pos = start
        pages.append(page)
    return pages


def _mark_quote_lead_ins(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """An unpunctuated last sentence of a paragraph that is followed by a quotation introduces it."""
    result = list(sentences)
    for i, current in enumerate(sentences[:-1]):
        following = sentences[i + 1]
        if (
            current.role == "body"
            and following.paragraph != current.paragraph
            and not current.text.rstrip().endswith(roles.TERMINAL)
            and text[following.start] in roles.OPEN_QUOTES
        ):
            result[i] = Sentence(current.id, current.paragraph, current.start, current.end, current.text, "lead-in")
    return result


def _role(piece: str, paragraph: int, block: int, line: bool, alone: bool, last: bool, first: bool, title: str | None, found: dict[str, object]) -> str:
    if first and roles.is_title_shaped(piece) and (title is None or roles.normalize(piece) == roles.normalize(title)):
        return "title"
    if roles.is_furniture(piece, title):
        return "furniture"
    if paragraph <= 6:  # bylines and datelines sit at the top of an article
        name = roles.byline_name(piece) if line else None
        if name:
            found.setdefault("author", name)
            return "byline"
        dated = roles.dateline_date(piece)
        if dated:
            if "published" not in found:
                found["published"], found["published_precision"] = dated
            return "dateline"
    if roles.is_heading(piece) and (alone or block == 0):
        return "heading"
    if roles.is_lead_in(piece, last=last):
        return "lead-in"
    return "body"


def read_source(path: Path, display: str) -> tuple[Source, list[Problem]]:
    """One source on its own, with its preferred id (made unique across the corpus by :func:`assign_ids`)."""
    raw = path.read_bytes()
    text, problems = decode(raw, display)
    side: dict[str, object] = {}
    side_path = sidecar.path_for(path)
    if side_path is not None:
        side_display = str(Path(display).with_suffix(side_path.suffix))
        side, side_problems = sidecar.load(side_path, side_display)
        problems += side_problems
    title_hint = side.get("title") if isinstance(side.get("title"), str) else None
    paragraphs, sentences, found = split(text, None, side.get("language"))
    if title_hint and not any(s.role == "title" for s in sentences):
        found.pop("title", None)
    values: dict[str, object] = {}
    origin: dict[str, str] = {}
    for key in ("title", "author", "publisher", "published", "url", "kind"):
        if side.get(key) is not None:
            values[key], origin[key] = side[key], "sidecar"
        elif found.get(key) is not None:
            values[key], origin[key] = found[key], "text"
            if key == "published":
                values["published_precision"] = found["published_precision"]
        else:
            origin[key] = "unknown"
    values.update({key: side[key] for key in RECORD_FIELDS if side.get(key) is not None})
    source_id = str(side.get("id") or "")
    if source_id:
        origin["id"] = "sidecar"
    else:
        source_id = slugify(str(values.get("title") or "")) or slugify(" ".join(text.split()[:8])) or "source"
        if source_id == slugify(path.stem):
            source_id = f"source-{source_id}"
        origin["id"] = "title" if values.get("title") else "text"
    if not text.strip():
        problems.append(Problem(display, 1, "is empty", "add the article's text or remove the file", "warning"))
    meta = Metadata(id=source_id, origin=origin, **values)  # type: ignore[arg-type]
    digest = hashlib.sha256(raw).hexdigest()
    return Source(display, text, meta, tuple(paragraphs), tuple(sentences), digest), problems


def assign_ids(sources: list[Source], taken: set[str] | None = None) -> tuple[list[Source], list[Problem]]:
    """Make source ids unique (``taken`` grows with them): a repeated sidecar id is an error; a
    repeated generated id gets -2, -3."""
    taken = set() if taken is None else taken
    out, problems = [], []
    for source in sources:
        source_id = source.id
        if source_id in taken:
            if source.meta.origin.get("id") == "sidecar":
                problems.append(Problem(source.file, None, f"source id '{source_id}' is used by another source", "give one of them a different 'id' in its sidecar"))
            n = 2
            while f"{source.id}-{n}" in taken:
                n += 1
            source_id = f"{source.id}-{n}"
            source = replace(source, meta=replace(source.meta, id=source_id))
        taken.add(source_id)
        out.append(source)
    return out, problems


def load_source(path: Path, display: str, taken_ids: set[str]) -> tuple[Source, list[Problem]]:
    """Read one source and give it an id not in ``taken_ids`` (which it then joins)."""
    source, problems = read_source(path, display)
    (unique,), more = assign_ids([source], taken_ids)
    return unique, problems + more


def source_files(directory: Path) -> list[Path]:
    """The source files of a folder, sorted by name (not recursive)."""
    return [
        p for p in sorted(directory.iterdir())
        if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file() and not p.name.startswith(".")
    ]


def load_corpus(directory: Path, base: Path | None = None, read: Callable[[Path, str], tuple[Source, list[Problem]]] | None = None) -> Corpus:
    """Load every source file in ``directory``; ``read`` may be a caching version of :func:`read_source`."""
    corpus = Corpus()
    if not directory.is_dir():
        corpus.problems.append(Problem(str(directory), None, "source folder does not exist", "create it or set 'seeds' in the plugin's configuration"))
        return corpus
    drafts = []
    for path in source_files(directory):
        source, problems = (read or read_source)(path, display_path(path, base))
        drafts.append(source)
        corpus.problems.extend(problems)
    corpus.sources, problems = assign_ids(drafts)
    corpus.problems.extend(problems)
    corpus.problems.extend(unused_sidecars(directory, base))
    corpus.problems += stray.problems(directory, (*SOURCE_SUFFIXES, *sidecar.SUFFIXES), lambda path: display_path(path, base))
    return corpus


def unused_sidecars(directory: Path, base: Path | None = None) -> list[Problem]:
    """A warning for each YAML file of the folder that is no source's sidecar (so it is not read)."""
    sources: dict[str, Path] = {}
    used: set[tuple[int, int]] = set()
    for path in source_files(directory):
        sources.setdefault(path.stem, path)
        side = sidecar.path_for(path)
        if side is not None:
            used.add(_identity(side))
    problems = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in sidecar.SUFFIXES or path.name.startswith(".") or not path.is_file() or _identity(path) in used:
            continue
        source = sources.get(path.stem)
        if source is None:
            message, fix = "sidecar has no source file next to it", f"add {path.stem}.txt or remove the sidecar"
        elif (side := sidecar.path_for(source)) is not None:
            message, fix = f"is not read: {side.name} is the sidecar of {source.name}", "merge the two files into one"
        else:
            message, fix = f"is not read as the sidecar of {source.name}", f"rename it {path.stem}.yml"
        problems.append(Problem(display_path(path, base), None, message, fix, "warning"))
    return problems


def _identity(path: Path) -> tuple[int, int]:
    """The same file under two spellings of its name (on a case-insensitive disk) is one file."""
    info = path.stat()
    return info.st_dev, info.st_ino


def display_path(path: Path, base: Path | None) -> str:
    """How a file is named in messages: relative to the project, with forward slashes."""
    try:
        return path.resolve().relative_to((base or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = ["Corpus", "load_corpus", "load_source", "split", "slugify", "sentence_id", "line_of"]
