"""The annotated page of one source: header, numbered paragraphs, sentence anchors, footnotes."""

from __future__ import annotations

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


def text_fragment_url(url: str, exact: str) -> str:
    """A link to ``exact`` on the original page (URL Text Fragments), for browsers that support them."""
    words = exact.split()
    if len(words) > 8:
        start, end = " ".join(words[:4]), " ".join(words[-4:])
        fragment = f"{quote(start, safe='')},{quote(end, safe='')}"
    else:
        fragment = quote(" ".join(words), safe="")
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


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
    if meta.kind:
        rows.append(("Kind", esc(meta.kind)))
    rows.append(("Source file", f"<code>{esc(source.file)}</code>"))
    return rows


def footnote(source: Source, sentence: Sentence, claim: Claim, number: int, extra: str = "") -> str:
    quote_html = esc(claim.selector.exact)
    original = ""
    if source.meta.url:
        original = f' · <a href="{esc(text_fragment_url(source.meta.url, claim.selector.exact))}" rel="nofollow noopener">at the original</a>'
    title = esc(source.meta.title or source.id)
    return (
        f'<li id="fn:{sentence.id}">'
        f'<p><span class="pv-fn-source">{title}</span>, paragraph {sentence.paragraph}'
        f' (characters {claim.selector.start}–{claim.selector.end}): '
        f'<q class="pv-quote">{quote_html}</q> '
        f'<a class="pv-permalink" href="#{sentence.id}">permalink</a>{original}'
        f"{extra}"
        f' <a class="footnote-backref" href="#fnref:{sentence.id}" role="doc-backlink" title="Back to note {number} in the text" aria-label="Back to note {number} in the text">&#8617;&#xFE0E;</a></p>'
        "</li>"
    )


def render(
    source: Source,
    claims: Mapping[str, Claim],
    parts: Callable[[Claim], NoteParts] | None = None,
) -> str:
    """HTML for one source. ``claims`` maps sentence id to the claim it makes."""
    meta_html = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in meta_rows(source))
    n_claims = sum(1 for s in source.sentences if s.id in claims)
    out = [
        f'<article class="pv-source" data-pv-source="{esc(source.id)}">',
        f'<h1 id="source-title">{esc(source.meta.title or source.id)}</h1>',
        f'<dl class="pv-meta">{meta_html}</dl>',
        f'<p class="pv-counts">{len(source.paragraphs)} paragraphs, {len(source.sentences)} sentences, {n_claims} claims.'
        ' Each claim ends with a numbered note giving its exact place in the source.</p>',
        '<section class="pv-text" aria-label="Full text of the source">',
    ]
    notes: list[str] = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in source.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in source.paragraphs:
        pid = f"p-{paragraph.number}"
        pieces = [f'<p class="pv-para" id="{pid}"><a class="pv-pnum" href="#{pid}" aria-label="Paragraph {paragraph.number}">{paragraph.number}</a> ']
        previous_end = None
        for sentence in by_paragraph.get(paragraph.number, []):
            if previous_end is not None and _has_line_break(source.text[previous_end : sentence.start]):
                pieces[-1] = '<br class="pv-line">'  # the source breaks the line here
            previous_end = sentence.end
            claim = claims.get(sentence.id)
            role_class = f"pv-s pv-role-{sentence.role}" + (" pv-claim" if claim else "")
            extra = parts(claim) if (parts and claim is not None) else NoteParts()
            pieces.append(f'<span class="{role_class}" id="{sentence.id}">{highlighted(sentence.text, extra.highlights)}</span>')
            if sentence.role in ROLE_LABELS:
                pieces.append(f'<span class="pv-tag pv-tag-{sentence.role}">{ROLE_LABELS[sentence.role]}</span>')
            if claim is not None:
                number = len(notes) + 1
                pieces.append(extra.marks)
                pieces.append(
                    f'<sup id="fnref:{sentence.id}" class="pv-ref">'
                    f'<a class="footnote-ref" href="#fn:{sentence.id}" role="doc-noteref" aria-label="Note {number}">{number}</a></sup>'
                )
                notes.append(footnote(source, sentence, claim, number, extra.note))
            pieces.append(" ")
        pieces.append("</p>")
        out.append("".join(pieces).replace(" </p>", "</p>"))
    out.append("</section>")
    if notes:
        out.append('<div class="footnote pv-notes" role="doc-endnotes"><hr><h2 id="notes">Notes</h2><ol>')
        out.extend(notes)
        out.append("</ol></div>")
    out.append("</article>")
    return "\n".join(out) + "\n"
