"""Footnotes on generated pages, in the markup Python-Markdown's footnotes extension produces.

Material for MkDocs shows them as tooltips (``content.footnote.tooltips``);
without JavaScript they are an ordinary list of notes with back-links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Claim, Source
from .escape import text as esc
from .source_page import place


class Notes:
    def __init__(
        self,
        sources: dict[str, Source],
        href: Callable[[str, str], str],
        prefix: str = "pv",
        extra: Callable[[Claim], str] | None = None,
    ) -> None:
        self.sources = sources
        self.href = href  # (source id, sentence id) -> href from this page
        self.prefix = prefix
        self.extra = extra  # more about a claim (editors' notes), shown after its passage
        self.items: list[str] = []

    def passage(self, claim: Claim) -> str:
        """One quoted passage with its source, paragraph and link."""
        source = self.sources[claim.source]
        sentence = source.sentence(claim.sentence)
        assert sentence is not None  # a claim is made by a sentence of its source
        title = esc(source.meta.title or source.id)
        return (
            f'<span class="pv-fn-source">{title}</span>, {place(source, sentence.paragraph)}: '
            f'<q class="pv-quote">{esc(claim.selector.exact)}</q> '
            f'<a class="pv-permalink" href="{esc(self.href(claim.source, claim.sentence))}">go to passage</a>'
            + (self.extra(claim) if self.extra else "")
        )

    def cite(self, claims: Sequence[Claim], lead: str = "") -> str:
        """A note reference citing ``claims``; the note lists each passage."""
        number = len(self.items) + 1
        nid = f"{self.prefix}-{number}"
        parts = "<br>".join(self.passage(c) for c in claims)
        back = (
            f' <a class="footnote-backref" href="#fnref:{nid}" role="doc-backlink" '
            f'title="Back to note {number} in the text" aria-label="Back to note {number} in the text">&#8617;&#xFE0E;</a>'
        )
        self.items.append(f'<li id="fn:{nid}"><p>{lead}{parts}{back}</p></li>')
        return (
            f'<sup id="fnref:{nid}" class="pv-ref"><a class="footnote-ref" href="#fn:{nid}" '
            f'role="doc-noteref" aria-label="Note {number}">{number}</a></sup>'
        )

    def render(self) -> str:
        if not self.items:
            return ""
        return (
            '<div class="footnote pv-notes" role="doc-endnotes"><hr><h2 id="notes">Notes</h2><ol>\n'
            + "\n".join(self.items)
            + "\n</ol></div>\n"
        )
