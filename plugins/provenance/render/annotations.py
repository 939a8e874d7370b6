"""What the analysis adds to a claim on its source page: marks after it, facts in its note."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..analysis.analyze import Analysis
from ..model import Claim, Source
from . import editorial_note
from .escape import text as esc
from .source_page import NoteParts

STATUS_LABELS = {"corroborated": "corroborated", "single-source": "single source", "contested": "contested"}
STATUS_HELP = {
    "corroborated": "Another source, with an independent origin, states the same thing.",
    "single-source": "No other source states this independently.",
    "contested": "Someone denies or disputes this, or this denies or disputes something.",
}
RELATION_LABELS = {
    "corroborates": "Corroborated by",
    "echoes": "Echoed by (same origin, not independent)",
    "contests": "Contested by",
    "related": "Related (a weaker match: it may say something else; not counted as corroboration)",
}


def mark(kind: str, label: str, help_text: str) -> str:
    return f'<span class="pv-mark pv-mark-{kind}" title="{esc(help_text)}">{esc(label)}</span>'


def chain_text(source: Source, analysis: Analysis, claim: Claim) -> str:
    names = [f"{esc(source.meta.publisher or source.meta.title or source.id)} <small>(this source)</small>"]
    for att in analysis.facts[claim.id].attribution:
        names.append(f"{esc(att.name)} <small>({esc(att.kind)}, {esc(att.via)})</small>")
    return " → ".join(names)


def independence(n_sources: int, n_origins: int) -> str:
    s = "source" if n_sources == 1 else "sources"
    o = "independent origin" if n_origins == 1 else "independent origins"
    return f"{n_sources} {s}, {n_origins} {o}"


def annotator(
    analysis: Analysis,
    claims: Mapping[str, Claim],
    sources: Mapping[str, Source],
    href: Callable[[str, str], str],
    point_href: Callable[[str], str],
) -> Callable[[Claim], NoteParts]:
    """``parts(claim)`` for :func:`provenance.render.source_page.render`."""

    def parts(claim: Claim) -> NoteParts:
        facts = analysis.facts[claim.id]
        source = sources[claim.source]
        marks = [mark(facts.status, STATUS_LABELS[facts.status], STATUS_HELP[facts.status])]
        if facts.hedges:
            marks.append(mark("hedged", "hedged", "The wording weakens or distances the claim: " + ", ".join(h.marker for h in facts.hedges)))
        lines = [f"<strong>Who says it:</strong> {chain_text(source, analysis, claim)}"]
        if facts.hedges:
            hedges = "; ".join(f"<mark>{esc(h.marker)}</mark>: {esc(h.explanation)}" for h in facts.hedges)
            lines.append(f"<strong>Hedged:</strong> {hedges}")
        grouped: dict[str, list[str]] = {}
        for other_id, kind, score in analysis.related(claim.id):
            other = claims[other_id]
            other_source = sources[other.source]
            sentence = next(s for s in other_source.sentences if s.id == other.sentence)
            where = "this source" if other.source == claim.source else esc(other_source.meta.title or other_source.id)
            score_text = f" (similarity {score:.2f})" if kind != "contests" else ""
            grouped.setdefault(kind, []).append(
                f'<a href="{esc(href(other.source, other.sentence))}">{where}, paragraph {sentence.paragraph}</a>{score_text}'
            )
        for kind in ("corroborates", "echoes", "contests", "related"):
            if kind in grouped:
                lines.append(f"<strong>{RELATION_LABELS[kind]}:</strong> " + "; ".join(grouped[kind]))
        if grouped.get("corroborates") or grouped.get("echoes"):
            lines.append(f"<strong>Sources:</strong> {independence(facts.sources, facts.independent)}")
        for point in analysis.points_of(claim.id):
            stance = next(p.stance for p in point.positions if claim.id in p.claims)
            lines.append(f'<strong>Contested point:</strong> <a href="{esc(point_href(point.id))}">{esc(point.title)}</a> (this claim {stance})')
        note = "".join(f'<br><span class="pv-fact">{line}</span>' for line in lines)
        note += editorial_note.note_html(analysis.notes.get(claim.id))
        highlights = tuple((h.start, h.end, h.explanation) for h in facts.hedges)
        return NoteParts(marks=" ".join(marks), note=note, highlights=highlights)

    return parts
