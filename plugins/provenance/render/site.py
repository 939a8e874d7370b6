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
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..claims.cite import Target
from ..model import Claim, Source
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
        return source_page.render(self.sources[source_id], self.result.claims_of(source_id), parts, self.shown.sentences.get(source_id))

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
        return describe_source(self.sources[spec.key], len(self.result.claims_of(spec.key)), self.shown.excerpted(spec.key))


def describe_source(source: Source, count: int, excerpted: bool) -> str:
    """A source page's meta description: what it shows, of which source, and how many claims."""
    meta = source.meta
    by = f" ({', '.join(str(v) for v in (meta.publisher, meta.published_iso) if v)})" if meta.publisher or meta.published else ""
    claims = "1 claim" if count == 1 else f"{count} claims"
    shown = f"Excerpts of “{meta.title or source.id}”{by}:" if excerpted else f"The full text of “{meta.title or source.id}”{by}, paragraph by paragraph:"
    return f"{shown} {claims}, each tied to its exact passage, with who says it and which other sources corroborate or contest it."

