"""A Python-Markdown extension that turns citations (see :mod:`provenance.claims.cite`) into footnotes.

It works with Python-Markdown's ``footnotes`` extension rather than beside it:
before the footnotes are collected (tree processor priority 55 > 50), each
citation becomes a footnote reference ``[^cite-N]`` and its note is registered
as a footnote definition, so citations and hand-written footnotes share one
numbered list (citations numbered after the hand-written notes, so no number
collides), Material's tooltips and the back-links.

Citations are looked for in text only: never inside code blocks (``<pre>``,
already parsed) or inline code spans (still raw backticks at this stage, so
they are masked). The extension knows nothing of MkDocs: the host sets
:attr:`CitationExtension.page` before converting each page.

Without a host (an engine that runs Markdown extensions but no plugins, such as Zensical), the
extension is named in ``markdown_extensions`` as ``provenance.citations_md`` (:func:`makeExtension`)
and serves itself: on the first citation of a page it loads the project from its ``mkdocs.yml``
through the analysis cache (:func:`provenance.integrations.pages.load`, kept while the sources are unchanged),
and links from the page the engine says it is converting. It also gives footnotes their roles
(:mod:`provenance.integrations.markdown.footnote_roles`), as the plugin does.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from ...claims.cite import GROUP, Failure, Resolver, Target, parse_group
from ...errors import Problem
from .footnote_roles import FootnoteRolesExtension

log = logging.getLogger("provenance")

_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


@dataclass
class PageState:
    """What the extension needs to know about the page being converted."""

    file: str  # path shown in error messages
    markdown: str  # the page's Markdown source, to find line numbers
    resolver: Resolver
    note_html: Callable[[Target], str]  # the note of one citation, as HTML
    report: Callable[[str, int | None, str, str, str], None]  # (file, line, message, fix, severity)
    ids: dict[tuple, str] = field(default_factory=dict)
    cursor: int = 0

    def line_of(self, raw: str) -> int | None:
        at = self.markdown.find(raw, self.cursor)
        if at < 0:
            at = self.markdown.find(raw)
        if at < 0:
            return None
        self.cursor = at + 1
        return self.markdown.count("\n", 0, at) + 1


class CitationProcessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: CitationExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        state: PageState | None = self.ext.page
        if state is None and not self.ext.standalone:
            return
        footnotes = next((e for e in self.md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
        for parent in root.iter():
            if parent.tag in ("pre", "code", "script", "style"):
                continue
            if parent.text and "[@" in parent.text:
                state = state or self.ext.own_page(self.md)
                parent.text = self._replace(parent.text, state, footnotes)
            for child in parent:
                if child.tail and "[@" in child.tail:
                    state = state or self.ext.own_page(self.md)
                    child.tail = self._replace(child.tail, state, footnotes)

    def _replace(self, text: str, state: PageState | None, footnotes: FootnoteExtension | None) -> str:
        if state is None:
            return text  # no project to resolve against (reported when it was looked for)
        masked = _CODE_SPAN.sub(lambda m: "\0" * len(m.group()), text)
        out, pos = [], 0
        for group in GROUP.finditer(masked):
            citations = parse_group(text[group.start(1) : group.end(1)])
            if citations is None:
                continue
            raw = text[group.start() : group.end()]
            line = state.line_of(raw)
            targets = [state.resolver.resolve(citation) for citation in citations]
            failures = [t for t in targets if isinstance(t, Failure)]
            for failure in failures:
                state.report(state.file, line, failure.message, failure.fix, "error")
            for target in targets:
                if isinstance(target, Target) and target.notice:
                    state.report(state.file, line, *target.notice, "info")
            if footnotes is None:
                state.report(state.file, line, "citations need the 'footnotes' Markdown extension", "add 'footnotes' to markdown_extensions", "error")
            if failures or footnotes is None:
                continue  # the citation stays as written, and the build reports it
            refs = []
            for target in targets:
                key = (target.kind, target.source.id, target.start, target.end)
                if key not in state.ids:
                    state.ids[key] = f"cite-{len(state.ids) + 1}"
                    footnotes.setFootnote(state.ids[key], self.md.htmlStash.store(state.note_html(target)))
                refs.append(f"[^{state.ids[key]}]")
            if refs:
                out.append(text[pos : group.start()].rstrip(" "))  # a note mark sits right after the word
                out.append("".join(refs))
                pos = group.end()
        out.append(text[pos:])
        return "".join(out)


class CitationExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"config_file": ["", "the site's mkdocs.yml, for the extension without a host (default: the engine's, else ./mkdocs.yml)"]}
        super().__init__(**kwargs)
        self.page: PageState | None = None
        self.standalone = False  # True when named in markdown_extensions: no host sets ``page``

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(CitationProcessor(md, self), "provenance_citations", 55)
        if self.standalone:
            FootnoteRolesExtension().extendMarkdown(md)

    def own_page(self, md: Markdown) -> PageState | None:
        """The state of the page ``md`` converts, for the extension without a host: the project loaded from
        its mkdocs.yml, links from the page the engine converts (the site root when it does not say)."""
        from .. import pages

        here = engine_page(md)
        config_file = Path(self.getConfig("config_file") or (Path(here.root) / "mkdocs.yml" if here.root else "mkdocs.yml"))
        project = pages.current(config_file)
        if project is None:
            return None
        site = project.site
        shown, text = pages.page_source(project, here.path)

        def report(file: str, line: int | None, message: str, fix: str, severity: str = "error") -> None:
            problem = Problem(file, line, message, fix, severity)
            {"error": log.error, "warning": log.warning}.get(severity, log.info)(str(problem))

        # Links from the page's file to the pages' files (see provenance.integrations.pages); at the docs root when the engine does not say.
        return PageState(shown, text, project.resolver, lambda target: site.citation_note(target, here.path), report)


@dataclass(frozen=True)
class EnginePage:
    """What the engine says of the page being converted."""

    url: str = ""  # its URL, relative to the site root ("" for the home page, or when the engine does not say)
    path: str = ""  # its file, relative to the docs folder
    root: str = ""  # the project's folder (mkdocs.yml's)


def engine_page(md: Markdown) -> EnginePage:
    """Zensical registers a preprocessor named ``rendering_context`` that holds the page being rendered
    (``page.url``, ``page.path``) and the site's settings (``root_dir``); other hosts say nothing."""
    context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None  # noqa: SIM401 (a Registry has no get)
    page = getattr(context, "page", None)
    settings = getattr(context, "config", None)
    root = settings.get("root_dir") if isinstance(settings, dict) else None
    url = getattr(page, "url", None)
    path = getattr(page, "path", None)
    return EnginePage(
        url.lstrip("/") if isinstance(url, str) else "",
        path if isinstance(path, str) else "",
        root if isinstance(root, str) else "",
    )


def makeExtension(**kwargs: Any) -> CitationExtension:  # noqa: N802 (Python-Markdown's name)
    """The extension as named in ``markdown_extensions`` (``provenance.citations_md``): it serves itself."""
    extension = CitationExtension(**kwargs)
    extension.standalone = True
    return extension
