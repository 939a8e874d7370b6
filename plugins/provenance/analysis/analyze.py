"""Read all sources together: attribution, hedges, corroboration, echoes, contested points.

``analyze(sources, claims)`` is the relations stage of the pipeline. It works
on any set of sources: every rule is about the shape of language (reporting
verbs, hedge words, denial cues, shared specific words), never about a
particular story.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Claim, ContestedPoint, DatedEvent, EditorialNote, Position, Relation, Review, Sentence, Source, pickle_by_position
from ..sources.roles import is_claim
from . import align, contested
from .attribution import Attribution, classify, find_attribution, is_holder, lead_in_speaker, sentence_subject, speaker_before
from .dates import DateMention, find_dates
from .entities import People
from .entities import build as build_people
from .features import features, key
from .groups import Groups
from .hedges import Hedge, find_hedges
from .origins import Documents, describe, origin_keys, outlet_key, recognise_outlets
from .stance import CLAIM_NOUNS, MEDIA_NOUNS, REPORTED_FRAME, Stance, content_head, find_stance, position_of

_QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]")


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    attribution: tuple[Attribution, ...]  # outermost first, after the source itself
    hedges: tuple[Hedge, ...]
    stance: Stance | None
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
    reviews: dict[tuple[str, str], Review] = field(default_factory=dict)  # ("status" | "hedges", claim id) -> an editor's review of that mark

    _related: dict[str, list[tuple[str, str, float]]] | None = field(default=None, repr=False)
    _points: dict[str, list[ContestedPoint]] | None = field(default=None, repr=False)
    _link_reviews: dict[frozenset[str], Review] | None = field(default=None, repr=False)

    def link_reviews(self) -> dict[frozenset[str], Review]:
        """The review of each link an editor confirmed, corrected or wrote, by its pair of claim ids (built once)."""
        if self._link_reviews is None:
            self._link_reviews = {frozenset((r.a, r.b)): r.review for r in self.relations if r.review is not None}
        return self._link_reviews

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


def _quotes(text: str) -> set[tuple[str, ...]]:
    """Runs of :data:`QUOTE_RUN` words inside the quotations of a claim: the same quoted words, however
    punctuated or spelled elsewhere in the quotation, mean a shared upstream."""
    runs: set[tuple[str, ...]] = set()
    for quote in _QUOTED.findall(text):
        words = [w for w in re.findall(r"[^\W_]+", quote.lower())]
        runs.update(tuple(words[k : k + QUOTE_RUN]) for k in range(len(words) - QUOTE_RUN + 1))
    return runs


QUOTE_RUN = 6  # consecutive quoted words two sources must share to be echoing one quotation


@dataclass(frozen=True, slots=True)
class Local:
    """What can be found in one claim without reading other sources: cached with its source."""

    attribution: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]
    stance: Stance | None
    proposition: str = ""  # what the stance says is false, resolved from earlier sentences when the stance only points back
    passage: bool = False  # the proposition is a passage a pronoun stands for, not a stated proposition


def local_facts(source: Source) -> dict[str, Local]:
    """Attribution, hedges and stance of each claim sentence of one source, keyed by sentence id.

    Attribution is read in context (:class:`Discourse`): a passage introduced by a lead-in ("The report
    describes", "..., according to the cable" ending a paragraph, a paragraph opening "According to the
    cable,") carries its chain over the sentences it governs; a document the source has said an outlet
    published ("the cable cited in The Intercept") keeps that outlet wherever it is named again; "he" and
    "she" stand for the last person named.
    """
    out: dict[str, Local] = {}
    discourse = Discourse()
    discourse.read_source(source.sentences)
    recent: list[tuple[str, Local]] = []  # (text, facts) of the claims before, nearest last
    lead: list[str] = []  # the source's first claims
    sentences = source.sentences
    for n, sentence in enumerate(sentences):
        first_in_paragraph = n == 0 or sentences[n - 1].paragraph != sentence.paragraph
        last_in_paragraph = n + 1 == len(sentences) or sentences[n + 1].paragraph != sentence.paragraph
        if sentence.role == "lead-in":
            discourse.lead_in(sentence)
            continue
        if is_claim(sentence.text, sentence.role):
            chain = discourse.chain(sentence, first_in_paragraph, last_in_paragraph)
            stance = find_stance(sentence.text, _holder_finder(sentence.text, chain, discourse.last_named))
            found = Local(chain, tuple(find_hedges(sentence.text)), stance)
            if stance:
                found = Local(chain, found.hedges, stance, *resolve_proposition(sentence.text, stance, recent, lead))
            out[sentence.id] = found
            if len(lead) < LEAD_CLAIMS:
                lead.append(sentence.text)
            recent = (recent + [(sentence.text, found)])[-PROPOSITION_LOOKBACK:]
        discourse.read(sentence)
    return out


_CARRIER_VIAS = frozenset({"cited in", "obtained by", "seen by", "published in", "published by", "reported by", "reported in", "leaked to"})
_PRONOUN_PEOPLE = frozenset({"he", "she", "him", "her"})
_FRAMING_VIAS = frozenset({"according to", "reported", "reports", "wrote", "writes", "said", "says", "describes", "described"})


@dataclass
class Discourse:
    """What the sentences of a source read so far tell about the next one's attribution."""

    carried: tuple[Attribution, ...] = ()  # a chain that governs a passage ...
    carried_paragraph: int = -1  # ... the paragraph it governs
    lead_in_text: str | None = None
    carriers: dict[str, Attribution] = field(default_factory=dict)  # a document's head noun -> the outlet that published it
    last_named: dict[str, str] = field(default_factory=dict)  # "person"/"body" -> the last one named, for "he", "they"
    previous: str | None = None
    own: dict[str, list[Attribution]] = field(default_factory=dict)  # sentence id -> its own chain, read once

    def read_source(self, sentences: Sequence[Sentence]) -> None:
        """Each sentence's own chain, and which outlet published each document the source names ("the cable
        cited in The Intercept"): a fact about the document, wherever in the source it is stated."""
        for sentence in sentences:
            if sentence.role in ("body", "lead-in"):
                chain = self.own[sentence.id] = find_attribution(sentence.text)
                for before, after in zip(chain, chain[1:], strict=False):
                    if before.kind == "outlet" and after.kind == "document" and (after.via in _CARRIER_VIAS or before.via in _CARRIER_VIAS):
                        self.carriers.setdefault(_head(after.name), before)

    def lead_in(self, sentence: Sentence) -> None:
        """A lead-in governs the paragraph after it: by its speaker ("The report describes") or by the
        chain it states ("Below is what was said next, according to the cable")."""
        own = self.own.get(sentence.id, [])
        self.lead_in_text, self.carried_paragraph = sentence.text, sentence.paragraph + 1
        self.carried = tuple(self._with_carriers([self._named(a) for a in own])) if own and not lead_in_speaker(sentence.text) else ()
        self.previous = sentence.text

    def chain(self, sentence: Sentence, first_in_paragraph: bool, last_in_paragraph: bool) -> tuple[Attribution, ...]:
        governed = sentence.paragraph == self.carried_paragraph
        context = self.lead_in_text if governed and self.lead_in_text and not self.carried else self.previous
        lead = lead_in_speaker(context) if context else None
        own = ([Attribution(lead.name, lead.kind, lead.via, 0, 0)] if lead else []) + self.own.get(sentence.id, [])
        chain = list(self.carried) + [a for a in own if a.name not in {c.name for c in self.carried}] if governed and self.carried else own
        chain = self._with_carriers([self._named(a) for a in chain])
        if own and own[0].kind in ("outlet", "document") and own[0].via in _FRAMING_VIAS and first_in_paragraph and own[0].start <= OPENING_CHARS:
            # "According to the cable, ..." opening a paragraph governs the rest of it
            self.carried, self.carried_paragraph, self.lead_in_text = tuple(chain[: chain.index(own[0]) + 1]), sentence.paragraph, None
        elif chain and last_in_paragraph and not sentence.text.rstrip().endswith(_TERMINAL):
            self.carried, self.carried_paragraph, self.lead_in_text = tuple(chain), sentence.paragraph + 1, None  # "..., according to the cable" + a quotation
        return tuple(chain)

    def _named(self, att: Attribution) -> Attribution:
        if att.kind == "person" and att.name.lower() in _PRONOUN_PEOPLE and "person" in self.last_named:
            return Attribution(self.last_named["person"], "person", att.via, att.start, att.end)
        return att

    def _with_carriers(self, chain: list[Attribution]) -> list[Attribution]:
        out: list[Attribution] = []
        for att in chain:
            carrier = self.carriers.get(_head(att.name)) if att.kind == "document" else None
            if carrier is not None and not any(a.kind == "outlet" for a in out) and carrier.name not in {a.name for a in chain}:
                out.append(Attribution(carrier.name, carrier.kind, carrier.via, 0, 0))
            out.append(att)
        return out

    def read(self, sentence: Sentence) -> None:
        """Note who a sentence names, for the pronouns after it."""
        for att in self.own.get(sentence.id, ()):
            if att.kind in ("person", "body") and is_holder(att.name):
                self.last_named[att.kind] = att.name
        for name in _PERSON_NAME.findall(sentence.text):  # "written by Maria Lopez": she is who "she" may be next
            if classify(name) == "person":
                self.last_named["person"] = name
        self.previous = sentence.text
        if self.lead_in_text and sentence.paragraph > self.carried_paragraph:
            self.lead_in_text = None


def _head(name: str) -> str:
    found = describe(name)
    return found[1] if found else ""


_TERMINAL = (".", "!", "?", "\"", "”", "’", "…", ")")
OPENING_CHARS = 40  # an attribution that starts this early opens its sentence ("According to the leaked cable, ...")


_PERSON_NAME = re.compile(r"(?<=\w )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+")
PROPOSITION_LOOKBACK = 3  # claims back in the same source where "it" or "the video" may find what it stands for


def _holder_finder(text: str, chain: tuple[Attribution, ...], last_named: dict[str, str]):
    """Who takes a stance: the innermost named speaker of the sentence; else, for a verb ("X denied"),
    its subject; a pronoun stands for the last named person or body of the source; else the writer ("")."""

    def holder(at: int, verb: bool) -> str:
        pronoun = next((a for a in reversed(chain) if a.name.lower() in ("he", "she", "they")), None)
        agent = _passive_agent(text, at) if verb else None
        if agent:  # "Reports that ... have been refuted by the health ministry"
            return agent
        if verb:  # "The board denied ...": the verb's subject, even inside a reported passage
            for subject in (speaker_before(text, at), sentence_subject(text[:at])):
                if subject is not None and is_holder(subject.name, subject=True):
                    return subject.name
                if subject is not None and subject.name.lower() in ("he", "she", "they"):
                    pronoun = subject
                    break
        named = [a for a in chain if a.kind in ("person", "body", "outlet", "document") and a.via not in _CARRIER_VIAS and is_holder(a.name)]
        if named:  # who says it, not where it was published ("published in X")
            return named[-1].name
        if pronoun is not None:
            return last_named.get("body" if pronoun.name.lower() == "they" else "person", "")
        return ""

    return holder


_PASSIVE = re.compile(r"(?i)\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$")
_BY_AGENT = re.compile(r"[^.;:!?]{0,80}?\bby\s+(?P<agent>[^,.;:!?\"“”()]{2,80})")


def _passive_agent(text: str, at: int) -> str | None:
    """The agent of a passive verb of denial ("have been denied by an official spokesperson"), if named."""
    if not _PASSIVE.search(text[max(0, at - 40) : at]):
        return None
    m = _BY_AGENT.match(text, text.find(" ", at))
    if not m:
        return None
    agent = sentence_subject(m.group("agent"))
    return agent.name if agent is not None and is_holder(agent.name, subject=True) else None


def resolve_proposition(text: str, stance: Stance, recent: list[tuple[str, Local]], lead: list[str]) -> tuple[str, bool]:
    """The proposition a stance is about, and whether it is a whole passage (matched loosely, as one
    sentence matches another) rather than a stated proposition (which a target must state).

    When the stance's object only points back: a phrase that stands for the whole story ("all of it",
    "the whole thing") stands for the source's lead; a definite noun ("the charges") for the words around
    its nearest earlier use; a pronoun for a reported claim in the same sentence ("claiming X, but it's
    not"), else the words of the sentence before the cue when they say enough, else the proposition of a
    stance just before (a debunk goes on over several sentences), else a reported claim just before,
    else the sentences just before."""
    if not stance.anaphoric:
        return stance.object, stance.loose
    head = content_head(stance.object)
    if _PAIR.match(stance.object) and recent:  # "the two customs", "both stories": the things the sentences before describe
        return _passage(recent), True
    if _WHOLE_STORY.search(stance.object) or head in MEDIA_NOUNS:
        return " ".join(lead), True  # the story, the video, the photos: what the source is about, as its opening says
    if head:  # "the charges": the words around the nearest earlier use of "charges"
        for earlier, _ in reversed(recent):
            phrase = _around(earlier, head)
            if phrase:
                return phrase, False
        if head in CLAIM_NOUNS and recent:
            return recent[-1][0], True  # "the allegations", "the claims": what the sentence before reports someone claimed
        if not _has_pronoun(stance.object):
            return "", False  # a noun with nothing before it to refer to: nothing is guessed
    for frame in reversed(list(REPORTED_FRAME.finditer(text))):
        complement = text[frame.end() :]
        complement = complement[: stance.start - frame.end()] if frame.end() < stance.start else complement
        if len(features(complement)) >= MIN_PROPOSITION_FEATURES:
            return complement.strip(" ,"), False
    before = text[: stance.start]
    if len(features(before)) >= MIN_PROPOSITION_FEATURES:
        return before.strip(" ,"), True
    for earlier, facts in reversed(recent):
        if facts.stance and facts.proposition:
            return facts.proposition, facts.passage
        frame = next(iter(reversed(list(REPORTED_FRAME.finditer(earlier)))), None)
        if frame is not None and len(features(earlier[frame.end() :])) >= MIN_PROPOSITION_FEATURES:
            return earlier[frame.end() :].strip(" ,"), False
        break  # only the sentence just before may carry a stance or a reported claim on
    return _passage(recent), True


def _passage(recent: list[tuple[str, Local]]) -> str:
    """The sentences just before, as much as a claim says."""
    passage: list[str] = []
    for earlier, _ in reversed(recent):
        passage.insert(0, earlier)
        if sum(len(p.split()) for p in passage) >= PASSAGE_WORDS:
            break
    return " ".join(passage)


_PAIR = re.compile(r"(?i)^(?:the\s+two|both(?:\s+the)?|these\s+two|those\s+two)\b")


_WHOLE_STORY = re.compile(r"(?i)\b(?:all\s+of\s+(?:it|this|that)|the\s+(?:whole|entire)\s+\w+|the\s+story)\b")
PASSAGE_WORDS = 30  # a pronoun that points back over short sentences stands for about a claim's worth of them
LEAD_CLAIMS = 2  # the claims of a source's opening that state what the story is


def _has_pronoun(phrase: str) -> bool:
    return bool(re.search(r"(?i)\b(?:it|this|that|they|these|those)\b", phrase))


def _around(text: str, head: str) -> str:
    """The words around the first use of ``head`` (by its comparison key) in ``text``, or ""."""
    words = text.split()
    target = key(head)
    for n, word in enumerate(words):
        token = re.sub(r"[^\w’'-]", "", word.lower())
        if token and key(token) == target:
            return " ".join(words[max(0, n - AROUND_WORDS) : n + AROUND_WORDS + 1]).strip(" ,.;:\"“”")
    return ""


AROUND_WORDS = 10  # words either side of an earlier use of an anaphor's head noun: the phrase it refers back to
MIN_PROPOSITION_FEATURES = 4  # content words, names and numbers: fewer cannot say which claim is meant


@dataclass(frozen=True, slots=True)
class SourceParts:
    """What the corpus-level step needs of one source that no other source changes: computed with the
    source (in worker processes for large corpora), kept with it in the cache and reused by every later
    analysis until the source or its sidecar changes. ``token`` says which reading of the source they
    belong to (:func:`parts_token`)."""

    token: str
    outlets: frozenset[str]  # outlet names the source writes (and its publisher's)
    features: tuple[dict[str, str], ...]  # per claim, in order: the alignment's feature sets
    dates: tuple[tuple[DateMention, ...], ...]  # per claim, in order: the dates it writes


def parts_token(source: Source, own: Sequence[Claim]) -> str:
    """What :class:`SourceParts` depend on: the source's text, its publisher and date, and its claims."""
    digest = hashlib.sha256()
    for part in (source.digest, source.meta.publisher or "", str(source.meta.published), *(c.text for c in own)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def source_parts(source: Source, own: Sequence[Claim]) -> SourceParts:
    """Stage 1, per source: outlets named, claims' features and dates."""
    from .attribution import outlets_in

    outlets = set(outlets_in(source.text))
    if source.meta.publisher:
        outlets.add(outlet_key(source.meta.publisher))
    return SourceParts(
        parts_token(source, own),
        frozenset(outlets),
        tuple(features(c.text) for c in own),
        tuple(tuple(find_dates(c.text, source.meta.published)) for c in own),
    )


def _by_source(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        out[claim.source].append(claim)
    return out


def analyze(
    sources: Sequence[Source],
    claims: Sequence[Claim],
    params: align.Params | None = None,
    local: dict[str, dict[str, Local]] | None = None,
    parts: dict[str, SourceParts] | None = None,
) -> Analysis:
    """The corpus-level step, in named stages. The per-source stages' results may come from a cache:
    ``local`` (source id -> :func:`local_facts`) and ``parts`` (source id -> :func:`source_parts`); a
    missing or outdated entry is computed (and added to ``parts`` when it is given, so a caller keeps
    them for the next build). Only the cross-source stages (outlets of the corpus, alignment, contested
    points, people, dates, statuses) run over the whole corpus each time; the result equals a cold run."""
    params = params or align.Params()
    local = dict(local or {})
    own = _by_source(claims)
    memo = parts if parts is not None else {}
    for source in sources:
        if source.id not in local:
            local[source.id] = local_facts(source)
        cached = memo.get(source.id)
        if cached is None or cached.token != parts_token(source, own.get(source.id, ())):
            memo[source.id] = source_parts(source, own.get(source.id, ()))
    claim_features: list[dict[str, str]] = []
    claim_dates: list[tuple[DateMention, ...]] = []
    for source in sources:  # claims come source by source, in the order of the sources
        claim_features += memo[source.id].features
        claim_dates += memo[source.id].dates
    if [c.id for c in claims] != [c.id for s in sources for c in own.get(s.id, ())]:  # claims given in another order
        position = {c.id: n for n, c in enumerate(c for s in sources for c in own.get(s.id, ()))}
        claim_features = [claim_features[position[c.id]] for c in claims]
        claim_dates = [claim_dates[position[c.id]] for c in claims]

    chains, origins, facts, stances, propositions, passages = _attribution_stage(sources, claims, local, memo)
    items = [(c.source, c.text) for c in claims]
    index = align.Index(items, params, feats=claim_features)
    links = align.link(items, params, index=index)
    relations, corroborating, restated = _corroboration_stage(claims, links, stances, propositions, passages, origins, index, params)
    points = _contested_stage(sources, claims, chains, stances, propositions, passages, index, corroborating, restated, relations)
    del index, links  # the alignment's per-claim vectors and per-pair scores are not kept

    for claim in claims:
        f = facts[claim.id]
        facts[claim.id] = ClaimFacts(f.attribution, f.hedges, f.stance, f.status, origins[claim.id])
    published = {s.id: s.meta.published for s in sources}
    events = _events(claims, published, claim_dates)
    people = build_people((c.source, c.sentence, c.text) for c in claims)
    analysis = Analysis(facts, relations, points, events, people)
    settle(analysis, claims)
    return analysis


def _attribution_stage(
    sources: Sequence[Source], claims: Sequence[Claim], local: dict[str, dict[str, Local]], memo: dict[str, SourceParts]
) -> tuple[dict[str, tuple[Attribution, ...]], dict[str, frozenset[str]], dict[str, ClaimFacts], dict[int, Stance], dict[int, str], set[int]]:
    """Stage 2, across sources: chains with the corpus's outlets recognised, origins, stances."""
    facts: dict[str, ClaimFacts] = {}
    origins: dict[str, frozenset[str]] = {}
    stances: dict[int, Stance] = {}
    propositions: dict[int, str] = {}
    passages: set[int] = set()  # stance claims whose proposition is a passage a pronoun stands for
    chains: dict[str, tuple[Attribution, ...]] = {}
    outlets = frozenset().union(*(memo[s.id].outlets for s in sources))
    for claim in claims:
        chains[claim.id] = recognise_outlets(local[claim.source][claim.sentence].attribution, outlets)
    documents = Documents(a.name for chain in chains.values() for a in chain if a.kind == "document")
    for i, claim in enumerate(claims):
        found = local[claim.source][claim.sentence]
        chain = chains[claim.id]
        origins[claim.id] = origin_keys(chain, documents)
        if found.stance:
            stances[i] = found.stance
            propositions[i] = found.proposition
            if found.passage:
                passages.add(i)
        facts[claim.id] = ClaimFacts(chain, found.hedges, found.stance)
    return chains, origins, facts, stances, propositions, passages


def _previous(claims: Sequence[Claim]) -> dict[int, int]:
    return {i: i - 1 for i in range(1, len(claims)) if claims[i].source == claims[i - 1].source}


def _reported_alongside(stances: dict[int, Stance]) -> Callable[[int], bool]:
    def reported_alongside(i: int) -> bool:
        """A denial that a source reports against its own account ("While X denied ..., the cable spoke
        otherwise"), or a correction of what it just said ("however", "rather than"), contests a claim of
        the same source; any other stance is about what other sources say."""
        st = stances[i]
        return st.subordinate or st.contrast and st.stance == "disputes"

    return reported_alongside


def _corroboration_stage(
    claims: Sequence[Claim],
    links: Sequence[align.Link],
    stances: dict[int, Stance],
    propositions: dict[int, str],
    passages: set[int],
    origins: dict[str, frozenset[str]],
    index: align.Index,
    params: align.Params,
) -> tuple[list[Relation], dict[int, list[tuple[float, int]]], dict[int, set[int]]]:
    """Stage 3, across sources: which links corroborate, echo or only relate."""
    items = [(c.source, c.text) for c in claims]
    restated = restatements(items, stances, propositions, passages, index, contested.Params())
    relations: list[Relation] = []
    corroborating: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for link in links:
        a, b = claims[link.a], claims[link.b]
        if not _may_corroborate(link.a, link.b, stances, restated):
            continue
        if link.score < params.corroborate:  # a weaker match is shown as related, and counts for nothing
            relations.append(Relation(a.id, b.id, "related", link.score))
            continue
        same_origin = origins[a.id] & origins[b.id] or _quotes(a.text) & _quotes(b.text)
        relations.append(Relation(a.id, b.id, "echoes" if same_origin else "corroborates", link.score))
        corroborating[link.a].append((link.score, link.b))
        corroborating[link.b].append((link.score, link.a))
    return relations, corroborating, restated


def _contested_stage(
    sources: Sequence[Source],
    claims: Sequence[Claim],
    chains: dict[str, tuple[Attribution, ...]],
    stances: dict[int, Stance],
    propositions: dict[int, str],
    passages: set[int],
    index: align.Index,
    corroborating: dict[int, list[tuple[float, int]]],
    restated: dict[int, set[int]],
    relations: list[Relation],
) -> list[ContestedPoint]:
    """Stage 4, across sources: contested points (and their "contests" relations, added to ``relations``)."""
    items = [(c.source, c.text) for c in claims]
    previous = _previous(claims)
    point_params = contested.Params()
    stance_targets = contested.targets(items, stances, propositions, passages, index, previous, _reported_alongside(stances), point_params)
    para = {s.id: {x.id: x.paragraph for x in s.sentences} for s in sources}
    labels = {s.id: s.meta.publisher or s.meta.title or s.id for s in sources}
    points: list[ContestedPoint] = []
    paragraph = {i: (c.source, para[c.source].get(c.sentence, 0)) for i, c in enumerate(claims)}
    stance_units = contested.units(stances, stance_targets, previous, paragraph)

    def same_matter(i: int, j: int) -> bool:
        return contested.same_matter(stances[i], propositions[i], stances[j], propositions[j], index, point_params)

    restated_claims = set().union(*restated.values()) if restated else set()
    assembled = contested.assemble(stance_units, stance_targets, corroborating, stances, restated_claims, same_matter, point_params)
    for number, point in enumerate(assembled, start=1):
        positions = []
        for stance_name, members in contested.sides(point, stances).items():
            if not members:
                continue
            if stance_name == "asserts":
                holders = [_holder(chains.get(claims[i].id, ()), labels[claims[i].source]) for i in members]
            else:
                holders = [stances[i].holder or labels[claims[i].source] for i in members]
            positions.append(Position(stance_name, tuple(dict.fromkeys(holders)), tuple(claims[i].id for i in members)))
        points.append(ContestedPoint(f"point-{number}", contested.title_of(claims[point.anchor].text), tuple(positions)))
        for s, own in point.targets.items():
            for t in own:
                if t != s:
                    relations.append(Relation(claims[s].id, claims[t].id, "contests", 1.0))
    return points


def restatements(
    items: Sequence[tuple[str, str]],
    stances: dict[int, Stance],
    propositions: dict[int, str],
    passages: set[int],
    index: align.Index,
    params: contested.Params,
) -> dict[int, set[int]]:
    """For each stance that the writer takes against a claim (a debunk, a writer's denial), the other claims
    of the same source that state the proposition it says is false: the source restates the claim in order
    to debunk it, and does not assert it."""
    out: dict[int, set[int]] = {}
    by_source: dict[str, list[int]] = defaultdict(list)
    for j, (source, _) in enumerate(items):
        by_source[source].append(j)
    for i, st in stances.items():
        if st.holder or not propositions.get(i):
            continue
        query = index.vector(propositions[i])
        threshold = params.anaphoric_target if i in passages else params.target
        same = {j for j in by_source[items[i][0]] if j != i and j not in stances and index.similarity_to(query, j) >= threshold}
        if same:
            out[i] = same
    return out


def _may_corroborate(a: int, b: int, stances: dict[int, Stance], restated: dict[int, set[int]]) -> bool:
    """Two linked claims corroborate each other only if they take the same side: a denial never corroborates
    what it denies, and a claim a source restates in order to debunk it corroborates nothing."""
    if a in stances or b in stances:
        return a in stances and b in stances and position_of(stances[a].stance) == position_of(stances[b].stance)
    return not any(a in same or b in same for same in restated.values())


def _events(claims: Sequence[Claim], published: dict, dates: Sequence[Sequence[DateMention]] | None = None) -> list[DatedEvent]:
    """Dated events. A day written without a year takes the year the same source (else any source)
    writes with that day in full ("March 7th" after "March 7, 2022"); only failing that, the year
    nearest to the publication date."""
    if dates is None:
        dates = [find_dates(claim.text, published.get(claim.source)) for claim in claims]
    found = [(claim, m) for claim, mentions in zip(claims, dates, strict=True) for m in mentions]
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
    analysis._link_reviews = None
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
    """Who holds a position: the innermost named speaker of the claim, else the source itself."""
    named = [a.name for a in chain if is_holder(a.name)]
    return named[-1] if named else source_label


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
