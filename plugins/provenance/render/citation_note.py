"""The note a citation in a hand-written page becomes."""

from __future__ import annotations

from collections.abc import Callable

from ..analysis.analyze import Analysis
from ..claims.cite import Target
from ..model import UNKNOWN
from . import editorial_note
from .annotations import claim_marks
from .escape import text as esc
from .source_page import place


def note(
    target: Target,
    analysis: Analysis,
    href: Callable[[str, str], str],
    source_href: Callable[[str], str],
    extra: str = "",
    name_claim: Callable[[str], str] | None = None,
) -> str:
    """HTML (inline content) for the footnote of one citation; ``name_claim(id)`` names another claim for
    readers (an editor's decision on a link), by its source and paragraph."""
    source = target.source
    meta = source.meta
    published = meta.published_iso or "date " + UNKNOWN
    title = f'<a href="{esc(source_href(source.id))}"><cite>{esc(meta.title or source.id)}</cite></a>'
    about = f"{title}, {esc(meta.publisher or 'publisher ' + UNKNOWN)}, {published}"
    if target.kind == "source":
        return f"{about}."
    sentence = target.sentence
    where = f", {place(source, sentence.paragraph)}" if sentence else ""
    link = f' <a class="pv-permalink" href="{esc(href(source.id, sentence.id))}">Go to the passage</a>' if sentence else ""
    marks = ""
    if target.claim is not None and target.claim.id in analysis.facts:
        marks = " " + claim_marks(target.claim.id, analysis)
    if target.claim is not None:
        extra = editorial_note.note_html(analysis.notes.get(target.claim.id), name_claim) + extra
    return f'<q class="pv-quote">{esc(target.exact)}</q> — {about}{where}.{link}{marks}{extra}'
