"""Machine-readable exports: ``provenance.json`` (schema documented in docs/reference/export.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import __version__
from .pipeline import Result

SCHEMA_VERSION = "1.0"


def provenance(result: Result, page_url: Callable[[str], str]) -> dict[str, Any]:
    """The ``provenance.json`` document; ``page_url(source_id)`` is relative to the site root."""
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
                "published": meta.published.isoformat() if meta.published else None,
                "url": meta.url,
                "kind": meta.kind,
                "metadata_origin": dict(sorted(meta.origin.items())),
                "sha256": source.digest,
                "page": page_url(source.id),
                "paragraphs": [{"number": p.number, "start": p.start, "end": p.end} for p in source.paragraphs],
                "sentences": [
                    {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text, "role": s.role}
                    for s in source.sentences
                ],
            }
        )
    claims = []
    for claim in result.claims:
        sel = claim.selector
        claims.append(
            {
                "id": claim.id,
                "source": claim.source,
                "sentence": claim.sentence,
                "text": claim.text,
                "url": f"{page_url(claim.source)}#{claim.sentence}",
                "selector": {"exact": sel.exact, "prefix": sel.prefix, "suffix": sel.suffix, "start": sel.start, "end": sel.end},
            }
        )
    return {
        "schema": SCHEMA_VERSION,
        "generator": f"provenance {__version__}",
        "sources": sources,
        "claims": claims,
    }


def dumps(document: dict[str, Any]) -> str:
    """Stable serialisation: same input, same bytes."""
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
