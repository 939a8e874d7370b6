"""The list of all sources, with what is known about each."""

from __future__ import annotations

from collections.abc import Callable

from ..model import UNKNOWN, Source
from .escape import text as esc

TITLE = "All sources"  # the folder's section in the navigation is "Sources": its first page is not "Sources" again


def render(sources: list[Source], claim_counts: dict[str, int], link: Callable[[str], str]) -> str:
    """``link(source_id)`` gives the href of a source's page relative to this page."""
    rows = []
    for source in sources:
        meta = source.meta
        published = meta.published_iso or UNKNOWN
        rows.append(
            "<tr>"
            f'<td><a href="{esc(link(source.id))}">{esc(meta.title or source.id)}</a></td>'
            f"<td>{esc(meta.publisher or UNKNOWN)}</td><td>{esc(meta.author or UNKNOWN)}</td>"
            f"<td>{published}</td><td>{claim_counts.get(source.id, 0)}</td>"
            f"<td><code>{esc(source.id)}</code></td>"
            "</tr>"
        )
    return (
        f'<div class="pv-sources">\n<h1 id="sources">{TITLE}</h1>\n'
        f"<p>{len(sources)} sources. Each page shows a source's full text, paragraph by paragraph, "
        "with a note on every claim.</p>\n"
        '<table class="pv-table"><caption>All sources</caption><thead><tr><th scope="col">Title</th><th scope="col">Publisher</th>'
        '<th scope="col">Author</th><th scope="col">Published</th><th scope="col">Claims</th><th scope="col">Id</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n</div>\n"
    )
