"""Find who a sentence attributes its claim to, outermost source first.

Method: reporting verbs ("said", "told", "warned", "found"...) and fixed frames ("according to X", "X cited in Y",
"citing X", "'...,' said X", "X is quoted as saying", "seen by X") locate each relation in the tokenised
sentence; a small noun-phrase walker reads the speaker left of the verb (across appositives, "reportedly",
"on Monday") or right of an inverted verb or preposition. Word lists, titles and capitals classify the speaker
as outlet, document, body, person or unknown. Each relation governs part of the sentence (its scope); a relation
inside another's scope is nested deeper, which gives the outermost-first order.
Known failure modes: no coreference (pronouns are returned as written); a bare one-word name is taken for a
person even when it is a company or an unlisted place; long relative clauses between speaker and verb, stray
quotation marks, and terse uses of "found"/"added" without "that" or a quotation are missed; English only.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..model import pickle_by_position

__all__ = ["KINDS", "Attribution", "classify", "find_attribution", "lead_in_speaker"]
KINDS = ("outlet", "document", "body", "person", "unknown")


@dataclass(frozen=True, slots=True)
class Attribution:
    name: str
    kind: str  # outlet | document | person | body | unknown
    via: str  # the reporting verb as written (lowercased), "according to", "quote", "cited in", "citing", ...
    start: int  # span of the name in the sentence; a speaker taken from ``previous`` has start == end == 0
    end: int


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _with_plurals(text: str) -> frozenset[str]:
    """The words and their plurals: minister, ministers; agency, agencies; spokesman, spokesmen."""
    words = _words(text)
    return words | {_plural_of(w) for w in words}


def _phrases(text: str) -> frozenset[str]:
    """Comma-separated phrases, lower-cased."""
    return frozenset(p.strip().lower() for p in text.split(","))


def _plural_of(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"  # study -> studies, agency -> agencies
    return word + ("es" if word.endswith(("ss", "ch", "sh", "x")) else "s")


# The word lists: plain named sets. Sets meant to be disjoint are tested to be (tests/test_attribution_words.py).

# Reporting verbs that attribute on their own: "X said ...", "..., X said."
FREE_VERBS = _words(
    """
    say says said saying tell tells told telling stated stating argue argues argued arguing insist insists
    insisted insisting assert asserts asserted asserting allege alleges alleged alleging reported reporting
    confirm confirms confirmed confirming announce announces announced announcing explain explains explained
    explaining describe describes described describing deny denies denied denying warn warns warned warning
    testify testifies testified tweeted declared declares revealed reveals disclosed discloses acknowledges
    admitted admits predicted predicts
    """
)

# Reporting verbs that attribute only before "that", a quotation or punctuation ("X added that ..."),
# since they have other senses ("she added salt"). Disjoint from FREE_VERBS: a verb is one or the other.
STRICT_VERBS = _words(
    """
    add adds added adding note noted noting notes claim claims claimed claiming report reports states stressed
    stresses observed observes suggest suggests suggested suggesting find finds found show shows showed
    concluded concludes recalled recalls conceded concedes countered replied maintained maintains emphasised
    emphasized cautioned complained estimated estimates write writes wrote writing outlines outlined documents
    documented hints hinted contains contained details detailed record records recorded indicates indicated
    clarified clarifies acknowledged
    """
)

# Verbs that end a lead-in line introducing a quotation or a document ("The memo reads:").
LEAD_VERBS = _words(
    """
    reads continues puts spells lays sets goes summarises summarizes recounts describes writes concludes
    """
)

# Strict verbs that are also nouns: a verb only before "that", ":" or a quotation.
_NOUNLIKE = _words(
    """
    report reports claim claims notes states
    """
)

# "..., saying ...": the speaker is the sentence's subject.
_SPEECH_ING = _words(
    """
    saying adding telling claiming arguing noting warning insisting denying explaining writing stating asserting
    alleging suggesting acknowledging
    """
)

# Participles of the frames "cited in X", "seen by X", "as reported by X".
_CARRIERS = _words(
    """
    cited quoted reported published obtained seen leaked described
    """
)

# Determiners, numbers and quantifiers that open a noun phrase.
_DETS = _words(
    """
    the a an this these those its his her their our one two three four five six seven eight nine ten some
    several many most other another both each
    """
)

# Definite determiners: "the minister" is one person, "a minister" unknown.
_DEFINITE = _words(
    """
    the this his her its their our
    """
)

# Function words: never part of a name, even capitalised at the start of a sentence.
_FUNCTION = _words(
    """
    and or but that which who whom whose when while as if because so than then there here not no to of in on at
    by for with from into is was were are be been being has have had will would can could may might should must
    do does did also later after never ever however other over under whether rather further together either
    neither per just only even still yet again about against between among before since until during without
    within what how why where very more less much such same i we you me us my your it's all
    """
)

# Words between a speaker and the verb that the walker steps over ("X reportedly said").
_SKIP = _words(
    """
    reportedly allegedly also later previously then publicly privately repeatedly recently earlier further again
    initially originally subsequently separately first once never not has have had is was are were been be will
    would could may might should did does do to as quoted alleged reported believed understood thought known
    already today yesterday now
    """
)

# Forms of "be": "was told" is passive.
_BE = _words(
    """
    is was are were been be being am
    """
)

# Prepositions a speaker's noun phrase extends over, read leftwards ("the head of the agency said").
_BACK_PREPS = _words(
    """
    of for at to with from in by
    """
)

# Prepositions a speaker's noun phrase extends over, read rightwards ("according to the head of the agency").
_FWD_PREPS = _words(
    """
    of for at from with
    """
)

# Adjectives of "people familiar with ...".
_ADJ_PREP = _words(
    """
    familiar close knowledgeable briefed involved
    """
)

# Lower-case words inside names ("Bank of England", "Ursula von der Leyen").
_NAME_LINK = _words(
    """
    of for de del da di al bin van von der le la du and &
    """
)

# Modifiers of a speaker noun ("a senior official").
_MODS = _words(
    """
    senior former top local foreign unnamed anonymous independent chief deputy federal state public other
    several government party
    """
)

# Titles before a person's name ("Minister Lopez").
_TITLES = _words(
    """
    mr mrs ms dr prof president minister secretary ambassador senator sen rep gov governor judge justice general
    gen col lt capt chancellor king queen prince princess pope rev sir dame lord lady mayor chief commissioner
    director chairman chair ceo coach inspector detective sgt officer spokesman spokeswoman spokesperson premier
    envoy leader mr. mrs. ms. dr. prof. sen. rep. gov. gen. col. lt. capt. sgt.
    """
)

# Nouns for people (with plurals): the speaker is a person ("the minister") or unknown ("officials").
_ROLES = _words(
    """
    people police staff spokespeople others
    """
) | _with_plurals(
    """
    minister president leader chief head director chairman chairwoman chair ceo executive founder owner manager
    coach captain player lawyer attorney prosecutor judge detective inspector sheriff commissioner governor
    mayor senator lawmaker legislator congressman congresswoman mp ambassador envoy diplomat adviser advisor
    aide analyst economist expert scientist researcher professor doctor physician nurse author writer reporter
    journalist correspondent editor columnist witness resident neighbour neighbor victim survivor activist
    campaigner protester organiser organizer candidate negotiator mediator investigator auditor general
    commander colonel soldier trader investor broker strategist consultant insider person man woman mother
    father son daughter wife husband friend colleague relative student teacher worker employee member fan
    secretary premier chancellor king queen prince pope bishop priest imam rabbi critic observer official
    officer spokesperson spokesman spokeswoman representative source historian
    """
)

# People who speak for a body: "a spokesperson for the ministry" is a person.
_SPOKES = _words(
    """
    spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative representatives
    official officials source sources
    """
)

# Nouns for documents (with plurals).
_DOCS = _words(
    """
    minutes data figures records research evidence analyses
    """
) | _with_plurals(
    """
    cable memo memorandum report document letter statement transcript filing email e-mail cypher cipher study
    paper survey poll dossier assessment review audit indictment complaint lawsuit affidavit ruling judgment
    order decree directive bill draft note message text tweet video footage recording leak file article story
    book memoir release communique announcement guidance notice warrant testimony finding estimate forecast
    projection index census diary log account submission proposal analysis law act constitution rule regulation
    policy treaty agreement contract charter guideline
    """
)

# Nouns for bodies (with plurals): governments, companies, courts, parties, teams.
_BODIES = _words(
    """
    police forces authorities inc. ltd. corp. co.
    """
) | _with_plurals(
    """
    department ministry government administration kremlin pentagon parliament assembly congress senate house
    court tribunal army navy military party council commission committee agency authority board bureau office
    service cabinet embassy consulate secretariat regime company firm group bank fund union league federation
    association club team university college school hospital institute foundation organisation organization
    coalition alliance campaign church corporation regulator watchdog prosecution defence defense operator
    manufacturer retailer carrier lender insurer brand startup giant carmaker maker country nation city county
    municipality district province state treasury reserve fed trust center centre programme program observatory
    united fc afc athletic rovers inc ltd corp llc plc co ag sa nv gmbh holdings partners airlines motors
    """
)

# Words that name outlets by convention ("The Times", "Daily News").
_OUTLET_NAMES = _words(
    """
    times post journal news herald tribune gazette chronicle courier dispatch examiner inquirer bulletin daily
    weekly magazine press wire network channel radio tv television broadcasting media
    """
)

# Nouns for outlets (with plurals).
_OUTLET_NOUNS = _words(
    """
    media press
    """
) | _with_plurals(
    """
    newspaper magazine outlet broadcaster tabloid network channel website blog podcast newsletter daily wire
    journal
    """
)

# Places whose name stands for a government ("Washington said"): a body.
_PLACES = _phrases(
    """
    United States, America, United Kingdom, Britain, China, Russia, India, Pakistan, Iran, Iraq, Israel,
    Ukraine, France, Germany, Japan, Italy, Spain, Canada, Mexico, Brazil, Argentina, Australia, Turkey, Egypt,
    Syria, Lebanon, Jordan, Saudi Arabia, Qatar, Yemen, Afghanistan, Bangladesh, Indonesia, Malaysia,
    Philippines, Vietnam, Thailand, Taiwan, South Korea, North Korea, Korea, South Africa, Nigeria, Kenya,
    Ethiopia, Sudan, Poland, Hungary, Greece, Sweden, Norway, Finland, Denmark, Netherlands, Belgium,
    Switzerland, Austria, Ireland, Portugal, Venezuela, Colombia, Chile, Peru, Cuba, New Zealand, Sri Lanka,
    Nepal, Myanmar, Belarus, Georgia, Armenia, Azerbaijan, Kazakhstan, Serbia, Romania, Palestine, Libya,
    Algeria, Morocco, Tunisia, Washington, Beijing, Moscow, London, Paris, Berlin, Tokyo, Kyiv, Kiev, Tehran,
    Brussels, Islamabad, New Delhi, Delhi, Ankara, Riyadh, Jerusalem, Seoul, Pyongyang, Canberra, Ottawa, Cairo,
    Damascus, Baghdad, Kabul, Taipei, Caracas, Havana, Westminster, Whitehall, Downing Street, White House,
    Capitol Hill, Wall Street, Number 10, Kremlin, Pentagon, Tel Aviv, Dhaka, Manila, Jakarta, Hanoi, Warsaw,
    Rome, Madrid, Europe, Africa, Asia
    """
)

_THAT_VERBS = _words("show shows showed find finds found")  # strict verbs that report only before "that" ("the data show that")
_PARTICLE = {"puts": "it", "spells": "out", "lays": "out", "sets": "out", "goes": "on"}
_TRIGGERS = FREE_VERBS | STRICT_VERBS | _CARRIERS | {"according", "citing", "interview"}
_PRONOUNS = {"he": "person", "she": "person", "they": "person", "it": "unknown", "him": "person", "her": "person", "them": "person"}
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_QUOTE_CHARS = "\"“”‘’'"
_BOUNDARY = frozenset([",", ";", ":", "—", "–", "(", *_QUOTE_CHARS, "that", "and", "but", "while", "as", "because", "when", "after", "so"])
_COMPLEMENT = frozenset(["that", ",", ":", ".", ";", "!", "?", "—", "–", *_QUOTE_CHARS])
# Inside a single-quoted passage an apostrophe may stand only within a word ("don't"): one that opens
# a word ("'word") starts another passage, so no match runs on past it (each would scan to the end: quadratic).
_QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=\S)(?:[^'‘’]|(?<=\w)['’](?=\w))*?(?<=\S)['’](?=[\s.,;:!?)\]—–-]|$)")
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]\w*(?:['’&.-]\w+)*|\S")
_ABBREV = _words("Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Capt Sgt Rev St Jr Sr Inc Ltd Corp Co")
_LETTERS = re.compile(r"[a-z]+")
_PASSIVE_MARK = _words("as , first originally widely")
_CLAUSE_END = _words("but while whereas according")


class _Tok:
    __slots__ = ("text", "low", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.low, self.start, self.end = text, text.lower(), start, end


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if word == "." and toks and toks[-1].text in _ABBREV and toks[-1].end == start:
            toks[-1] = _Tok(toks[-1].text + ".", toks[-1].start, start + 1)
        else:
            toks.append(_Tok(word, start, start + len(word)))
    return toks


def _cap(toks: list[_Tok], i: int) -> bool:
    """Is token ``i`` part of a capitalised name (not a capitalised sentence-initial function word)?"""
    t = toks[i]
    if not t.text[0].isupper() or t.low in _DETS:
        return False
    return t.text != "I" and not (i == 0 and (t.low in _FUNCTION or t.low in _SKIP) and not (t.text.isupper() and len(t.text) > 1))


def _poss(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s")) and len(t.low) > 2


def _word(t: _Tok) -> bool:
    return t.text[0].isalpha() and t.low not in _FUNCTION and t.low not in _SKIP and not _poss(t)


def _noun(low: str, singular: bool = False) -> bool:
    """A known source noun, or a noun by its suffix (plural agent nouns; singular ones too if ``singular``)."""
    if low in _ROLES or low in _DOCS or low in _BODIES or low in _OUTLET_NOUNS:
        return True
    ends = ("ers", "ors", "ists", "ians", "ants", "ents", "men") + (("er", "or", "ist", "ian", "ant", "ent", "man") if singular else ())
    return low.endswith(ends) and low not in _FUNCTION and low not in _SKIP


def _head_ok(toks: list[_Tok], j: int, loose: bool, poss: bool = False) -> bool:
    t = toks[j]
    if not t.text[0].isalnum() or _poss(t) != poss or t.low in _DETS:
        return False
    low = t.low[:-2] if poss else t.low
    return _cap(toks, j) or _noun(low, singular=loose) or loose and t.text[0].isalpha() and low not in _FUNCTION and low not in _SKIP


def _seg_back(toks: list[_Tok], j: int, loose: bool = False, poss: bool = False) -> int | None:
    """Start index of a simple noun phrase (determiner, modifiers, name or noun) ending at token ``j``."""
    if j < 0:
        return None
    if toks[j].low in ("he", "she", "they", "it") and not poss:
        return j
    weak = not _head_ok(toks, j, loose, poss)  # a singular agent noun ("the striker") needs a determiner
    if weak and not _noun(toks[j].low[:-2] if poss else toks[j].low, singular=True) or not _head_ok(toks, j, True, poss):
        return None
    k, pending, anchored = j, 0, False
    while k > 0:
        p = toks[k - 1]
        if _cap(toks, k - 1) and not _poss(p) or p.low in _TITLES and _cap(toks, k) and p.text.islower():
            k, pending = k - 1, 0
        elif p.low in _NAME_LINK and k >= 2 and _cap(toks, k - 2) and _cap(toks, k) and not pending:
            k -= 1
        elif p.low == "the" and k >= 3 and toks[k - 2].low == "of" and _cap(toks, k - 3) and _cap(toks, k):
            k -= 2
        elif _poss(p):
            owner = _seg_back(toks, k - 1, loose=True, poss=True)
            k, pending, anchored = (k - 1 if owner is None else owner), 0, True
            break
        elif p.low in _DETS or p.text.isdigit():
            k, pending, anchored = k - 1, 0, True
            break
        elif _word(p) and pending < 3 and p.text.islower() and (p.low in _MODS or not _cap(toks, k)):
            k, pending = k - 1, pending + 1
        else:
            break
    while pending and any(toks[x].low not in _MODS for x in range(k, k + pending)):
        k, pending = k + 1, pending - 1  # unanchored lowercase modifiers are dropped unless they are known ones
    return None if weak and not anchored else k


def _np_back(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """Span of a speaker phrase ending at ``j``, crossing post-modifiers ("a spokesperson for the ministry")."""
    end, head, i = j + 1, j, _seg_back(toks, j)
    must_extend = i is None  # "the matter" can only end a phrase such as "sources familiar with the matter"
    if i is None and (i := _seg_back(toks, j, loose=True)) is None:
        return None
    while i >= 2 and toks[i - 1].low in _BACK_PREPS:
        k, participle, prep = i - 2, False, toks[i - 1].low
        if toks[k].low in _ADJ_PREP and k > 0:
            k, prep = k - 1, "of"
        elif k > 0 and toks[k].text.islower() and (toks[k].low.endswith("ed") or toks[k].low in _CARRIERS):
            k, participle = k - 1, True  # "the study published in Nature said": the speaker is "the study"
        if must_extend and prep != "of" or prep == "in" and toks[head].low in _DOCS:  # not "the minister in a statement"
            break
        outer = _seg_back(toks, k)
        if outer is None or toks[k].low in _PRONOUNS:
            break
        i, head, must_extend = outer, k, False
        if participle:
            end = k + 1
            break
    return None if must_extend else (i, end)


def _np_fwd(toks: list[_Tok], i: int, loose: bool = False, post: bool = True) -> int | None:
    """End index (exclusive) of a noun phrase starting at token ``i``."""
    n = len(toks)
    if i >= n:
        return None
    if toks[i].low in _PRONOUNS:
        return i + 1
    k = i + 1 if toks[i].low in _DETS or toks[i].text.isdigit() else i
    head, lows = None, 0
    while k < n:
        t = toks[k]
        if _cap(toks, k) or _poss(t):
            head = head if _poss(t) else k
        elif t.low in _NAME_LINK | {"the"} and head is not None and k + 1 < n and _cap(toks, k + 1):
            if not (_cap(toks, k - 1) or toks[k - 1].low == "of"):
                break
        elif _word(t) and t.text.islower() and lows < 4 and t.low not in _DETS:
            if head is not None and _cap(toks, head):  # after a name only a noun: "Reuters reporter", "a Reuters tally"
                if _noun(t.low, singular=True):
                    head, k = k, k + 1
                    continue
                if toks[i].low in ("a", "an") and (k + 1 == n or not _word(toks[k + 1])):
                    head = k
                break
            lows += 1
            head = k if _noun(t.low) else head
        else:
            break
        k += 1
    if head is None:
        if not loose or k == i or not _word(toks[k - 1]):
            return None
        head = k - 1
    end = head + 1
    while post and end + 1 < n:
        p = end + 1 if toks[end].low in _ADJ_PREP else end
        doc_by = toks[end - 1].low in _DOCS and toks[p].low in ("by", "in")
        if p + 1 >= n or not (toks[p].low in _FWD_PREPS or doc_by or p > end and toks[p].low == "to"):
            break
        sub = _np_fwd(toks, p + 1, loose=True, post=False)
        if sub is None:
            break
        end = sub
    return end


def _first_head(toks: list[_Tok], j: int) -> int:
    """Index of the last token before the first post-modifying preposition of the phrase toks[0..j]."""
    for x in range(1, j + 1):
        low = toks[x].low
        if low in _BACK_PREPS or low in _ADJ_PREP:
            linked = low in _NAME_LINK and x < j and _cap(toks, x - 1) and (_cap(toks, x + 1) or toks[x + 1].low == "the")
            if not linked:
                return x - 1
    return j


def outlet_key(name: str) -> str:
    """How an outlet's name is compared: lower case, without "the" and a possessive."""
    name = re.sub(r"(?i)^the\s+|['’]s$", "", " ".join(name.split()))
    return name.lower()


def classify(name: str, outlets: frozenset[str] = frozenset()) -> str:
    """Kind of a speaker phrase: "outlet", "document", "body", "person" or "unknown".

    ``outlets`` are the outlets the corpus names (:func:`outlets_in` and the sources' publishers, as
    :func:`outlet_key`): no fixed list of brands is kept, so an outlet is known by what the texts say of it."""
    if outlets and outlet_key(name) in outlets:
        return "outlet"
    toks = _tokens(name)
    if not toks:
        return "unknown"
    if len(toks) == 1 and toks[0].low in _PRONOUNS:
        return _PRONOUNS[toks[0].low]
    j = _first_head(toks, len(toks) - 1)
    seg, rest = toks[: j + 1], toks[j + 1 :]
    owner = max((x for x, t in enumerate(seg) if _poss(t)), default=-1)
    own, seg = seg[: owner + 1], seg[owner + 1 :] or seg
    low = seg[-1].low.rstrip(".")
    words = [t.low for t in seg if t.low not in _DETS]
    if not words:
        return "unknown"
    if " ".join(words) in _PLACES:
        return "body"
    if seg[-1].text[0].isupper() and low not in _ROLES and low not in _DOCS:
        cut = next((x for x, w in enumerate(words) if w in ("of", "for") and x), len(words))
        core = words[cut - 1]
        if low in _OUTLET_NAMES or core in _OUTLET_NAMES or outlet_key(" ".join(t.text for t in seg)) in outlets:
            return "outlet"
        if not (low in _BODIES or low in _PLACES) and any(w in _TITLES or w in _ROLES for w in words[:-1]):
            return "person"
        if core in _BODIES or low in _BODIES or low in _PLACES:
            return "body"
        if core in _TITLES or core in _ROLES:
            return "person"
        if seg[-1].text.isupper() and len(seg[-1].text.replace(".", "")) >= 2:
            return "body"
        if seg[0].low == "the" and seg[0].text[0].isupper() and len(seg) > 1:
            return "outlet"  # "The Intercept", "The Independent": a title, never a person's name
        return "person"
    if low in _OUTLET_NOUNS or low == "agency" and ("news" in words or "press" in words):
        return "outlet"
    if low in _DOCS:
        by_outlet = len(rest) > 1 and rest[0].low in ("by", "in", "from") and classify(name[rest[1].start :], outlets) == "outlet"
        return "outlet" if by_outlet else "document"
    if low in _BODIES:
        return "body"
    if any(w in outlets or w in _OUTLET_NAMES for w in words[:-1]) and not (low in _BODIES or low in _DOCS):
        return "outlet"  # "a Reuters tally", "BBC reporters"
    if low in _ROLES or _noun(low, singular=True):
        by_body = len(rest) > 1 and rest[0].low in ("for", "at", "of", "from", "in")
        by_body = by_body and any(t.text[0].isupper() or t.low in _BODIES for t in rest)  # "a spokesperson for the ministry"
        qualified = by_body or bool(own) or any(t.low in _BODIES or _cap(seg, x) and t.low not in _MODS for x, t in enumerate(seg[:-1]))
        definite = bool(own) or seg[0].low in _DEFINITE
        if qualified and (low in _SPOKES or not definite):
            return "body"
        return "person" if definite and (not low.endswith("s") or low in _TITLES) else "unknown"
    return "unknown"


def _make(text: str, toks: list[_Tok], i: int, end: int, via: str, outlets: frozenset[str] = frozenset()) -> Attribution:
    start, stop = toks[i].start, toks[end - 1].end
    return Attribution(text[start:stop], classify(text[start:stop], outlets), via, start, stop)


def _subject_before(toks: list[_Tok], v: int) -> tuple[int, int] | None:
    """Span of the speaker to the left of the reporting verb at ``v``."""
    j = v - 1
    while j >= 0 and toks[j].low in _SKIP:
        j -= 1
    if j >= 1 and toks[j].low in _WEEKDAYS and toks[j - 1].low == "on":
        j -= 2
    if j < 0:
        return None
    if toks[j].low != ",":
        adjunct = _seg_back(toks, j, loose=True)  # "The ministry in a statement said": skip "in a statement"
        if adjunct and adjunct >= 2 and toks[adjunct - 1].low in ("in", "on") and toks[adjunct].low in _DETS and (
            toks[j].low in _DOCS or not _head_ok(toks, j, False)
        ):
            return _np_back(toks, adjunct - 2)
        return _np_back(toks, j)
    # a parenthetical between speaker and verb: "Lopez, the minister, said" / "Reuters, citing sources, reported"
    c = next((x for x in range(j - 1, max(j - 16, 0), -1) if toks[x].low == ","), None)
    span = _np_back(toks, c - 1) if c else None
    return span if span and span[1] == c and (span[0] == 0 or toks[span[0] - 1].low in _BOUNDARY) else None


def find_attribution(text: str, *, previous: str | None = None, outlets: frozenset[str] = frozenset()) -> list[Attribution]:
    """The attribution chain of one sentence, outermost source first (the document's own writer is not included).

    ``previous`` is the text of the previous sentence or line: when it is a lead-in ("The Journal describes",
    "The minister told MPs:"), its speaker heads the chain with start == end == 0.
    """
    lead = lead_in_speaker(previous, outlets) if previous else None
    chain = [Attribution(lead.name, lead.kind, lead.via, 0, 0)] if lead else []
    if _TRIGGERS.isdisjoint(_LETTERS.findall(text.lower())):
        return chain
    scan = _Scan(text, outlets | outlets_in(text))
    for v, t in enumerate(scan.toks):
        if t.low in _TRIGGERS and not scan.quoted(t.start):
            scan.frame(v)
            if len(scan.found) >= MAX_RELATIONS:
                break  # no sentence has this many speakers: a pasted list, not prose
    return chain + scan.ordered()


MAX_RELATIONS = 64  # reporting relations read in one sentence; keeps a pathological "sentence" linear


Scope = list[tuple[int, int]]


class _Scan:
    """The relations found in one sentence, each with the character ranges it governs (its scope)."""

    def __init__(self, text: str, outlets: frozenset[str] = frozenset()) -> None:
        self.text, self.toks, self.size, self.outlets = text, _tokens(text), len(text), outlets
        self.quotes = [m.span() for m in _QUOTE_RE.finditer(text)]
        self.found: list[tuple[Attribution, Scope, int]] = []  # rank 0: a carrier ("cited in", "seen by") outranks its source

    def quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1  # quotations are sorted and do not overlap
        return k >= 0 and pos < self.quotes[k][1]

    @functools.cached_property
    def _quote_starts(self) -> list[int]:
        return [a for a, _ in self.quotes]

    @functools.cached_property
    def last_that(self) -> list[int]:
        """For each token, the index of the last "that" outside a quotation at or before it (-1 if none)."""
        out, last = [], -1
        for x, tok in enumerate(self.toks):
            if tok.low == "that" and not self.quoted(tok.start):
                last = x
            out.append(last)
        return out

    @functools.cached_property
    def next_stop(self) -> list[int]:
        """For each token, the start of the first clause boundary after it ("; ", ", but", ", according to")."""
        toks, out, stop = self.toks, [0] * len(self.toks), self.size
        for x in range(len(toks) - 1, -1, -1):
            out[x] = stop
            if toks[x].low == ";" or x and toks[x].low in _CLAUSE_END and toks[x - 1].low in (",", *_QUOTE_CHARS):
                stop = toks[x].start
        return out

    def add(self, i: int, end: int | None, via: str, scope: Scope | None = None, rank: int = 1, kinds: tuple[str, ...] = ()) -> bool:
        if end is None:
            return False
        att = _make(self.text, self.toks, i, end, via, self.outlets)
        if via in ("published in", "published by") and att.kind == "person":  # "published in Nature": a publication
            att = Attribution(att.name, "outlet", via, att.start, att.end)
        if kinds and att.kind not in kinds:
            return False
        self.found.append((att, [(0, att.start), (att.end, self.size)] if scope is None else scope, rank))
        return True

    def frame(self, v: int) -> None:
        toks, t, size = self.toks, self.toks[v], self.size
        nxt = toks[v + 1].low if v + 1 < len(toks) else "."
        before = toks[v - 1].low if v else ""
        if t.low == "according" and nxt == "to":
            end = _np_fwd(toks, v + 2, loose=True)
            if end is not None and v == 0:
                self.add(v + 2, end, "according to", [(toks[end - 1].end, size)])
            elif end is not None:  # mid-sentence: governs its own clause, which starts after the last "that" or open quote
                cut = self.last_that[v - 1] if v else -1
                self.add(v + 2, end, "according to", [(toks[cut].end if cut >= 0 else 0, t.start), (toks[end - 1].end, size)])
        elif t.low == "citing":
            self.add(v + 1, _np_fwd(toks, v + 1), "citing", [])
        elif t.low == "interview" and nxt == "with":
            self.add(v + 2, _np_fwd(toks, v + 2, post=False), "interview with", rank=0, kinds=("outlet",))
        elif t.low in _CARRIERS and nxt in ("in", "by", "to") and self.carrier(v, before, nxt):
            return
        elif (t.text in FREE_VERBS or t.text in STRICT_VERBS) and before != "to":  # not an infinitive ("declined to say")
            self.verb(v, nxt)

    def carrier(self, v: int, before: str, nxt: str) -> bool:
        """ "the memo cited in The Times", "a cable seen by Reuters", "as reported by the BBC" """
        low = self.toks[v].low
        if low in ("reported", "published", "described") and not (before in _BE or before in _DOCS or before in _PASSIVE_MARK):
            return False
        kinds = ("outlet", "body") if low in ("obtained", "seen", "leaked", "published") else ()
        return self.add(v + 2, _np_fwd(self.toks, v + 2, post=False), f"{low} {nxt}", rank=0, kinds=kinds)

    def verb(self, v: int, nxt: str) -> None:
        toks, t, size, text = self.toks, self.toks[v], self.size, self.text
        complement = nxt in _COMPLEMENT or nxt == "in" and t.low[:2] == "wr" or "that" in [x.low for x in toks[v + 1 : v + 6]]
        if t.low in _NOUNLIKE and nxt not in ("that", ":", *_QUOTE_CHARS):
            return
        prev = next((x for x in range(v - 1, -1, -1) if toks[x].low not in ("reportedly", "allegedly", "also", "not", "later")), -1)
        if prev >= 0 and toks[prev].low in _BE and not t.low.endswith("ing"):  # passive: only "was told by X" names a speaker
            if nxt == "by":
                self.add(v + 2, _np_fwd(toks, v + 2, post=False), t.low, [(0, size)])
            return
        via = "quoted as saying" if t.low == "saying" and v >= 2 and toks[v - 2].low == "quoted" else t.low
        span = _subject_before(toks, v)
        if span is not None:
            s, e = span
            if t.text in STRICT_VERBS and not complement and classify(text[toks[s].start : toks[e - 1].end]) != "document":
                return
            if t.low in _THAT_VERBS and nxt != "that" and classify(text[toks[s].start : toks[e - 1].end]) != "document":
                return  # "a TV show, ...": only a document shows or finds without "that" ("the data show ...")
            leading = (s == 0 or toks[s - 1].low not in (",", *_QUOTE_CHARS, "—", "–")) and nxt not in (".", "!", "?")
            if leading:  # "X said (that) ...": governs what follows, up to "; " or ", but/while/according to"
                stop = self.next_stop[v]
                scope = [(t.end, stop)]
            else:  # "..., X said." governs what precedes, and a quotation that resumes after it
                scope = [(0, toks[s].start)] + [(t.end, size) for q, _ in self.quotes[-1:] if q >= t.end]
            self.add(s, e, via, scope)
            if t.low in ("told", "tells"):
                self.add(v + 1, _np_fwd(toks, v + 1, post=False), "told", [(0, size)], rank=0, kinds=("outlet",))
        elif v and toks[v - 1].low in (",", *_QUOTE_CHARS) and t.low not in ("told", "telling") and (
            (end := _np_fwd(toks, v + 1)) is not None and (end == len(toks) or not toks[end].text[0].isalnum())
        ):
            self.add(v + 1, end, via, [(0, t.start)])  # "'...,' said Maria Lopez, the minister."
        elif t.low in _SPEECH_ING and v and toks[v - 1].low == "," and (complement or t.text in FREE_VERBS):
            end = _np_fwd(toks, 0)  # "The minister resigned, saying ...": the speaker is the sentence's subject
            if end is not None and end < len(toks) and toks[end].text[0].isalpha() and _head_ok(toks, end - 1, False):
                self.add(0, end, via, [(t.end, size)])

    def ordered(self) -> list[Attribution]:
        """Outermost first: fewer enclosing scopes, then carriers before what they carry, then position."""
        keyed: dict[tuple[int, int], tuple[tuple[int, int, int], Attribution]] = {}
        for att, scope, rank in self.found:
            if (att.start, att.end) in keyed:
                continue
            depth = sum(1 for other, sc, _ in self.found if other is not att and any(a <= att.start < b for a, b in sc))
            if rank and att.via not in ("according to", "citing") and any(a <= q < b for a, b in scope for q, _ in self.quotes):
                att = Attribution(att.name, att.kind, "quote", att.start, att.end)
            keyed[(att.start, att.end)] = ((depth, rank, att.start), att)
        return [att for _, att in sorted(keyed.values(), key=lambda k: k[0])]


_NAME_RE = r"(?:[Tt]he\s+)?[A-Z][\w&.’'-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|&\s+)?[A-Z][\w&.’'-]*){0,4}"
_OUTLET_FRAMES = [
    re.compile(rf"\b(?:published|reported|first\s+reported|cited|quoted|broadcast|aired)\s+(?:by|in|on)\s+(?P<name>{_NAME_RE})"),
    re.compile(rf"\b(?:report|reports|article|story|piece|investigation|interview|op-ed|editorial|column|headline)\s+(?:by|in|on|from|for)\s+(?:the\s+)?(?P<name>{_NAME_RE})"),
    re.compile(rf"(?P<name>{_NAME_RE})\s+(?:has|had|have)?\s*(?:published|ran|broadcast|aired)\s+(?:a|an|the|its|this)\s+(?:\w+\s+)?(?:report|article|story|piece|investigation|interview|headline|video|photo|photos)\b"),
    re.compile(rf"(?P<name>{_NAME_RE})['’]s\s+(?:report|reporting|article|story|investigation|headline|website|front\s+page)\b"),
    re.compile(rf"\b(?:newspaper|magazine|outlet|broadcaster|tabloid|website|site|blog|news\s+agency|wire\s+service|daily|weekly|station|channel|network|publication)\s+(?P<name>{_NAME_RE})"),
    re.compile(rf"(?P<name>{_NAME_RE})\s+(?:newspaper|magazine|tabloid|website|blog|news\s+agency|wire\s+service|daily|weekly)\b"),
    re.compile(r"\b(?P<name>[A-Za-z][\w-]*\.(?:com|co\.uk|org|net|info|news))\b"),
]
"""Where a corpus says a name is an outlet: it published, reported or ran something, or it is called a
newspaper, a website, an agency. Names are found in the texts, not in a list of brands."""


def outlets_in(text: str) -> frozenset[str]:
    """Outlet names (as :func:`outlet_key`) that ``text`` shows to be outlets."""
    found = set()
    for frame in _OUTLET_FRAMES:
        for m in frame.finditer(text):
            name = m.group("name").rstrip(".’'")
            key = outlet_key(name)
            if key and key not in _PRONOUNS and not _DATE_WORDS.search(key) and classify(name) not in ("document", "body"):
                found.add(key)
    return frozenset(found)


def lead_in_speaker(text: str, outlets: frozenset[str] = frozenset()) -> Attribution | None:
    """The speaker of a lead-in line such as "The Journal describes" or "The minister told MPs:" (offsets into ``text``)."""
    body = text.rstrip()
    if not body or body[-1] in ".!?\"”" or len(body) > 200:
        return None
    colon = body.endswith(":")
    toks = _tokens(body.rstrip(":,;—– "))
    if not toks or len(toks) > (30 if colon else 14):
        return None
    verbs = [v for v, t in enumerate(toks) if t.text in FREE_VERBS or t.text in STRICT_VERBS or t.text in LEAD_VERBS]
    if not verbs:
        return None
    v = verbs[-1]
    particle, tail = _PARTICLE.get(toks[v].low), [t.low for t in toks[v + 1 :]]
    if not colon and tail not in ([], [particle]) and not (toks[v].low in ("writes", "wrote", "reports") and tail[:1] == ["in"]):
        return None
    span = _subject_before(toks, v)
    via = toks[v].low + (f" {particle}" if particle and tail[:1] == [particle] else "")
    return None if span is None else _make(body, toks, span[0], span[1], via, outlets)


_NOT_HOLDERS = frozenset("i we you me us one someone somebody anyone everyone nobody people".split()) | frozenset(_PRONOUNS)
_DATE_WORDS = re.compile(
    r"\b(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year)\b",
    re.I,
)


def speaker_before(text: str, at: int) -> Attribution | None:
    """The subject of the clause whose verb starts at character ``at`` ("The harbour board" in "The harbour board
    flatly denied ..."), read with the same noun-phrase reader as reporting verbs; None if there is none."""
    toks = _tokens(text)
    v = next((k for k, t in enumerate(toks) if t.start >= at), len(toks))
    while v > 0 and toks[v - 1].low.endswith("ly") and toks[v - 1].text.islower() and toks[v - 1].low not in _FUNCTION:
        v -= 1  # "categorically denied"
    span = _subject_before(toks, v) if v > 0 else None
    if span is None and v > 0:  # any noun phrase will do for the subject of a verb ("The museum denied")
        j = v - 1
        while j > 0 and toks[j].low in _SKIP:
            j -= 1
        k = _seg_back(toks, j, loose=True)
        span = (k, j + 1) if k is not None and (toks[k].low in _DETS or _cap(toks, k) or _poss(toks[k])) else None
    if span is None:
        return None
    return _make(text, toks, span[0], span[1], "subject")


def sentence_subject(text: str) -> Attribution | None:
    """The noun phrase a sentence opens with ("His opponents, and the community, shrugged off ..."): the
    subject of its main clause when that clause comes first."""
    toks = _tokens(text)
    end = _np_fwd(toks, 0, post=False) if toks else None
    return None if end is None else _make(text, toks, 0, end, "subject")


def is_holder(name: str, subject: bool = False) -> bool:
    """Can ``name`` hold a position: a person, an organisation, an outlet or a document, named as such?

    Pronouns, dates and clause fragments cannot: a reader must be able to tell who holds the view. With
    ``subject`` (the name is the subject of a verb of denial, read by the noun-phrase reader), any noun
    phrase that is not a pronoun or a date will do: who denies is whoever the verb says denies."""
    words = name.split()
    if not words or len(words) > 8 or not words[0][:1].isalnum():
        return False
    first = re.split(r"['’]", words[0].lower().strip("'’\"“”"))[0]  # "I'm" is "I"
    if first in _NOT_HOLDERS or first in _FUNCTION and first not in _DETS or len(words) == 1 and first in _DETS:
        return False
    if _DATE_WORDS.search(name) and not any(w[:1].isupper() and w.lower() not in _WEEKDAYS and not _DATE_WORDS.fullmatch(w) for w in words[1:] + words[:1]):
        return False
    kind = classify(name)
    if subject:
        return True
    if kind == "unknown":  # "His opponents", "Khan's defenders": people named by what they are
        last = words[-1].lower().strip(".,'’")
        return len(words) > 1 and _noun(last) and last not in _DOCS
    return kind in ("person", "body", "outlet", "document")


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
