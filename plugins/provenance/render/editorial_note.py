"""Editors' notes, references and decisions, as shown with a claim or a contested point.

Notes are Markdown written by editors (trusted, like the hand-written pages);
they are rendered as inline Markdown (emphasis, links, code), each paragraph on
its own line, so that they fit inside a footnote's paragraph.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from ..model import ContestedPoint, Decision, EditorialNote
from .escape import text as esc

_PARA = re.compile(r"^<p>(.*)</p>$", re.S)


def inline_markdown(text: str) -> str:
    """An editor's note is Markdown: rendered here with Python-Markdown as a text library (no extension,
    no engine), the same for every engine. Imported here, not at the top, so that the core loads no
    Markdown until a note needs it (tests/test_core_isolation.py lists this one exception)."""
    import markdown

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


def decision_html(decision: Decision, name_claim: Callable[[str], str] | None = None) -> str:
    """One decision as a sentence: a link's other claim by its source and paragraph (``name_claim`` gives it,
    as HTML), never by its id; a plain review is its reason alone."""
    if decision.claim is not None:
        other = name_claim(decision.claim) if name_claim else "another claim"
        what = f"Link to {other} {esc(decision.what)}"
    elif decision.what == "reviewed":
        what = ""
    else:
        what = esc(decision.what[:1].upper() + decision.what[1:])
    why = esc(decision.why[:1].upper() + decision.why[1:]) if not what else esc(decision.why)
    text = f"{what}: {why}" if what and why else what or why or "Reviewed"
    return text if text.endswith((".", "!", "?", "…", ")", "”", '"')) else text + "."


def note_html(note: EditorialNote | None, name_claim: Callable[[str], str] | None = None) -> str:
    """Inline HTML lines (each a ``.pv-fact`` span preceded by a line break) for one note; ``name_claim(id)``
    names the other claim of a link decision for readers (its source and paragraph, linked)."""
    if note is None:
        return ""
    lines = []
    if note.markdown:
        lines.append(f"<strong>Editor's note:</strong> {inline_markdown(note.markdown)}")
    if note.references:
        lines.append(f"<strong>References:</strong> {references_html(note)}")
    if note.decisions:
        lines.append("<strong>Editor's review:</strong> " + " ".join(decision_html(d, name_claim) for d in note.decisions))
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
