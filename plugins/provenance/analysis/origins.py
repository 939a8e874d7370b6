"""Independence by identity: where a claim comes from upstream, so that two sources relaying one origin echo
each other instead of corroborating each other.

A claim's *origins* are the named upstreams of its attribution chain (:mod:`.attribution`):

- an **outlet**, by its name ("The Intercept", "the Intercept's report"); outlets are known from the corpus
  itself: the publishers of its sources and the names its texts show publishing or reporting
  (:func:`.attribution.outlets_in`), besides naming conventions ("... Times", "The ...");
- a **document**, only when it is *named*: a definite description ("the cable", "the ministry's report",
  "the Pakistani cable") or a proper name. An indefinite one ("a police report", "an engineering report")
  identifies nothing, so two of them are never one origin. Within a corpus, "the cable" and "the leaked
  Pakistani cable" are one document when nothing else competes for the head noun; "the report" is no
  document at all when the corpus has both "the police report" and "the engineering report";
- the innermost **named speaker**: two sources quoting the same person's statement rely on one origin,
  however independently they report it (a person by surname, a body by its name).

Shared quoted words are the third sign of an echo (see :func:`.analyze`); none of these signs is a word
list about a story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .attribution import Attribution, classify, is_holder, outlet_key

GENERIC_MODIFIERS = frozenset(
    """leaked secret classified confidential diplomatic internal official original full same new latest newly revealed
    published alleged purported controversial damning explosive infamous so-called entire whole final draft recent earlier
    last first second latest complete redacted unredacted private public""".split()
)
"""Adjectives that say how a document is regarded or was obtained, not which document it is."""

_DEFINITE = frozenset("the this that these those its his her their our".split())
_INDEFINITE = frozenset("a an one some another any several two three four five".split())
_WORD = re.compile(r"[\w’'-]+")


def describe(name: str) -> tuple[bool, str, frozenset[str]] | None:
    """(definite, head noun, identifying modifiers) of a document's name; None if it is no description."""
    head_part = re.split(r"\s+(?:(?:cited|quoted|obtained|seen|published|reported|leaked)\s+(?:by|in|to)|by|in|from|of|on|about|that|which)\b", name, maxsplit=1)[0]
    words = _WORD.findall(head_part)
    if not words:
        return None
    first = words[0].lower()
    possessive = [w for w in words[:-1] if w.lower().endswith(("'s", "’s"))]
    definite = first in _DEFINITE or bool(possessive) or words[0][0].isupper() and first not in _INDEFINITE and len(words) > 1
    if first in _INDEFINITE:
        definite = False
    head = words[-1].lower()
    mods = frozenset(
        re.sub(r"['’]s$", "", w.lower())
        for w in words[:-1]
        if w.lower() not in _DEFINITE and w.lower() not in _INDEFINITE and w.lower() not in GENERIC_MODIFIERS
    )
    return definite, head, mods


class Documents:
    """Which named documents of a corpus are one document (see the module docstring)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.variants: dict[str, set[frozenset[str]]] = defaultdict(set)
        for name in names:
            found = describe(name)
            if found and found[0]:
                self.variants[found[1]].add(found[2])

    def key(self, name: str) -> str | None:
        found = describe(name)
        if not found or not found[0]:
            return None  # "a police report" names no particular document
        _, head, mods = found
        wider = [v for v in self.variants[head] if mods <= v]
        maximal = [v for v in wider if not any(v < w for w in wider)]
        if len(maximal) != 1:
            return None  # "the report" when the corpus has "the police report" and "the engineering report"
        return head + ":" + ",".join(sorted(maximal[0]))


def speaker_key(att: Attribution) -> str | None:
    """A named person by surname, a body by its name; None for pronouns and unnamed speakers."""
    if att.kind not in ("person", "body") or not is_holder(att.name):
        return None
    capitals = [w for w in _WORD.findall(att.name) if w[:1].isupper() and w.lower() not in _DEFINITE]
    if att.kind == "person" and capitals:
        return "person:" + re.sub(r"['’]s$", "", capitals[-1].lower())
    return "body:" + outlet_key(att.name)


def corpus_outlets(publishers: Iterable[str | None], texts: Iterable[str]) -> frozenset[str]:
    from .attribution import outlets_in

    found = {outlet_key(p) for p in publishers if p}
    for text in texts:
        found |= outlets_in(text)
    return frozenset(found)


def recognise_outlets(chain: tuple[Attribution, ...], outlets: frozenset[str]) -> tuple[Attribution, ...]:
    """The chain with the names the corpus shows to be outlets classified as outlets."""
    if not outlets:
        return chain
    out = []
    for att in chain:
        if att.kind != "outlet" and att.kind != "document" and classify(att.name, outlets) == "outlet":
            att = Attribution(att.name, "outlet", att.via, att.start, att.end)
        out.append(att)
    return tuple(out)


def origin_keys(chain: tuple[Attribution, ...], documents: Documents) -> frozenset[str]:
    """The named upstreams of one claim: its outlets, its named documents and its innermost named speaker."""
    keys: set[str] = set()
    for att in chain:
        if att.kind == "outlet":
            keys.add("outlet:" + outlet_key(att.name))
        elif att.kind == "document" and (doc := documents.key(att.name)):
            keys.add("document:" + doc)
    speaker = next((k for att in reversed(chain) if (k := speaker_key(att))), None)
    if speaker:
        keys.add(speaker)
    return frozenset(keys)
