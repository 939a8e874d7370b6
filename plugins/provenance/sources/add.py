"""``provenance add``: a web page, a saved page, a PDF or a text file becomes a source.

Writes, in the seeds folder:

- ``ID.txt``: the extracted text, the canonical text every offset and quotation refers to;
- ``ID.yml``: its sidecar: where the text came from, when, and with what it was extracted;
- ``originals/ID.<ext>``: the bytes as fetched or read (the build reads only the top of the
  seeds folder, so it never sees them); its SHA-256 is in the sidecar either way.

Everything is checked first and written last, each file under a temporary name renamed into
place, so a failure leaves the folder as it was. An existing id is never replaced without
``force``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem, ProvenanceError
from . import fetch, ingest, pdf, segment, sidecar, webpage
from .webpage import Article

ORIGINALS = "originals"
"""Folder inside the seeds folder where the originals are kept."""
MAX_TITLE_CHARS = 200  # a text file's first line longer than this is its first paragraph, not its title
MIN_ARTICLE_WORDS = 25  # fewer words than this is a notice, a menu or an empty shell, not an article
HTML_TYPES = ("text/html", "application/xhtml+xml")
SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".txt": "text", ".md": "text", ".text": "text"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Options:
    seeds: Path
    source_id: str | None = None
    force: bool = False
    keep_original: bool = True
    display: str | None = None
    archive_url: str | None = None
    limits: fetch.Limits = field(default_factory=fetch.Limits)


@dataclass(frozen=True)
class Obtained:
    """The input's bytes and what is known about them before extraction."""

    name: str  # the URL or the path, as given
    raw: bytes
    kind: str  # "html", "pdf" or "text"
    retrieved: dt.datetime  # UTC
    url: str | None = None  # the address fetched (after redirects)
    charset: str | None = None  # from the HTTP header
    path: Path | None = None  # the file read


@dataclass(frozen=True)
class Added:
    id: str
    title: str
    text: Path
    sidecar: Path
    original: Path | None
    article: Article
    sha256: str
    moved_from: Path | None = None  # the input, when it was in the seeds folder and has been moved to originals/


def fail(name: str, message: str, fix: str) -> ProvenanceError:
    return ProvenanceError(Problem(name, None, message, fix))


def is_url(target: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target))


# --- 1. Obtain the bytes ------------------------------------------------------------------------


def obtain(target: str, limits: fetch.Limits) -> Obtained:
    if is_url(target):
        response = fetch.fetch(target, limits)
        return Obtained(target, response.body, _web_kind(target, response), response.retrieved, response.url, response.charset)
    path = Path(target)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        fix = "save it as PDF (or plain text) and add that file" if path.suffix.lower() in (".docx", ".doc", ".odt", ".rtf") else \
            "give a web address, or a .html, .htm, .pdf, .md or .txt file"
        raise fail(target, f"cannot read {path.suffix or 'files without an extension'} files", fix)
    try:
        raw = path.read_bytes()
        mtime = path.stat().st_mtime
    except FileNotFoundError as exc:
        raise fail(target, "no such file", "check the path (or give a web address starting with https://)") from exc
    except OSError as exc:
        raise fail(target, f"cannot be read ({exc.strerror})", "check the file's permissions") from exc
    return Obtained(target, raw, kind, dt.datetime.fromtimestamp(mtime, dt.timezone.utc), path=path)


def _web_kind(target: str, response: fetch.Response) -> str:
    media = response.media_type
    if media in HTML_TYPES:
        return "html"
    if media == "application/pdf" or (media in ("", "application/octet-stream") and response.body.startswith(b"%PDF-")):
        return "pdf"
    if media == "text/plain":
        return "text"
    if media == "" and response.body.lstrip()[:1] == b"<":
        return "html"
    raise fail(target, f"is {media or 'of no declared type'}, not a web page or a PDF", "give the address of the article's page itself")


# --- 2. Extract the text ------------------------------------------------------------------------


def extract(obtained: Obtained) -> Article:
    if obtained.kind == "pdf":
        return pdf.article(obtained.raw, obtained.name)
    if obtained.kind == "html":
        text, _ = webpage.decode(obtained.raw, obtained.charset)
        return webpage.article(text, obtained.url)
    text, problems = ingest.decode(obtained.raw, obtained.name)
    if problems:
        raise fail(obtained.name, problems[0].message, problems[0].fix)
    paragraphs = tuple(text[a:b] for a, b in segment.paragraphs(text.replace("\r\n", "\n")))
    first = paragraphs[0].splitlines()[0].lstrip("# ").strip() if paragraphs else None
    return Article(paragraphs=paragraphs, title=first if first and len(first) <= MAX_TITLE_CHARS else None, extractor="")


def text_of(article: Article) -> str:
    """The source file's text: paragraphs separated by blank lines, pages by a form feed line."""
    out: list[str] = []
    for index, paragraph in enumerate(article.paragraphs):
        paragraph = _CONTROL.sub(" ", paragraph.replace("\r\n", "\n").replace("\r", "\n")).strip()
        if not paragraph:
            continue
        if out:
            turn = article.pages[index] - article.pages[index - 1] if article.pages else 0
            out.append("\n" + ingest.PAGE_BREAK * turn + "\n" if turn > 0 else "\n\n")
        out.append(paragraph)
    return "".join(out) + "\n"


# --- 3. Name it and check nothing is overwritten ------------------------------------------------


def fallback_title(obtained: Obtained) -> str:
    """A title when the page and the text give none: the address's last segment or the file's name."""
    if obtained.path is not None:
        stem = obtained.path.stem
    else:
        parts = urlsplit(obtained.url or obtained.name)
        stem = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname or "source"
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", stem)
    return " ".join(re.split(r"[-_+]+", stem)).strip().capitalize() or "Source"


def choose_id(requested: str | None, title: str, fallback: str) -> str:
    if requested is not None:
        if not sidecar.SLUG.match(requested):
            raise fail(requested, "is not a valid id", "use lower-case letters, digits and hyphens, e.g. 'court-ruling-2023'")
        return requested
    return ingest.slugify(title) or ingest.slugify(fallback) or "source"


def check_free(seeds: Path, source_id: str, force: bool) -> list[Path]:
    """The files ``source_id`` would replace (only allowed with ``force``); an error if another source has the id."""
    mine = [seeds / f"{source_id}{suffix}" for suffix in (*ingest.SOURCE_SUFFIXES, *sidecar.SUFFIXES)]
    existing = [p for p in mine if p.exists()]
    if existing and not force:
        shown = ", ".join(p.name for p in existing)
        raise fail(str(seeds / source_id), f"a source with the id '{source_id}' exists ({shown})", "choose another id with --id, or replace it with --force")
    if seeds.is_dir():
        corpus = ingest.load_corpus(seeds, seeds)
        for source in corpus.sources:
            if source.id == source_id and Path(source.file).stem != source_id:
                raise fail(str(seeds / source.file), f"already has the id '{source_id}'", "choose another id with --id")
    return existing


# --- 4. Write -----------------------------------------------------------------------------------


def _is_local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        return False


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def original_url(obtained: Obtained, article: Article) -> str | None:
    """The original's address: where it was fetched from, or the address the page gives for itself
    (its canonical link) when that is on the same site or the page came from a file or this machine."""
    fetched = obtained.url
    canonical = article.url
    if fetched is None:
        return canonical
    if canonical and (_is_local(fetched) or _site(canonical) == _site(fetched)):
        return canonical
    return fetched


def _yaml(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def sidecar_text(fields: dict[str, object], obtained: Obtained) -> str:
    origin = obtained.url or obtained.name
    lines = [
        f"# Written by `provenance add` from {origin}",
        "# The text is in the .txt file next to this one; edit either freely (see docs/editing.md).",
    ]
    lines += [f"{key}: {_yaml(value)}" for key, value in fields.items() if value not in (None, "")]
    return "\n".join(lines) + "\n"


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file under a temporary name, then rename them all into place."""
    temporary: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.provenance-add.tmp")
            temp.write_bytes(data)
            temporary[path] = temp
        for path, temp in temporary.items():
            os.replace(temp, path)
    except OSError as exc:
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        raise fail(str(next(iter(files))), f"cannot be written ({exc.strerror})", "check the folder's permissions and free space") from exc


def _published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def add(target: str, options: Options) -> Added:
    """Turn ``target`` (a URL or a file) into a source in ``options.seeds``."""
    seeds = options.seeds
    if not seeds.is_dir():
        raise fail(str(seeds), "the seeds folder does not exist", "create it, or give the folder with --seeds")
    obtained = obtain(target, options.limits)
    article = extract(obtained)
    text = text_of(article)
    if article.words < MIN_ARTICLE_WORDS:
        raise fail(
            target,
            f"no article text found ({article.words} words)",
            "if the page needs JavaScript or a login to show the article, open it in your browser, save it, and add the saved file",
        )
    title = article.title or fallback_title(obtained)
    source_id = choose_id(options.source_id, title, fallback_title(obtained))
    replaced = check_free(seeds, source_id, options.force)
    digest = hashlib.sha256(obtained.raw).hexdigest()
    suffix = {"html": ".html", "pdf": ".pdf"}.get(obtained.kind) or (obtained.path.suffix.lower() if obtained.path else ".txt")
    original = seeds / ORIGINALS / f"{source_id}{suffix}"
    inside = obtained.path is not None and obtained.path.resolve().parent == seeds.resolve()
    keep = options.keep_original or inside
    fields: dict[str, object] = {
        "id": source_id,
        "title": title,
        "author": article.author,
        "publisher": article.publisher,
        "published": _published(article.published),
        "url": original_url(obtained, article),
        "archive_url": options.archive_url,
        "language": article.language,
        "kind": article.kind,
        "display": options.display,
        "retrieved": obtained.retrieved.astimezone(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "extractor": article.extractor or None,
        "original": f"{ORIGINALS}/{original.name}" if keep else None,
        "original_sha256": digest,
    }
    files = {seeds / f"{source_id}.txt": text.encode("utf-8"), seeds / f"{source_id}.yml": sidecar_text(fields, obtained).encode("utf-8")}
    if keep and not inside:
        files[original] = obtained.raw
    _write_all(files)
    moved = None
    if inside and obtained.path is not None:
        original.parent.mkdir(exist_ok=True)
        os.replace(obtained.path, original)
        moved = obtained.path
    for stale in replaced:
        if stale not in files and stale.exists():
            stale.unlink()  # --force: an old ID.md or ID.yaml would otherwise stand beside the new files
    return Added(source_id, title, seeds / f"{source_id}.txt", seeds / f"{source_id}.yml", original if keep else None, article, digest, moved)
