"""The annotated page of one source: header, numbered paragraphs, sentence anchors, footnotes."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from ..model import UNKNOWN, Claim, Sentence, Source
from .escape import text as esc

ROLE_LABELS = {
    "title": "title",
    "byline": "byline",
    "dateline": "dateline",
    "heading": "heading",
    "furniture": "page furniture",
    "lead-in": "lead-in",
}
"""Visible labels of the sentences that are not claims (body sentences have none)."""


@dataclass(frozen=True)
class NoteParts:
    """Extra HTML that later stages add to a claim: marks after the sentence, lines in its footnote."""

    marks: str = ""
    note: str = ""
    highlights: tuple[tuple[int, int, str], ...] = ()  # (start, end, explanation) in the sentence: hedge words


def _has_line_break(gap: str) -> bool:
    return "\n" in gap or "\r" in gap  # LF, CR LF, or a lone CR (old Mac files)


def highlighted(text: str, highlights: tuple[tuple[int, int, str], ...]) -> str:
    """Escaped ``text`` with some spans wrapped in <mark>; the words themselves are unchanged."""
    out, pos = [], 0
    for start, end, title in sorted(highlights):
        if start < pos or end > len(text):
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="pv-hedge" title="{esc(title)}">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


FRAGMENT_EDGE_WORDS = 4  # a long passage is found by its first and last words ("start,end"): short links, still unique


def text_fragment_url(url: str, exact: str) -> str:
    """A link to ``exact`` on the original page (URL Text Fragments), for browsers that support them."""
    words = exact.split()
    if len(words) > 2 * FRAGMENT_EDGE_WORDS:
        start, end = " ".join(words[:FRAGMENT_EDGE_WORDS]), " ".join(words[-FRAGMENT_EDGE_WORDS:])
        fragment = f"{quote(start, safe='')},{quote(end, safe='')}"
    else:
        fragment = quote(" ".join(words), safe="")
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
LANGUAGE_NAMES = {
    "ar": "Arabic", "bn": "Bengali", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ms": "Malay", "nb": "Norwegian Bokmål",
    "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}


def long_date(value: dt.date | str, precision: str = "day") -> str:
    """"9 August 2023", or "August 2023" and "2023" for a date known to the month or the year only
    (the words do not depend on the machine's locale)."""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def language_label(code: str) -> str:
    name = LANGUAGE_NAMES.get(code.split("-")[0].lower())
    return f"{name} ({code})" if name else code


def place(source: Source, paragraph: int) -> str:
    """"paragraph 4", with the page of the original when the source has pages: "paragraph 4, p. 2"."""
    page = source.paragraphs[paragraph - 1].page if 0 < paragraph <= len(source.paragraphs) else None
    return f"paragraph {paragraph}" + (f", p. {page}" if page else "")


def original_file(source: Source) -> str | None:
    """The kept original, named from the project root as the source file is."""
    if not source.meta.original:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(source.file), source.meta.original))


def citation(source: Source) -> str:
    """Where the text came from, in the order a citation gives it (HTML)."""
    meta = source.meta
    parts = []
    if meta.author:
        parts.append(esc(meta.author))
    parts.append(f"“{esc(meta.title or source.id)}”")
    if meta.publisher:
        parts.append(f"<cite>{esc(meta.publisher)}</cite>")
    if meta.published:  # to the precision the source states: no day is invented
        parts.append(f'<time datetime="{meta.published_iso}">{long_date(meta.published, meta.published_precision)}</time>')
    out = ", ".join(parts) + "."
    if meta.url:
        out += f' <a href="{esc(meta.url)}" rel="nofollow noopener">{esc(meta.url)}</a>'
        if meta.retrieved:
            out += f', retrieved on <time datetime="{esc(meta.retrieved)}">{long_date(meta.retrieved)}</time>'
        out += "."
    elif meta.retrieved:
        out += f' Retrieved on <time datetime="{esc(meta.retrieved)}">{long_date(meta.retrieved)}</time>.'
    if meta.archive_url:
        out += f' <a href="{esc(meta.archive_url)}" rel="nofollow noopener">Archived copy</a>.'
    return f'<p class="pv-citation">{out}</p>'


def meta_rows(source: Source) -> list[tuple[str, str]]:
    meta = source.meta
    published = meta.published_iso
    rows = [
        ("Publisher", esc(meta.publisher or UNKNOWN)),
        ("Author", esc(meta.author or UNKNOWN)),
        ("Published", f'<time datetime="{published}">{published}</time>' if published else UNKNOWN),
    ]
    if meta.url:
        rows.append(("Original", f'<a href="{esc(meta.url)}" rel="nofollow noopener">{esc(meta.url)}</a>'))
    if meta.retrieved:
        rows.append(("Retrieved", f'<time datetime="{esc(meta.retrieved)}">{esc(meta.retrieved.replace("T", " ").replace("Z", " UTC"))}</time>'))
    if meta.archive_url:
        rows.append(("Archived copy", f'<a href="{esc(meta.archive_url)}" rel="nofollow noopener">{esc(meta.archive_url)}</a>'))
    if meta.language:
        rows.append(("Language", esc(language_label(meta.language))))
    if meta.kind:
        rows.append(("Kind", esc(meta.kind)))
    rows.append(("Source file", f"<code>{esc(source.file)}</code>"))
    if meta.extractor:
        rows.append(("Extracted with", esc(meta.extractor)))
    kept = original_file(source)
    if kept or meta.original_sha256:
        where = f"<code>{esc(kept)}</code>" if kept else "not kept"
        digest = f", SHA-256 <code>{esc(meta.original_sha256)}</code>" if meta.original_sha256 else ""
        rows.append(("Original as retrieved", where + digest))
    return rows


def footnote(source: Source, sentence: Sentence, claim: Claim, number: int, extra: str = "") -> str:
    quote_html = esc(claim.selector.exact)
    original = ""
    if source.meta.url:
        original = f' · <a href="{esc(text_fragment_url(source.meta.url, claim.selector.exact))}" rel="nofollow noopener">at the original</a>'
    title = esc(source.meta.title or source.id)
    # The parts are named (where, quote, links) so that a note shown beside its sentence can leave the quote out.
    return (
        f'<li id="fn:{sentence.id}">'
        f'<p><span class="pv-fn-where"><span class="pv-fn-source">{title}</span>, {place(source, sentence.paragraph)}'
        f' (characters {claim.selector.start}–{claim.selector.end})</span>: '
        f'<q class="pv-quote">{quote_html}</q> '
        f'<span class="pv-fn-links"><a class="pv-permalink" href="#{sentence.id}">permalink</a>{original}</span>'
        f"{extra}"
        f' <a class="footnote-backref" href="#fnref:{sentence.id}" role="doc-backlink" title="Back to note {number} in the text" aria-label="Back to note {number} in the text">&#8617;&#xFE0E;</a></p>'
        "</li>"
    )


class _Writer:
    """Sentences as HTML, each claim with its note mark; the notes collected in order."""

    def __init__(self, source: Source, claims: Mapping[str, Claim], parts: Callable[[Claim], NoteParts] | None) -> None:
        self.source, self.claims, self.parts = source, claims, parts
        self.notes: list[str] = []

    def sentence(self, sentence: Sentence) -> list[str]:
        claim = self.claims.get(sentence.id)
        role_class = f"pv-s pv-role-{sentence.role}" + (" pv-claim" if claim else "")
        extra = self.parts(claim) if (self.parts and claim is not None) else NoteParts()
        pieces = [f'<span class="{role_class}" id="{sentence.id}">{highlighted(sentence.text, extra.highlights)}</span>']
        if sentence.role in ROLE_LABELS:
            pieces.append(f'<span class="pv-tag pv-tag-{sentence.role}">{ROLE_LABELS[sentence.role]}</span>')
        if claim is not None:
            number = len(self.notes) + 1
            # The marks and the note's number stay together on one line.
            marks = f'<span class="pv-marks">{extra.marks}</span>' if extra.marks else ""
            pieces.append(
                f'<span class="pv-after">{marks}<sup id="fnref:{sentence.id}" class="pv-ref">'
                f'<a class="footnote-ref" href="#fn:{sentence.id}" role="doc-noteref" aria-label="Note {number}">{number}</a></sup></span>'
            )
            self.notes.append(footnote(self.source, sentence, claim, number, extra.note))
        return pieces

    @staticmethod
    def opening(number: int) -> str:
        pid = f"p-{number}"
        return f'<p class="pv-para" id="{pid}"><a class="pv-pnum" href="#{pid}" aria-label="Paragraph {number}">{number}</a> '


def _full_text(source: Source, writer: _Writer) -> list[str]:
    out = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in source.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in source.paragraphs:
        pieces = [writer.opening(paragraph.number)]
        previous_end = None
        for sentence in by_paragraph.get(paragraph.number, []):
            if previous_end is not None and _has_line_break(source.text[previous_end : sentence.start]):
                pieces[-1] = '<br class="pv-line">'  # the source breaks the line here
            previous_end = sentence.end
            pieces += writer.sentence(sentence)
            pieces.append(" ")
        pieces.append("</p>")
        out.append("".join(pieces).replace(" </p>", "</p>"))
    return out


def elision(count: int, block: bool) -> str:
    """The mark that stands for ``count`` sentences left out."""
    words = "1 sentence" if count == 1 else f"{count} sentences"
    mark = f'<span class="pv-elision" title="{words} of the source left out here">[… {words} left out …]</span>'
    return f'<p class="pv-gap">{mark}</p>' if block else mark


def _excerpts(source: Source, writer: _Writer, shown: frozenset[str]) -> list[str]:
    out: list[str] = []
    pieces: list[str] = []
    paragraph, gap = None, 0
    for sentence in source.sentences:
        if sentence.id not in shown:
            gap += 1
            continue
        if sentence.paragraph != paragraph:
            if pieces:
                out.append("".join(pieces).rstrip() + "</p>")
            if gap:
                out.append(elision(gap, block=True))
            pieces, paragraph = [writer.opening(sentence.paragraph)], sentence.paragraph
        elif gap:
            pieces += [elision(gap, block=False), " "]
        gap = 0
        pieces += writer.sentence(sentence)
        pieces.append(" ")
    if pieces:
        out.append("".join(pieces).rstrip() + "</p>")
    if gap:
        out.append(elision(gap, block=True))
    return out


def _excerpt_note(source: Source, shown: frozenset[str]) -> str:
    total = len(source.sentences)
    count = sum(1 for s in source.sentences if s.id in shown)
    where = source.meta.url or source.meta.archive_url
    read = f' Read the whole text <a href="{esc(where)}" rel="nofollow noopener">at the original</a>.' if where else ""
    return (
        f'<p class="pv-counts pv-excerpt-note">Excerpts: {count} of {total} sentences are shown: those cited on this site, '
        f"linked to other sources, contested or hedged. The analysis reads the whole text.{read}</p>"
    )


def render(
    source: Source,
    claims: Mapping[str, Claim],
    parts: Callable[[Claim], NoteParts] | None = None,
    shown: frozenset[str] | None = None,
) -> str:
    """HTML for one source. ``claims`` maps sentence id to the claim it makes; ``shown`` (for a
    source displayed as excerpts) holds the ids of the only sentences to show."""
    meta_html = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in meta_rows(source))
    visible = claims if shown is None else {sid: c for sid, c in claims.items() if sid in shown}
    writer = _Writer(source, visible, parts)
    lang = f' lang="{esc(source.meta.language)}"' if source.meta.language else ""
    out = [
        f'<article class="pv-source" data-pv-source="{esc(source.id)}">',
        f'<h1 id="source-title">{esc(source.meta.title or source.id)}</h1>',
        citation(source),
        f'<dl class="pv-meta">{meta_html}</dl>',
    ]
    if shown is None:
        n_claims = sum(1 for s in source.sentences if s.id in claims)
        out.append(
            f'<p class="pv-counts">{len(source.paragraphs)} paragraphs, {len(source.sentences)} sentences, {n_claims} claims.'
            " Each claim ends with a numbered note giving its exact place in the source.</p>"
        )
        out.append(f'<section class="pv-text"{lang} aria-label="Full text of the source">')
        out += _full_text(source, writer)
    else:
        out.append(_excerpt_note(source, shown))
        out.append(f'<section class="pv-text pv-excerpts"{lang} aria-label="Excerpts of the source">')
        out += _excerpts(source, writer, shown)
    out.append("</section>")
    if writer.notes:
        out.append('<div class="footnote pv-notes" role="doc-endnotes"><hr><h2 id="notes">Notes</h2><ol>')
        out.extend(writer.notes)
        out.append("</ol></div>")
    out.append("</article>")
    return "\n".join(out) + "\n"
