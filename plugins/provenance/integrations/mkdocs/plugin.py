"""MkDocs glue: options, events, generated files, watching, logging. No analysis here."""

from __future__ import annotations

import logging
import posixpath
import re
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ... import pipeline
from ...cache import Cache, PageCache
from ...claims import memory
from ...claims.cite import Resolver
from ...errors import Problem
from ...export import export
from ...render import analysis_pages, editorial_note, escape, search_text, source_list
from ...render.links import Linker
from ...render.site import Folders, PageSpec, Site, page_inputs, page_specs, quick_inputs
from ...sources import excerpts
from .. import pages
from ..markdown.citations import CitationExtension, PageState
from ..markdown.footnote_roles import FootnoteRolesExtension
from . import active_markup, theming
from .config import ProvenanceConfig

log = logging.getLogger("mkdocs.plugins.provenance")
ASSETS = Path(__file__).parent.parent / "assets"  # integrations/assets/, shared with provenance pages
CSS = "assets/provenance/provenance.css"
_ID = re.compile(r'\sid="([^"]+)"')
PLACEHOLDER = "<!-- provenance: generated page, rendered by the plugin -->\n"
# Under `mkdocs serve` (from on_serve on): the last result, by cache folder, kept between rebuilds, for which
# MkDocs makes a new plugin (this plugin has no on_startup, so that no state carries over between builds).
_SERVING: dict[str, pipeline.Result] = {}


class ProvenancePlugin(BasePlugin[ProvenanceConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: pipeline.Result | None = None
        self.seeds = Path("seeds")
        self.root = Path(".")
        self.pages: dict[str, PageSpec] = {}  # src_uri -> the generated page there
        self.urls: dict[str, str] = {}  # source id -> page URL
        self.analysis_urls: dict[str, str] = {}  # analysis page name -> page URL
        self.site: Site | None = None  # renders the generated pages and citation notes
        self.citations = CitationExtension()
        self.resolver: Resolver | None = None
        self.last_cache: Cache | None = None
        self.rendered: dict[str, str] = {}
        self.shown = excerpts.Shown()
        self.scripts: active_markup.Check | None = None  # the reject_scripts option's check
        self.memory: memory.Memory | None = None  # the words of claims earlier builds saw (kept with the cache)
        self.page_cache: PageCache | None = None  # generated pages' HTML, by their inputs

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.site_url = config.site_url or ""
        self.site_name = config.site_name
        self.seeds = (self.root / self.config.seeds).resolve()
        self.editorial = (self.root / self.config.editorial).resolve() if self.config.editorial else self.seeds / "editorial"
        if CSS not in config.extra_css:
            config.extra_css.insert(0, CSS)
        if "footnotes" not in config.markdown_extensions:
            config.markdown_extensions.append("footnotes")
        config.markdown_extensions.append(self.citations)
        config.markdown_extensions.append(FootnoteRolesExtension())
        theming.configure_theme(config)
        return config

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page is rendered by now and none is written yet: stop here on markup that runs code.
        if self.scripts is not None and self.scripts.problems:
            self._report(self.scripts.problems)
            raise PluginError(f"reject_scripts: {len(self.scripts.problems)} piece(s) of markup that run code, listed above")
        return theming.fix_env(env, config)

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(str(problem))

    def _add(self, files: Files, config: MkDocsConfig, spec: PageSpec) -> File | None:
        if files.get_file_from_path(spec.src_uri):
            log.error(f"{spec.owner}: the page '{spec.src_uri}' already exists in docs (fix: rename that page, or change the plugin's folder options)")
            return None
        file = File.generated(config, spec.src_uri, content=PLACEHOLDER)
        files.append(file)
        self.pages[spec.src_uri] = spec
        return file

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._drop_written_pages(files, config)
        cache = None
        self.memory = None
        if self.config.cache:
            cache = Cache(self.root / self.config.cache_dir, pages.cache_settings(self.config.seeds, self.config.editorial))
            self.memory = memory.load(self.root / self.config.cache_dir)
        started = time.perf_counter()
        folder = str(self.root / self.config.cache_dir)
        result = pipeline.run(self.seeds, self.root, self.editorial, cache, self.memory, _SERVING.get(folder))
        if cache is not None:
            log.debug(f"analysis in {time.perf_counter() - started:.2f}s; cache hits {cache.hits}, misses {cache.misses}")
        if _SERVING:
            _SERVING.clear()
            if cache is not None:
                _SERVING[folder] = result
        self.last_cache = cache
        self.page_cache = PageCache(cache, repr(sorted(self.config.items()))) if cache is not None else None
        self.result = result
        self.resolver = Resolver(result.sources, result.claims, self.memory)
        self._report(result.problems)
        self.shown = excerpts.select(result, self.config.display, self._cited(files))
        if self.config.reject_scripts:
            self.scripts = active_markup.Check(self.root, editorial_note.note_html)
            self.scripts.notes(result.analysis.notes.values())
        self.pages = {}
        self.urls = {}
        self.analysis_urls = {}
        for spec in page_specs(result, self._folders()):
            if spec.kind == "index" and files.get_file_from_path(spec.src_uri):
                continue  # a hand-written list of sources takes the place of the generated one
            file = self._add(files, config, spec)
            if file and spec.kind == "analysis":
                self.analysis_urls[spec.key] = file.url
            elif file and spec.kind == "source":
                self.urls[spec.key] = file.url
        self.site = Site(result, self.shown, self.urls, self.analysis_urls, self.site_url, self.site_name)
        self._list_sources(files, config)
        files.append(File.generated(config, CSS, abs_src_path=str(ASSETS / "provenance.css")))
        if self.config.export:
            contested_url = self.analysis_urls.get("contested", "")
            site_url = config.site_url or ""

            def provenance_json() -> str:
                return export.dumps(export.provenance(result, lambda sid: self.urls.get(sid, ""), contested_url, self.shown))

            def annotations_jsonld() -> str:
                return export.dumps(export.annotations(result, lambda sid: self.urls.get(sid, ""), site_url, self.shown))

            files.append(File.generated(config, "provenance.json", content=self._cached("provenance.json", provenance_json)))
            files.append(File.generated(config, "annotations.jsonld", content=self._cached("annotations.jsonld", annotations_jsonld)))
        return files

    def _cached(self, name: str, render: Any) -> str:
        """An export, from the page cache when the whole result and the pages' addresses are unchanged."""
        if self.page_cache is None or self.site is None:
            return render()
        spec = PageSpec(name, name, "provenance", "export", name)
        return self.page_cache.html(quick_inputs(self.site, spec, name), render)

    def _drop_written_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Leave out what `provenance pages` wrote into docs (for engines without plugins): this build generates its own."""
        written = pages.written(Path(config.docs_dir))
        for file in [f for f in files if not f.generated_by and f.src_uri in written]:
            files.remove(file)

    def _cited(self, files: Files) -> set[tuple[str, str]]:
        """Sentences cited from the hand-written pages: shown even in a source displayed as excerpts.
        Read before any page is rendered, since a source's page may be rendered before the pages citing it."""
        result = self.result
        if self.resolver is None or result is None or not any(excerpts.display_of(s, self.config.display) == "excerpts" for s in result.sources):
            return set()
        pages = []
        for file in files.documentation_pages():
            if file.generated_by:
                continue
            try:
                pages.append(file.content_string)
            except (OSError, UnicodeDecodeError):
                continue  # MkDocs reports an unreadable page itself
        return excerpts.cited_sentences(pages, self.resolver)

    def _folders(self) -> Folders:
        return Folders(self.config.pages, self.config.analysis_pages)

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Put the analysis pages in reading order (overview first), and the sources in the order of the
        list of all sources (which comes first), rather than alphabetical order."""
        folders = self._folders()
        analysis = {folders.analysis_page(page.name): n for n, page in enumerate(analysis_pages.PAGES)}
        sources = {folders.index: -1}
        sources |= {folders.source(s.id): n for n, s in enumerate(self.result.sources if self.result else [])}
        items = list(nav.items)
        while items:
            children = getattr(items.pop(), "children", None) or []
            items += children
            uris = [getattr(getattr(c, "file", None), "src_uri", None) for c in children]
            order = next((o for o in (analysis, sources) if uris and all(u in o for u in uris)), None)
            if order is not None:
                children.sort(key=lambda c: order[c.file.src_uri])
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None or self.site is None:
            self._prepare_citations(page, markdown, config)
            return markdown
        # Templates print page titles unescaped, so the title is escaped here, once.
        page.meta["title"] = escape.text(spec.title)
        page.meta.setdefault("description", self.site.description(spec))
        # Generated pages are HTML already: they skip Markdown (which would only re-parse the HTML)
        # and take their place in on_page_content.
        site, here = self.site, page.file.url
        if self.page_cache is None:
            self.rendered[page.file.src_uri] = site.render(spec, here)
        else:
            self.rendered[page.file.src_uri] = self.page_cache.html(
                lambda: page_inputs(site, spec, here), lambda: site.render(spec, here), quick_inputs(site, spec, here)
            )
        return ""

    def _prepare_citations(self, page: Page, markdown: str, config: MkDocsConfig) -> None:
        """Let the citation extension resolve this page's citations, with links relative to it."""
        site = self.site
        if self.result is None or self.resolver is None or site is None:
            self.citations.page = None
            return
        here = page.file.url

        def report(file: str, line: int | None, message: str, fix: str, severity: str = "error") -> None:
            self._report([Problem(file, line, message, fix, severity)])

        docs = Path(config.docs_dir).resolve()
        try:
            shown = (docs / page.file.src_path).relative_to(self.root).as_posix()
        except ValueError:
            shown = page.file.src_path
        # MkDocs hands over the page without its front matter: count its lines back in for messages.
        original = page.file.content_string
        head = original.find(markdown[:200]) if markdown else -1
        offset = original.count("\n", 0, head) if head > 0 else 0
        self.citations.page = PageState(shown, "\n" * offset + markdown, self.resolver, lambda target: site.citation_note(target, here), report)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.citations.page = None
        generated = self.rendered.pop(page.file.src_uri, None)
        if generated is None:
            if self.scripts is not None:
                self.scripts.page(Path(page.file.abs_src_path or page.file.src_path), page.file.content_string, html)
            return html
        # MkDocs validates links to anchors against the ids it saw while rendering: give it ours.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | set(_ID.findall(generated))
        return generated

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.page_cache is not None:
            log.debug(f"generated pages from the cache: {self.page_cache.hits}, rendered: {self.page_cache.misses}")
            self.page_cache.save()  # only the last build's pages are kept
        # Learnt after the pages, whose citations may have re-anchored with what the memory held.
        if self.memory is not None and self.result is not None:
            self.memory.learn(self.result.claims)
            memory.save(self.memory, self.root / self.config.cache_dir)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.result is not None and self.last_cache is not None:
            _SERVING.clear()
            _SERVING[str(self.root / self.config.cache_dir)] = self.result
        server.watch(str(self.seeds))
        if self.editorial.exists() and not self.editorial.is_relative_to(self.seeds):
            server.watch(str(self.editorial))
        return server

    # Sites with many sources (the sidebar_sources option), and what search indexes of a source's page.

    listed: dict[str, source_list.Order] = {}  # src_uri -> the order of the list of all sources shown there
    list_urls: dict[str, str] = {}  # an order's key ("" for the index) -> the URL of its page
    held: dict[str, str] = {}  # src_uri -> the page's own content, while search sees its text
    _rows: list[source_list.Row] | None = None

    def _list_sources(self, files: Files, config: MkDocsConfig) -> None:
        """Beyond ``sidebar_sources`` sources, take the source pages out of the navigation (without "not in nav"
        messages) and list them on the sources index, with a page per sort order next to it."""
        self.listed, self.list_urls, self.held, self._rows = {}, {}, {}, None
        if self.result is None or len(self.result.sources) <= self.config.sidebar_sources:
            return
        folders = self._folders()
        for uri, spec in self.pages.items():
            file = files.get_file_from_path(uri)
            if file is not None and spec.kind == "source":
                file.inclusion = InclusionLevel.NOT_IN_NAV
        index = files.get_file_from_path(folders.index)
        if index is None or folders.index not in self.pages:
            return  # a hand-written list of sources stays as it is
        self.listed[folders.index] = source_list.DEFAULT
        self.list_urls[""] = index.url
        for order in source_list.ORDERS:
            uri = posixpath.join(folders.pages, f"{order.key}.md")
            if files.get_file_from_path(uri):
                log.error(f"provenance: the page '{uri}' already exists in docs (fix: rename that page, or change the plugin's pages option)")
                continue
            file = File.generated(config, uri, content=source_list.front_matter(order), inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(file)
            self.listed[uri] = order
            self.list_urls[order.key] = file.url

    def _source_rows(self) -> list[source_list.Row]:
        if self._rows is None:
            result, site = self.result, self.site
            assert result is not None and site is not None
            counts: dict[str, int] = {}
            for claim in result.claims:
                counts[claim.source] = counts.get(claim.source, 0) + 1
            points: dict[str, int] = {}
            for point in result.analysis.contested:
                for sid in {site.claims[c].source for p in point.positions for c in p.claims if c in site.claims}:
                    points[sid] = points.get(sid, 0) + 1
            listed = [s for s in result.sources if s.id in self.urls]
            self._rows = source_list.rows(listed, counts, points, self.shown.excerpted)
        return self._rows

    def _source_list(self, order: source_list.Order, here: str) -> str:
        links = Linker(self.urls, here, self.list_urls)  # to the sources, and to the list in each order
        return source_list.render(self._source_rows(), order, links.source, lambda key: links.page(key) or "./")

    @event_priority(100)  # before search indexes the page
    def _page_for_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        uri = page.file.src_uri
        order = self.listed.get(uri)
        if order is not None and self.site is not None:
            page.content = self._source_list(order, page.file.url)
        spec = self.pages.get(uri)
        if spec is not None and spec.kind == "source" and self.site is not None and page.content is not None:
            self.held[uri] = page.content
            page.content = search_text.html(self.site.sources[spec.key], self.shown.sentences.get(spec.key))
        elif spec is not None and page.content is not None:
            self.held[uri] = page.content
            page.content = search_text.without_marks(page.content)
        return context

    @event_priority(-100)  # after search, before the page's template
    def _page_shown(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = held
        return context

    on_page_context = CombinedEvent(_page_for_search, _page_shown)
