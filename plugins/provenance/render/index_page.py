"""The list of all sources, with what is known about each."""

from __future__ import annotations

from collections.abc import Callable

from ..model import UNKNOWN, Source
from .escape import text as esc

TITLE = "All sources"  # the folder's section in the navigation is "Sources": its first page is not "Sources" again


def render(
    sources: list[Source], claim_counts: dict[str, int], link: Callable[[str], str], excerpted: Callable[[str], bool] = lambda _: False
) -> str:
    """``link(source_id)`` gives the href of a source's page relative to this page; ``excerpted(source_id)``
    whether that page shows only excerpts of the source."""
    rows = []
    for source in sources:
        meta = source.meta
        published = meta.published_iso or UNKNOWN
        shown = ' <span class="pv-byline">(excerpts)</span>' if excerpted(source.id) else ""
        rows.append(
            "<tr>"
            f'<td><a href="{esc(link(source.id))}">{esc(meta.title or source.id)}</a>{shown}</td>'
            f"<td>{esc(meta.publisher or UNKNOWN)}</td><td>{esc(meta.author or UNKNOWN)}</td>"
            f"<td>{published}</td><td>{claim_counts.get(source.id, 0)}</td>"
            f"<td><code>{esc(source.id)}</code></td>"
            "</tr>"
        )
    return (
        f'<div class="pv-sources">\n<h1 id="sources">{TITLE}</h1>\n'
        f"<p>{len(sources)} sources. {_what_pages_show(sum(1 for s in sources if excerpted(s.id)), len(sources))}</p>\n"
        '<table class="pv-table"><caption>All sources</caption><thead><tr><th scope="col">Title</th><th scope="col">Publisher</th>'
        '<th scope="col">Author</th><th scope="col">Published</th><th scope="col">Claims</th><th scope="col">Id</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n</div>\n"
    )


def _what_pages_show(excerpts: int, total: int) -> str:
    """What a source's page shows: its full text, or for a source displayed as excerpts, some of its sentences."""
    full = "a source's full text, paragraph by paragraph, with a note on every claim"
    part = "the sentences the site cites, links, discusses or hedges, with their notes and a mark where sentences are left out"
    if not excerpts:
        return f"Each page shows {full}."
    if excerpts == total:
        return f"Each page shows excerpts of a source: {part}."
    marked = "the one marked <em>(excerpts)</em> shows" if excerpts == 1 else f"the {excerpts} marked <em>(excerpts)</em> show"
    return f"Each page shows {full}; {marked} only {part}."
