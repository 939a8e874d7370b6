"""Tests for provenance.analysis.hedges on small invented sentences from several topics."""

from __future__ import annotations

import pytest

from provenance.analysis.hedges import HEDGE_KINDS, Hedge, find_hedges

POSITIVE = [
    # politics
    ("The senator allegedly accepted bribes from a construction firm.", [("allegedly", "allegation")]),
    ("Allegedly, the mayor took cash from developers.", [("Allegedly", "allegation")]),
    ("The governor is alleged to have ordered the purge.", [("is alleged to", "allegation")]),
    ("Prosecutors made allegations of vote buying.", [("allegations", "allegation")]),
    ("The deputy was accused last week of leaking the budget.", [("accused", "allegation")]),
    ("The prime minister is said to have threatened to resign.", [("is said to", "hearsay")]),
    ("It was widely reported that the cabinet had split.", [("It was widely reported", "hearsay")]),
    ("The reported deal would end the blockade.", [("reported", "hearsay")]),
    ("There are rumours of a leadership challenge.", [("rumours", "hearsay")]),
    ("Critics say the reform will weaken the courts.", [("Critics say", "weasel")]),
    ("Some people believe the election was stolen.", [("Some people believe", "weasel")]),
    ("It is widely believed that the minister will quit.", [("It is widely believed", "weasel")]),
    ("The so-called peace plan was drafted in secret.", [("so-called", "distancing")]),
    ("The self-proclaimed president addressed the crowd.", [("self-proclaimed", "distancing")]),
    ("He claimed that the ballots had been tampered with.", [("claimed that", "distancing")]),
    ("He claims the money was a loan.", [("claims", "distancing")]),
    ("This, he claimed, was a witch hunt.", [("claimed", "distancing")]),
    ("What officials called a routine patrol ended in a clash.", [("What officials called", "distancing")]),
    ("The memo hinted at early elections.", [("hinted at", "inference")]),
    ("The speech implied that sanctions were coming.", [("implied", "inference")]),
    # science and health
    ("The data suggests that the virus spreads faster indoors.", [("suggests", "inference")]),
    ("Earlier trials suggested that the dose was too low.", [("suggested", "inference")]),
    ("The fossil appears to be older than previously thought.", [("appears to", "inference")]),
    ("It seems the comet broke apart.", [("It seems", "inference")]),
    ("The patient was apparently given the wrong drug.", [("apparently", "inference")]),
    ("An apparent link between the two outbreaks was found.", [("apparent", "inference")]),
    ("The drug is thought to reduce inflammation.", [("is thought to", "weasel")]),
    ("The vaccine may have side effects in older adults.", [("may have", "uncertainty")]),
    ("The mutation might be harmless.", [("might be", "uncertainty")]),
    ("The results could be a statistical fluke.", [("could be", "uncertainty")]),
    ("The treatment is probably safe, but the evidence is unverified.", [("probably", "uncertainty"), ("unverified", "uncertainty")]),
    ("It is unclear whether the species survived.", [("unclear", "uncertainty")]),
    ("It’s not clear how the sample was contaminated.", [("not clear", "uncertainty")]),
    ("It is not known whether the probe was damaged.", [("not known", "uncertainty")]),
    ("The supposed cure has no scientific basis.", [("supposed", "distancing")]),
    ("The purported discovery was never replicated.", [("purported", "distancing")]),
    # business
    ("The company is understood to be considering a sale.", [("is understood to", "hearsay")]),
    ("Shares rose on speculation of a takeover.", [("speculation", "uncertainty")]),
    ("The central bank is expected to raise rates.", [("is expected to", "uncertainty")]),
    ("A recession is likely next year.", [("likely", "uncertainty")]),
    ("A merger is highly unlikely before March.", [("highly unlikely", "uncertainty")]),
    ("The tariffs could potentially hurt exporters.", [("could potentially", "uncertainty")]),
    ("The strike could cost the airline millions.", [("could", "uncertainty")]),
    ("Analysts say the bank is undervalued.", [("Analysts say", "weasel")]),
    ("Sources say the chief executive is expected to resign.", [("Sources say", "weasel"), ("is expected to", "uncertainty")]),
    ("Perhaps the most striking figure was the debt.", [("Perhaps", "uncertainty")]),
    ("Negotiators may well reach a deal.", [("may well", "uncertainty")]),
    # sports
    ("The striker was reportedly unhappy with his contract.", [("reportedly", "hearsay")]),
    ("The coach seemed to blame the referee.", [("seemed to", "inference")]),
    ("The club is believed to have offered a new deal.", [("is believed to", "weasel")]),
    ("The goalkeeper possibly broke his wrist.", [("possibly", "uncertainty")]),
    ("The transfer remains unconfirmed.", [("unconfirmed", "uncertainty")]),
    ("Most likely, the match will be postponed.", [("Most likely", "uncertainty")]),
    # crime
    ("The alleged getaway driver was arrested on Monday.", [("alleged", "allegation")]),
    ("Police arrested the suspected gunman at the station.", [("suspected", "allegation")]),
    ("The man was suspected of arson.", [("suspected", "allegation")]),
    ("The claims could not be independently verified.", [("could not be independently verified", "uncertainty")]),
    ("The footage couldn’t be independently verified.", [("couldn’t be independently verified", "uncertainty")]),
    ("The victim must have been known to the attacker.", [("must have been", "inference")]),
    ("The suspect appeared to be intoxicated and may have fled.", [("appeared to", "inference"), ("may have", "uncertainty")]),
]

NEGATIVE = [
    "According to the ministry, the bridge will reopen in May.",  # attribution, not a hedge
    "The company reported a loss of $2bn.",
    "The poll surveyed 1,000 likely voters in Ohio.",
    "The military might of the empire was on display.",
    "Theresa May said the deal was done.",
    "In May the plant closed for good.",
    "The company could not be reached for comment.",
    "He could not attend the meeting.",
    "The rally could be heard across the city.",
    "The league was supposed to start in March.",
    "The storm claimed three lives.",
    "They claimed victory after a late goal.",
    "She claimed her third title in Paris.",
    "Insurance claims rose 10% last year.",
    "The minister was reported to the police by a neighbour.",
    "He said to reporters that he would run.",
    "The option's implied volatility rose sharply.",
    "The team appeared in court on Tuesday.",
    "The striker scored twice in the second half.",
    "Officials said the bridge was unsafe.",
    "The bill passed by 52 votes to 48.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds_hedges(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.marker, h.kind) for h in find_hedges(text)] == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_false_hedges(text: str) -> None:
    assert find_hedges(text) == []


@pytest.mark.parametrize(("text", "_"), POSITIVE)
def test_offsets_order_and_explanations(text: str, _: object) -> None:
    hedges = find_hedges(text)
    assert hedges == sorted(hedges, key=lambda h: h.start)
    for h in hedges:
        assert isinstance(h, Hedge)
        assert text[h.start : h.end] == h.marker
        assert h.kind in HEDGE_KINDS
        assert h.explanation.startswith("'") and h.explanation.endswith(".")
        assert h.marker[1:].lower() in h.explanation.lower()
    for a, b in zip(hedges, hedges[1:], strict=False):
        assert a.end <= b.start


def test_longest_match_wins() -> None:
    [hedge] = find_hedges("The suspect is widely believed to have fled.")
    assert (hedge.marker, hedge.kind) == ("is widely believed to", "weasel")


def test_case_insensitive() -> None:
    assert [h.marker for h in find_hedges("THE MINISTER REPORTEDLY RESIGNED.")] == ["REPORTEDLY"]


def test_explanation_names_marker() -> None:
    [hedge] = find_hedges("The senator allegedly lied.")
    assert hedge.explanation == "'Allegedly' signals that the claim is an accusation that has not been proven."


def test_kinds_legend() -> None:
    assert set(HEDGE_KINDS) == {"allegation", "hearsay", "inference", "uncertainty", "weasel", "distancing"}
    assert all(isinstance(v, str) and v.endswith(".") for v in HEDGE_KINDS.values())


def test_empty_text() -> None:
    assert find_hedges("") == []
