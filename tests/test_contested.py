"""Contested points on generic fixtures: what a denial targets, who holds each side, and how points stay one proposition."""

from __future__ import annotations

import pytest

from provenance.analysis import contested
from provenance.analysis.analyze import analyze, local_facts
from provenance.analysis.stance import find_stance
from provenance.claims import claims as claims_module
from provenance.model import Metadata, Source
from provenance.sources.ingest import split

from .harbour import GAZETTE, HERALD


def source(sid: str, text: str, publisher: str | None = None) -> Source:
    paragraphs, sentences, _ = split(text)
    return Source(f"{sid}.txt", text, Metadata(id=sid, publisher=publisher), tuple(paragraphs), tuple(sentences), sid)


def run(*sources: Source):
    found = claims_module.extract(sources)
    return found, analyze(list(sources), found)


@pytest.mark.parametrize(
    ("text", "stance", "holder"),
    [
        ("The ministry denied that it had cancelled the contract.", "denies", "The ministry"),
        ('The company has decried as "false" the reports that it hid the losses.', "denies", "The company"),
        ("The mayor's office said it was not involved in the decision.", "denies", "The mayor's office"),
        ("Union leaders dismiss the accusations as baseless.", "disputes", "Union leaders"),
        ("The coach, however, insisted that the defeat was a collective failure rather than the goalkeeper's fault.", "disputes", "The coach"),
        ("The museum flatly denied the allegations that it sold the painting, a spokesperson said.", "denies", "The museum"),
        ("The photograph of the flood was doctored, according to the weather service.", "debunks", "the weather service"),
        ("The photograph of the flood was doctored.", "debunks", ""),
        ("Reports that the mayor resigned have been refuted as false by the city council.", "denies", "the city council"),
        ("That is why I'm debunking the story again.", "debunks", ""),
    ],
)
def test_who_holds_a_stance(text: str, stance: str, holder: str) -> None:
    src = source("s", f"Title Line\n\n{text}\n")
    (facts,) = [f for f in local_facts(src).values() if f.stance]
    assert (facts.stance.stance, facts.stance.holder) == (stance, holder)


def test_a_pronoun_holder_stands_for_the_last_named_person() -> None:
    src = source("s", "Title Line\n\nThe report was written by Maria Lopez, the harbour master. She denied that the board had seen it before the sale.\n")
    (facts,) = [f for f in local_facts(src).values() if f.stance]
    assert facts.stance.holder == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Police were not involved in the raid.", "Police involved in the raid"),  # no ", " before the cue
        ("In the end, police were not involved in the raid.", "police involved in the raid"),
    ],
)
def test_the_proposition_of_a_negated_clause_keeps_its_first_word(text: str, obj: str) -> None:
    found = find_stance(text)
    assert found is not None and found.object == obj


def test_a_denial_in_one_source_contests_the_claim_in_another() -> None:
    a, b = source("herald", HERALD), source("gazette", GAZETTE)
    found, analysis = run(a, b)
    assert len(analysis.contested) == 1
    point = analysis.contested[0]
    stances = {p.stance: p for p in point.positions}
    assert set(stances) == {"asserts", "denies"}
    assert any("secretly sold the fishing rights" in c.text for c in found if c.id in stances["asserts"].claims)
    assert stances["denies"].holders == ("The harbour board",)
    assert point.title.startswith("A leaked memo shows that the harbour board secretly sold")
    status = {c.text: analysis.facts[c.id].status for c in found}
    assert status["The board meets again on April 2."] == "single-source"
    assert all(analysis.facts[cid].status == "contested" for p in point.positions for cid in p.claims)
    kinds = {(r.a, r.b): r.kind for r in analysis.relations}
    denial = stances["denies"].claims[0]
    assert all(kind != "corroborates" for (x, y), kind in kinds.items() if denial in (x, y))


def test_a_debunk_contests_the_rumour_it_names_and_never_corroborates_it() -> None:
    rumour = source(
        "daily",
        "Zoo News\n\nThe city zoo will release its two pandas back into the wild next spring. Keepers said the animals were healthy.\n",
        publisher="The Daily",
    )
    debunk = source(
        "checker",
        "Fact Check\n\nReports that the city zoo will release its two pandas back into the wild next spring are false. "
        "The zoo has no plans to move the animals.\n",
        publisher="Fact Checker",
    )
    found, analysis = run(rumour, debunk)
    (point,) = analysis.contested
    sides = {p.stance: p for p in point.positions}
    asserted = [c.text for c in found if c.id in sides["asserts"].claims]
    assert asserted == ["The city zoo will release its two pandas back into the wild next spring."]
    assert sides["denies"].holders == ("Fact Checker",)
    assert point.title == "The city zoo will release its two pandas back into the wild next spring"
    denial = sides["denies"].claims[0]
    assert analysis.facts[denial].stance.stance == "debunks"
    assert not [r for r in analysis.relations if denial in (r.a, r.b) and r.kind in ("corroborates", "echoes")]
    assert [r.kind for r in analysis.relations if {r.a, r.b} == {denial, sides["asserts"].claims[0]}] == ["contests"]


def test_a_source_that_restates_a_rumour_to_debunk_it_does_not_corroborate_it() -> None:
    rumour = source("post", "Bridge Story\n\nThe old river bridge will close for two years for repairs starting in May.\n")
    debunk = source(
        "check",
        "Bridge Check\n\nSome residents are claiming that the old river bridge will close for two years for repairs, but that is not true. "
        "The council said repairs will take six weeks.\n",
    )
    found, analysis = run(rumour, debunk)
    restated = next(c for c in found if c.text.startswith("Some residents"))
    bridge = next(c for c in found if c.text.startswith("The old river bridge"))
    assert analysis.facts[restated.id].stance is not None
    assert not [r for r in analysis.relations if {r.a, r.b} == {restated.id, bridge.id} and r.kind == "corroborates"]
    assert analysis.facts[bridge.id].status == "contested"


def test_a_correction_with_however_targets_the_previous_sentence() -> None:
    a = source(
        "club",
        "Match Report\n\nThe coach blamed the goalkeeper for the defeat in the final minute. "
        "The captain, however, insisted that the loss was a team failure rather than one player's mistake.\n",
    )
    found, analysis = run(a)
    (point,) = analysis.contested
    positions = {p.stance: p.claims for p in point.positions}
    assert [c for c in found if c.id in positions["asserts"]][0].text.startswith("The coach blamed")
    assert [c for c in found if c.id in positions["disputes"]][0].text.startswith("The captain")


def test_denials_of_the_same_matter_join_one_point() -> None:
    a = source("a", "Breach Report\n\nHackers stole customer data from the agency's servers in a breach last week.\n")
    b = source("b", "Agency Statement\n\nThe agency denied any involvement in the data breach.\n")
    c = source("c", "Agency Update\n\nThe agency said it was not involved in the breach of customer data.\n")
    found, analysis = run(a, b, c)
    (point,) = analysis.contested
    denies = next(p for p in point.positions if p.stance == "denies")
    assert {next(x.source for x in found if x.id == cid) for cid in denies.claims} == {"b", "c"}


def test_points_do_not_chain_unrelated_propositions() -> None:
    """Three denials of three different matters, in sources that share their topic words: three points, never one."""
    a = source(
        "a",
        "Council Report\n\nThe council sold the library building to a developer in March. "
        "The council raised parking fees by forty percent in April. "
        "The council closed the public swimming pool because of a budget deficit.\n",
    )
    b = source(
        "b",
        "Council Replies\n\nThe council denied that it sold the library building. "
        "The council rejected reports that it raised parking fees. "
        "The council denied closing the swimming pool.\n",
    )
    found, analysis = run(a, b)
    assert len(analysis.contested) == 3
    text = {c.id: c.text for c in found}
    for point in analysis.contested:
        asserted = [text[c] for p in point.positions if p.stance == "asserts" for c in p.claims]
        assert len(asserted) == 1
    titles = sorted(p.title for p in analysis.contested)
    assert all("denied" not in t and "rejected" not in t for t in titles)


@pytest.mark.parametrize(
    "text",
    [
        "His parents were denied entry to the stadium in 1993.",
        "We can deny the council's failings, or we can fix them.",
        "Teachers decried the cuts to school budgets.",
        "The council rejected the proposal to raise parking fees.",
    ],
)
def test_words_that_are_not_denials_make_no_point(text: str) -> None:
    a = source("a", f"Report\n\n{text}\n")
    b = source("b", "Other Report\n\n" + text.replace("denied", "allowed").replace("decried", "welcomed").replace("rejected", "approved") + "\n")
    _, analysis = run(a, b)
    assert analysis.contested == []


def test_holders_are_never_pronouns_dates_or_fragments() -> None:
    a = source("a", "Farm Report\n\nThe regional farm agency paid subsidies to ghost farms in 2021, an audit found.\n", publisher="Farm Weekly")
    b = source("b", "Agency Reply\n\nIn a statement on Monday, they denied that the agency paid subsidies to ghost farms.\n", publisher="Rural News")
    _, analysis = run(a, b)
    (point,) = analysis.contested
    holders = [h for p in point.positions for h in p.holders]
    assert "they" not in [h.lower() for h in holders]
    assert all(not h[:1].isdigit() and not h.lower().startswith(("in ", "on ")) for h in holders)
    assert "Rural News" in holders


def test_title_of_strips_attribution_and_cuts_at_a_clause() -> None:
    assert contested.title_of("According to the court filing, the mayor approved the contract without a vote.") == "The mayor approved the contract without a vote"
    assert contested.title_of("The mayor approved the contract without a vote, the filing said.") == "The mayor approved the contract without a vote"
    long = "The museum sold three paintings by a local artist to a private collector in Geneva, which broke the rules on public collections set in 1998."
    assert contested.title_of(long) == "The museum sold three paintings by a local artist to a private collector in Geneva"
