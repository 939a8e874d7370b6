"""What makes a sentence's proposition specific: stems, names, numbers and dates.

Articles about one story share most of their vocabulary, so similarity must
weigh what is specific to a proposition over the topic words every sentence
shares. Each sentence becomes a set of features:

- ``w:KEY``: content words, lower-cased, Snowball-stemmed and truncated to
  five letters (so "succeeds" meets "successful"), with light extra
  normalisation (British -ise to -ize, "forgiven" to "forgive", hyphenated
  compounds split: "no-confidence" = "no confidence"); a word capitalised
  inside a sentence is a name (kind ``e``), weighted more than other words;
- ``n:VALUE``: numbers, with number words up to twenty read as digits.

Feature weights (see :mod:`provenance.analysis.align`) multiply these kinds by
:data:`KIND_WEIGHT` and by inverse document frequency over the corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)*%?", re.UNICODE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
_ISE = re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$")
KEY_LETTERS = 5  # a word's key is its stem cut to this many letters, so that "succeed" meets "successful"
KIND_WEIGHT = {"w": 1.0, "n": 2.0, "e": 1.6}

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being below
    between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each even ever
    every few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's like me more most
    much must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some still such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those though through to too under until up upon
    us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who
    who's whom why why's will with won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves mr mrs ms dr according said says say told tell also then since however meanwhile well even one's its
    being get got go going gone made make may might shall across already among around away back within without""".split()
)
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000", "half": "0.5", "dozen": "12"})


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = _ISE.sub(r"iz\1", word)
    if len(word) > 5 and word.endswith("en") and word[-3] in "vtlk":
        word = word[:-1]
    return _STEMMER.stemWord(word)


def key(word: str) -> str:
    """The comparison key of a word: its stem, truncated to :data:`KEY_LETTERS` letters (succeed/successful)."""
    stemmed = stem(word)
    return stemmed[:KEY_LETTERS] if len(stemmed) > KEY_LETTERS else stemmed


@lru_cache(maxsize=100_000)
def features(text: str) -> dict[str, str]:
    """The features of one sentence, each with its kind: ``w`` word, ``e`` name, ``n`` number."""
    out: dict[str, str] = {}
    first = True
    for match in _TOKEN.finditer(text.replace("-", " ").replace("–", " ")):
        token = match.group()
        lower = token.lower().replace("’", "'")
        if token[0].isdigit():
            out["n:" + _ORDINAL.sub("", lower.rstrip("%").replace(",", ""))] = "n"
        elif lower in NUMBER_WORDS:
            out["n:" + NUMBER_WORDS[lower]] = "n"
        elif token.isupper() and len(token) > 1:  # acronyms: US, UN, PTI
            out["w:" + lower] = "e"
        elif lower in STOPWORDS or len(lower) < 2:
            pass
        else:
            feature = "w:" + key(lower)
            if token[0].isupper() and not first:
                out[feature] = "e"
            else:
                out.setdefault(feature, "w")
        first = False
    return out
