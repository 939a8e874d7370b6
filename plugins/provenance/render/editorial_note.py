"""Editors' notes, references and decisions, as shown with a claim or a contested point.

Notes are Markdown written by editors (trusted, like the hand-written pages);
they are rendered as inline Markdown (emphasis, links, code), each paragraph on
its own line, so that they fit inside a footnote's paragraph.
"""

from __future__ import annotations

import json
import re

import markdown

from ..model import ContestedPoint, EditorialNote
from .escape import text as esc

_PARA = re.compile(r"^<p>(.*)</p>$", re.S)


def inline_markdown(text: str) -> str:
    parts = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        html = markdown.markdown(paragraph.strip())
        match = _PARA.match(html.strip())
        parts.append(match.group(1) if match else esc(paragraph))
    return "<br>".join(p for p in parts if p)


def references_html(note: EditorialNote) -> str:
    items = []
    for ref in note.references:
        title = f'<a href="{esc(ref.url)}" rel="nofollow noopener">{esc(ref.title)}</a>' if ref.url else esc(ref.title)
        bits = [b for b in (esc(ref.publisher) if ref.publisher else "", esc(ref.date) if ref.date else "") if b]
        items.append(title + (f" ({', '.join(bits)})" if bits else ""))
    return "; ".join(items)


def note_html(note: EditorialNote | None) -> str:
    """Inline HTML lines (each a ``.pv-fact`` span preceded by a line break) for one note."""
    if note is None:
        return ""
    lines = []
    if note.markdown:
        lines.append(f"<strong>Editor's note:</strong> {inline_markdown(note.markdown)}")
    if note.references:
        lines.append(f"<strong>References:</strong> {references_html(note)}")
    if note.decisions:
        lines.append("<strong>Editor's review:</strong> " + "; ".join(esc(d) for d in note.decisions))
    return "".join(f'<br><span class="pv-fact pv-editorial">{line}</span>' for line in lines)


def claim_review(point: ContestedPoint, page_url: str, claim_text: str, author: str, site_name: str) -> str:
    """schema.org ClaimReview JSON-LD for a reviewed point with a rating, as a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": claim_text,
        "reviewRating": {"@type": "Rating", "alternateName": point.rating},
        "author": {"@type": "Organization", "name": author},
        "itemReviewed": {"@type": "Claim", "name": point.title},
        "name": f"{site_name}: {point.title}",
    }
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{payload}</script>'
