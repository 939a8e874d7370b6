"""Contested points: a proposition asserted by one party and denied or disputed by another.

A denial is modelled as a claim of its own (a *stance* claim), attributed to
whoever denies. The method:

1. **Stance cues.** A claim *denies* when it contains a denial cue ("denied",
   "decried as false", "rejected", "refuted", "was not involved", "no
   involvement", "called ... baseless"); it *disputes* when it dismisses or
   questions a claim ("dismissed ... as baseless", "disputed", "questioned")
   or corrects it ("clarified that ... rather than", "however, ... insisted").
   The *holder* is who speaks (the innermost attribution, else the subject of
   the clause); the *object* is what is denied (the words after the cue, or
   the negated clause).
2. **Targets.** The claims, in any source, that best match the object (the
   share of the object's weighted features a claim contains); a correction
   signalled by "however" or "rather than" also targets the claim just before
   it in the same source, which is what "however" contrasts with.
3. **Grouping.** Stance claims that share a target, or that share a named
   party and a content word in holder and object, join one contested point;
   claims that corroborate an asserted claim join its position.

Failure modes: cues are English and lexical (sarcasm, implicit denials and
denials spread over two sentences are missed); the object is a span of words,
not a parsed proposition, so a target can be a sentence on a related point.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .align import Index
from .features import features, key
from .groups import Groups

_DENY = re.compile(
    r"""(?P<cue>
        \b(?:categorically\ |flatly\ |strongly\ |firmly\ )?(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebutt?(?:s|ed|ing)?|repudiat(?:e|es|ed|ing))\b
      | \bdecr(?:y|ies|ied|ying)\b(?:\ as\ ["“]?(?:false|untrue|baseless|fake|lies?|fabricated|absurd)["”]?)?
      | \b(?:rejected|rejects|reject)\b(?!\ (?:the\ )?(?:offer|bid|application|appeal))
      | \b(?:called|calls|call|labell?ed|termed|described)\s(?P<obj1>[^.;"“”]{1,50}?)\s["“]?(?:false|untrue|fake|fabricated|baseless|lies?|nonsense|a\ hoax)\b["”]?
      | \bno\ (?:involvement|role|part|connection|link)\b
      | \b(?:was|were|is|are|had|has|have)(?:n['’]t|\ not|\ never)\ (?:been\ )?(?:involved|behind|responsible|part\ of)\b
      | \b(?:never|did\ not|didn['’]t)\ (?:happened|happen|said|say|told|tell|threaten(?:ed)?|pressur(?:e|ed))\b
      | \bnot\ true\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DISPUTE = re.compile(
    r"""(?P<cue>
        \bdismiss(?:es|ed|ing)?\s(?P<obj2>[^.;]{1,80}?)\sas\b[^.;]{0,30}?\b(?:baseless|unfounded|groundless|politically\ motivated|false|fabricated|nonsense|a\ hoax)\b
      | \b(?:baseless|unfounded|groundless|politically\ motivated)\b
      | \bdisput(?:e|es|ed|ing)\b | \bquestion(?:s|ed|ing)?\ (?:the|whether)\b | \bcontest(?:s|ed|ing)?\ (?:the|that)\b
      | \b(?:clarified|insisted|countered|maintained|objected|corrected|stressed|responded)\b(?:\ that)?(?=[^.]*\b(?:rather\ than|instead\ of|not\ a|not\ the)\b)
      | (?<=\bhowever,\ )(?:\w+\ )?(?:clarified|insisted|countered|maintained|said|noted|stressed|argued)\b(?:\ that)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTRAST = re.compile(r"\b(?:however|rather than|instead of|but)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"^(?:while|although|though|whereas|as|even as|meanwhile|however|but|and|yet|still)\b[\s,]*", re.IGNORECASE)
_STOP_SUBJECT = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|did|does|do|also|meanwhile|then|in|on|at|during|after|before|who|which|that|"
    r"said|says|say|told|tells|stated|states|declared|declares|announced|announces|insisted|insists|added|adds|claimed|claims|"
    r"\w+ly)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:\w+ed\s+(?=\S+\s+\S))?(?:that|as|any|the allegations? that|the claims? that|the reports? that|allegations? that|claims? that|reports? that)?\s*",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)|\s(?:while|but|even when|even as|whereas)\s|$")


@dataclass(frozen=True)
class Stance:
    stance: str  # "denies" | "disputes"
    cue: str
    holder: str
    object: str
    contrast: bool  # signals a correction of what precedes ("however", "rather than")
    subordinate: bool  # the stance sits in a "While X denied ..." clause: the main clause asserts against it


def _subject(text: str, end: int) -> str:
    """The subject of the clause that ends at ``end``: its first words, up to a verb or an adverb."""
    segments = [seg for seg in re.split(r",\s+", text[:end])]
    for clause in reversed(segments):
        clause = _SUBORDINATE.sub("", clause.strip())
        stop = _STOP_SUBJECT.search(clause)
        subject = (clause[: stop.start()] if stop else clause).strip(" ,\"“”'")
        if 0 < len(subject.split()) <= 8 and not subject.islower() or subject.lower().startswith(("the ", "his ", "her ", "their ")):
            return subject
    return ""


def _object(text: str, cue: re.Match[str], negated_clause: bool) -> str:
    named = next((g for g in (cue.groupdict().get("obj1"), cue.groupdict().get("obj2")) if g), None)
    if named:
        return named.strip(" ,\"“”'")
    if negated_clause:
        comma = text.rfind(", ", 0, cue.start())
        start = comma + 2 if comma >= 0 else 0
        before = text[start : cue.start()].split()
        head = " ".join(before[-3:]) + " " if before else ""
        tail = text[cue.start() :]
    else:
        head, tail = "", text[cue.end() :]
    end = _CLAUSE_END.search(tail, 1)
    phrase = (head + tail[: end.start() if end else len(tail)]).strip(" ,\"“”'")
    return _LEADING.sub("", phrase)


def find_stance(text: str, speaker: str | None = None) -> Stance | None:
    """The denial or dispute a claim expresses, if any."""
    for stance, pattern in (("denies", _DENY), ("disputes", _DISPUTE)):
        match = pattern.search(text)
        if not match:
            continue
        cue = match.group("cue")
        negated = bool(re.match(r"(?i)(?:was|were|is|are|had|has|have|no |never|did|not)", cue))
        holder = speaker or _subject(text, match.start())
        subordinate = bool(_SUBORDINATE.match(text)) and text.find(",", match.end()) > 0 and stance == "denies"
        return Stance(stance, cue, holder, _object(text, match, negated), bool(_CONTRAST.search(text)), subordinate)
    return None


@dataclass(frozen=True)
class Group:
    stances: tuple[int, ...]  # item indices of the denying/disputing claims
    targets: tuple[int, ...]  # item indices of the claims they deny or dispute
    own_targets: dict[int, tuple[int, ...]]  # each stance claim's own targets


def group(
    items: Sequence[tuple[str, str]],
    stances: dict[int, Stance],
    index: Index,
    previous: dict[int, int],
    min_target: float = 0.2,
    max_targets: int = 3,
) -> list[Group]:
    """Group stance claims with the claims they deny or dispute.

    ``items`` are (source id, text); ``previous`` maps an item to the item just
    before it in the same source.
    """
    targets: dict[int, set[int]] = {}
    for i, st in stances.items():
        query = index.vector(st.object or items[i][1])
        ranked = sorted(
            ((index.similarity_to(query, j), j) for j in index.candidates_for(query) if j != i and j not in stances),
            reverse=True,
        )
        if st.contrast and st.stance == "disputes" and i in previous and previous[i] not in stances:
            chosen = {previous[i]}  # "however" / "rather than" correct what was just said
        else:
            chosen = {j for s, j in ranked[:max_targets] if s >= min_target}
            antecedent = _antecedent(i, st, items, previous, stances)
            if antecedent is not None:
                chosen.add(antecedent)
        targets[i] = chosen
    keys = list(targets)
    joined = Groups(keys)
    # Join stances that share a target, or that take the same stance on the same matter (a named party
    # and a content word in common). Blocking on those keys keeps this linear, not pairwise.
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i in keys:
        st = stances[i]
        for t in targets[i]:
            buckets[("target", st.stance, t)].append(i)
        for party, word in matter_keys(st, index):
            buckets[("matter", st.stance, party, word)].append(i)
        for party in _names(st.object):  # both deny something about the same named party
            buckets[("party", st.stance, party)].append(i)
    for members in buckets.values():
        for other in members[1:]:
            joined.join(other, members[0])
    result = []
    for members in joined.groups():
        tset = set().union(*(targets[m] for m in members)) - set(members)
        if tset or any(stances[m].subordinate for m in members):  # a denial of nothing we can find is not a point
            own = {m: tuple(sorted(targets[m])) for m in members}
            result.append(Group(tuple(sorted(members)), tuple(sorted(tset)), own))
    return sorted(result, key=lambda g: g.stances[0])


_DEFINITE = re.compile(r"^(?:the|these|those|this|that|such)\s+(?:\w+\s+){0,2}(?P<head>\w+)$", re.I)


def _antecedent(i: int, st: Stance, items: Sequence[tuple[str, str]], previous: dict[int, int], stances: dict[int, Stance]) -> int | None:
    """What a short definite object ("the charges") refers back to: the nearest earlier claim of the
    same source, at most three back, that uses its head word."""
    match = _DEFINITE.match(st.object.strip())
    if not match:
        return None
    head = key(match.group("head").lower())
    j, steps = previous.get(i), 0
    while j is not None and steps < 3:
        if j not in stances and "w:" + head in features(items[j][1]):
            return j
        j, steps = previous.get(j), steps + 1
    return None


def _names(text: str) -> set[str]:
    return {w.lower().strip("'’s") for w in _NAME.findall(text)}


_NAME = re.compile(r"\b[A-Z][\w’']+|\b[A-Z]{2,}\b")


def matter_keys(stance: Stance, index: Index) -> set[tuple[str, str]]:
    """(named party, content word) pairs that say what a stance is about; two stances of the same kind
    that share one, or that name the same party in what they deny, are about the same matter."""
    parties = _names(stance.holder + " " + stance.object)
    words = {f for f, k in index.vector(stance.object)[0].items() if k != "e"}
    return {(p, w) for p in parties for w in words}
