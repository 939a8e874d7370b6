"""What search indexes of a source's page: its title, where it came from and its text, once.

The page itself also shows labels (title, byline), marks (corroborated, contested, hedged, with their review
state), note numbers, paragraph numbers and the notes, which quote every claim again: indexed as page text they
doubled the index and ran labels into the words of search snippets ("…Ukraine conflict.contested · reviewed").
The search plugin is handed this HTML instead of the page's (the page shown is unchanged): every sentence the
page shows is in it, so a claim is still found by its words, and the result leads to the page.
"""

from __future__ import annotations

import re

from ..model import Source
from .escape import text as esc
from .source_page import citation


def html(source: Source, shown: frozenset[str] | None = None) -> str:
    """``shown``: for a source displayed as excerpts, the ids of the only sentences its page shows (nothing else is indexed)."""
    out = [f'<h1 id="source-title">{esc(source.meta.title or source.id)}</h1>', citation(source)]
    paragraph, words = None, []  # type: ignore[var-annotated]
    for sentence in source.sentences:
        if sentence.role == "title" or (shown is not None and sentence.id not in shown):  # the title is the heading
            continue
        if sentence.paragraph != paragraph and words:
            out.append(f"<p>{' '.join(words)}</p>")
            words = []
        paragraph = sentence.paragraph
        words.append(esc(sentence.text))
    if words:
        out.append(f"<p>{' '.join(words)}</p>")
    return "\n".join(out)


# What a generated page shows that is not text to search: marks as render.annotations.mark writes them (their
# label, then whether an editor reviewed it), note numbers and the notes as render.notes writes them (the notes
# quote claims their sources' pages hold already), and the claims matrix's cells ("asserts + denies").
NOT_TEXT = re.compile(
    r'<span class="pv-mark [^"]*" title="[^"]*">[^<]*<span class="pv-review">[^<]*</span></span>'
    r'|<sup id="fnref:[^"]*" class="pv-ref"><a [^>]*>\d+</a></sup>'
    r'|<div class="footnote pv-notes" role="doc-endnotes">.*?</ol></div>'
    r'|<td class="pv-cell [^"]*">[^<]*</td>',
    re.S,
)


def without_marks(page_html: str) -> str:
    """A generated page (an analysis page, the list of sources) as search indexes it: without its marks
    (corroborated, contested, hedged, a stance, with their review state), note numbers, notes and matrix
    cells, which are labels or quote the sources again, not text of the page's own. Done here, on the HTML
    search reads, so that the page itself (and what ``provenance pages`` writes for other engines) is unchanged."""
    return NOT_TEXT.sub("", page_html)
