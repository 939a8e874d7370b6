"""MkDocs glue: options, events, generated files, watching, logging. No analysis here."""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import export, pipeline
from .config import ProvenanceConfig
from .errors import Problem
from .render import escape, index_page, source_page

log = logging.getLogger("mkdocs.plugins.provenance")
ASSETS = Path(__file__).parent / "assets"
CSS = "assets/provenance/provenance.css"


class ProvenancePlugin(BasePlugin[ProvenanceConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: pipeline.Result | None = None
        self.seeds = Path("seeds")
        self.root = Path(".")
        self.titles: dict[str, str] = {}
        self.urls: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.seeds = (self.root / self.config.seeds).resolve()
        if CSS not in config.extra_css:
            config.extra_css.insert(0, CSS)
        return config

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))

    def _src_uri(self, source_id: str) -> str:
        return posixpath.join(self.config.pages, f"{source_id}.md")

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        result = pipeline.run(self.seeds, self.root)
        self.result = result
        self._report(result.problems)
        self.titles = {}
        generated: list[File] = []
        for source in result.sources:
            src_uri = self._src_uri(source.id)
            if files.get_file_from_path(src_uri):
                log.error(f"{source.file}: a page '{src_uri}' already exists in docs (fix: rename that page or give the source another 'id')")
                continue
            html = source_page.render(source, result.claims_of(source.id))
            self.titles[src_uri] = source.meta.title or source.id
            generated.append(File.generated(config, src_uri, content=html))
        index_uri = posixpath.join(self.config.pages, "index.md")
        if not files.get_file_from_path(index_uri):
            generated.append(File.generated(config, index_uri, content="<!-- generated: filled in on_page_markdown -->\n"))
            self.titles[index_uri] = "Sources"
        generated.append(File.generated(config, CSS, abs_src_path=str(ASSETS / "provenance.css")))
        for file in generated:
            files.append(file)
        self.urls = {s.id: f.url for s in result.sources if (f := files.get_file_from_path(self._src_uri(s.id)))}
        if self.config.export:
            document = export.provenance(result, lambda sid: self.urls.get(sid, ""))
            files.append(File.generated(config, "provenance.json", content=export.dumps(document)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if uri not in self.titles:
            return markdown
        # Templates print page titles unescaped, so the title is escaped here, once.
        page.meta["title"] = escape.text(self.titles[uri])
        if uri == posixpath.join(self.config.pages, "index.md") and self.result is not None:
            counts: dict[str, int] = {}
            for claim in self.result.claims:
                counts[claim.source] = counts.get(claim.source, 0) + 1
            here = page.file.url

            def link(source_id: str) -> str:
                return _relative(self.urls[source_id], here)

            return index_page.render([s for s in self.result.sources if s.id in self.urls], counts, link)
        return markdown

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.seeds))
        return server


def _relative(target: str, here: str) -> str:
    """``target`` (a URL relative to the site root) as seen from the page at ``here``."""
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
