"""Claims: the body sentences of each source that state something checkable."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Claim, Source
from ..sources import roles
from . import anchor


def claim_id(source_id: str, sentence_id: str) -> str:
    return f"{source_id}.{sentence_id}"


def extract(sources: Iterable[Source]) -> list[Claim]:
    claims: list[Claim] = []
    for source in sources:
        for sentence in source.sentences:
            if roles.is_claim(sentence.text, sentence.role):
                claims.append(
                    Claim(
                        id=claim_id(source.id, sentence.id),
                        source=source.id,
                        sentence=sentence.id,
                        text=sentence.text,
                        selector=anchor.describe(source.text, sentence.start, sentence.end),
                    )
                )
    return claims
