"""Which marks an editor reviewed, and which are automatic.

The editorial layer (:mod:`provenance.editorial`) puts a :class:`~provenance.model.Review` on every link
and contested point an entry confirms, corrects or writes, and on a claim's status or hedges an entry
sets. A claim's status is also reviewed when what decides it was: a contested claim whose points are
all reviewed, a corroborated claim with a corroboration an editor confirmed, a single-source claim whose
corroboration an editor rejected. Everything else is *automatic*: computed by the analysis, unchecked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analysis.analyze import Analysis
from ..model import Claim, Review

READER_WORDS = {"confirmed": "confirmed", "corrected": "corrected", "written": "added"}
"""How a review reads on the site: a link or point an editor wrote by hand was "added by an editor"."""
MARKS = ("status", "hedges")
"""The marks of a claim an editor can review (links and points carry their own review)."""


def status_reviews(
    analysis: Analysis,
    claims: Sequence[Claim],
    explicit: Mapping[tuple[str, str], Review],
    rejected: Mapping[str, Review],
) -> dict[tuple[str, str], Review]:
    """("status" | "hedges", claim id) -> the review of that mark, for the marks an editor reviewed.

    ``explicit`` are the reviews the claim entries give (``status:``, ``hedges:``); ``rejected`` the
    claims a rejected corroboration or echo touched."""
    out = dict(explicit)
    confirmed: dict[str, Review] = {}  # claim id -> an editor's corroboration of it
    source = {c.id: c.source for c in claims}
    for r in analysis.relations:
        if r.kind == "corroborates" and r.review is not None and source.get(r.a) != source.get(r.b):
            confirmed.setdefault(r.a, r.review)
            confirmed.setdefault(r.b, r.review)
    for claim in claims:
        if ("status", claim.id) in out:
            continue
        status = analysis.facts[claim.id].status
        found: Review | None = None
        if status == "contested":
            points = analysis.points_of(claim.id)
            found = points[0].review if points and all(p.review is not None for p in points) else None
        elif status == "corroborated":
            found = confirmed.get(claim.id)
        elif status == "single-source":
            found = rejected.get(claim.id)
        if found is not None:
            out["status", claim.id] = found
    return out


def of_links(analysis: Analysis) -> dict[frozenset[str], Review]:
    """The review of each link an editor confirmed, corrected or wrote, by its pair of claim ids."""
    return {frozenset((r.a, r.b)): r.review for r in analysis.relations if r.review is not None}


def words(review: Review | None) -> str:
    """Whether a mark was reviewed, for readers: "confirmed by an editor (A. Editor, 2024-05-01)", or "automatic"."""
    if review is None:
        return "automatic"
    who = ", ".join(v for v in (review.by, review.date) if v)
    return f"{READER_WORDS.get(review.how, review.how)} by an editor" + (f" ({who})" if who else "")


def explain(review: Review | None) -> str:
    """:func:`words` as a sentence that says what it means."""
    if review is None:
        return "Automatic: found by the analysis; no editor has reviewed it."
    return f"Reviewed: {words(review)}."


def describe(review: Review) -> dict[str, object]:
    """A review as ``provenance.json`` writes it."""
    return {"how": review.how, "by": review.by, "date": review.date, "file": review.file, "line": review.line}
