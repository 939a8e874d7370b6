"""Pages built from the analysis: overview, contested points, claims matrix, timeline, people.

Every statement on these pages is a quotation of a source passage with a note
that links to it; the pages add structure (grouping, order, labels), never
new factual wording.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..analysis.analyze import Analysis
from ..editorial import reviews
from ..model import Claim, ContestedPoint, DatedEvent, Review, Source
from . import editorial_note, naming
from .annotations import STATUS_LABELS, independence, mark
from .escape import text as esc
from .links import Linker
from .notes import Notes

STANCE_LABELS = {"asserts": "Asserts", "denies": "Denies", "disputes": "Disputes"}
STANCE_HELP = {
    "asserts": "This side states the claim.",
    "denies": "This side says the claim is false.",
    "disputes": "This side doubts, dismisses or corrects the claim.",
}
AMBIGUOUS_HELP = "A name form that could refer to more than one person or body."
INFERRED_HELP = "The source gives a day and month but no year; the year is the one nearest to the source's publication date."
MAX_ITEMS = 300  # quotations per list on one page; beyond it a page would be too long to read (and to build)
MAX_ROWS = 60  # rows of the claims matrix
ALL_COLUMNS = 12  # up to this many sources, the matrix shows every source; beyond, those that speak in its rows


@dataclass
class Context:
    sources: list[Source]
    claims: list[Claim]
    analysis: Analysis
    href: Callable[[str, str], str]  # (source id, sentence id) -> href from the page being built
    source_href: Callable[[str], str]
    point_href: Callable[[str], str]
    page_url: str = ""  # absolute URL of the page being built (for JSON-LD), or its path
    site_name: str = ""
    all_claims: int | None = None  # claims found, with those in sentences that excerpts leave out; None: ``claims`` are all

    def __post_init__(self) -> None:
        self.by_id: dict[str, Claim] = {c.id: c for c in self.claims}
        self.source_map: dict[str, Source] = {s.id: s for s in self.sources}
        self.degree: dict[str, int] = defaultdict(int)
        for r in self.analysis.relations:
            self.degree[r.a] += 1
            self.degree[r.b] += 1

    def notes(self) -> Notes:
        notes = self.analysis.notes
        return Notes(self.source_map, self.href, extra=lambda claim: editorial_note.note_html(notes.get(claim.id), self.name_claim))

    def name_claim(self, claim_id: str) -> str:
        """A claim for readers: its source and paragraph, linked."""
        return naming.claim_link(claim_id, self.by_id, self.source_map, self.href)

    def title(self, source_id: str) -> str:
        source = self.source_map[source_id]
        return source.meta.title or source.id


def _quote(claim: Claim) -> str:
    return f'<q class="pv-quote">{esc(claim.text)}</q>'


def _representative(ids: Sequence[str], ctx: Context) -> Claim:
    """The claim that links to most others in its group (ties: reading order)."""
    first = {c: n for n, c in enumerate(ids)}
    return ctx.by_id[max(ids, key=lambda c: (ctx.degree[c], -first[c]))]


def _positions(point: ContestedPoint, ctx: Context, notes: Notes, heading: str = "h3") -> str:
    by_id = ctx.by_id
    columns = []
    for position in point.positions:
        holders = ", ".join(esc(h) for h in position.holders) or "unknown"
        items = "".join(
            f"<li>{_quote(by_id[c])} <span class=\"pv-byline\">({esc(ctx.title(by_id[c].source))})</span>{notes.cite([by_id[c]])}</li>"
            for c in position.claims
        )
        columns.append(
            # No aria-label: a named section is a landmark, and "Asserts" would repeat on every point (axe landmark-unique).
            f'<section class="pv-position pv-stance-{position.stance}">'
            f'<{heading}>{mark(position.stance, STANCE_LABELS[position.stance], STANCE_HELP[position.stance], point.review)} {holders}</{heading}>'
            f"<ul>{items}</ul></section>"
        )
    return f'<div class="pv-positions">{"".join(columns)}</div>'


def _review(point: ContestedPoint, ctx: Context) -> str:
    """A point's editorial rating, note and references, and its ClaimReview JSON-LD."""
    parts = [f'<p class="pv-point-review pv-{"reviewed" if point.review else "automatic"}">{_point_review(point.review)}</p>']
    if point.rating:
        parts.append(f'<p class="pv-rating">Editor\'s rating: <strong>{esc(point.rating)}</strong></p>')
        asserted = next((p.claims for p in point.positions if p.stance == "asserts" and p.claims), ())
        text = ctx.by_id[asserted[0]].text if asserted else point.title
        parts.append(editorial_note.claim_review(point, ctx.page_url + "#" + point.id, text, ctx.site_name, ctx.site_name))
    note = ctx.analysis.notes.get(point.id)
    if note is not None:
        lines = editorial_note.note_html(note, ctx.name_claim).replace("<br>", "", 1)
        parts.append(f'<p class="pv-editorial-block">{lines}</p>')
    return "".join(parts)


def _point_review(review: Review | None) -> str:
    if review is None:
        return "<strong>Automatic:</strong> the analysis found this point and its positions; no editor has reviewed them."
    return f"<strong>Reviewed:</strong> the point and its positions were {esc(reviews.words(review))}."


def _group_review(group: Sequence[str], ctx: Context) -> Review | None:
    """A group of claims that state one proposition is reviewed when every link joining them is."""
    members = set(group)
    found = [r for r in ctx.analysis.relations if r.kind in ("corroborates", "echoes") and r.a in members and r.b in members]
    return found[0].review if found and all(r.review is not None for r in found) else None


def contested_page(ctx: Context) -> str:
    notes = ctx.notes()
    out = ['<h1 id="contested-points">Contested points</h1>']
    if not ctx.analysis.contested:
        out.append("<p>No source denies or disputes a claim of another.</p>")
    else:
        out.append(
            f"<p>{len(ctx.analysis.contested)} points on which one party asserts something and another denies or disputes it. "
            "Each position quotes its sources; the notes link to the passages.</p>"
        )
    for point in ctx.analysis.contested:
        out.append(f'<section class="pv-point" aria-labelledby="{point.id}"><h2 id="{point.id}">{esc(point.title)}</h2>')
        out.append(_review(point, ctx))
        out.append(_positions(point, ctx, notes))
        out.append("</section>")
    out.append(notes.render())
    return "\n".join(out)


def _count_shown(shown: int, hidden: int) -> str:
    """A count of claims, and how many of them the site quotes when excerpts leave some out."""
    if not hidden:
        return str(shown)
    return f'{shown + hidden} <span class="pv-byline">({shown} quoted; {hidden} in sentences that sources shown as excerpts leave out)</span>'


def overview_page(ctx: Context) -> str:
    notes = ctx.notes()
    by_id = ctx.by_id
    order = [c.id for c in ctx.claims]
    clusters = ctx.analysis.clusters(order)
    contested_ids = {cid for p in ctx.analysis.contested for pos in p.positions for cid in pos.claims}
    agreed = [g for g in clusters if not contested_ids & set(g) and len({by_id[c].source for c in g}) > 1]
    in_cluster = {c for g in clusters for c in g}
    single = [c for c in ctx.claims if c.id not in in_cluster and c.id not in contested_ids]
    # A claim left out of the excerpts is linked to no other claim (one that is, is shown): one source makes it.
    hidden = max(0, (ctx.all_claims or 0) - len(ctx.claims))
    out = [
        '<h1 id="overview">Overview</h1>',
        '<dl class="pv-summary">'
        f"<div><dt>Sources</dt><dd>{len(ctx.sources)}</dd></div>"
        f"<div><dt>Claims</dt><dd>{_count_shown(len(ctx.claims), hidden)}</dd></div>"
        f"<div><dt>Stated by more than one source</dt><dd>{len(agreed)}</dd></div>"
        f"<div><dt>Contested points</dt><dd>{len(ctx.analysis.contested)}</dd></div>"
        f"<div><dt>Claims only one source makes</dt><dd>{_count_shown(len(single), hidden)}</dd></div></dl>",
        "<p>This page is assembled from the sources' own words: each item quotes a passage, and its note links "
        "to every passage that states it.</p>",
        '<h2 id="agreed">What the sources agree on</h2>',
    ]
    if agreed:
        shown = sorted(agreed, key=lambda g: -len({by_id[c].source for c in g}))[:MAX_ITEMS] if len(agreed) > MAX_ITEMS else agreed
        if len(shown) < len(agreed):
            out.append(f"<p>The {len(shown)} propositions stated by the most sources, of {len(agreed)}; all are in "
                       "<code>provenance.json</code>.</p>")
        out.append("<ul class=\"pv-list\">")
        for group in shown:
            rep = _representative(group, ctx)
            members = [by_id[c] for c in group]
            n_sources = len({m.source for m in members})
            origins = max(ctx.analysis.facts[c].independent for c in group)
            label = STATUS_LABELS["corroborated"] if origins > 1 else "echoed"
            kind, help_text = ("corroborated", "Independent origins state it.") if origins > 1 else ("echoes", "The sources that state it share one origin.")
            out.append(
                f"<li>{_quote(rep)} {mark(kind, label, help_text, _group_review(group, ctx))} "
                f'<span class="pv-byline">{independence(n_sources, min(origins, n_sources))}</span>{notes.cite(members)}</li>'
            )
        out.append("</ul>")
    else:
        out.append("<p>No proposition is stated by more than one source.</p>")
    out.append('<h2 id="contested">What is contested</h2>')
    if ctx.analysis.contested:
        for point in ctx.analysis.contested:
            out.append(f'<h3 id="overview-{point.id}"><a href="{esc(ctx.point_href(point.id))}">{esc(point.title)}</a></h3>')
            out.append(_positions(point, ctx, notes, heading="h4"))
    else:
        out.append("<p>No source denies or disputes a claim of another.</p>")
    out.append('<h2 id="single-source">What only one source says</h2>')
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in single:
        by_source[claim.source].append(claim)
    if len(single) > MAX_ITEMS:
        out.append(f"<p>{len(single)} claims are made by one source only; each source's page marks them "
                   "<em>single source</em>.</p><ul class=\"pv-list\">")
        out.extend(
            f'<li><a href="{esc(ctx.source_href(s.id))}">{esc(ctx.title(s.id))}</a>: {len(by_source[s.id])}</li>'
            for s in ctx.sources if by_source.get(s.id)
        )
        out.append("</ul>")
        by_source.clear()
    for source in ctx.sources:
        items = by_source.get(source.id)
        if not items:
            continue
        out.append(f'<h3 id="single-{esc(source.id)}"><a href="{esc(ctx.source_href(source.id))}">{esc(ctx.title(source.id))}</a></h3><ul class="pv-list">')
        out.extend(f"<li>{_quote(c)}{notes.cite([c])}</li>" for c in items)
        out.append("</ul>")
    out.append(notes.render())
    return "\n".join(out)


def matrix_page(ctx: Context) -> str:
    """Proposition x source: asserts / denies / disputes / silent."""
    notes = ctx.notes()
    by_id = ctx.by_id
    rows: list[tuple[str, dict[str, str], list[Claim]]] = []
    for point in ctx.analysis.contested:
        cells: dict[str, str] = {}
        members: list[Claim] = []
        for position in point.positions:
            for cid in position.claims:
                claim = by_id[cid]
                members.append(claim)
                held = cells.get(claim.source, "").split(" + ") if claim.source in cells else []
                if position.stance not in held:
                    cells[claim.source] = " + ".join([*held, position.stance])
        rows.append((esc(point.title), cells, members))
    contested_ids = {c.id for _, _, m in rows for c in m}
    for group in ctx.analysis.clusters([c.id for c in ctx.claims]):
        if contested_ids & set(group):
            continue
        members = [by_id[c] for c in group]
        rows.append((esc(_representative(group, ctx).text), {m.source: "asserts" for m in members}, members))
    total = len(rows)
    if total > MAX_ROWS:
        contested_rows = rows[: len(ctx.analysis.contested)]
        rest = sorted(rows[len(ctx.analysis.contested) :], key=lambda r: -len(r[1]))
        rows = (contested_rows + rest)[:MAX_ROWS]
    columns = ctx.sources if len(ctx.sources) <= ALL_COLUMNS else [s for s in ctx.sources if any(s.id in cells for _, cells, _ in rows)]
    out = [
        '<h1 id="claims-matrix">Claims matrix</h1>',
        "<p>Each row is a proposition stated by more than one source, or a contested point; each column a source. "
        "A cell says whether that source asserts, denies or disputes it, or is silent. Claims that only one source "
        "makes are listed on the overview.</p>",
    ]
    if not total:
        out.append("<p>No proposition is stated by more than one source.</p>")
        return "\n".join(out)
    if total > len(rows) or len(columns) < len(ctx.sources):
        out.append(f"<p>Shown: {len(rows)} of {total} rows (contested points first, then the propositions stated by the most "
                   f"sources), and the {len(columns)} sources that speak in them; everything is in <code>provenance.json</code>.</p>")
    head = "".join(f'<th scope="col"><a href="{esc(ctx.source_href(s.id))}">{esc(ctx.title(s.id))}</a></th>' for s in columns)
    body = []
    for label, cells, members in rows:
        tds = []
        for source in columns:
            value = cells.get(source.id, "silent")
            css = value.split(" ")[0]
            tds.append(f'<td class="pv-cell pv-cell-{css}">{esc(value)}</td>')
        body.append(f'<tr><th scope="row">{label}{notes.cite(members)}</th>{"".join(tds)}</tr>')
    out.append(
        '<div class="pv-scroll" role="region" aria-label="Claims matrix" tabindex="0"><table class="pv-matrix">'
        f'<caption>Propositions by source</caption><thead><tr><th scope="col">Proposition</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
    out.append(notes.render())
    return "\n".join(out)


def timeline_page(ctx: Context) -> str:
    events = ctx.analysis.events
    notes = ctx.notes()
    by_id = ctx.by_id
    out = [
        '<h1 id="timeline">Timeline</h1>',
        "<p>The dated events the sources mention, in date order. Dates are normalised to ISO 8601; a date written "
        "without a year takes the year that puts it nearest to the source's publication date, and is marked "
        "<em>year inferred</em>. Each event quotes its passage.</p>",
    ]
    if not events:
        out.append("<p>The sources mention no dates.</p>")
        return "\n".join(out)
    grouped: dict[str, list[DatedEvent]] = defaultdict(list)
    for event in events:
        grouped[event.value].append(event)
    out.append('<ol class="pv-timeline">')
    for value in sorted(grouped):
        items = grouped[value]
        inferred = any(e.inferred_year for e in items)
        flag = " " + mark("inferred", "year inferred", INFERRED_HELP) if inferred else ""
        quotes = "".join(f"<li>{_quote(by_id[e.claim])}{notes.cite([by_id[e.claim]])}</li>" for e in items)
        out.append(f'<li id="date-{esc(value)}"><time datetime="{esc(value)}">{esc(value)}</time>{flag}<ul>{quotes}</ul></li>')
    out.append("</ol>")
    out.append(notes.render())
    return "\n".join(out)


def _sentence_links(ctx: Context, source_id: str, sentence_ids: Sequence[str]) -> str:
    """"Title (paragraphs 3, 5, 9)", each paragraph number a link to the sentence."""
    source = ctx.source_map[source_id]

    def paragraph(sentence_id: str) -> int | str:
        sentence = source.sentence(sentence_id)
        return sentence.paragraph if sentence else "?"

    numbers = ", ".join(f'<a href="{esc(ctx.href(source_id, sid))}">{paragraph(sid)}</a>' for sid in sentence_ids)
    word = "paragraph" if len(sentence_ids) == 1 else "paragraphs"
    return f'<a href="{esc(ctx.source_href(source_id))}">{esc(ctx.title(source_id))}</a> ({word} {numbers})'


def people_page(ctx: Context) -> str:
    """People and bodies named in the sources, with the variants used; ambiguous references flagged."""
    people = ctx.analysis.people
    out = ['<h1 id="people">People and bodies</h1>']
    entities = [e for e in getattr(people, "entities", ()) if getattr(e, "kind", "") in ("person", "body", "outlet")]
    ambiguities = list(getattr(people, "ambiguities", ()))
    names = {e.id: e.name for e in getattr(people, "entities", ())}
    out.append(
        "<p>Each person, body and outlet the sources name, with every form of the name they use. A name form that "
        "could refer to more than one of them is flagged as ambiguous.</p>"
    )
    if ambiguities:
        out.append('<h2 id="ambiguous">Ambiguous references</h2><ul class="pv-list">')
        for amb in ambiguities:
            candidates = ", ".join(esc(names.get(c, c)) for c in amb.candidates)
            by_source: dict[str, list[str]] = defaultdict(list)
            for s, sid in dict.fromkeys(amb.occurrences):
                by_source[s].append(sid)
            links = "; ".join(_sentence_links(ctx, s, sids) for s, sids in by_source.items())
            out.append(
                f"<li>{mark('ambiguous', 'ambiguous', AMBIGUOUS_HELP)} “{esc(amb.variant)}” may refer to {candidates}. "
                f"Used in: {links}.</li>"
            )
        out.append("</ul>")
    out.append('<h2 id="names">Names</h2>')
    if not entities:
        out.append("<p>No names were found.</p>")
        return "\n".join(out)
    rows = []
    for entity in entities:
        variants = ", ".join(f"“{esc(v)}”" for v in entity.variants)
        sources = sorted({s for s, _ in entity.occurrences})
        first = {}
        for s, sid in entity.occurrences:
            first.setdefault(s, sid)
        where = ", ".join(f'<a href="{esc(ctx.href(s, first[s]))}">{esc(ctx.title(s))}</a>' for s in sources)
        rows.append(
            f'<tr><th scope="row" id="{esc(entity.id)}">{esc(entity.name)}</th><td>{esc(entity.kind)}</td>'
            f"<td>{variants}</td><td>{len(entity.occurrences)}</td><td>{where}</td></tr>"
        )
    out.append(
        '<div class="pv-scroll" role="region" aria-label="Names" tabindex="0"><table class="pv-table"><caption>Names used in the sources</caption>'
        '<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Forms used</th>'
        f'<th scope="col">Mentions</th><th scope="col">First mention in</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
    return "\n".join(out)


def context(
    sources: list[Source],
    claims: list[Claim],
    analysis: Analysis,
    links: Linker,
    page_url: str = "",
    site_name: str = "",
    all_claims: int | None = None,
) -> Context:
    """The context of one analysis page: ``links`` from it, ``page_url`` its absolute URL."""
    return Context(
        sources,
        claims,
        analysis,
        href=links.sentence,
        source_href=links.source,
        point_href=lambda pid: links.page("contested", pid),
        page_url=page_url,
        site_name=site_name,
        all_claims=all_claims,
    )


@dataclass(frozen=True)
class AnalysisPage:
    """One page built from the analysis: its file name under the analysis folder, title, meta description and renderer."""

    name: str
    title: str
    description: str
    render: Callable[[Context], str]


PAGES: tuple[AnalysisPage, ...] = (
    AnalysisPage(
        "overview", "Overview",
        "What the sources agree on, what is contested, and what only one source says, in the sources' own words, "
        "each claim linked to the exact passage that makes it.",
        overview_page,
    ),
    AnalysisPage(
        "contested", "Contested points",
        "Each point on which one party asserts something and another denies or disputes it, "
        "with both sides side by side and links to the exact passages.",
        contested_page,
    ),
    AnalysisPage(
        "matrix", "Claims matrix",
        "Which source says what: the claims the sources share, and the stance each source takes on each of them.",
        matrix_page,
    ),
    AnalysisPage(
        "timeline", "Timeline",
        "The dated events the sources mention, in order, each linked to the passage that gives the date.",
        timeline_page,
    ),
    AnalysisPage(
        "people", "People and bodies",
        "The people and bodies the sources name, with the names each goes by and ambiguous names flagged.",
        people_page,
    ),
)
"""The analysis pages, in reading order (the order of the navigation): the one list of them."""

BY_NAME: dict[str, AnalysisPage] = {page.name: page for page in PAGES}
