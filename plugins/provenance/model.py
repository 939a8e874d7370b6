"""The data that flows through the pipeline: sources -> sentences -> claims.

All records are frozen dataclasses; offsets are character offsets into the
source's decoded text (``Source.text``), end-exclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ROLES = ("title", "byline", "dateline", "heading", "furniture", "lead-in", "body")
"""Sentence roles. Only ``body`` sentences can be claims."""

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a source; ``origin`` says where each value came from."""

    id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    kind: str | None = None
    # Where the text came from, as `provenance add` records it (see provenance.sources).
    language: str | None = None  # BCP 47 code, e.g. "en", "de", "pt-BR"
    retrieved: str | None = None  # ISO 8601 UTC time of the fetch (or of the file), e.g. "2026-12-01T09:30:00Z"
    archive_url: str | None = None  # an archived copy of the original (e.g. on the Wayback Machine)
    display: str | None = None  # "full" or "excerpts"; None: the site's default
    extractor: str | None = None  # the program that extracted the text, with its version
    original: str | None = None  # the kept original, relative to the seeds folder
    original_sha256: str | None = None  # SHA-256 of the original's bytes, as fetched or read
    origin: dict[str, str] = field(default_factory=dict, compare=False)
    published_precision: str = "day"  # "month" when the source states no day, "year" when its day and month read two ways: not shown

    @property
    def published_iso(self) -> str | None:
        """The publication date as ISO 8601, to the precision the source states: ``2023-08-09``, ``2023-08`` or ``2023``."""
        if self.published is None:
            return None
        return self.published.isoformat()[: {"year": 4, "month": 7}.get(self.published_precision, 10)]


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 1-based, in reading order
    start: int
    end: int
    page: int | None = None  # page of the original where it starts (texts with form feeds between pages, as from PDFs)


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str  # stable: derived from the sentence's own words, not its position
    paragraph: int
    start: int
    end: int
    text: str
    role: str


@dataclass(frozen=True, slots=True)
class Source:
    file: str  # path as given to the loader, with forward slashes
    text: str
    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    digest: str  # sha256 of the raw bytes
    _by_id: dict[str, Sentence] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.meta.id

    def sentence(self, sentence_id: str) -> Sentence | None:
        """The sentence with this id, or None (an index built on first use, instead of a scan per lookup)."""
        index = self._by_id
        if index is None:
            index = {s.id: s for s in self.sentences}
            object.__setattr__(self, "_by_id", index)  # frozen: the index is derived, not part of the record
        return index.get(sentence_id)


@dataclass(frozen=True, slots=True)
class Selector:
    """W3C Web Annotation TextQuoteSelector + TextPositionSelector in one record."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: str  # source id
    sentence: str  # sentence id
    text: str
    selector: Selector


RELATIONS = ("corroborates", "contests", "echoes", "related")
STATUSES = ("corroborated", "single-source", "contested")
STANCES = ("asserts", "denies", "disputes")
"""Positions in a contested point. A claim's own stance may also be ``debunks``, shown on the denying side."""


REVIEW_KINDS = ("confirmed", "corrected", "written")
"""How an editor reviewed a mark: confirmed what the analysis found, corrected it, or wrote it by hand."""


@dataclass(frozen=True, slots=True)
class Review:
    """An editor's review of one mark (a claim's status or hedges, a link, a contested point), from the
    editorial entry that makes it; a mark without one is automatic."""

    how: str  # one of REVIEW_KINDS
    by: str | None = None  # who, as the entry's ``by`` gives it
    date: str | None = None  # when, ISO 8601, as the entry's ``date`` gives it
    file: str = ""  # the editorial file ...
    line: int | None = None  # ... and the line of the entry


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between two claims of different sources (``contests`` may join claims of one source)."""

    a: str  # claim id
    b: str  # claim id
    kind: str  # one of RELATIONS
    score: float
    review: Review | None = field(default=None, compare=False)  # None: found by the analysis, not reviewed


@dataclass(frozen=True, slots=True)
class Position:
    stance: str  # one of STANCES
    holders: tuple[str, ...]
    claims: tuple[str, ...]  # claim ids


@dataclass(frozen=True, slots=True)
class ContestedPoint:
    id: str
    title: str
    positions: tuple[Position, ...]
    rating: str | None = None  # an editor's reviewed textual rating, e.g. "Disputed"
    reviewed: bool = False  # an editor confirmed, edited or wrote this point
    review: Review | None = field(default=None, compare=False)  # how, by whom, when and where (with ``reviewed``)


@dataclass(frozen=True, slots=True)
class Reference:
    """An external reference an editor attaches to a claim or a contested point."""

    title: str
    url: str | None = None
    publisher: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision an editor took, with their reason.

    ``what`` is said in words ("status set to corroborated", "point confirmed", "reviewed"); for a
    link, ``what`` is "confirmed" or "rejected" and ``claim`` is the claim at the other end, which
    pages name by its source and paragraph (never by its id).
    """

    what: str
    why: str = ""
    claim: str | None = None

    def __str__(self) -> str:
        """The decision as ``provenance.json`` writes it (ids, for programs)."""
        what = f"link to {self.claim} {self.what}" if self.claim else self.what
        return f"{what}: {self.why}" if self.why else what


@dataclass(frozen=True, slots=True)
class EditorialNote:
    """An editor's note (Markdown), references and decisions on one claim or contested point."""

    markdown: str = ""
    references: tuple[Reference, ...] = ()
    decisions: tuple[Decision, ...] = ()  # what the editor decided, with their reason
    file: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A date a claim mentions, normalised to ISO 8601."""

    value: str  # "2022-03-07", "2022-04" or "2022"
    label: str  # as written
    precision: str  # "day" | "month" | "year"
    inferred_year: bool
    claim: str  # claim id


def pickle_by_position(namespace: dict[str, object]) -> None:
    """Give every slotted dataclass defined in ``namespace`` a pickled state that is the tuple of its
    field values, read and written without calling :func:`dataclasses.fields` per record (what the
    generated methods do: most of the time of caching the result of a thousand articles). Call it at
    the end of a module that defines records."""
    import dataclasses
    from operator import attrgetter

    for value in list(namespace.values()):
        if not (isinstance(value, type) and dataclasses.is_dataclass(value) and "__slots__" in vars(value)):
            continue
        names = tuple(f.name for f in dataclasses.fields(value))
        if not names:
            continue
        getter = attrgetter(*names)
        single = len(names) == 1

        def getstate(self: object, getter: attrgetter = getter, single: bool = single) -> tuple[object, ...]:
            return (getter(self),) if single else getter(self)

        def setstate(self: object, state: tuple[object, ...], names: tuple[str, ...] = names) -> None:
            for name, item in zip(names, state, strict=True):
                object.__setattr__(self, name, item)

        value.__getstate__ = getstate  # type: ignore[attr-defined]
        value.__setstate__ = setstate  # type: ignore[attr-defined]


pickle_by_position(globals())
