"""Denials and disputes, found and grouped with what they deny, on generic fixtures."""

from __future__ import annotations

import pytest

from provenance import claims as claims_module
from provenance.analysis import align, contested
from provenance.analysis.analyze import analyze
from provenance.ingest import split
from provenance.model import Metadata, Source

from .harbour import GAZETTE, HERALD


@pytest.mark.parametrize(
    ("text", "stance", "holder", "obj"),
    [
        ("The ministry denied that it had cancelled the contract.", "denies", "The ministry", "it had cancelled the contract"),
        ('The company has decried as "false" the reports that it hid the losses.', "denies", "The company", "it hid the losses"),
        ("The mayor's office said it was not involved in the decision.", "denies", "The mayor's office", None),
        ("Union leaders dismiss the accusations as baseless.", "disputes", "Union leaders", "the accusations"),
        ("The coach, however, insisted that the defeat was a collective failure rather than the goalkeeper's fault.", "disputes", "The coach", None),
    ],
)
def test_stances_holders_and_objects(text: str, stance: str, holder: str, obj: str | None) -> None:
    found = contested.find_stance(text)
    assert found is not None
    assert (found.stance, found.holder) == (stance, holder)
    if obj is not None:
        assert found.object == obj


@pytest.mark.parametrize(
    "text",
    [
        "The ministry approved the contract on Tuesday.",
        "Rejection rates for visas fell last year.",
        "The court will hear the appeal in May.",
    ],
)
def test_no_stance_without_a_denial_cue(text: str) -> None:
    assert contested.find_stance(text) is None


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Police were not involved in the raid.", "Police were not involved in the raid"),  # no ", " before the cue
        ("In the end, police were not involved in the raid.", "police were not involved in the raid"),
    ],
)
def test_the_object_of_a_negated_clause_keeps_its_first_word(text: str, obj: str) -> None:
    found = contested.find_stance(text)
    assert found is not None and found.object == obj


def source(sid: str, text: str) -> Source:
    paragraphs, sentences, _ = split(text)
    return Source(f"{sid}.txt", text, Metadata(id=sid), tuple(paragraphs), tuple(sentences), sid)


def test_a_denial_in_one_source_contests_the_claim_in_another() -> None:
    a, b = source("herald", HERALD), source("gazette", GAZETTE)
    found = claims_module.extract([a, b])
    analysis = analyze([a, b], found)
    assert len(analysis.contested) == 1
    point = analysis.contested[0]
    stances = {p.stance: p for p in point.positions}
    assert set(stances) == {"asserts", "denies"}
    assert any("secretly sold the fishing rights" in c.text for c in found if c.id in stances["asserts"].claims)
    assert stances["denies"].holders == ("The harbour board",)
    status = {c.text: analysis.facts[c.id].status for c in found}
    assert status["The board meets again on April 2."] == "single-source"
    assert all(analysis.facts[cid].status == "contested" for p in point.positions for cid in p.claims)


def test_a_correction_with_however_targets_the_previous_sentence() -> None:
    a = source(
        "club",
        "Match Report\n\nThe coach blamed the goalkeeper for the defeat in the final minute. "
        "The captain, however, insisted that the loss was a team failure rather than one player's mistake.\n",
    )
    found = claims_module.extract([a])
    analysis = analyze([a], found)
    (point,) = analysis.contested
    positions = {p.stance: p.claims for p in point.positions}
    assert [c for c in found if c.id in positions["asserts"]][0].text.startswith("The coach blamed")
    assert [c for c in found if c.id in positions["disputes"]][0].text.startswith("The captain")


def test_group_joins_denials_of_the_same_matter() -> None:
    items = [
        ("a", "The agency denied any involvement in the data breach."),
        ("b", "The agency said it was not involved in the breach of customer data."),
        ("c", "Hackers stole customer data from the agency's servers in a breach last week."),
    ]
    index = align.Index(items, align.Params())
    stances = {i: s for i, (_, t) in enumerate(items) if (s := contested.find_stance(t))}
    groups = contested.group(items, stances, index, previous={})
    assert len(groups) == 1 and set(groups[0].stances) == {0, 1} and 2 in groups[0].targets
