"""The list of all sources for a site with too many to list in the sidebar (the ``sidebar_sources`` option).

The sources leave the navigation and the sources index lists them in a table: title, publisher, date, number
of claims and whether the source takes part in a contested point, contested sources first. The table sorts
without JavaScript: each sortable column's header links to a page listing the same rows in that column's order
(``by_title``, ``by_publisher``, ``by_published``, ``by_claims``, next to the index), and the header of the
column a page is sorted by says so (``aria-sort``). Those pages repeat the index, so search leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import UNKNOWN, Source
from .escape import text as esc
from .index_page import TITLE, _what_pages_show


@dataclass(frozen=True)
class Order:
    key: str  # the page's name next to the index ("" for the index itself)
    column: str  # the column it sorts
    words: str  # "by title", for the caption
    direction: str  # aria-sort: "ascending" | "descending"


DEFAULT = Order("", "contested", "contested sources first, then in the order of the sources", "descending")
ORDERS = (
    Order("by_title", "title", "by title", "ascending"),
    Order("by_publisher", "publisher", "by publisher", "ascending"),
    Order("by_published", "published", "by date of publication, newest first", "descending"),
    Order("by_claims", "claims", "by number of claims, most first", "descending"),
)
BY_KEY = {o.key: o for o in (DEFAULT, *ORDERS)}
COLUMNS = (("title", "Title"), ("publisher", "Publisher"), ("published", "Published"), ("claims", "Claims"), ("contested", "Contested"))


@dataclass(frozen=True)
class Row:
    source: Source
    position: int  # in the order of the sources
    claims: int
    contested: int  # contested points the source takes part in
    excerpted: bool = False

    @property
    def title(self) -> str:
        return self.source.meta.title or self.source.id


def rows(sources: Iterable[Source], claim_counts: dict[str, int], contested_points: dict[str, int],
         excerpted: Callable[[str], bool] = lambda _: False) -> list[Row]:
    return [Row(s, n, claim_counts.get(s.id, 0), contested_points.get(s.id, 0), excerpted(s.id)) for n, s in enumerate(sources)]


def ordered(items: list[Row], order: Order) -> list[Row]:
    """The rows in ``order``; ties in the order of the sources."""
    first = {
        "contested": lambda r: (-r.contested, r.position),
        "title": lambda r: (r.title.casefold(), r.position),
        "publisher": lambda r: (r.source.meta.publisher is None, (r.source.meta.publisher or "").casefold(), r.position),
        # newest first, undated last: ISO dates compare as text, to the precision each states
        "published": lambda r: (r.source.meta.published_iso is None, _descending(r.source.meta.published_iso or ""), r.position),
        "claims": lambda r: (-r.claims, r.position),
    }[order.column]
    return sorted(items, key=first)


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def render(items: list[Row], order: Order, link: Callable[[str], str], page_link: Callable[[str], str]) -> str:
    """``link(source_id)``: the href of a source's page from this page; ``page_link(key)``: the href of the list sorted by
    ``key`` ("" for the index)."""
    head = []
    by_column = {o.column: o for o in (DEFAULT, *ORDERS)}
    for column, label in COLUMNS:
        target = by_column[column]
        if target is order:
            head.append(f'<th scope="col" aria-sort="{order.direction}">{label}</th>')
        else:
            head.append(f'<th scope="col"><a href="{esc(page_link(target.key))}" title="Sort {esc(target.words)}">{label}</a></th>')
    body = []
    for row in ordered(items, order):
        meta = row.source.meta
        shown = ' <span class="pv-byline">(excerpts)</span>' if row.excerpted else ""
        contested = f"yes ({row.contested} point{'s' if row.contested != 1 else ''})" if row.contested else "no"
        body.append(
            "<tr>"
            f'<td><a href="{esc(link(row.source.id))}">{esc(row.title)}</a>{shown}</td>'
            f"<td>{esc(meta.publisher or UNKNOWN)}</td><td>{meta.published_iso or UNKNOWN}</td>"
            f"<td>{row.claims}</td><td>{contested}</td>"
            "</tr>"
        )
    n_contested = sum(1 for r in items if r.contested)
    excerpts = sum(1 for r in items if r.excerpted)
    return (
        f'<div class="pv-sources">\n<h1 id="sources">{TITLE}</h1>\n'
        f"<p>{len(items)} sources, {n_contested} of them taking part in a contested point. {_what_pages_show(excerpts, len(items))}</p>\n"
        f"<p>Sorted {esc(order.words)}. Choose a column's heading to sort by it.</p>\n"
        '<div class="pv-scroll" role="region" aria-label="All sources" tabindex="0">'
        f'<table class="pv-table pv-source-list"><caption>All sources, sorted {esc(order.words)}</caption>'
        f"<thead><tr>{''.join(head)}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>\n</div>\n"
    )


def page_title(order: Order) -> str:
    return TITLE if not order.key else f"{TITLE}, sorted {order.words}"


def front_matter(order: Order) -> str:
    """The generated file of a sorted list: its title, and out of search (it repeats the index)."""
    return f'---\ntitle: "{page_title(order)}"\nsearch:\n  exclude: true\n---\n\n<!-- provenance: generated page, rendered by the plugin -->\n'
