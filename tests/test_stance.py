"""Stance cues in general English: denials, debunks and disputes, each with the negative cases that share its words.

Every sentence here was written for the test, on topics far from the seeds (a harbour board, a council, a
football club, a zoo, a university, a food company), so that no rule can lean on one story's wording.
"""

from __future__ import annotations

import pytest

from provenance.analysis.stance import find_stance, position_of


@pytest.mark.parametrize(
    ("text", "kind", "obj"),
    [
        # explicit denial, with the complements that make "deny" a denial of a claim
        ("The ministry denied that it had cancelled the contract.", "denies", "it had cancelled the contract"),
        ("The council flatly denied the allegations that it rigged the tender.", "denies", "it rigged the tender"),
        ("The club denied any wrongdoing in the transfer of its captain.", "denies", "any wrongdoing in the transfer of its captain"),
        ("The zoo denied mistreating the elephants.", "denies", "mistreating the elephants"),
        ("The agency denied reports that its director had resigned.", "denies", "its director had resigned"),
        ("The company rejected the claim that its sauces contain peanuts.", "denies", "its sauces contain peanuts"),
        ("The university refuted the report that it would close the campus.", "denies", "it would close the campus"),
        ('The company has decried as "false" the reports that it hid the losses.', "denies", "it hid the losses"),
        ("The mayor called the accusations completely false.", "denies", "the accusations"),
        ("The harbour board said it was not involved in the sale of the fishing rights.", "denies", None),
        ("The minister said the meeting never happened.", "denies", None),
        ("The two festivals are not in any way connected to each other.", "denies", None),
        ("The drought had nothing to do with the price rise, the farmers said.", "denies", None),
        # debunks: a reported claim or a circulating artefact said to be false
        ("Reports that the mayor resigned in protest are false.", "debunks", "the mayor resigned in protest"),
        ("Claims that the bridge will close for a year have turned out to be a hoax.", "debunks", "the bridge will close for a year"),
        ("The viral video of the flooded stadium was staged.", "debunks", None),
        ("The photographs of the comet were doctored.", "debunks", None),
        ("It was funny, but also totally fake.", "debunks", None),
        ("Some users are claiming the festival was cancelled, but it's not.", "debunks", "the festival was cancelled"),
        ("The story about the missing statue is a myth.", "debunks", None),
        ("Fact-checkers debunked the claim that the water was poisoned.", "debunks", "the water was poisoned"),
        ("The newspaper falsely claimed that the striker had been arrested.", "debunks", "the striker had been arrested"),
        ("It is not true that the school will close in June.", "debunks", "the school will close in June"),
        # disputes: doubt, dismissal, correction, hedged falsity
        ("Union leaders dismiss the accusations as politically motivated.", "disputes", "the accusations"),
        ("Reports that the striker will leave may have been greatly exaggerated.", "disputes", "the striker will leave"),
        ("It's probably not true.", "disputes", None),
        ("Scientists questioned whether the vaccine had been tested on children.", "disputes", "the vaccine had been tested on children"),
        ("There is no evidence that the reservoir was contaminated.", "disputes", "the reservoir was contaminated"),
        ("The opposition shrugged off the allegations of fraud.", "disputes", None),
        ("The coach, however, insisted that the defeat was a collective failure rather than the goalkeeper's fault.", "disputes", None),
        ("The bakery did open a new shop, but not to compete with the market traders.", "disputes", None),
        # an artefact called fake in passing, with a definite article or an intensifier
        ("From there the clearly staged photos were picked up by several newspapers.", "debunks", "photos"),
        ("According to the discredited reports, the dam had burst.", "debunks", "reports"),
        ("It is a tamer version of the hoax video that showed a man climbing the town hall.", "debunks", None),
        ("The first report of the flood, in a local paper, says nothing about the dam.", "disputes", None),
    ],
)
def test_stance_cues(text: str, kind: str, obj: str | None) -> None:
    found = find_stance(text)
    assert found is not None, text
    assert found.stance == kind, (text, found)
    if obj is not None:
        assert found.object == obj


@pytest.mark.parametrize(
    "text",
    [
        # "deny" as refusal, irrealis, rhetoric or non-denial
        "The visitors were denied entry at the border.",
        "His parents were initially denied in their request to the council.",
        "The judge denied him bail on Tuesday.",
        "The council denied the request for a second market day.",
        "We can deny the system's failings, or we can work to fix them.",
        "No one could deny that the final was thrilling.",
        "The spokesman would neither confirm nor deny the figures.",
        "The minister did not deny the meeting had taken place.",
        "She refused to deny the rumours.",
        # "reject", "dismiss", "decry" in their policy and condemnation senses
        "The council rejected the proposal to raise parking fees.",
        "Shareholders rejected the takeover offer.",
        "The club dismissed its coach after five defeats.",
        "The court dismissed the case on Monday.",
        "Teachers decried the cuts to school budgets.",
        "Residents condemned the decision to close the library.",
        # falsity words that are not predicated of a claim or an artefact
        "Police said the handbags were fake.",
        "Workers staged a walkout over pay.",
        "A protest was staged outside the embassy on Sunday.",
        "The play was staged in 1990 at the city theatre.",
        "The race ended after a false start.",
        "It was wrong to close the clinic, the nurses said.",
        "The border region is disputed by the two countries.",
        "Police questioned the suspect for six hours.",
        # negation that is not a denial
        "The minister did not say when the bridge would reopen.",
        "The company has not commented on the report.",
        "The festival was not held last year because of the rain.",
        # a falsity predicate denied: the opposite of a debunk
        "The director told reporters that not a single scene had been staged.",
        "None of the photographs were doctored, the agency said.",
        # nouns and adjectives that look like cues
        "The minister told Harbour Question that the ferry would run.",
        "The question that remains is who paid for the ferry.",
        "There were some contradicting and unconfirmed reports about the fire.",
        "They can also ruin your weekend in ways that have nothing to do with the weather.",
        "There has been no sign of the missing hikers in three weeks.",
        # a cue inside a condition
        "We will see if this prompts the club to issue a statement denying the reports.",
        "It is unclear whether the ministry will reject the claims.",
        # "fake" of a thing, not of a claim or an artefact the story is about
        "Police seized fake passports at the border.",
        "A fake video spread on Tuesday.",
        "The fake account posted 300 messages.",
        # plain assertions
        "The ministry approved the contract on Tuesday.",
        "Rejection rates for visas fell last year.",
        "The court will hear the appeal in May.",
    ],
)
def test_no_stance(text: str) -> None:
    assert find_stance(text) is None, (text, find_stance(text))


def test_the_holder_comes_from_the_speaker_function_at_the_cue() -> None:
    text = "The harbour board denied that it sold the fishing rights."
    found = find_stance(text, speaker=lambda at, verb: text[:at].strip() if verb else "")
    assert found is not None and found.holder == "The harbour board"
    assert text[found.start : found.end] == "denied"


def test_a_pronoun_object_is_anaphoric() -> None:
    found = find_stance("The video was staged.")
    assert found is not None and found.anaphoric
    found = find_stance("Reports that the mayor resigned are false.")
    assert found is not None and not found.anaphoric


def test_debunks_sit_on_the_denying_side() -> None:
    assert position_of("debunks") == "denies"
    assert position_of("denies") == "denies"
    assert position_of("disputes") == "disputes"


def test_a_rejected_cue_does_not_hide_a_later_one() -> None:
    found = find_stance('The office called the strike an "internal matter" and has decried as "false" the claims that it paid the union.')
    assert found is not None and found.stance == "denies" and found.object == "it paid the union"


def test_long_sentences_stay_fast() -> None:
    # linear in the length of the sentence: 20,000 cue words take well under a second of work each way
    text = "denied " * 20_000 + "the claim."
    found = find_stance(text)
    assert found is not None
    text = "was false " * 5_000
    find_stance(text)
