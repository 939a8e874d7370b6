"""Contested points: one proposition, asserted by some sources and denied, debunked or disputed by others.

The stance of each claim is found by :mod:`.stance` (cues of denial, debunking and dispute, each with
the proposition it says is false). This module puts stances and the claims they contest together:

1. **Targets.** For each stance claim, the claims that state its proposition: the claims, in any other
   source, whose weighted features best cover the proposition (:meth:`.align.Index.similarity_to`,
   at least :attr:`Params.target`; a proposition resolved from a pronoun or a bare noun ("it was
   staged") needs :attr:`Params.anaphoric_target`). A claim of the same source counts only when the
   stance is a named party's denial that the source reports beside its own account ("While X denied
   ..., the cable spoke otherwise"), or a correction signalled by "however" or "rather than", which
   targets the sentence just before it.
2. **Points, one proposition each.** Each point has an *anchor*: the asserted claim that the most
   stances target. The asserting side is the anchor and the claims that corroborate it directly (not
   their own corroborators in turn); the other sides are the stances that target one of those. Every
   claim of a point is therefore at most one link from its anchor: a point cannot chain unrelated
   propositions however many sources it grows to. A stance belongs to one point.
3. **Restatements.** A source that debunks a claim usually restates it first ("Some sites are claiming
   X, but ..."); its sentences that state the debunked proposition are not counted as asserting it,
   and do not corroborate the sources that do.
4. **Title and holders.** A point is titled with its anchor's words, from the asserting side (leading
   and trailing attribution removed, cut at a clause boundary). Holders are the named people, bodies,
   outlets or documents that take each position (:func:`.attribution.is_holder`), else the source.

Failure modes: cues are English and lexical; targets are found by shared words, so a denial worded
entirely differently from what it denies ("the customs are unrelated" against "adopted him to stop a
curse") is missed, and a denial of a narrow detail may be matched to a broader sentence that shares
its words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .align import Index
from .features import features, key
from .stance import MEDIA_NOUNS, Stance, position_of


@dataclass(frozen=True)
class Params:
    target: float = 0.22  # a claim states a stance's proposition from this cosine on
    anaphoric_target: float = 0.3  # stricter when the proposition was resolved from "it", "this", "the video"
    max_targets: int = 3  # claims a stance contests, strongest first
    max_assertions: int = 8  # claims on the asserting side besides the anchor (the strongest direct links)
    family: float = 0.3  # a claim joins the anchor's side when it corroborates the anchor this much (most such links are right)
    min_shared_words: int = 2  # a target shares this many content words (not only names) with the proposition
    coverage: float = 0.5  # ... and states at least this share of the proposition's weight (names, words and numbers)
    word_coverage: float = 0.4  # ... and of its words that are not names: the predicate, not only who it is about


@dataclass
class Point:
    anchor: int  # item index of the asserted claim the point is about
    asserts: list[int]
    stances: list[int]
    targets: dict[int, tuple[int, ...]] = field(default_factory=dict)  # each stance's own targets within the point


def targets(
    items: Sequence[tuple[str, str]],
    stances: dict[int, Stance],
    propositions: dict[int, str],
    passages: set[int],
    index: Index,
    previous: dict[int, int],
    same_source_ok: Callable[[int], bool],
    params: Params,
) -> dict[int, list[tuple[float, int]]]:
    """For each stance claim, (score, item) of the claims that state its proposition, best first."""
    found: dict[int, list[tuple[float, int]]] = {}
    for i, st in stances.items():
        prop = propositions.get(i, st.object)  # "" when "it" or "the allegations" found nothing to stand for
        if st.contrast and st.stance == "disputes" and i in previous and previous[i] not in stances and not prop:
            found[i] = [(1.0, previous[i])]
            continue
        if not prop:
            continue
        query = index.vector(prop)
        loose = i in passages  # "it", "this": a whole passage stands for the proposition
        threshold = params.anaphoric_target if loose else params.target
        own = items[i][0]
        ranked = []
        for j in index.candidates_for(query):
            if j == i or j in stances or (items[j][0] == own and not same_source_ok(i)):
                continue
            score = index.similarity_to(query, j)
            # an explicit proposition must be stated by the claim; one resolved from an earlier sentence is a
            # whole passage, which a claim matches as one sentence matches another
            states = _shares_words(query, index.vectors[j], params) if loose else _states(query, index.vectors[j], params)
            if score >= threshold and states:
                ranked.append((score, j))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        chosen = ranked[: params.max_targets]
        if st.contrast and st.stance == "disputes" and i in previous and previous[i] not in stances:
            chosen = [(1.0, previous[i])] + [c for c in chosen if c[1] != previous[i]]  # "however" corrects what was just said
        antecedent = _antecedent(i, st, items, previous, stances) if st.holder else None  # a named party's "the charges"
        if antecedent is not None and all(j != antecedent for _, j in chosen):
            chosen.append((params.target, antecedent))
        if chosen:
            found[i] = chosen
    return found


def _shares_words(query: tuple[dict[str, str], dict[str, float], float], claim: dict[str, float], params: Params) -> bool:
    kinds, weights, _ = query
    words = [f for f in weights if kinds[f] == "w"]
    return sum(1 for f in words if f in claim) >= min(params.min_shared_words, max(1, len(words)))


def _states(query: tuple[dict[str, str], dict[str, float], float], claim: dict[str, float], params: Params) -> bool:
    """Does a claim state a proposition: most of its weight, and of its non-name words, found in the claim?"""
    kinds, weights, norm = query
    shared = [f for f in weights if f in claim]
    words = [f for f in weights if kinds[f] == "w"]
    shared_words = [f for f in words if f in claim]
    if len(shared_words) < min(params.min_shared_words, max(1, len(words))):
        return False
    coverage = sum(weights[f] ** 2 for f in shared) / (norm * norm)
    word_coverage = sum(weights[f] ** 2 for f in shared_words) / (sum(weights[f] ** 2 for f in words) or 1.0)
    return coverage >= params.coverage and word_coverage >= params.word_coverage


def units(
    stances: dict[int, Stance], stance_targets: dict[int, list[tuple[float, int]]], previous: dict[int, int], paragraph: dict[int, object]
) -> list[list[int]]:
    """Stance claims that say one thing together: a stance with no target of its own that follows another
    stance on the same side in one paragraph goes on about the same matter ("The White House called it
    false. The State Department said the US was not involved."); every other stance claim stands alone."""
    out: list[list[int]] = []
    for i in sorted(stances):
        j = previous.get(i)
        continues = (
            out and j == out[-1][-1] and paragraph.get(i) == paragraph.get(j)
            and position_of(stances[i].stance) == position_of(stances[j].stance) and not stance_targets.get(i)
        )
        if continues:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def assemble(
    stance_units: list[list[int]],
    stance_targets: dict[int, list[tuple[float, int]]],
    links: dict[int, list[tuple[float, int]]],
    stances: dict[int, Stance],
    restatements: set[int],
    related: Callable[[int, int], bool],
    params: Params,
) -> list[Point]:
    """Points from stances and their targets, each around one anchor (see the module's step 2).

    ``links`` maps an item to (score, item) of the claims that corroborate it; ``related(i, j)`` says
    whether two stance claims of different units deny the same matter (one hop, never further)."""
    unit_of = {i: n for n, unit in enumerate(stance_units) for i in unit}
    unit_targets: dict[int, dict[int, float]] = defaultdict(dict)
    for i, ranked in stance_targets.items():
        for score, j in ranked:
            current = unit_targets[unit_of[i]]
            current[j] = max(current.get(j, 0.0), score)
    weight: dict[int, float] = defaultdict(float)
    for found in unit_targets.values():
        for j, score in found.items():
            weight[j] += score
    assigned: dict[int, Point] = {}  # unit -> its point
    points: list[Point] = []
    for anchor in sorted(weight, key=lambda j: (-weight[j], j)):
        if anchor in restatements:
            continue
        family = [anchor] + [
            j for score, j in sorted(links.get(anchor, ()), key=lambda x: (-x[0], x[1]))
            if score >= params.family and j not in stances and j not in restatements
        ][: params.max_assertions]
        members = set(family)
        mine = [n for n in sorted(unit_targets) if n not in assigned and members & set(unit_targets[n])]
        if not mine:
            continue
        stance_claims = [i for n in mine for i in stance_units[n]]
        own = {i: tuple(j for _, j in stance_targets.get(i, ()) if j in members) for i in stance_claims}
        subordinate = [i for i in stance_claims if stances[i].subordinate]  # "While X denied ..., the cable spoke otherwise"
        point = Point(anchor, sorted(set(family) | set(subordinate)), stance_claims, own)
        points.append(point)
        for n in mine:
            assigned[n] = point
    # A unit with no target of its own joins the point of a unit that denies the same matter (one hop).
    direct = list(assigned.items())
    for n, unit in enumerate(stance_units):
        if n in assigned:
            continue
        for m, point in direct:
            if any(related(i, j) and position_of(stances[i].stance) == position_of(stances[j].stance) for i in unit for j in stance_units[m]):
                point.stances.extend(unit)
                assigned[n] = point
                break
    for point in points:
        point.stances.sort()
    return sorted(points, key=lambda p: min(p.stances))


_NAME = re.compile(r"\b[A-Z][\w’']+|\b[A-Z]{2,}\b")


def same_matter(a: Stance, prop_a: str, b: Stance, prop_b: str, index: Index, params: Params) -> bool:
    """Do two denials deny the same matter? Their propositions are alike (the cosine a target needs), or
    they name the same party and share a content word ("the US denied any involvement in ..." and "the
    State Department declared the US wasn't involved in ...")."""
    qa, qb = index.vector(prop_a or a.object), index.vector(prop_b or b.object)
    shared = set(qa[1]) & set(qb[1])
    cosine = sum(qa[1][f] * qb[1][f] for f in shared) / (qa[2] * qb[2])
    if cosine >= params.target:
        return True
    if a.anaphoric or b.anaphoric:
        return False  # a passage resolved from "it" or "the video" says too much to share a name and a word by chance
    names = {w.lower() for w in _NAME.findall(a.holder + " " + (prop_a or a.object))} & {w.lower() for w in _NAME.findall(b.holder + " " + (prop_b or b.object))}
    return bool(names) and any(qa[0][f] == "w" for f in shared)


def sides(point: Point, stances: dict[int, Stance]) -> dict[str, list[int]]:
    """The point's claims by position: asserts, denies, disputes (a debunk sits with the denials)."""
    out: dict[str, list[int]] = {"asserts": list(point.asserts)}
    for i in point.stances:
        out.setdefault(position_of(stances[i].stance), []).append(i)
    return out


ANAPHORA_LOOKBACK = 3  # sentences back in the same source where "the claim" may find what it refers to
_DEFINITE = re.compile(r"^(?:the|these|those|this|that|such)\s+(?:\w+\s+){0,2}(?P<head>\w+)$", re.I)


def _antecedent(i: int, st: Stance, items: Sequence[tuple[str, str]], previous: dict[int, int], stances: dict[int, Stance]) -> int | None:
    """What a short definite object ("the charges") refers back to: the nearest earlier claim of the
    same source, at most three back, that uses its head word."""
    match = _DEFINITE.match(st.object.strip())
    if not match or match.group("head").lower() in MEDIA_NOUNS:
        return None  # "the video" is what the whole story is about, not one earlier sentence
    head = key(match.group("head").lower())
    j, steps = previous.get(i), 0
    while j is not None and steps < ANAPHORA_LOOKBACK:
        if j not in stances and "w:" + head in features(items[j][1]):
            return j
        j, steps = previous.get(j), steps + 1
    return None


_LEADING_ATTRIBUTION = re.compile(
    r"^(?:(?i:according\s+to|as\s+reported\s+by|per|citing)\s+[^,]{1,80},\s*"
    r"|(?:[A-Z][^,]{0,60}?\s)?(?:said|says|reported|reports|wrote|writes|told\s+[^,]{1,40}?|claimed|claims|added|explained|"
    r"stated|states|insisted|argued|alleged)\s+(?:that\s+)?(?=\S))",
)
_TRAILING_ATTRIBUTION = re.compile(
    r"(?:,\s*(?:according\s+to\s+[^,]{1,80}|(?:[^,]{1,60}\s)?(?:said|says|reported|reports|told\s+[^,]{1,40}|added|explained|"
    r"wrote|claimed|insisted)(?:\s+[^,]{0,40})?)|\s*\((?:via|source)[^)]*\))\s*[.!]?\s*$",
    re.I,
)
_OPENERS = re.compile(r"^(?:but|and|so|yet|meanwhile|however|still|now|well|indeed|in\s+fact|actually|crucially|currently)\s*,?\s+", re.I)
TITLE_WORDS = 18  # long enough for a proposition, short enough to scan in a list of points
MIN_TITLE_WORDS = 5  # who said it is stripped from a title only when a proposition of at least this many words remains
MIN_CUT_WORDS = 6  # a long title is cut at a clause boundary, but never before this many words


def title_of(text: str) -> str:
    """A point's title from an asserting claim: its proposition without who said it, cut at a clause boundary."""
    phrase = " ".join(text.split()).strip("\"“”‘’' ")
    for _ in range(2):
        phrase = _OPENERS.sub("", phrase)
        stripped = _LEADING_ATTRIBUTION.sub("", phrase, count=1)
        if len(stripped.split()) >= MIN_TITLE_WORDS:
            phrase = stripped
        stripped = _TRAILING_ATTRIBUTION.sub("", phrase)
        if len(stripped.split()) >= MIN_TITLE_WORDS:
            phrase = stripped
    phrase = phrase.strip("\"“”‘’' ")
    words = phrase.split()
    if len(words) > TITLE_WORDS:
        cut = None
        for n, word in enumerate(words[:TITLE_WORDS], start=1):
            if n >= MIN_CUT_WORDS and word.endswith((",", ";", ":", "—")):
                cut = n
        phrase = " ".join(words[: cut or TITLE_WORDS]).rstrip(",;:—") + ("" if cut else "…")
    phrase = phrase.rstrip(" .,;:")
    return (phrase[:1].upper() + phrase[1:]) if phrase else "Contested point"
