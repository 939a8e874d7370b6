"""The attribution module's word lists (analysis/attribution.py): plain named sets, and the ones meant to be
disjoint are. A word in two sets that should exclude each other is decided by whichever test runs first,
silently ("acknowledged" was a free and a strict verb at once, and strict won)."""

from __future__ import annotations

from itertools import combinations

from provenance.analysis import attribution as a


def test_a_reporting_verb_is_free_or_strict_never_both() -> None:
    assert a.FREE_VERBS.isdisjoint(a.STRICT_VERBS), sorted(a.FREE_VERBS & a.STRICT_VERBS)
    assert "acknowledged" in a.STRICT_VERBS and "acknowledges" in a.FREE_VERBS


def test_the_nouns_that_tell_a_speakers_kind_are_disjoint() -> None:
    """A document, a body, an outlet or a person: "police" alone is both a body ("police said") and people
    ("the police chief"), by design."""
    kinds = {"documents": a._DOCS, "bodies": a._BODIES, "outlets": a._OUTLET_NOUNS, "people": a._ROLES}
    shared = {(x, y): sorted(kinds[x] & kinds[y]) for x, y in combinations(kinds, 2) if kinds[x] & kinds[y]}
    assert shared == {("bodies", "people"): ["police"]}


def test_the_narrower_lists_are_inside_the_wider_ones() -> None:
    assert a._NOUNLIKE <= a.STRICT_VERBS and a._THAT_VERBS <= a.STRICT_VERBS  # qualifiers of strict verbs
    assert a._DEFINITE <= a._DETS and a._SPOKES <= a._ROLES
    only_after_a_comma = a._SPEECH_ING - (a.FREE_VERBS | a.STRICT_VERBS)
    assert only_after_a_comma == {"acknowledging"}  # "..., acknowledging ..." only, never "X acknowledging"


def test_plurals_are_made_for_the_nouns_that_take_them() -> None:
    assert {"minister", "ministers", "spokesman", "spokesmen", "agency", "agencies", "witness", "witnesses"} <= a._ROLES | a._BODIES
    assert {"study", "studies", "memo", "memos"} <= a._DOCS and {"newspaper", "newspapers"} <= a._OUTLET_NOUNS
    assert {"saudi arabia", "new delhi", "white house"} <= a._PLACES
