"""Stance: does a claim deny, debunk or dispute a proposition, and which one?

A claim that says something is false is a claim of its own (a *stance claim*),
held by whoever says so, about a *proposition* stated elsewhere. Every rule
below is about the grammar of English denial, not about a story:

- **denies**: a party says a claim is false. A denial verb with a proposition
  as its complement ("denied that ...", "denied the allegations", "denied any
  involvement", "denied taking ...", "rejected the claim that ...", "refuted
  the report"); a verb that labels a claim false ("called the report false",
  "decried as 'false' the allegations that ...", "dismissed X as fabricated");
  a negated involvement or happening ("was not involved in", "never
  happened", "had nothing to do with", "are not connected").
- **debunks**: a writer or a third party shows that a reported claim or a
  circulated artefact is false: a falsity predicate on a report, a claim or a
  picture, video or story ("Reports that X are false", "the video was
  staged", "it's not true", "turned out to be a hoax", "is a myth"); a
  reported claim followed by "but it's not"; "falsely claimed that X";
  "debunked"; "contrary to reports".
- **disputes**: doubts, dismisses or corrects without a flat denial
  ("dismissed the claims as politically motivated", "questioned whether",
  "cast doubt on", "there is no evidence that", "may have been exaggerated",
  "shrugged off the allegations", a hedged falsity such as "it's probably not
  true", a correction "clarified that ... rather than ...").

Not stances (each has negative tests): refusal ("were denied entry", "denied
him bail", "denied the request"), irrealis and rhetoric ("we can deny", "no one
could deny", "would neither confirm nor deny", "refused to deny", "did not
deny"), policy ("rejected the proposal", "dismissed the coach"),
condemnation ("decried the cuts"), attributive adjectives ("a disputed
border", "a false start", "staged a protest").

The *proposition* is what is said to be false, as a span of the sentence: the
complement of the cue ("that ...", "the allegations that ..."), the subject of
a falsity predicate ("Reports that X"), or the reported claim before "but
it's not". When it is only a pronoun or a bare noun ("it", "this", "the
video"), :attr:`Stance.anaphoric` is set and the caller resolves it from the
surrounding sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import pickle_by_position

__all__ = ["KINDS", "REPORTED_FRAME", "Stance", "content_head", "find_stance", "position_of"]

KINDS = ("denies", "debunks", "disputes")
"""Stance kinds of a claim; a claim without one asserts what it says."""


def position_of(kind: str) -> str:
    """The side of a contested point a stance sits on: a debunk says a claim is false, so it denies."""
    return "disputes" if kind == "disputes" else "denies"


@dataclass(frozen=True, slots=True)
class Stance:
    stance: str  # one of KINDS
    cue: str  # the words that make the stance, as written
    holder: str  # who takes it as written ("" when it is the writer's own)
    object: str  # the proposition said to be false, as written (may be a pronoun or a bare noun)
    contrast: bool  # a correction of what precedes ("however", "rather than")
    subordinate: bool  # "While X denied ..., ...": the main clause asserts against it
    anaphoric: bool = False  # the object only points back ("it", "this", "the video")
    start: int = 0  # span of the cue in the sentence
    end: int = 0
    loose: bool = False  # the object is words to match as one passage matches another, not a statement a target must make
    # ("... says nothing about X": what the subject reports, and X; "the hoax video that showed Y": Y)


# --- Word classes (plain named sets; see the module docstring for why each exists) ---------------------

CLAIM_NOUNS = frozenset(
    """allegation allegations claim claims report reports accusation accusations charge charges rumour rumours rumor rumors
    suggestion suggestions story stories speculation assertion assertions account accounts narrative notion idea theory
    theories characterisation characterization version reporting""".split()
)
"""Nouns for what someone says is the case: what a denial or a falsity predicate can take."""

MEDIA_NOUNS = frozenset(
    """video videos clip clips footage photo photos photograph photographs picture pictures image images post posts tweet tweets
    story stories article articles report reports headline headlines letter letters note notes document documents memo email
    emails quote quotes quotation screenshot screenshots recording recordings interview scene scenes campaign ad advert
    advertisement announcement website page account accounts tale legend myth rumour rumours rumor rumors claim claims
    prank stunt series exchange""".split()
)
"""Things that circulate and can turn out to be fake: what a debunk is usually about."""

ANAPHORS = frozenset("it this that these those they all".split())
NON_REFERRING = frozenset("any all every no some such".split())
_DETERMINERS = frozenset("a an the some any many several these those two three no such".split())
_AUXILIARIES = frozenset("is are was were be been has have had will would can could may might shall should must did does do".split())
"""Words that only point back: a proposition they stand for is found in the sentences before."""

WRONGDOING = frozenset(
    """involvement wrongdoing responsibility knowledge role link links connection connections existence participation
    culpability guilt complicity interference meddling part hand""".split()
)
"""Objects of "deny" that make it a denial of a claim about the holder ("denied any involvement")."""

REFUSAL_OBJECTS = frozenset(
    """request requests application applications permission access entry bail visa visas asylum appeal appeals petition petitions
    service services treatment care benefit benefits insurance parole admission admittance leave passage landing licence
    license loan loans funding funds opportunity opportunities chance right rights citizenship residency custody""".split()
)
"""Objects of "deny" in its other sense, to refuse ("denied the request", "denied entry")."""

NON_CLAIM_MODIFIERS = frozenset("insurance compensation benefit benefits tax expense expenses warranty disability pension damages".split())
"""Modifiers that make "claim" a demand for payment, not an assertion ("an insurance claim")."""

PERSON_OBJECTS = frozenset("him her them us me you".split())
"""A person as the object of "deny" means refusal: "denied him bail"."""

MODALS = frozenset("can could may might should would must will shall cannot can't couldn't wouldn't shouldn't won't".split())
NEGATORS = frozenset("not never n't neither nor".split())
HEDGE_WORDS = frozenset("probably possibly perhaps maybe likely may might could seems seem seemed appears appear appeared apparently".split())
BE = frozenset("is are was were be been being am 's ’s".split())
INTENSIFIERS = (
    r"(?:completely|totally|entirely|utterly|patently|blatantly|simply|wholly|categorically|absolutely|clearly|obviously|"
    r"all|just|largely|mostly|greatly|wildly|vastly|grossly|highly|hugely|pretty|rather|quite|actually|really|in\s+fact|also|"
    r"probably|likely|almost\s+certainly|most\s+likely|apparently|seemingly|possibly|perhaps|surely|certainly|both|"
    r"equally|wholly|partly|partially|somewhat|a\s+little|a\s+bit|fairly|itself|themselves)"
)
_ADVS = rf"(?:{INTENSIFIERS}[\s,]+){{0,3}}"

STRONG_FALSITY = (
    r"false|untrue|fake|faked|a\s+fake|fabricated|a\s+fabrication|made[\s-]up|bogus|phony|phoney|fictional|fictitious|invented|"
    r"a\s+hoax|hoaxes|an?\s+(?:internet\s+|online\s+|elaborate\s+|viral\s+)?hoax|a\s+lie|lies|not\s+true|not\s+real|not\s+genuine|"
    r"not\s+authentic|a\s+myth|an?\s+(?:urban\s+)?(?:myth|legend)|satire|satirical|an?\s+(?:satire|parody|spoof|mockumentary)|doctored|photoshopped|"
    r"staged|scripted|a\s+(?:publicity|marketing|pr)\s+stunt|a\s+forgery|forged|a\s+fiction|fiction|baseless|unfounded|groundless|"
    r"without\s+(?:any\s+)?(?:basis|foundation|merit)|bullsh\W?t|bs|nonsense|rubbish|garbage|a\s+sham|a\s+setup|a\s+set-up|"
    r"misattributed|debunked|discredited"
)
"""Predicates that say a claim or an artefact is false."""
WEAK_FALSITY = (
    r"exaggerated|overblown|overstated|inaccurate|incorrect|wrong|misleading|premature|unsubstantiated|unproven|unverified|"
    r"questionable|dubious|doubtful|not\s+(?:entirely|quite|completely|exactly|wholly|strictly)\s+(?:true|accurate|correct|right)|"
    r"politically\s+motivated|absurd|ridiculous|propaganda|speculation|a\s+conspiracy\s+theory|conspiracy\s+theories|"
    r"(?:a\s+)?(?:smear|witch[\s-]hunt)"
)
"""Predicates that cast doubt on a claim without saying flatly that it is false."""
FALSITY = rf"(?:{STRONG_FALSITY}|{WEAK_FALSITY})"

_WORD = re.compile(r"[\w’'-]+")
_CLAUSE_END = re.compile(
    r"\s*(?:[;:.!?](?:\s|$)|[—–]\s|,\s+(?:but|while|although|though|whereas|even\s+(?:as|when|though)|and\s+then|which|who|according\s+to)\b"
    r"|,\s+(?:\w+\s+){0,3}(?:said|says|told|added|explained|wrote|reported)\b|\s+but\s+|$)"
)
REPORTED_FRAME = re.compile(
    r"\b(?:(?P<noun>reports?|claims?|rumou?rs?|allegations?|suggestions?|accusations?|stories|story|speculation|the\s+idea|"
    r"the\s+notion|theor(?:y|ies)|assertions?)\s+(?:that|of)\s+"
    r"|(?:(?:is|are|was|were|been|being)\s+)?(?:claim(?:s|ed|ing)?|say(?:s|ing)?|said|report(?:s|ed|ing)?|suggest(?:s|ed|ing)?|"
    r"think(?:s|ing)?|thought|believe(?:s|d)?|assum(?:e|es|ed|ing)|insist(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|"
    r"purport(?:s|ed)?\s+to\s+show|treat(?:s|ed|ing)?\s+it\s+as\s+if|as\s+if)\s+(?:that\s+)?)",
    re.I,
)
"""A reported-claim frame: what follows is a claim someone makes, not one the writer makes."""


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


CHARS_PER_WORD = 30  # generous: n words of any language fit in n times this many characters
REJECT_WINDOW = 80  # characters after "rejected" where the object that makes it a denial ("the claim") is looked for
REFUTE_WINDOW = 60  # the same after "refuted", "repudiated"


def _last_words(text: str, n: int) -> list[str]:
    return _words(text[-CHARS_PER_WORD * n :])[-n:]


WINDOW = 400
"""Characters read before a cue for its subject or frame: a clause, however long the sentence (keeps the cost linear)."""


def _before(text: str, at: int) -> str:
    return text[max(0, at - WINDOW) : at]


def _clause(text: str, start: int, limit: int = 45) -> str:
    """The clause that starts at ``start``: up to a clause boundary, at most ``limit`` words."""
    end = _CLAUSE_END.search(text, start)
    stop = end.start() if end else len(text)
    phrase = text[start:stop]
    words = phrase.split()
    if len(words) > limit:
        phrase = " ".join(words[:limit])
    return phrase.strip(" ,\"“”‘’'()")


def _strip_frame(phrase: str) -> str:
    """'the allegations that X' -> 'X'; 'any involvement in X' stays."""
    m = re.match(
        r"(?i)^(?:(?:the|these|those|such|any|all|his|her|their|its|our|earlier|recent|media|press|initial|widespread)\s+){0,3}"
        r"(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|accusations?|stories|story|speculation|idea|notion|theor(?:y|ies)|"
        r"assertions?|charges?)\s+(?:that|of)\s+(?P<rest>.+)$",
        phrase,
    )
    return m.group("rest") if m else phrase


def _hedged(before: str) -> bool:
    return any(w in HEDGE_WORDS for w in _last_words(before, 4))


def _is_anaphoric(phrase: str) -> bool:
    """Does a phrase only point back ("it", "this", "the video", "the two traditions")?"""
    words = _words(phrase)
    if not words:
        return True
    if len(words) <= 3 and words[0] in ANAPHORS:
        return True
    definite = words[0] in {"the", "these", "those", "both", "this", "that"}
    verbish = any(w.endswith(("ed", "ing")) or w in _AUXILIARIES for w in words[1:])  # "the mayor resigned" is a clause
    if definite and len(words) <= 4 and not verbish and not re.search(r"\s[A-Z]", phrase) and not any(w in NON_REFERRING for w in words):
        return True
    content = [w for w in words if w not in {"the", "a", "an", "this", "that", "these", "those", "whole", "entire", "all", "of", "it", "thing"}]
    return len(content) <= 2 and all(w in MEDIA_NOUNS or w in CLAIM_NOUNS or w in {"thing", "things", "one"} for w in content)


_PRONOUN_HEADS = frozenset("it this that these those they them all thing things whole entire one ones story".split())


def content_head(phrase: str) -> str | None:
    """The head noun of a short definite phrase ("the charges" -> charges), None for a pronoun."""
    words = [w for w in re.findall(r"[\w’'-]+", phrase.lower()) if w not in ("the", "a", "an", "of")]
    if not words or words[-1] in _PRONOUN_HEADS or len(words) > 3:
        return None
    return words[-1]



# --- Rules ---------------------------------------------------------------------------------------------
# Each rule finds candidate cues with a regular expression and decides with a function of the match, which
# returns (kind, object, anaphoric) or None. Regular expressions are bounded (no nested unbounded repeats)
# so a long sentence costs linear time.

Decision = tuple[str, str, bool] | tuple[str, str, bool, bool] | None  # kind, object, anaphoric[, loose]
Rule = tuple[re.Pattern[str], Callable[[str, re.Match[str]], Decision], str]
"""(pattern, decision, who holds the stance): "subject" (the cue is a verb: "The board denied ..."), "speaker"
(whoever the sentence attributes it to: "..., the minister said"), or "writer" (the frame is the writer's own:
"Some sites claim X, but it's not": not the sites')."""


def _deny_verb(text: str, m: re.Match[str]) -> Decision:
    before = _before(text, m.start("cue"))
    prev = _last_words(before, 3)
    if any(w in MODALS for w in prev[-2:]) or any(w in NEGATORS or w.endswith("n't") or w.endswith("n’t") for w in prev[-2:]):
        return None  # "we can deny", "did not deny", "would neither confirm nor deny"
    if prev[-1:] == ["to"] and not set(prev[-3:-1]) & {"quick", "quickly", "swift", "rushed", "hastened", "moved", "sought"}:
        return None  # "refused to deny", "hard to deny"
    if set(prev[-2:]) & (BE | {"get", "got", "gets", "getting"}) or prev[-1:] in (["initially"], ["repeatedly"]) and set(prev[-3:-1]) & BE:
        after = text[m.end("cue") :].lstrip()
        return ("denies", _clause(text, m.end("cue")), False) if after.lower().startswith("by ") and _has_claim_noun(before) else None
    rest = text[m.end("cue") :]
    lead = re.match(r"\s+(?:ever\s+|categorically\s+|flatly\s+|strongly\s+|outright\s+|emphatically\s+)?", rest)
    at = m.end("cue") + (lead.end() if lead else 0)
    tail = text[at:]
    words = _words(tail[:120])
    if not tail.strip() or tail.lstrip()[:1] in ",.;:!?\"”’'—–)":
        return ("denies", "", True)  # "..., the minister denied." / "He denied it all" style endings
    first = words[0] if words else ""
    if first == "that":
        return ("denies", _clause(text, at + tail.lower().index("that") + 4), False)
    if first.endswith("ing") and first not in {"thing", "everything", "nothing", "anything", "something"}:
        return ("denies", _clause(text, at), False)
    if first in PERSON_OBJECTS:
        return None  # "denied him entry"
    if first in {"it", "this", "these", "those"} and (len(words) < 2 or words[1] not in REFUSAL_OBJECTS):
        return ("denies", first, True)
    nouns = words[:5]
    if any(w in REFUSAL_OBJECTS for w in nouns[:3]) and not any(w in CLAIM_NOUNS for w in nouns[:2]):
        return None  # "denied the request", "denied their application"
    if first in {"any", "all", "every", "ever"} or any(w in WRONGDOING for w in nouns[:3]):
        return ("denies", _clause(text, at), False)
    claim_at = next((k for k, w in enumerate(nouns[:4]) if w in CLAIM_NOUNS), None)
    if claim_at is not None and not (claim_at and nouns[claim_at - 1] in NON_CLAIM_MODIFIERS):
        phrase = _strip_frame(_clause(text, at))
        return ("denies", phrase, _is_anaphoric(phrase))
    return None


def _has_claim_noun(text: str) -> bool:
    return any(w in CLAIM_NOUNS for w in _last_words(text, 8))


def _reject_verb(text: str, m: re.Match[str]) -> Decision:
    prev = _last_words(_before(text, m.start("cue")), 2)
    if any(w in MODALS or w in NEGATORS or w.endswith(("n't", "n’t")) for w in prev) or prev[-1:] == ["to"]:
        return None
    words = _words(text[m.end("cue") : m.end("cue") + REJECT_WINDOW])
    claim_at = next((k for k, w in enumerate(words[:4]) if w in CLAIM_NOUNS), None)
    if claim_at is None or claim_at and words[claim_at - 1] in NON_CLAIM_MODIFIERS:
        return None  # "rejected the proposal", "rejected the offer"
    phrase = _strip_frame(_clause(text, m.end("cue")))
    kind = "denies" if words[claim_at] in {"allegation", "allegations", "claim", "claims", "accusation", "accusations", "report", "reports", "charge", "charges", "story", "stories", "rumour", "rumours", "rumor", "rumors"} else "disputes"
    return (kind, phrase, _is_anaphoric(phrase))


def _refute_verb(text: str, m: re.Match[str]) -> Decision:
    prev = _last_words(_before(text, m.start("cue")), 2)
    if any(w in MODALS or w in NEGATORS or w.endswith(("n't", "n’t")) for w in prev):
        return None
    words = _words(text[m.end("cue") : m.end("cue") + REFUTE_WINDOW])
    if m.group("cue").lower().startswith("repudiat") and not (words and (words[0] == "that" or any(w in CLAIM_NOUNS for w in words[:4]))):
        return None  # "repudiated the treaty": a policy, not a claim
    if words[:1] and words[0] in PERSON_OBJECTS:
        return None
    if prev[-1:] and prev[-1] in _DETERMINERS:
        return None  # "some contradicting reports": an adjective, not a verb
    phrase = _strip_frame(_clause(text, m.end("cue")))
    if phrase.lower().startswith("that "):
        phrase = phrase[5:]
    return ("denies", phrase, _is_anaphoric(phrase))


def _labelled_false(text: str, m: re.Match[str]) -> Decision:
    """'called X false', 'dismissed X as baseless', 'decried as "false" the allegations that X'."""
    prev = _last_words(_before(text, m.start("cue")), 2)
    if any(w in MODALS or w in NEGATORS or w.endswith(("n't", "n’t")) for w in prev):
        return None
    verb = m.group("verb").lower()
    falsity = m.group("fal").lower()
    np = (m.group("np") or "").strip(" ,\"“”‘’'")
    if np and (len(np.split()) > 12 or re.search(r"\b(?:for|on|to)\s*$", np, re.I) or re.search(r"(?i)\b(?:and|but|or|has|have|had|is|are|was|were|will|would|that|which|who)\b|[,;\"“”]", np)):
        return None  # the words between the verb and the falsity run over a clause: "called X a Y and has decried as false"
    np = re.sub(r"(?i)(?:\s+(?:out|off|up|down))?(?:\s+as)?(?:\s+an?)?\s*$", "", np)  # "called the video out as a ..."
    np = _strip_frame(np) if np else _strip_frame(_clause(text, m.end("cue")))  # falsity first: "decried as false the allegations that ..."
    strong = re.fullmatch(STRONG_FALSITY, falsity, re.I) is not None
    kind = "denies" if strong and not verb.startswith("dismiss") or strong and re.match(r"(?:false|untrue|fabricated|lies|a lie|fake)", falsity) else "disputes"
    return (kind, np, _is_anaphoric(np))


_POST_MODIFIERS = frozenset("of about from in on at with showing featuring depicting by that which".split())


def _falsity_predicate(text: str, m: re.Match[str]) -> Decision:
    """'<subject> is/was/turned out to be <false|fake|staged|a hoax|not true ...>'."""
    subject_text = _before(text, m.start("cue"))
    after = text[m.end("cue") : m.end("cue") + 12].lower()
    fal = m.group("fal").lower()
    if re.match(r"\s*(?:to|for|in\s+(?:the|a|an|its|his|her|their)?\s*\w+\s+(?:of|to))\b", after) and fal in ("wrong", "right"):
        return None  # "it was wrong to ..."
    if fal.startswith("staged") and re.match(r"\s*(?:in|at|on|outside|across|during|last|this|every)\b", after):
        return None  # "the play was staged in 1990"
    subject = _subject_of(subject_text, after_reporting=False)
    if re.search(r"(?i)(?:^|\b(?:that|said|says)\s+)(?:not\s+(?:a\s+single|one|any)|no|none\s+of|nothing|neither|never)\b", subject):
        return None  # "not a single scene had been staged", "none of it was faked": the opposite of a debunk
    subject = _strip_opening(subject)
    if not subject:
        return None
    frame = REPORTED_FRAME.search(subject)
    hedged = _hedged(_before(text, m.start("fal"))) or bool(re.search(r"\b(?:may|might|could)\s+(?:have\s+been|be)\b", m.group("cue"), re.I))
    strong = re.fullmatch(STRONG_FALSITY, re.sub(r"\s+", " ", fal), re.I) is not None
    kind = "debunks" if strong and not hedged else "disputes"
    subject = re.sub(r"(?i)(?:\s+(?:has|have|had|may|might|could|would|will|must|should))+\s*$", "", subject)
    sw = _words(subject)
    if frame and frame.group("noun"):
        prop = subject[frame.end() :].strip()
        return (kind, prop, _is_anaphoric(prop)) if prop else None
    reported = _REPORTING_INTRO.sub("", subject)  # "El País reported that the whole scene [was staged]"
    if reported.strip() and reported != subject:
        subject, sw = reported.strip(), _words(reported)
    if not sw:
        return None
    head = next((sw[k - 1] for k in range(1, len(sw)) if sw[k] in _POST_MODIFIERS), sw[-1])  # "the video of the stadium": video
    that = re.match(r"\s*that\s+", text[m.end("cue") :])
    if sw == ["it"] and that:  # "it is not true that X"
        return (kind, _clause(text, m.end("cue") + that.end()), False)
    if sw[0] in ANAPHORS and len(sw) <= 4 or sw in (["it"], ["this"], ["that"]) or " ".join(sw[-3:]) in ("all of it", "the whole thing", "the entire thing"):
        if not strong:
            return None  # "they are wrong", "this is ridiculous": about people or manners, not a claim
        return (kind, subject, True)
    if head in MEDIA_NOUNS or head in CLAIM_NOUNS:
        return (kind, subject, _is_anaphoric(subject))
    return None  # "the handbags were fake", "the protest was staged": not a claim or an artefact


def _attributive_falsity(text: str, m: re.Match[str]) -> Decision:
    """'the clearly staged photos', 'the hoax video that showed ...': an artefact the writer calls fake in
    passing; what it showed, when the sentence says, is what is debunked."""
    described = re.match(r"\s+(?:from|that|which|of|showing|in\s+which|where|with)\b", text[m.end("np") :])
    if described:
        return ("debunks", m.group("np") + " " + _clause(text, m.end("np")), False, True)
    return ("debunks", m.group("np"), True)


def _but_not(text: str, m: re.Match[str]) -> Decision:
    """'Some sites are claiming X, but it's not' / 'X, which is not the case'."""
    head = _before(text, m.start("cue"))
    frames = list(REPORTED_FRAME.finditer(head))
    if not frames:
        return None
    frame = frames[-1]
    prop = head[frame.end() :].strip(" ,")
    if len(prop.split()) < 2:
        return None
    return ("debunks", prop, _is_anaphoric(prop))


_REPORTING_INTRO = re.compile(
    r"(?i)^.*\b(?:that|said|says|declared|declares|insisted|insists|added|adds|claimed|claims|stated|states|argued|argues|"
    r"told\s+(?:\w+\s+){0,3}?(?=\w+\s)|explained|noted|believes?|thinks?)\s+"
)


def _subject_of(before: str, after_reporting: bool = True) -> str:
    """The subject of the clause that ends where ``before`` ends: back to the last clause boundary, and
    after a reporting verb ("the ministry declared the US was not involved": the US)."""
    clause_start = max(before.rfind(", "), before.rfind("; "), before.rfind(": "), before.rfind(" — "), before.rfind(" – "))
    subject = _strip_opening(before[clause_start + 2 if clause_start >= 0 else 0 :].strip())
    if not after_reporting:
        return subject
    reported = _REPORTING_INTRO.sub("", subject)
    return reported if reported.strip() else subject


_OPENING = re.compile(
    r"(?i)^(?:(?:but|and|so|yet|still|well|now|however|in\s+fact|of\s+course|as\s+such|instead|indeed|actually|sadly|alas)\b\s*,?\s*)+"
)
_SPECIFICATIONAL = re.compile(r"(?i)^.{0,60}?\b(?:is|was)\s+that\s+")  # "The truth is that X", "The problem was that X"


def _strip_opening(subject: str) -> str:
    subject = _OPENING.sub("", subject)
    return _SPECIFICATIONAL.sub("", subject)


def _but_not_purpose(text: str, m: re.Match[str]) -> Decision:
    """'X did adopt him — but not to keep him from Y': the reason or purpose given elsewhere is denied."""
    main = _subject_of(_before(text, m.start("cue")))
    return ("disputes", (main + " " + _clause(text, m.end("cue"))).strip(), False)


def _not_related(text: str, m: re.Match[str]) -> Decision:
    before = _before(text, m.start("cue"))
    if re.search(r"(?i)\b(?:that|which|who|whose)\s*$", before):
        return None  # "in ways that have nothing to do with ...": a relative clause describes, it denies nothing
    subject = _subject_of(before)
    if _hedged(before):
        return ("disputes", subject + " " + text[m.end("cue") :].split(".")[0], _is_anaphoric(subject))
    predicate = _words(m.group("cue"))[-1]  # connected, related, linked ... (the relation said not to hold)
    rest = _clause(text, m.end("cue"))
    if _is_anaphoric(subject) and not rest:
        return ("denies", subject, True)  # "the two customs are not related": what they are is said before
    return ("denies", (subject + " " + predicate + " " + rest).strip(), False)


def _negated_event(text: str, m: re.Match[str]) -> Decision:
    before = _before(text, m.start("cue"))
    subject = _subject_of(before)
    if re.search(r"(?i)\b(?:if|whether|unless|until|when|in\s+case|as\s+though|as\s+if)\b", subject):
        return None
    kind = "disputes" if _hedged(before) else "denies"
    what = _clause(text, m.end("cue"))
    prop = (subject + " " + m.group("pred") + (" " + what if what else "")).strip()
    return (kind, prop, _is_anaphoric(subject) and not what)


def _no_evidence(text: str, m: re.Match[str]) -> Decision:
    prop = _clause(text, m.end("cue"))
    return ("disputes", prop, _is_anaphoric(prop))


def _says_nothing(text: str, m: re.Match[str]) -> Decision:
    before = _before(text, m.start("cue"))
    frames = [w for w in _last_words(before, 8) if w in MEDIA_NOUNS or w in CLAIM_NOUNS or w in {"it", "original", "version"}]
    if not frames:
        return None
    # "the first story of the attack ... says nothing about X": what is disputed is X's part in what the
    # subject reports, so the proposition is the subject's words and X
    opening = re.split(r"[:;]\s", _before(text, m.start("cue")))[-1]
    subject = re.split(r"(?i)\s(?:was|is|were|are|has|had|have|says|said|—|–|and)\s", opening)[0]
    return ("disputes", (_strip_opening(subject) + " " + _clause(text, m.end("cue"))).strip(), False, True)


def _debunk_verb(text: str, m: re.Match[str]) -> Decision:
    prev = _last_words(_before(text, m.start("cue")), 2)
    if any(w in MODALS or w in NEGATORS or w.endswith(("n't", "n’t")) for w in prev):
        return None
    if prev[-1:] and prev[-1] in _DETERMINERS:
        return None  # "the discredited reports": an adjective (read by the attributive rule), not a verb
    rest = text[m.end("cue") :]
    if re.match(r"\s+(?:by|in|on|as)\b", rest) and not re.match(r"\s+as\s+(?:a|an)\b", rest):  # passive: "was debunked by X"
        subject = _before(text, m.start("cue"))
        frame = REPORTED_FRAME.search(subject)
        prop = subject[frame.end() :] if frame and frame.group("noun") else subject
        prop = re.sub(r"(?i)\s+(?:has|have|had|was|were|is|are|been|being)(?:\s+been)?\s*$", "", prop).strip(" ,")
        return ("debunks", prop, _is_anaphoric(prop))
    phrase = _strip_frame(_clause(text, m.end("cue")))
    return ("debunks", phrase, _is_anaphoric(phrase))


def _falsely_claimed(text: str, m: re.Match[str]) -> Decision:
    phrase = _clause(text, m.end("cue"))
    phrase = re.sub(r"(?i)^that\s+", "", phrase)
    return ("debunks", phrase, _is_anaphoric(phrase))


def _contrary_to(text: str, m: re.Match[str]) -> Decision:
    frame_end = m.end("cue")
    rest = text[frame_end:]
    that = re.match(r"\s+that\s+", rest)
    if that:
        return ("debunks", _clause(text, frame_end + that.end()), False)
    main = re.search(r",\s+", rest)
    return ("debunks", _clause(text, frame_end + main.end()) if main else "", not main)


def _dismiss_plain(text: str, m: re.Match[str]) -> Decision:
    """'shrugged off the allegations', 'cast doubt on the report', 'questioned whether ...'."""
    prev = _last_words(_before(text, m.start("cue")), 2)
    if any(w in MODALS or w in NEGATORS or w.endswith(("n't", "n’t")) for w in prev):
        return None
    cue = m.group("cue")
    if cue[:1].isupper() and m.start("cue") > 0 or prev[-1:] and prev[-1] in _DETERMINERS:
        return None  # "told Kurdish Question that ...", "the question whether": a name or a noun, not a verb
    if re.fullmatch(r"(?i)question|dispute|contest|challenge", cue) and re.match(r"\s+that\b", text[m.end("cue") :]):
        return None  # "the question that ...": the bare form before "that" is a noun
    phrase = _strip_frame(_clause(text, m.end("cue")))
    phrase = re.sub(r"(?i)^(?:whether|if|that)\s+", "", phrase)
    return ("disputes", phrase, _is_anaphoric(phrase))


def _correction(text: str, m: re.Match[str]) -> Decision:
    return ("disputes", _clause(text, m.end("cue")), False)


_NEG = r"(?:n['’]t|\s+not|\s+never)"
_CLAIMS_RE = r"(?:(?:the|these|those|such|any|all|his|her|their|its|our|earlier|recent|media|press|initial|widespread|some|many|other|\w+['’]s)\s+){0,3}(?:\w+\s+)?(?:allegations?|claims?|reports?|accusations?|rumou?rs?|suggestions?|stories|story|speculation|assertions?|account|accounts|narrative|notion|idea|theor(?:y|ies)|charges?|findings|version)"
_LABEL_VERBS = r"call(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|term(?:s|ed|ing)?|brand(?:s|ed|ing)?|describ(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|decr(?:y|ies|ied|ying)|denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|reject(?:s|ed|ing)?|slam(?:s|med|ming)?|ridicul(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|deride[sd]?|deriding|blast(?:s|ed|ing)?|lambast(?:s|ed|ing)?"

RULES: list[Rule] = [
    # Denial verbs, with the complements that make them denials of a claim.
    (re.compile(r"\b(?:categorically\s+|flatly\s+|strongly\s+|firmly\s+|vehemently\s+|emphatically\s+|swiftly\s+|quickly\s+|immediately\s+|again\s+|also\s+|publicly\s+|repeatedly\s+)?(?P<cue>den(?:y|ies|ied|ying))\b", re.I), _deny_verb, "subject"),
    # Labelling a claim false, both orders: "dismissed X as baseless", "decried as 'false' the allegations that X".
    (re.compile(rf"\b(?P<cue>(?P<verb>{_LABEL_VERBS})\s+(?:(?P<np>(?!as\s)(?:[^\s.;:!?]+\s+){{1,12}}?)(?:as\s+)?|as\s+)[\"“‘']?{_ADVS}(?P<fal>{FALSITY})\b[\"”’']?)", re.I), _labelled_false, "subject"),
    (re.compile(rf"\b(?P<cue>reject(?:s|ed|ing)?)\b(?=\s+{_CLAIMS_RE}\b)", re.I), _reject_verb, "subject"),
    (re.compile(r"\b(?P<cue>refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|repudiat(?:e|es|ed|ing)|contradict(?:s|ed|ing)?)\b", re.I), _refute_verb, "subject"),
    (re.compile(r"\b(?P<cue>debunk(?:s|ed|ing)?|disprov(?:e|es|ed|ing)|disproven|discredit(?:s|ed|ing)?|exposed\s+as\s+(?:a\s+)?(?:fake|fraud|hoax|false))\b", re.I), _debunk_verb, "subject"),
    # Falsity predicates: "X is false", "reports that X may have been greatly exaggerated", "it turned out to be a hoax".
    (re.compile(
        rf"(?P<cue>(?:(?:\s|^)(?:is|are|was|were|be|been|being|'s|’s|has\s+been|have\s+been|had\s+been|may\s+have\s+been|might\s+have\s+been|"
        rf"could\s+have\s+been|(?:seems?|seemed|appears?|appeared)\s+to\s+(?:be|have\s+been)|turn(?:s|ed)?\s+out\s+to\s+(?:be|have\s+been)|"
        rf"prov(?:e|es|ed)\s+to\s+(?:be|have\s+been)|(?:was|were|has\s+been|have\s+been)\s+(?:revealed|exposed|shown|found)\s+(?:to\s+(?:be|have\s+been)|as))"
        rf"|(?:\s|^)(?:looks?|looked|seems?|seemed|appears?|appeared|sounds?|sounded)"
        rf"|['’]s)[\s,]+(?:(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+,?\s+(?:but|and|yet)\s+(?:also\s+|even\s+)?)?{_ADVS}(?P<fal>{FALSITY}))\b(?!\s*[-–]?\s*(?:start|alarm|teeth|ceiling|floor|bottom|eyelashes|tan|nails|positive|negative|dawn|note|economy|step|sense|hope|modesty|flag))",
        re.I,
    ), _falsity_predicate, "speaker"),
    (re.compile(r"(?:\b(?:the|these|those|this|that)\s+|(?=(?:clearly|obviously|totally|entirely|completely|patently)\s))(?P<cue>(?:(?:clearly|obviously|totally|entirely|completely|patently)\s+)?(?:fake|faked|staged|doctored|fabricated|bogus|phony|phoney|hoax|photoshopped|forged|made-up|debunked|discredited))\s+(?P<np>(?:video|videos|clip|clips|footage|photos?|photographs?|pictures?|images?|posts?|tweets?|stor(?:y|ies)|articles?|reports?|letters?|notes?|documents?|memo|emails?|quotes?|screenshots?|recordings?|interview|scenes?|ad|advert|advertisement)\b)", re.I), _attributive_falsity, "writer"),
    # "Some sites are claiming X, but it's not", "X, which is not the case / not true".
    (re.compile(r"(?P<cue>,?\s+but\s+(?:it|that|this|they|he|she)(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+did|\s+does|\s+do)" + _NEG + r"|,?\s+(?:which|but\s+that)\s+(?:is|was)" + _NEG + r"\s+(?:the\s+case|true|so))(?=\s*(?:[.;,!?—–]|$))", re.I), _but_not, "writer"),
    (re.compile(r"(?P<cue>(?:,|—|–)?\s+but\s+not\s+(?:(?:in\s+order\s+)?to|because|so\s+(?:that|as)|for\s+the\s+reason)\b)", re.I), _but_not_purpose, "speaker"),
    # Negated relation: "the two customs are not in any way connected", "unrelated", "had nothing to do with".
    (re.compile(r"(?P<cue>(?:\s(?:is|are|was|were|be|been)" + _NEG + r"|\s(?:is|are|was|were)(?:n['’]t|\s+not)\s+(?:in\s+any\s+way|at\s+all|actually|really|even|necessarily|directly)|\sare\s+(?:completely\s+|entirely\s+|totally\s+)?un)(?:\s+(?:in\s+any\s+way|at\s+all|actually|really|even|directly))?\s*(?:connected|related|linked|tied|associated)\b|\s(?:have|has|had)\s+(?:absolutely\s+)?nothing\s+to\s+do\s+with\b)", re.I), _not_related, "speaker"),
    # Negated involvement or happening: "was not involved in", "never happened", "didn't actually happen".
    (re.compile(r"(?P<cue>\s(?:was|were|is|are|had|has|have)(?:n['’]t|\s+not|\s+never)(?:\s+been)?(?:\s+(?:actually|ever|directly|in\s+any\s+way))?\s+(?P<pred>involved|behind|responsible|complicit|party\s+to|part\s+of|aware\s+of)\b|\s(?:never|did(?:n['’]t|\s+not)\s+(?:actually\s+|really\s+|ever\s+)?)\s*(?P<pred2>happened|happen|took\s+place|take\s+place|existed|exist|occurred|occur))", re.I), lambda t, m: _negated_event(t, _Pred(m)), "speaker"),
    (re.compile(r"\b(?P<cue>(?:there\s+(?:is|was|has\s+been|are|were)\s+)?no\s+(?:credible\s+|hard\s+|real\s+|concrete\s+|solid\s+|independent\s+)?(?:evidence|proof|indication|record|basis|truth)\s+(?:whatsoever\s+)?(?:that|of|to\s+(?:suggest|support|show|back)|for|in|to)\b|no\s+(?:involvement|role|part)\s+in\b)", re.I), _no_evidence, "speaker"),
    (re.compile(r"\b(?P<cue>(?:say|says|said|mention|mentions|mentioned)\s+nothing\s+(?:about|of)|makes?\s+no\s+mention\s+of)\b", re.I), _says_nothing, "speaker"),
    (re.compile(r"\b(?P<cue>(?:falsely|wrongly|erroneously|mistakenly|incorrectly|inaccurately)\s+(?:claim(?:s|ed|ing)?|report(?:s|ed|ing)?|stat(?:e|es|ed|ing)|sa(?:id|y|ys)|suggest(?:s|ed|ing)?|attribut(?:e|es|ed|ing)|identifi(?:ed|es)|describ(?:e|es|ed|ing)|label(?:s|led|ed)))\b", re.I), _falsely_claimed, "writer"),
    (re.compile(r"\b(?P<cue>contrary\s+to\s+(?:(?:some|earlier|initial|many|media|previous|widespread|the)\s+)*(?:reports?|claims?|rumou?rs?|speculation|what\s+(?:was|has\s+been|had\s+been|some|many)\s+(?:reported|claimed|said)))\b", re.I), _contrary_to, "writer"),
    (re.compile(rf"\b(?P<cue>(?:shrug(?:s|ged|ging)?|brush(?:es|ed|ing)?|wav(?:e|es|ed|ing))\s+(?:off|aside|away)(?=\s+{_CLAIMS_RE})|(?:push(?:es|ed|ing)?\s+back|hit(?:s|ting)?\s+back)\s+(?:on|against|at)(?=\s+{_CLAIMS_RE})|cast(?:s|ing)?\s+(?:serious\s+|fresh\s+|new\s+)?doubts?\s+on|(?:pour(?:s|ed|ing)?|thr(?:ew|ow|ows|owing))\s+cold\s+water\s+on|(?:disput|challeng|contest|question)(?:e|es|ed|ing|s)?(?=\s+(?:{_CLAIMS_RE}|whether|the\s+(?:accuracy|authenticity|veracity|validity|truth)|that)\b))", re.I), _dismiss_plain, "subject"),
    # Corrections: "clarified that X, rather than Y", "however, insisted that ...".
    (re.compile(r"\b(?P<cue>(?:clarified|insisted|countered|maintained|objected|corrected|stressed|responded)(?:\s+that)?)(?=[^.]*\b(?:rather\s+than|instead\s+of|not\s+a|not\s+the)\b)", re.I), _correction, "subject"),
    (re.compile(r"(?<=\bhowever,\s)(?P<cue>(?:\w+\s)?(?:clarified|insisted|countered|maintained|said|noted|stressed|argued)\b(?:\sthat)?)", re.I), _correction, "subject"),
]


class _Pred:
    """A match whose predicate comes from one of two groups ("involved" or "happen")."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def start(self, group: str | int = 0) -> int:
        return self._m.start(group)

    def end(self, group: str | int = 0) -> int:
        return self._m.end(group)

    def group(self, name: str | int = 0) -> str:
        if name == "pred":
            return self._m.group("pred") or self._m.group("pred2") or ""
        return self._m.group(name)


_CONDITION = re.compile(r"(?i)\b(?:if|whether|unless|in\s+case)\b[^,;:.!?]*$")


def _conditional(text: str, at: int) -> bool:
    """Is the cue inside an "if" or "whether" clause ("We'll see if this prompts a statement denying ...")?"""
    return bool(_CONDITION.search(_before(text, at)))


_CONTRAST = re.compile(r"\b(?:however|rather than|instead of)\b", re.IGNORECASE)  # a correction of what was just said
_SUBORDINATE = re.compile(r"^(?:while|although|though|whereas|even\s+as|even\s+though|despite)\b[\s,]*", re.IGNORECASE)


def find_stance(text: str, speaker: Callable[[int, bool], str] | str | None = None) -> Stance | None:
    """The denial, debunk or dispute a claim expresses, if any (the earliest cue that holds).

    ``speaker`` gives who takes the stance: a name, or a function of the cue's offset and of whether
    the cue is a verb (whose subject then holds the stance: "The board denied ...") that finds it.
    """
    found: list[tuple[int, int, Decision, str]] = []
    for pattern, decide, holder_mode in RULES:
        pos = 0
        while (m := pattern.search(text, pos)) is not None:  # overlapping: a rejected cue must not hide a later one
            decision = decide(text, m) if not _conditional(text, m.start("cue")) else None
            if decision:
                found.append((m.start("cue"), m.end("cue"), decision, holder_mode))
                break
            pos = m.start("cue") + 1
    if not found:
        return None
    start, end, decision, holder_mode = min(found, key=lambda f: f[0])
    assert decision is not None
    kind, obj, anaphoric = decision[:3]
    loose = len(decision) > 3 and bool(decision[3])
    obj = " ".join(obj.split()).strip(" ,\"“”‘’'")
    if not callable(speaker):
        holder = speaker or ""
    elif holder_mode == "writer":  # "Some sites claim X, but it's not": the writer's, not the sites'
        holder = ""
    else:
        holder = speaker(start, holder_mode == "subject")
    subordinate = bool(_SUBORDINATE.match(text)) and text.find(",", end) > 0 and kind == "denies"
    if _SUBORDINATE.match(text) and ", " in obj:
        obj = obj[: obj.index(", ")]  # "While X denied Y, Z": the stance's clause ends at the comma
    cue = text[start:end].strip(" ,")
    return Stance(kind, cue, holder, obj, bool(_CONTRAST.search(text)), subordinate, anaphoric or not obj, start, end, loose)


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
