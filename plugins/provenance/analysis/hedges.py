"""Find hedges: wording that weakens a claim or keeps it at arm's length.

Method: about fifty hand-written regular expressions, each tagged with one of six kinds (allegation, hearsay,
inference, uncertainty, weasel, distancing) and a reader-facing explanation modelled on Wikipedia's "Words to
watch". A pattern only runs when its trigger words occur in the sentence; overlapping matches keep the longest.
Ambiguous words count only in epistemic contexts: lowercase "may"/"might" before a verb, "could" before "be",
"have" or a verb of consequence ("could cost"), "suggested" before "that", "expected to" after a form of "be".
Known failure modes: no negation scope ("it is not alleged" still yields "alleged"); the proposal sense of
"suggests" reads as inference; other uses of "could" and idioms ("the jury is still out") are missed; "claims"
as a noun after "he/she/they" can be misread; English only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import pickle_by_position

__all__ = ["HEDGE_KINDS", "Hedge", "find_hedges"]

HEDGE_KINDS: dict[str, str] = {
    "allegation": "An accusation that has not been proven.",
    "hearsay": "Second-hand information: the writer passes on what others report.",
    "inference": "A conclusion drawn from indirect evidence rather than observed directly.",
    "uncertainty": "The claim is presented as possible or probable, not established.",
    "weasel": "An unnamed or vague group is said to hold the view.",
    "distancing": "The writer keeps the wording at arm's length or casts doubt on it.",
}


@dataclass(frozen=True, slots=True)
class Hedge:
    marker: str  # as written in the sentence, e.g. "is believed to"
    start: int  # character offsets into the sentence, end-exclusive
    end: int
    kind: str  # a key of HEDGE_KINDS
    explanation: str  # one reader-facing sentence on what the wording signals


def _after(*words: str) -> str:
    """A lookbehind that requires one of ``words`` and a single space before the match."""
    return "(?:" + "|".join(rf"(?<=\b{w} )" for w in words) + ")"


_BE = r"(?:(?:is|are|was|were|be|been|being|am|it[’']s|has\s+been|have\s+been|had\s+been)\s+)"
_ADV = r"(?:(?:widely|also|now|still|generally|commonly|long|privately|initially|previously)\s+)"
_NT = r"(?:(?:could|can|has|have|had|was|were|is|are|would)(?:\s+not|n[’']t)|cannot)"
_CROWD = r"(?:(?:some|many|several|most|other|unnamed|anonymous)\s+)?"
_CROWD += r"(?:critics|observers|experts|analysts|sources|insiders|commentators|others)"
_CROWD = rf"(?:{_CROWD}|(?:some|many)(?:\s+people)?)"
_CROWD_VERBS = (
    r"(?:have\s+)?(?:say|said|says|claim|claimed|argue|argued|believe|believed|suggest|suggested|fear|feared|think|thought"
    r"|contend|contended|allege|alleged|maintain|maintained|insist|insisted|speculate|speculated|suspect|suspected)"
)
_CONSEQUENCE = (
    "face|lead|cause|result|rise|fall|reach|cost|mean|affect|trigger|spark|increase|decrease|become|pose|threaten"
    "|derail|undermine|jeopardi[sz]e|exceed|hit|delay|worsen|harm|hurt|damage|collapse|prove|grow|shrink|slow|drop|decline|climb|soar"
    "|plunge|double|win|lose|spread|kill|force|push|boost|reduce|cut"
)
_MODAL_ADV = r"(?:\s+(?:well|not|also|even|still|never|already|soon|eventually|ultimately|yet))?"

# (kind, trigger words, pattern, explanation; "{m}" is the marker as written)
_ENTRIES: list[tuple[str, str, str, str]] = [
    ("allegation", "allegedly", r"\ballegedly\b", "'{m}' signals that the claim is an accusation that has not been proven."),
    ("allegation", "alleged", rf"\b{_BE}?{_ADV}?alleged(?:\s+to\b)?", "'{m}' marks the claim as an accusation, not an established fact."),
    ("allegation", "allegation allegations", r"\ballegations?\b", "'{m}' labels what follows as an accusation that has not been proven."),
    ("allegation", "accused accuses accusing", r"\baccus(?:ed|es|ing)\b(?=(?:\s+[\w’'-]+){0,4}?\s+of\b)",
     "'{m}' reports an accusation; being accused is not being found guilty."),
    ("allegation", "suspected",
     _after("the", "a", "an", "is", "was", "are", "were", "been", "being", "of", "two", "three", "several") + r"suspected\b",
     "'{m}' means the person or act is under suspicion, not proven."),
    ("hearsay", "reportedly", r"\breportedly\b", "'{m}' signals second-hand information the writer has not confirmed."),
    ("hearsay", "reported said understood rumoured rumored",
     rf"\b{_BE}{_ADV}?(?:reported|said|understood|rumou?red)\s+to\b(?!\s+(?:the|a|an|his|her|their|its|him|them|me|us|police|reporters)\b)"
     r"|\b(?:reported|said|understood|rumou?red)\s+to(?=\s+(?:be|have)\b)",
     "'{m}' passes on what others say without naming who said it."),
    ("hearsay", "reported understood rumoured rumored",
     r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:reported|understood|rumou?red)\b",
     "'{m}' passes on a report without saying who made it."),
    ("hearsay", "reported", _after("the", "a", "an", "widely", "its", "his", "her", "their") + r"reported\b(?!\s+(?:by|to|that|in|on)\b)",
     "'{m}' means the fact comes from reports the writer has not confirmed."),
    ("hearsay", "rumour rumours rumor rumors rumoured rumored", r"\brumou?r(?:s|ed)?\b",
     "'{m}' signals unverified talk passed from person to person."),
    ("inference", "apparently seemingly", r"\b(?:apparently|seemingly)\b",
     "'{m}' signals an impression drawn from appearances, not a confirmed fact."),
    ("inference", "appear appears appeared appearing seem seems seemed seeming",
     r"\b(?:appear(?:s|ed|ing)?|seem(?:s|ed|ing)?)\s+to\b", "'{m}' signals an impression or inference, not a confirmed fact."),
    ("inference", "appears appeared seems seemed appear seem",
     r"\bit\s+(?:would\s+|may\s+|might\s+)?(?:appears?|appeared|seems?|seemed)\b",
     "'{m}' signals an impression or inference, not a confirmed fact."),
    ("inference", "apparent", _after("an", "the", "his", "her", "its", "their", "this", "what") + r"apparent\b",
     "'{m}' signals how things look, not what has been established."),
    ("inference", "suggests suggesting suggested", r"\bsuggest(?:s|ing)\b|\bsuggested(?=\s+that\b)",
     "'{m}' signals a conclusion drawn from indirect evidence, not proof."),
    ("inference", "imply implies implied implying",
     r"\bimpl(?:y|ies|ied|ying)\b(?!\s+(?:volatility|warranty|warranties|consent|terms?|contract|rate)\b)",
     "'{m}' signals a meaning read between the lines rather than stated."),
    ("inference", "hinted hinting hints hint", r"\bhint(?:ed|ing)\b(?:\s+at\b)?|\bhints?\s+at\b",
     "'{m}' signals something suggested indirectly, not said outright."),
    ("inference", "insinuated insinuates insinuating", r"\binsinuat(?:ed|es|ing)\b",
     "'{m}' signals something suggested indirectly, not said outright."),
    ("inference", "presumably", r"\bpresumably\b", "'{m}' signals an assumption the writer has not checked."),
    ("inference", "must", r"\bmust\s+have\s+been\b", "'{m}' signals a deduction, not an observed fact."),
    ("uncertainty", "possibly probably perhaps maybe potentially conceivably",
     r"\b(?:possibly|probably|perhaps|maybe|potentially|conceivably)\b", "'{m}' signals that the claim is uncertain."),
    ("uncertainty", "likely unlikely", r"\b(?:(?:most|more|quite|very|highly|less|increasingly)\s+)?(?:un)?likely\b(?!\s+voters?\b)",
     "'{m}' presents the claim as a probability, not a certainty."),
    ("uncertainty", "may", rf"(?-i:\bmay){_MODAL_ADV}(?:\s+(?:have|be))?\b(?=\s+[a-z])",
     "'{m}' presents the claim as a possibility, not a fact."),
    ("uncertainty", "might", rf"(?<!military )(?<!economic )(?<!naval )(?<!the )(?<!its )(?<!his )(?<!her )(?<!their )"
     rf"(?<!our )(?<!full )(?<!all )(?<!with )(?<!of )\bmight{_MODAL_ADV}(?:\s+(?:have|be))?\b(?=\s+[a-z])",
     "'{m}' presents the claim as a possibility, not a fact."),
    ("uncertainty", "could",
     r"\bcould(?:\s+(?:well|also|even|potentially|possibly|soon|eventually))?"
     rf"(?:\s+have\b|\s+be\b(?!\s+(?:heard|seen|felt|reached|spotted)\b)|(?=\s+(?:{_CONSEQUENCE})\b))",
     "'{m}' presents the claim as a possibility, not a fact."),
    ("uncertainty", "unconfirmed unverified unsubstantiated unproven uncorroborated",
     r"\b(?:unconfirmed|unverified|unsubstantiated|unproven|uncorroborated)\b", "'{m}' says outright that the claim has not been checked."),
    ("uncertainty", "verified confirmed", rf"\b{_NT}\s+(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed)\b",
     "'{m}' says that the claim has not been checked."),
    ("uncertainty", "unclear clear uncertain",
     r"\b(?:is|was|are|were|remains?|remained|still|it[’']s)\s+(?P<m>unclear|not\s+(?:yet\s+)?clear|uncertain)\b",
     "'{m}' says that the facts are not established."),
    ("uncertainty", "known", r"\bnot\s+(?:yet\s+)?known\b(?=\s+(?:whether|if|how|why|what|who|when|where))",
     "'{m}' says that the facts are not established."),
    ("uncertainty", "speculation speculations speculated speculate speculates speculating speculative",
     r"\bspeculat(?:ion|ions|ed|e|es|ing|ive)\b", "'{m}' signals guesswork rather than established fact."),
    ("uncertainty", "expected", rf"\b{_BE}{_ADV}?expected\s+to\b", "'{m}' marks a forecast: what is expected may not happen."),
    ("uncertainty", "possible",
     r"\bit(?:\s+is|\s+was|[’']s|\s+remains|\s+seems)\s+(?:quite\s+|entirely\s+|also\s+)?possible\b|\bpossible(?=\s+that\b)",
     "'{m}' presents the claim as a possibility, not a fact."),
    ("weasel", "say said says claim claimed argue argued believe believed suggest suggested fear feared think thought contend contended "
     "allege alleged maintain maintained insist insisted speculate speculated suspect suspected",
     rf"\b{_CROWD}\s+{_CROWD_VERBS}\b", "'{m}' attributes the view to an unnamed group, so readers cannot check who holds it."),
    ("weasel", "said believed thought claimed argued suggested felt",
     r"\bit\s+(?:is|was|has\s+been|had\s+been|could\s+be|can\s+be|might\s+be|may\s+be)\s+(?:widely\s+|often\s+|generally\s+)?"
     r"(?:said|believed|thought|claimed|argued|suggested|felt)\b", "'{m}' hides who says or believes this."),
    ("weasel", "believed thought",
     rf"\b{_BE}{_ADV}?(?:believed|thought)\s+to\b|\b(?:widely\s+)?(?:believed|thought)\s+to(?=\s+(?:be|have)\b)",
     "'{m}' reports a belief without saying whose it is."),
    ("weasel", "widely", r"\bwidely\s+(?:believed|thought|seen|regarded|considered|held|assumed|viewed|expected)\b",
     "'{m}' claims broad agreement without saying who agrees."),
    ("distancing", "called", r"\bso[\s\-‐‑–]called\b", "'{m}' signals that the writer does not accept the name it introduces."),
    ("distancing", "self", r"\bself[\-‐‑](?:styled|proclaimed|described)\b",
     "'{m}' signals that the title is the subject's own, not an accepted one."),
    ("distancing", "supposedly supposed", r"\bsupposedly\b|\bsupposed\b(?!\s+to\b)", "'{m}' casts doubt on the claim it qualifies."),
    ("distancing", "purported purportedly purports", r"\bpurport(?:ed|edly|s)\b",
     "'{m}' signals that the claim is asserted by others and may not be true."),
    ("distancing", "ostensibly ostensible", r"\bostensibl[ey]\b", "'{m}' signals that the stated reason may not be the real one."),
    ("distancing", "claim claims claimed claiming", r"\bclaim(?:s|ed|ing)?\s+(?:that|to)\b|\bclaimed(?=\s*(?:[,.;:!?]|$))|"
     + _after("he", "she", "they", "who", "also", "falsely", "now") + r"claim(?:s|ed)?\b(?!(?:\s+[\w’'-]+){0,2}?\s+"
     r"(?:victory|title|crown|gold|silver|bronze|medals?|lives|seats?|credit|prizes?|wins?|trophy|championship|records?|asylum|benefits?"
     r"|compensation|damages|ownership|responsibility|power|control|territory|points?)\b)",
     "'{m}' presents the statement as someone's assertion, not as fact."),
    ("distancing", "called calls termed described dubbed",
     r"\bwhat\s+(?:he|she|they|it|critics|officials)\s+(?:called|calls|termed|described\s+as|dubbed)\b",
     "'{m}' quotes the label without endorsing it."),
]

_COMPILED = [
    (kind, frozenset(triggers.split()), re.compile(pattern, re.IGNORECASE), explanation)
    for kind, triggers, pattern, explanation in _ENTRIES
]
_WORD = re.compile(r"[a-z]+")
assert all(kind in HEDGE_KINDS for kind, *_ in _ENTRIES)


def find_hedges(text: str) -> list[Hedge]:
    """Return the hedges in ``text``, sorted by start, non-overlapping (longest match wins)."""
    words = set(_WORD.findall(text.lower()))
    found: list[tuple[int, int, str, str]] = []
    for kind, triggers, regex, explanation in _COMPILED:
        if words.isdisjoint(triggers):
            continue
        for match in regex.finditer(text):
            group = "m" if "m" in regex.groupindex else 0
            start, end = match.span(group)
            if end > start:
                found.append((start, end, kind, explanation))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken: list[tuple[int, int, str, str]] = []
    for item in found:
        if all(item[1] <= t[0] or item[0] >= t[1] for t in taken):
            taken.append(item)
    hedges = []
    for start, end, kind, explanation in sorted(taken):
        marker = text[start:end]
        hedges.append(Hedge(marker, start, end, kind, explanation.format(m=marker[:1].upper() + marker[1:])))
    return hedges


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
