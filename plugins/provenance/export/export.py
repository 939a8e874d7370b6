"""Machine-readable exports: ``provenance.json`` and ``annotations.jsonld``.

The schema of ``provenance.json`` is documented in docs/reference/export.md;
any change bumps :data:`SCHEMA_VERSION` and is recorded there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import __version__
from ..claims import anchor
from ..editorial import reviews
from ..pipeline import Result
from ..sources.excerpts import Shown

SCHEMA_VERSION = "2.2"


def provenance(result: Result, page_url: Callable[[str], str], contested_url: str = "", shown: Shown | None = None) -> dict[str, Any]:
    """The ``provenance.json`` document; ``page_url(source_id)`` is relative to the site root.
    Of a source displayed as excerpts, only the shown sentences' words are written (``shown``)."""
    analysis = result.analysis
    shown = shown or Shown()
    by_id = {s.id: s for s in result.sources}
    links = reviews.of_links(analysis)
    sources = []
    for source in result.sources:
        meta = source.meta
        sources.append(
            {
                "id": source.id,
                "file": source.file,
                "title": meta.title,
                "author": meta.author,
                "publisher": meta.publisher,
                "published": meta.published_iso,
                "url": meta.url,
                "kind": meta.kind,
                "language": meta.language,
                "retrieved": meta.retrieved,
                "archive_url": meta.archive_url,
                "extractor": meta.extractor,
                "original": meta.original,
                "original_sha256": meta.original_sha256,
                "display": "excerpts" if shown.excerpted(source.id) else "full",
                "metadata_origin": dict(sorted(meta.origin.items())),
                "sha256": source.digest,
                "page": page_url(source.id),
                "paragraphs": [{"number": p.number, "start": p.start, "end": p.end, "page": p.page} for p in source.paragraphs],
                "sentences": [
                    {
                        "id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end,
                        "text": s.text if shown.sentence(source.id, s.id) else None, "role": s.role,
                    }
                    for s in source.sentences
                ],
            }
        )
    claims = []
    for claim in result.claims:
        sel = shown.selector(by_id[claim.source], claim)
        facts = analysis.facts.get(claim.id)
        entry: dict[str, Any] = {
            "id": claim.id,
            "source": claim.source,
            "sentence": claim.sentence,
            "text": claim.text if sel else None,
            "url": f"{page_url(claim.source)}#{claim.sentence}" if sel else page_url(claim.source),
            "selector": (
                {"exact": sel.exact, "prefix": sel.prefix, "suffix": sel.suffix, "start": sel.start, "end": sel.end}
                if sel
                else {"exact": None, "prefix": None, "suffix": None, "start": claim.selector.start, "end": claim.selector.end}
            ),
        }
        if facts is not None:
            entry.update(
                {
                    "status": facts.status,
                    "sources": facts.sources,
                    "independent_origins": facts.independent,
                    "related": [_related(claim.id, other, kind, score, links) for other, kind, score in analysis.related(claim.id)],
                    "attribution": [{"name": a.name, "kind": a.kind, "via": a.via} for a in facts.attribution],
                    "hedges": [h.marker for h in facts.hedges],
                    "hedge_details": [{"marker": h.marker, "kind": h.kind, "start": h.start, "end": h.end} for h in facts.hedges],
                    "stance": {
                        "stance": facts.stance.stance,
                        "holder": facts.stance.holder,
                        "object": facts.stance.object if sel else None,
                        "cue": facts.stance.cue if sel else None,
                    }
                    if facts.stance
                    else None,
                }
            )
            for mark in reviews.MARKS:
                review = analysis.reviews.get((mark, claim.id))
                entry[f"{mark}_reviewed"] = review is not None
                entry[f"{mark}_review"] = reviews.describe(review) if review else None
        claims.append(entry)
    contested = [
        {
            "id": point.id,
            "title": point.title,
            "url": f"{contested_url}#{point.id}" if contested_url else None,
            "rating": point.rating,
            "reviewed": point.reviewed,
            "review": reviews.describe(point.review) if point.review else None,
            "positions": [{"stance": p.stance, "holders": list(p.holders), "claims": list(p.claims)} for p in point.positions],
        }
        for point in analysis.contested
    ]
    notes = {
        key: {
            "note": note.markdown,
            "references": [{"title": r.title, "url": r.url, "publisher": r.publisher, "date": r.date} for r in note.references],
            "decisions": [str(d) for d in note.decisions],
            "file": note.file,
            "line": note.line,
        }
        for key, note in sorted(analysis.notes.items())
    }
    return {
        "schema": SCHEMA_VERSION,
        "generator": f"provenance {__version__}",
        "sources": sources,
        "claims": claims,
        "contested": contested,
        "editorial": notes,
        "orphans": [{"file": o.file, "line": o.line, "message": o.message, "fix": o.fix} for o in result.orphans],
    }


def _related(claim_id: str, other: str, kind: str, score: float, links: dict) -> dict[str, Any]:
    review = links.get(frozenset((claim_id, other)))
    return {"claim": other, "relation": kind, "score": score, "reviewed": review is not None,
            "review": reviews.describe(review) if review else None}


def annotations(result: Result, page_url: Callable[[str], str], site_url: str = "", shown: Shown | None = None) -> dict[str, Any]:
    """W3C Web Annotation JSON-LD: one annotation per claim, targeting its source with both selectors
    (only the position selector for a sentence not shown, ``shown``)."""
    by_id = {s.id: s for s in result.sources}
    shown = shown or Shown()
    items = []
    for claim in result.claims:
        source = by_id[claim.source]
        published = shown.selector(source, claim)
        facts = result.analysis.facts.get(claim.id)
        body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}]
        if facts is not None:
            body.append({"type": "TextualBody", "purpose": "classifying", "value": facts.status})
            body += [{"type": "TextualBody", "purpose": "tagging", "value": f"hedge:{h.marker}"} for h in facts.hedges]
        target: dict[str, Any] = {
            # The original's address, else the source's page on this site, which shows its text
            # (the text file itself is not published).
            "source": source.meta.url or f"{site_url}{page_url(source.id)}",
            "selector": anchor.to_jsonld(published) if published else anchor.to_jsonld(claim.selector)[1:],
        }
        items.append(
            {
                "id": f"{site_url}{page_url(claim.source)}#{claim.sentence}",
                "type": "Annotation",
                "motivation": "identifying",
                "body": body,
                "target": target,
            }
        )
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{site_url}annotations.jsonld",
        "type": "AnnotationCollection",
        "label": "Claims identified by Provenance",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


def dumps(document: dict[str, Any]) -> str:
    """Stable serialisation: same input, same bytes."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
