"""What the analysis adds to a claim on its source page: marks after it, facts in its note."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..analysis.analyze import Analysis
from ..editorial import reviews
from ..model import Claim, Review, Source
from . import editorial_note, naming
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
SIMILARITY_KINDS = {"corroborates", "echoes", "related"}  # links the analysis finds by the words two claims share


def score_note(kind: str, score: float, review: Review | None) -> str:
    """Whether an editor reviewed a link ("confirmed by an editor") or it is automatic, and for an automatic
    link found by the words two claims share, their similarity; no score for a contest (a denial and what
    it denies) or a link with no similarity to speak of."""
    if review is not None:
        return f" ({esc(reviews.words(review))})"
    if kind in SIMILARITY_KINDS and round(score, 2) > 0:
        return f" (automatic, similarity {score:.2f})"
    return " (automatic)"


def relation_lines(
    claim: Claim,
    analysis: Analysis,
    claims: Mapping[str, Claim],
    sources: Mapping[str, Source],
    href: Callable[[str, str], str],
) -> list[str]:
    """One line per kind of relation, its claims grouped by source, each link named by its paragraph and
    opening words (so no two links read alike)."""
    links = reviews.of_links(analysis)
    grouped: dict[str, dict[str, list[str]]] = {}
    for other_id, kind, score in analysis.related(claim.id):
        other = claims[other_id]
        link = naming.sentence_link(other, sources, href) + score_note(kind, score, links.get(frozenset((claim.id, other_id))))
        grouped.setdefault(kind, {}).setdefault(other.source, []).append(link)
    lines = []
    for kind in [*RELATION_LABELS, *sorted(set(grouped) - set(RELATION_LABELS))]:
        if kind in grouped:
            parts = [f"{naming.source_name(sid, sources, claim.source)}: {', '.join(links)}" for sid, links in grouped[kind].items()]
            lines.append(f"<strong>{esc(RELATION_LABELS.get(kind, kind.capitalize()))}:</strong> " + "; ".join(parts))
    return lines


def mark(kind: str, label: str, help_text: str, review: Review | None = None) -> str:
    """A mark, with its label and, in words, whether an editor reviewed it or it is automatic."""
    state = "reviewed" if review is not None else "automatic"
    title = f"{help_text} {reviews.explain(review)}"
    return (f'<span class="pv-mark pv-mark-{kind} pv-{state}" title="{esc(title)}">{esc(label)}'
            f'<span class="pv-review"> · {state}</span></span>')


def claim_marks(claim_id: str, analysis: Analysis) -> str:
    """The marks of a claim: its status, and "hedged" if its wording is hedged."""
    facts = analysis.facts[claim_id]
    marks = [mark(facts.status, STATUS_LABELS[facts.status], STATUS_HELP[facts.status], analysis.reviews.get(("status", claim_id)))]
    if facts.hedges:
        marks.append(mark("hedged", "hedged", "The wording weakens or distances the claim: " + ", ".join(h.marker for h in facts.hedges) + ".",
                          analysis.reviews.get(("hedges", claim_id))))
    return " ".join(marks)


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
        marks = claim_marks(claim.id, analysis)
        lines = [f"<strong>Who says it:</strong> {chain_text(source, analysis, claim)}"]
        if facts.hedges:
            hedges = "; ".join(f"<mark>{esc(h.marker)}</mark>: {esc(h.explanation)}" for h in facts.hedges)
            lines.append(f"<strong>Hedged:</strong> {hedges}")
        lines += relation_lines(claim, analysis, claims, sources, href)
        if any(kind in ("corroborates", "echoes") for _, kind, _ in analysis.related(claim.id)):
            lines.append(f"<strong>Sources:</strong> {independence(facts.sources, facts.independent)}")
        for point in analysis.points_of(claim.id):
            stance = next(p.stance for p in point.positions if claim.id in p.claims)
            lines.append(f'<strong>Contested point:</strong> <a href="{esc(point_href(point.id))}">{esc(point.title)}</a> '
                         f"(this claim {stance}; {esc(reviews.words(point.review))})")
        note = f'<br><span class="pv-fact pv-fn-marks">{marks}</span>'
        note += "".join(f'<br><span class="pv-fact">{line}</span>' for line in lines)
        note += editorial_note.note_html(
            analysis.notes.get(claim.id), lambda cid: naming.claim_link(cid, claims, sources, href, claim.source)
        )
        highlights = tuple((h.start, h.end, h.explanation) for h in facts.hedges)
        return NoteParts(marks=marks, note=note, highlights=highlights)

    return parts
