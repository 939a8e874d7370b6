"""The pages a site gets from its sources, for any engine: which pages there are, where each goes,
and each page's HTML as seen from the page it is on.

The MkDocs plugin hands these pages to MkDocs as generated files; ``provenance pages`` writes them
into the docs folder for engines without plugins (Zensical). Both call the same functions, so both
sites show the same words and the same links. Nothing here knows an engine: the caller gives the
address of each page (``urls``, ``analysis_urls``) and of the page being built (``here``), in one of
two forms: URLs relative to the site root (the plugin: MkDocs hands over each page's URL), or the
pages' files relative to the docs folder (``provenance pages``: links between Markdown files, which
every engine turns into links between its pages, and checks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from ..claims.cite import Target
from ..model import Claim, Relation, Source
from ..pipeline import Result
from ..sources.excerpts import Shown
from . import analysis_pages, annotations, citation_note, index_page, naming, source_page
from .links import Linker

SOURCES_DESCRIPTION = "Every source on this site, each shown in full, paragraph by paragraph, with a note on every claim."
SOURCES_EXCERPTS_DESCRIPTION = "Every source on this site, shown in full or as excerpts, paragraph by paragraph, with a note on every claim shown."


@dataclass(frozen=True)
class Folders:
    """Where the generated pages go under the docs folder (the plugin's ``pages`` and ``analysis_pages`` options)."""

    pages: str = "sources"
    analysis: str = "analysis"

    def source(self, source_id: str) -> str:
        return posixpath.join(self.pages, f"{source_id}.md")

    @property
    def index(self) -> str:
        return posixpath.join(self.pages, "index.md")

    def analysis_page(self, name: str) -> str:
        return posixpath.join(self.analysis, f"{name}.md")


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its file under docs (``src_uri``), its title, who asked for it (for messages) and how to render it."""

    src_uri: str
    title: str
    owner: str  # the source file, or "provenance"
    kind: str  # "analysis" | "source" | "index"
    key: str  # the analysis page's name, or the source's id ("" for the index)


def page_specs(result: Result, folders: Folders) -> Iterator[PageSpec]:
    """Every page the sources give the site, in the order they are added: analysis pages, source pages, the list of sources."""
    for page in analysis_pages.PAGES:
        yield PageSpec(folders.analysis_page(page.name), page.title, "provenance", "analysis", page.name)
    for source in result.sources:
        yield PageSpec(folders.source(source.id), source.meta.title or source.id, source.file, "source", source.id)
    yield PageSpec(folders.index, index_page.TITLE, "provenance", "index", "")


@dataclass
class Site:
    """The generated pages of one build. ``urls`` maps a source id to its page's URL and ``analysis_urls``
    an analysis page's name to its URL (both relative to the site root): only pages that were added."""

    result: Result
    shown: Shown = field(default_factory=Shown)
    urls: dict[str, str] = field(default_factory=dict)
    analysis_urls: dict[str, str] = field(default_factory=dict)
    site_url: str = ""
    site_name: str = ""

    def __post_init__(self) -> None:
        self.sources: dict[str, Source] = {s.id: s for s in self.result.sources}
        self.claims: dict[str, Claim] = {c.id: c for c in self.result.claims}
        self._relations: dict[str, list[Relation]] | None = None
        self._own: dict[str, list[Claim]] | None = None
        self._references: dict[str, str] = {}  # claim id -> what a link to it shows (page_inputs), computed once
        self._whole: str | None = None  # the fingerprint of the whole site (quick_inputs), computed once

    def relations_of(self, claim_id: str) -> list[Relation]:
        """The relations one claim is in (with their reviews), from an index built on first use."""
        if self._relations is None:
            index: dict[str, list[Relation]] = {}
            for r in self.result.analysis.relations:
                index.setdefault(r.a, []).append(r)
                index.setdefault(r.b, []).append(r)
            self._relations = index
        return self._relations.get(claim_id, [])

    def claims_of(self, source_id: str) -> list[Claim]:
        """One source's claims, in order, from an index built on first use."""
        if self._own is None:
            own: dict[str, list[Claim]] = {}
            for claim in self.result.claims:
                own.setdefault(claim.source, []).append(claim)
            self._own = own
        return self._own.get(source_id, [])

    def linker(self, here: str) -> Linker:
        """Links from the page at ``here`` to sources, sentences and analysis pages."""
        return Linker(self.urls, here, self.analysis_urls)

    def render(self, spec: PageSpec, here: str, url: str | None = None) -> str:
        """The page's HTML, with links from ``here``; ``url`` is its URL relative to the site root (default: ``here``)."""
        if spec.kind == "analysis":
            return self.analysis_page(spec.key, here, url)
        if spec.kind == "source":
            return self.source_page(spec.key, here)
        return self.index_page(here)

    def source_page(self, source_id: str, here: str) -> str:
        links = self.linker(here)
        parts = annotations.annotator(
            self.result.analysis, self.claims, self.sources, href=links.sentence, point_href=lambda pid: links.page("contested", pid)
        )
        own = {c.sentence: c for c in self.claims_of(source_id)}
        return source_page.render(self.sources[source_id], own, parts, self.shown.sentences.get(source_id))

    def analysis_page(self, name: str, here: str, url: str | None = None) -> str:
        result, shown = self.result, self.shown
        claims, analysis = result.claims, result.analysis
        if shown.sentences:  # quote only what the source pages show
            claims = [c for c in claims if shown.claim(c)]
            kept = {c.id for c in claims}
            analysis = dataclasses.replace(analysis, events=[e for e in analysis.events if e.claim in kept])
        page_url = (self.site_url or "/") + (here if url is None else url)
        ctx = analysis_pages.context(result.sources, claims, analysis, self.linker(here), page_url, self.site_name, all_claims=len(result.claims))
        if shown.sentences:
            to_sentence = ctx.href
            ctx.href = lambda s, sid: to_sentence(s, sid) if shown.sentence(s, sid) else ctx.source_href(s)
        return analysis_pages.BY_NAME[name].render(ctx)

    def index_page(self, here: str) -> str:
        counts: dict[str, int] = {}
        for claim in self.result.claims:
            counts[claim.source] = counts.get(claim.source, 0) + 1
        listed = [s for s in self.result.sources if s.id in self.urls]
        return index_page.render(listed, counts, self.linker(here).source, self.shown.excerpted)

    def citation_note(self, target: Target, here: str) -> str:
        """The note a citation on the hand-written page at ``here`` becomes."""
        links = self.linker(here)

        def name_claim(claim_id: str) -> str:
            return naming.claim_link(claim_id, self.claims, self.sources, links.sentence)

        return citation_note.note(target, self.result.analysis, links.sentence, links.source, name_claim=name_claim)

    def description(self, spec: PageSpec) -> str:
        """The page's meta description."""
        if spec.kind == "analysis":
            return analysis_pages.BY_NAME[spec.key].description
        if spec.kind == "index":
            return SOURCES_EXCERPTS_DESCRIPTION if any(self.shown.excerpted(s.id) for s in self.result.sources) else SOURCES_DESCRIPTION
        return describe_source(self.sources[spec.key], len(self.claims_of(spec.key)), self.shown.excerpted(spec.key))


_ATOMS = frozenset({type(None), bool, int, float, str, bytes})
_FIELDS: dict[type, tuple[str, Callable[[Any], tuple[Any, ...]]]] = {}  # a record class's name and a reader of its fields' values, in order, without the derived ones


def stable_repr(value: Any) -> str:
    """A text for ``value`` that is the same in every process and run (for hashing): dataclass records
    field by field (all fields, also those left out of comparisons, such as reviews), mappings and sets
    in sorted order. Fields whose names start with "_" are derived indexes and left out."""
    kind = type(value)
    if kind in _ATOMS:
        return repr(value)
    if kind is tuple or kind is list:
        return "[" + ",".join([stable_repr(v) for v in value]) + "]"
    fields = _FIELDS.get(kind)
    if fields is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value) if not f.name.startswith("_"))
        fields = _FIELDS[kind] = (kind.__name__, attrgetter(*names) if len(names) > 1 else (lambda v, n=names: tuple(getattr(v, x) for x in n)))
    if fields is not None:
        return fields[0] + "(" + ",".join([stable_repr(v) for v in fields[1](value)]) + ")"
    if isinstance(value, dict):
        return "{" + ",".join(sorted([stable_repr(k) + ":" + stable_repr(v) for k, v in value.items()])) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted([stable_repr(v) for v in value])) + "}"
    if isinstance(value, (tuple, list)):
        return "[" + ",".join([stable_repr(v) for v in value]) + "]"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (bool, int, float, str, bytes)):
        return repr(value)
    raise TypeError(f"no stable representation for {type(value).__name__}")


def _hasher() -> tuple[Any, Any]:
    digest = hashlib.sha256()

    def add(*parts: Any) -> None:
        for part in parts:
            text = part if isinstance(part, str) else stable_repr(part)
            digest.update(len(text).to_bytes(8, "little"))
            digest.update(text.encode("utf-8", "surrogatepass"))

    return digest, add


def quick_inputs(site: Site, spec: PageSpec, here: str, url: str | None = None) -> str | None:
    """A fingerprint of the page on the whole result (its key) and every page's address: cheap, and
    the same whenever nothing at all changed. None when the result has no key (built without a cache)."""
    if not site.result.key:
        return None
    if site._whole is None:
        digest, add = _hasher()
        add(site.result.key, site.shown.sentences, site.urls, site.analysis_urls, site.site_url, site.site_name)
        site._whole = digest.hexdigest()
    digest, add = _hasher()
    add(site._whole, spec, here, url)
    return digest.hexdigest()


def page_inputs(site: Site, spec: PageSpec, here: str, url: str | None = None) -> str | None:
    """A fingerprint of exactly what the page's HTML is made from (see :meth:`Site.render`), or None
    when the result has no key (built without a cache). Analysis pages and the list of sources read the
    whole result: theirs is :func:`quick_inputs`. A source page reads its source, its claims and what
    the analysis says of them, and of the claims and sources they link to: the titles, paragraphs and
    addresses those links name."""
    if spec.kind != "source" or not site.result.key:
        return quick_inputs(site, spec, here, url)
    analysis = site.result.analysis
    digest, add = _hasher()
    add(spec, here, url, site.analysis_urls, site.site_url, site.site_name)
    source = site.sources[spec.key]
    add(source, site.shown.sentences.get(spec.key), site.urls.get(spec.key))
    named: set[str] = set()  # other claims the page links to or names
    for claim in site.claims_of(spec.key):
        add(claim, analysis.facts.get(claim.id), analysis.reviews.get(("status", claim.id)), analysis.reviews.get(("hedges", claim.id)))
        # Its links as the note shows them: in the order of analysis.related(), each with its kind, its
        # similarity to two decimals (a score that moved in the third decimal changes nothing), its review.
        related = analysis.related(claim.id)
        add([(other, kind, f"{score:.2f}") for other, kind, score in related])
        add([(r.a, r.b, r.review) for r in site.relations_of(claim.id) if r.review is not None], analysis.points_of(claim.id))
        named.update(other for other, _, _ in related)
        note = analysis.notes.get(claim.id)
        add(note)
        if note is not None:
            named.update(d.claim for d in note.decisions if d.claim)
    for other in sorted(named):
        add(other, _reference(site, other))
    return digest.hexdigest()


def _reference(site: Site, claim_id: str) -> str:
    """What a link to another claim is made from: the claim, its sentence (its paragraph), its source's
    metadata (the title) and its page's address; computed once per claim and build."""
    found = site._references.get(claim_id)
    if found is None:
        claim = site.claims.get(claim_id)
        theirs = site.sources.get(claim.source) if claim else None
        found = stable_repr((claim, theirs.meta if theirs else None, theirs.sentence(claim.sentence) if theirs and claim else None,
                             site.urls.get(claim.source) if claim else None))
        site._references[claim_id] = found
    return found


def describe_source(source: Source, count: int, excerpted: bool) -> str:
    """A source page's meta description: what it shows, of which source, and how many claims."""
    meta = source.meta
    by = f" ({', '.join(str(v) for v in (meta.publisher, meta.published_iso) if v)})" if meta.publisher or meta.published else ""
    claims = "1 claim" if count == 1 else f"{count} claims"
    shown = f"Excerpts of “{meta.title or source.id}”{by}:" if excerpted else f"The full text of “{meta.title or source.id}”{by}, paragraph by paragraph:"
    return f"{shown} {claims}, each tied to its exact passage, with who says it and which other sources corroborate or contest it."

