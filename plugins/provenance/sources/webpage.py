"""A web page's article: its text, paragraph by paragraph, and what the page says about it.

The text is extracted with trafilatura (Apache-2.0), the most accurate open-source extractor
in the published benchmarks (ScrapingHub's article-extraction benchmark: F1 0.958 over 4-word
shingles for trafilatura 2.0). Two choices on top of a plain call, measured with
``bench/extraction.py``:

- precision is favoured (trafilatura's ``favor_precision``), which drops more of the
  related links and teasers around an article; when that leaves too little to be an article
  (:data:`MIN_WORDS`) while the balanced mode finds much more, the balanced result is taken;
- an article cut into chunks of the same kind of container (by advertisements or boxes), of
  which trafilatura may keep only the first, is completed from the other chunks further down;
- lines trafilatura leaves behind that are page furniture, not article text (a leading copy
  of the headline, "Read more: ..." links, share and newsletter prompts) are dropped by
  :mod:`.boilerplate`.

Metadata comes from the page itself (Open Graph, JSON-LD, ``<meta>``, ``<html lang>``), through
trafilatura where it reads them and directly where it does not (language, canonical address,
kind).
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from . import boilerplate

MIN_WORDS = 80  # below this, with precision favoured, the result is a teaser or a paywall notice rather than the article
MIN_GAIN = 3.0  # ...and the balanced mode is taken only if it finds at least this many times more words
SPLIT_BODY_MATCHES = 2  # extracted paragraphs that must share a kind of container before its other chunks are looked for
SPLIT_BODY_WORDS = 8  # a paragraph added from another chunk is prose, not a caption or a button
PRESCAN_BYTES = 4096  # browsers look for <meta charset> in the first 1024 bytes; saved pages put it later
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Article:
    """What an extractor found in a web page or a document."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None  # BCP 47 code
    url: str | None = None  # the address the page gives for itself (canonical), if any
    kind: str | None = None
    extractor: str = ""
    pages: tuple[int, ...] = ()  # for documents with pages: the page of each paragraph

    @property
    def words(self) -> int:
        return sum(len(_WORD.findall(p)) for p in self.paragraphs)


# --- Decoding -------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I,
)
# The WHATWG Encoding Standard decodes these labels as windows-1252, a superset that browsers use.
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso-ir-100", "cp819", "ibm819"}


def charset_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None if the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag (or an XML declaration) near its top."""
    match = _META_CHARSET.search(raw[:PRESCAN_BYTES])
    if not match:
        return None
    name = charset_name((match.group(1) or match.group(2)).decode("ascii", "ignore"))
    # A page can only declare an ASCII-compatible charset inside itself (WHATWG: utf-16 means utf-8).
    return "utf-8" if name and name.startswith("utf-16") else name


def decode(raw: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """The page's text and the charset used: a byte-order mark, else the HTTP header's charset,
    else the page's own declaration, else UTF-8 if the bytes are valid UTF-8, else windows-1252."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, errors="replace"), name
    name = charset_name(header_charset) or declared_charset(raw)
    if name is None:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            name = "cp1252"
    return raw.decode(name, errors="replace"), name


# --- Extraction -----------------------------------------------------------------------------


def extractor_name() -> str:
    return f"trafilatura {version('trafilatura')}"


def _run(html: str, url: str | None, precision: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=True,
    )


def _lines(document: Any) -> list[str]:
    text = (getattr(document, "text", None) or "") if document is not None else ""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(line)) for line in lines)


def article(html: str, url: str | None = None) -> Article:
    """The article of a page (``url`` is where it was fetched from, if it was)."""
    from lxml import html as lxml_html

    precise = _run(html, url, precision=True)
    lines = _lines(precise)
    document = precise
    if _words(lines) < MIN_WORDS:
        balanced = _run(html, url, precision=False)
        more = _lines(balanced)
        if _words(more) >= MIN_GAIN * max(_words(lines), 1):
            lines, document = more, balanced
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        tree = None
    if tree is not None:
        lines = complete_split_body(tree, lines)
    meta = _page_metadata(tree, html)
    title = _clean(getattr(document, "title", None)) or meta.get("title")
    paragraphs = boilerplate.clean(lines, title)
    if not title and paragraphs:
        title = paragraphs[0][:200]
    publisher = _clean(getattr(document, "sitename", None))
    if publisher and _is_host_like(publisher):
        publisher = None
    return Article(
        paragraphs=tuple(paragraphs),
        title=title,
        author=_clean(getattr(document, "author", None)),
        publisher=publisher or meta.get("publisher"),
        published=_clean(getattr(document, "date", None)),
        language=meta.get("language"),
        url=meta.get("url"),
        kind=meta.get("kind"),
        extractor=extractor_name(),
    )


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _container(element: Any) -> tuple[str, str, str]:
    parent = element.getparent()
    return element.tag, element.get("class") or "", parent.tag if parent is not None else ""


def complete_split_body(tree: Any, lines: list[str]) -> list[str]:
    """The rest of an article whose paragraphs sit in several containers of the same kind (the
    body cut into chunks by advertisements or boxes): trafilatura may keep only the first chunk.
    Paragraphs further down the page in containers of the kind that holds the extracted ones
    (same tag, same class, same parent tag) are added in document order."""
    paragraphs = [(p.getparent(), " ".join(p.text_content().split())) for p in tree.iter("p") if p.getparent() is not None]
    have = {_norm(line) for line in lines}
    used = Counter(_container(parent) for parent, text in paragraphs if _norm(text) in have and len(_WORD.findall(text)) >= 5)
    if not used:
        return lines
    kind, count = used.most_common(1)[0]
    if count < SPLIT_BODY_MATCHES or not kind[1]:
        return lines
    kept = {id(parent) for parent, text in paragraphs if _container(parent) == kind and _norm(text) in have}
    first = next(i for i, (_, text) in enumerate(paragraphs) if _norm(text) in have)
    everything = " ".join(_norm(line) for line in lines)
    position = {}
    for index, line in enumerate(lines):
        position.setdefault(_norm(line), index)
    after: dict[int, list[str]] = {}
    last = 0
    for index, (parent, text) in enumerate(paragraphs):
        key = _norm(text)
        if key in position:
            last = max(last, position[key])
            continue
        if index < first or id(parent) in kept or _container(parent) != kind or not key or key in everything:
            continue
        if len(_WORD.findall(text)) < SPLIT_BODY_WORDS or boilerplate.is_furniture(text):
            continue
        after.setdefault(last, []).append(text)
        position[key] = last
    if not after:
        return lines
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(index, []))
    return out


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


_HOST = re.compile(r"^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\])(?::\d+)?$", re.I)


def _is_host_like(name: str) -> bool:
    """A 'site name' that is only the address of the machine the page was served from."""
    return bool(_HOST.match(name.strip()))


# --- Metadata trafilatura does not give -----------------------------------------------------

LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->", re.I)
KINDS = {
    # schema.org types (JSON-LD) -> the sidecar's kinds
    **dict.fromkeys(
        ("newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting"),
        "news",
    ),
    "blogposting": "blog",
    "report": "document",
    "scholarlyarticle": "document",
}


def language_code(value: str | None) -> str | None:
    """A BCP 47 code from ``en``, ``en-US``, ``en_US`` (Open Graph) or ``EN``; None if it is not one."""
    if not value:
        return None
    value = value.strip().split(",")[0].strip()
    if not LANGUAGE.match(value):
        return None
    head, *rest = re.split(r"[-_]", value)
    return "-".join([head.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def _page_metadata(tree: Any, html: str) -> dict[str, str]:
    found: dict[str, str] = {}
    saved = _SAVED_FROM.search(html[:PRESCAN_BYTES])
    if tree is None:
        if saved:
            found["url"] = saved.group(1)
        return found
    candidates = [
        *tree.xpath("/html/@lang"),
        *tree.xpath("/html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}),
        *tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    ld = list(_json_ld(tree))
    candidates += [item["inLanguage"] for item in ld if isinstance(item.get("inLanguage"), str)]
    for value in candidates:
        code = language_code(value)
        if code:
            found["language"] = code
            break
    for value in [
        *tree.xpath("//link[@rel='canonical']/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
        *([saved.group(1)] if saved else []),
    ]:
        if re.match(r"^https?://[^\s/]+", value.strip()):
            found["url"] = value.strip()
            break
    for item in ld:
        types = item.get("@type")
        for name in types if isinstance(types, list) else [types]:
            kind = KINDS.get(str(name).lower())
            if kind:
                found.setdefault("kind", kind)
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.setdefault("publisher", " ".join(publisher["name"].split()))
    titles = [t.text_content() for t in tree.xpath("//title")[:1]]
    if titles and titles[0].strip():
        found["title"] = " ".join(titles[0].split())
    return found


def _json_ld(tree: Any) -> Any:
    """Every object in the page's JSON-LD scripts, nested ones included (@graph)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k == "@graph")
