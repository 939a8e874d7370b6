"""Read all sources together: attribution, hedges, corroboration, echoes, contested points.

``analyze(sources, claims)`` is the relations stage of the pipeline. It works
on any set of sources: every rule is about the shape of language (reporting
verbs, hedge words, denial cues, shared specific words), never about a
particular story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Claim, ContestedPoint, DatedEvent, EditorialNote, Position, Relation, Source
from ..roles import is_claim
from . import align, contested
from .attribution import Attribution, find_attribution
from .dates import find_dates
from .entities import People
from .entities import build as build_people
from .groups import Groups
from .hedges import Hedge, find_hedges

_QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]")
_DOC_ADJECTIVES = re.compile(
    r"^(?:the|a|an|this|that|its|his|her|their|secret|leaked|classified|diplomatic|confidential|newly|revealed|internal|"
    r"official|original|full|same|pakistani|american|british|government|new|latest|wednesday|\w+day['’]s|\w+'s|\w+’s)\s+",
    re.I,
)


@dataclass(frozen=True)
class ClaimFacts:
    attribution: tuple[Attribution, ...]  # outermost first, after the source itself
    hedges: tuple[Hedge, ...]
    stance: contested.Stance | None
    status: str = "single-source"
    origins: frozenset[str] = frozenset()
    sources: int = 1  # sources that state the proposition (this one and those that corroborate or echo it)
    independent: int = 1  # independent origins among them


@dataclass
class Analysis:
    facts: dict[str, ClaimFacts] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    contested: list[ContestedPoint] = field(default_factory=list)
    events: list[DatedEvent] = field(default_factory=list)
    people: People | None = None
    notes: dict[str, EditorialNote] = field(default_factory=dict)  # claim id or point id -> editor's note

    _related: dict[str, list[tuple[str, str, float]]] | None = field(default=None, repr=False)
    _points: dict[str, list[ContestedPoint]] | None = field(default=None, repr=False)

    def related(self, claim_id: str) -> list[tuple[str, str, float]]:
        """(other claim, relation, score) for one claim, strongest first."""
        if self._related is None:
            index: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
            for r in self.relations:
                index[r.a].append((r.b, r.kind, r.score))
                index[r.b].append((r.a, r.kind, r.score))
            for items in index.values():
                items.sort(key=lambda x: (-x[2], x[0]))
            self._related = dict(index)
        return self._related.get(claim_id, [])

    def clusters(self, order: Sequence[str]) -> list[list[str]]:
        """Claims joined by corroboration or echo (one proposition, several sources), in ``order``."""
        groups = Groups(order)
        for r in self.relations:
            if r.kind in ("corroborates", "echoes"):
                groups.join(r.a, r.b)
        return [g for g in groups.groups() if len(g) > 1]

    def points_of(self, claim_id: str) -> list[ContestedPoint]:
        if self._points is None:
            index: dict[str, list[ContestedPoint]] = defaultdict(list)
            for point in self.contested:
                for cid in dict.fromkeys(c for pos in point.positions for c in pos.claims):
                    index[cid].append(point)
            self._points = dict(index)
        return self._points.get(claim_id, [])


def origin_key(att: Attribution) -> str | None:
    """A name for where a claim comes from upstream: an outlet, or a document by its head noun."""
    if att.kind == "outlet":
        return "outlet:" + re.sub(r"^the\s+", "", att.name.lower()).strip()
    if att.kind == "document":
        name = att.name.lower()
        while True:
            stripped = _DOC_ADJECTIVES.sub("", name)
            if stripped == name:
                break
            name = stripped
        return "document:" + (name.split()[-1] if name.split() else name)
    return None


def _quotes(text: str) -> set[str]:
    return {" ".join(q.lower().split()) for q in _QUOTED.findall(text) if len(q.split()) >= 4}


@dataclass(frozen=True)
class Local:
    """What can be found in one claim without reading other sources: cached with its source."""

    attribution: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]
    stance: contested.Stance | None


def local_facts(source: Source) -> dict[str, Local]:
    """Attribution, hedges and stance of each claim sentence of one source, keyed by sentence id.

    A lead-in line's speaker ("The report describes") is carried over the paragraph it introduces.
    """
    out: dict[str, Local] = {}
    lead_in: str | None = None
    lead_paragraph = -1
    previous: str | None = None
    for sentence in source.sentences:
        if sentence.role == "lead-in":
            lead_in, lead_paragraph = sentence.text, sentence.paragraph + 1
            previous = sentence.text
            continue
        if lead_in and sentence.paragraph > lead_paragraph:
            lead_in = None
        if is_claim(sentence.text, sentence.role):
            context = lead_in if lead_in and sentence.paragraph == lead_paragraph else previous
            chain = tuple(find_attribution(sentence.text, previous=context))
            speaker = chain[-1].name if chain and chain[-1].kind in ("person", "body") else None
            out[sentence.id] = Local(chain, tuple(find_hedges(sentence.text)), contested.find_stance(sentence.text, speaker))
        previous = sentence.text
    return out


def analyze(
    sources: Sequence[Source],
    claims: Sequence[Claim],
    params: align.Params | None = None,
    local: dict[str, dict[str, Local]] | None = None,
) -> Analysis:
    """``local`` (source id -> :func:`local_facts`) may come from a cache; missing sources are computed."""
    local = dict(local or {})
    for source in sources:
        if source.id not in local:
            local[source.id] = local_facts(source)

    items = [(c.source, c.text) for c in claims]
    index = align.Index(items, params or align.Params())
    links = align.link(items, params, index=index)

    facts: dict[str, ClaimFacts] = {}
    origins: dict[str, frozenset[str]] = {}
    stances: dict[int, contested.Stance] = {}
    chains: dict[str, tuple[Attribution, ...]] = {}
    for i, claim in enumerate(claims):
        found = local[claim.source][claim.sentence]
        chain = chains[claim.id] = found.attribution
        origins[claim.id] = frozenset(k for a in chain if (k := origin_key(a)))
        if found.stance:
            stances[i] = found.stance
        facts[claim.id] = ClaimFacts(chain, found.hedges, found.stance)

    relations: list[Relation] = []
    for link in links:
        a, b = claims[link.a], claims[link.b]
        same_origin = origins[a.id] & origins[b.id] or _quotes(a.text) & _quotes(b.text)
        # A denial and what it denies share words, but do not corroborate each other.
        if (link.a in stances or link.b in stances) and not (
            link.a in stances and link.b in stances and stances[link.a].stance == stances[link.b].stance
        ):
            continue
        relations.append(Relation(a.id, b.id, "echoes" if same_origin else "corroborates", link.score))

    previous: dict[int, int] = {}
    for i in range(1, len(claims)):
        if claims[i].source == claims[i - 1].source:
            previous[i] = i - 1
    corroborating: dict[int, set[int]] = defaultdict(set)
    for link in links:
        if link.score >= (params or align.Params()).mid:
            corroborating[link.a].add(link.b)
            corroborating[link.b].add(link.a)
    labels = {s.id: s.meta.publisher or s.meta.title or s.id for s in sources}
    points: list[ContestedPoint] = []
    for number, grp in enumerate(contested.group(items, stances, index, previous), start=1):
        grp_targets = {m: set(grp.own_targets.get(m, ())) for m in grp.stances}
        asserts = set(grp.targets)
        for t in grp.targets:
            strongest = sorted((j for j in corroborating[t] if j not in stances), key=lambda j: -index.similarity(t, j))
            asserts |= set(strongest[:3])
        positions = []
        for stance_name in ("denies", "disputes"):
            members = [i for i in grp.stances if stances[i].stance == stance_name]
            if members:
                holders = tuple(dict.fromkeys(stances[i].holder or labels[claims[i].source] for i in members))
                positions.append(Position(stance_name, holders, tuple(claims[i].id for i in members)))
        subordinate = [i for i in grp.stances if stances[i].subordinate]
        asserts |= set(subordinate)
        holders = tuple(dict.fromkeys(_holder(chains.get(claims[i].id, ()), labels[claims[i].source]) for i in sorted(asserts)))
        positions.insert(0, Position("asserts", holders, tuple(claims[i].id for i in sorted(asserts))))
        lead = stances[grp.stances[0]]
        points.append(ContestedPoint(f"point-{number}", _title(lead, [claims[i].text for i in sorted(asserts)]), tuple(positions)))
        for s in grp.stances:
            for t in grp_targets.get(s, set()) - {s}:
                relations.append(Relation(claims[s].id, claims[t].id, "contests", 1.0))
        # claims of different sources that take the same stance on the same point corroborate each other
        linked = {frozenset((r.a, r.b)) for r in relations}
        for stance_name in ("denies", "disputes"):
            members = [i for i in grp.stances if stances[i].stance == stance_name]
            for n, x in enumerate(members):
                for y in members[n + 1 : n + 1 + (params or align.Params()).max_links]:  # a chain keeps them connected
                    a, b = claims[x], claims[y]
                    if a.source != b.source and frozenset((a.id, b.id)) not in linked:
                        same_origin = origins[a.id] & origins[b.id]
                        relations.append(Relation(a.id, b.id, "echoes" if same_origin else "corroborates", round(index.similarity(x, y), 4)))

    for claim in claims:
        f = facts[claim.id]
        facts[claim.id] = ClaimFacts(f.attribution, f.hedges, f.stance, f.status, origins[claim.id])
    published = {s.id: s.meta.published for s in sources}
    events = _events(claims, published)
    people = build_people((c.source, c.sentence, c.text) for c in claims)
    analysis = Analysis(facts, relations, points, events, people)
    settle(analysis, claims)
    return analysis


def _events(claims: Sequence[Claim], published: dict) -> list[DatedEvent]:
    """Dated events. A day written without a year takes the year the same source (else any source)
    writes with that day in full ("March 7th" after "March 7, 2022"); only failing that, the year
    nearest to the publication date."""
    found = [(claim, m) for claim in claims for m in find_dates(claim.text, published.get(claim.source))]
    explicit: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for claim, m in found:
        if m.precision == "day" and not m.inferred_year:
            explicit[(claim.source, m.value[5:])].add(m.value[:4])
            explicit[(None, m.value[5:])].add(m.value[:4])
    events = []
    for claim, m in found:
        value = m.value
        if m.inferred_year and m.precision == "day":
            years = explicit.get((claim.source, value[5:])) or explicit.get((None, value[5:]))
            if years and len(years) == 1:
                value = f"{next(iter(years))}-{value[5:]}"
        events.append(DatedEvent(value, m.text, m.precision, m.inferred_year, claim.id))
    return events


def settle(analysis: Analysis, claims: Sequence[Claim], overrides: dict[str, str] | None = None) -> None:
    """Compute each claim's status and independence from the relations and contested points.

    A claim is *contested* when it is in a contested point; else *corroborated* when another
    source with an independent origin states it (echoes do not count); else *single-source*.
    ``overrides`` (claim id -> status) are editors' decisions and win.
    """
    analysis._related = None
    analysis._points = None
    in_point = {cid for p in analysis.contested for pos in p.positions for cid in pos.claims}
    neighbours: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in analysis.relations:
        if r.kind in ("corroborates", "echoes"):
            neighbours[r.a].append((r.b, r.kind))
            neighbours[r.b].append((r.a, r.kind))
    source_of = {c.id: c.source for c in claims}
    for claim in claims:
        near = neighbours.get(claim.id, [])
        n_sources = len({claim.source} | {source_of[o] for o, _ in near if o in source_of})
        independent = 1 + len({source_of[o] for o, kind in near if kind == "corroborates" and o in source_of} - {claim.source})
        if claim.id in in_point:
            status = "contested"
        elif independent > 1:
            status = "corroborated"
        else:
            status = "single-source"
        if overrides and claim.id in overrides:
            status = overrides[claim.id]
        f = analysis.facts[claim.id]
        analysis.facts[claim.id] = ClaimFacts(f.attribution, f.hedges, f.stance, status, f.origins, n_sources, min(independent, n_sources))


def _holder(chain: tuple[Attribution, ...], source_label: str) -> str:
    """Who holds a position: the innermost speaker of the claim, else the source itself."""
    return chain[-1].name if chain else source_label


def _title(stance: contested.Stance, asserted: list[str]) -> str:
    phrase = stance.object.strip()
    if len(phrase.split()) < 4 and asserted:
        words = asserted[0].split()
        phrase = " ".join(words[:14]) + ("…" if len(words) > 14 else "")
    phrase = phrase.rstrip(" .,;:")
    return (phrase[:1].upper() + phrase[1:]) if phrase else "Contested point"
