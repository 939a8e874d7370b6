"""A Python-Markdown extension that turns citations (see :mod:`provenance.cite`) into footnotes.

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
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from .cite import GROUP, Failure, Resolver, Target, parse_group

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
        state = self.ext.page
        if state is None:
            return
        footnotes = next((e for e in self.md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
        for parent in root.iter():
            if parent.tag in ("pre", "code", "script", "style"):
                continue
            if parent.text and "[@" in parent.text:
                parent.text = self._replace(parent.text, state, footnotes)
            for child in parent:
                if child.tail and "[@" in child.tail:
                    child.tail = self._replace(child.tail, state, footnotes)

    def _replace(self, text: str, state: PageState, footnotes: FootnoteExtension | None) -> str:
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
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.page: PageState | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(CitationProcessor(md, self), "provenance_citations", 55)
