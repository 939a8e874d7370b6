"""Tests for provenance.analysis.attribution on small invented sentences from several topics."""

from __future__ import annotations

import pytest

from provenance.analysis.attribution import KINDS, Attribution, classify, find_attribution, lead_in_speaker, outlets_in

CHAINS = [
    # reporting verb before or after the clause
    ("Prices will rise, the minister said.", [("the minister", "person", "said")]),
    ("The minister said prices will rise.", [("The minister", "person", "said")]),
    ("The finance minister says the budget will balance next year.", [("The finance minister", "person", "says")]),
    ("Police said the suspect fled in a stolen car.", [("Police", "body", "said")]),
    ("The man, 34, was charged with murder, police said.", [("police", "body", "said")]),
    ("Detectives said the victim knew the attacker.", [("Detectives", "unknown", "said")]),
    ("Sources said the player would undergo surgery.", [("Sources", "unknown", "said")]),
    ("Two senior officials said the plan was shelved.", [("Two senior officials", "unknown", "said")]),
    ("The village was flooded overnight, residents said.", [("residents", "unknown", "said")]),
    ("Prosecutors alleged that the defendant laundered $2m.", [("Prosecutors", "unknown", "alleged")]),
    ("The Pentagon denied the report.", [("The Pentagon", "body", "denied")]),
    ("NASA said the launch had been delayed until Friday.", [("NASA", "body", "said")]),
    ("Washington said the sanctions would remain.", [("Washington", "body", "said")]),
    ("The Federal Reserve said inflation remained elevated.", [("The Federal Reserve", "body", "said")]),
    ("Apple Inc said revenue rose 8% in the quarter.", [("Apple Inc", "body", "said")]),
    ("Manchester United said the manager had left by mutual consent.", [("Manchester United", "body", "said")]),
    ("The league announced that the season would be suspended.", [("The league", "body", "announced")]),
    ("The company said in a statement that it would cut 500 jobs.", [("The company", "body", "said")]),
    ("Last year the bank said it would close 50 branches.", [("the bank", "body", "said")]),
    ("The prime minister's office denied the allegations.", [("The prime minister's office", "body", "denied")]),
    ("Her mother said she had been missing since Friday.", [("Her mother", "person", "said")]),
    ("Mr. Johnson told the committee that he had not read the memo.", [("Mr. Johnson", "person", "told")]),
    ("The striker told reporters after the match that he was happy.", [("The striker", "person", "told")]),
    ("Secretary of State Jane Doe warned that sanctions would follow.", [("Secretary of State Jane Doe", "person", "warned")]),
    ("Kremlin spokesman Ivan Petrov said Moscow was open to talks.", [("Kremlin spokesman Ivan Petrov", "person", "said")]),
    ("The minister also said the government would review the policy.", [("The minister", "person", "said")]),
    ("Researchers found that the drug reduced symptoms by 40%.", [("Researchers", "unknown", "found")]),
    ("The report found no evidence of wrongdoing.", [("The report", "document", "found")]),
    ("The documents show that the payments continued until 2021.", [("The documents", "document", "show")]),
    ("The law states that all citizens must vote.", [("The law", "document", "states")]),
    ("The price of gold rose 2%, traders noted.", [("traders", "unknown", "noted")]),
    # appositives and parentheticals between speaker and verb
    ("Maria Lopez, the finance minister, said inflation would fall.", [("Maria Lopez", "person", "said")]),
    ("The striker, who scored twice, said the win meant everything.", [("The striker", "person", "said")]),
    # post-modified speakers
    ("A spokesperson for the ministry said the report was inaccurate.", [("A spokesperson for the ministry", "body", "said")]),
    ("Inflation rose in March, officials at the central bank said.", [("officials at the central bank", "body", "said")]),
    ("Analysts at Goldman Sachs said rates would fall in June.", [("Analysts at Goldman Sachs", "body", "said")]),
    ("Critics of the plan say it will hurt small businesses.", [("Critics of the plan", "unknown", "say")]),
    ("The ambassador to Spain said the talks were cordial.", [("The ambassador to Spain", "person", "said")]),
    ("Officials at the Department of Health confirmed two new cases.", [("Officials at the Department of Health", "body", "confirmed")]),
    # passive and hedged speech
    ("The club's new striker is alleged to have told teammates he wanted to leave.", [("The club's new striker", "person", "told")]),
    ("The senator reportedly said the bill was dead.", [("The senator", "person", "said")]),
    ("He reportedly told aides that he would run again.", [("He", "person", "told")]),
    ("The coach is quoted as saying that the referee was biased.", [("The coach", "person", "quoted as saying")]),
    ("She was told by a nurse that the ward was full.", [("a nurse", "unknown", "told")]),
    # according to
    ("According to the Ministry of Foreign Affairs, the talks collapsed.", [("the Ministry of Foreign Affairs", "body", "according to")]),
    ("According to people familiar with the matter, the deal is worth $5bn.",
     [("people familiar with the matter", "unknown", "according to")]),
    ("Unemployment fell to 4%, according to the latest figures.", [("the latest figures", "document", "according to")]),
    ("According to him, the negotiations had stalled.", [("him", "person", "according to")]),
    ("The ministry planned cuts, according to the memo cited in The Times.",
     [("The Times", "outlet", "cited in"), ("the memo", "document", "according to")]),
    ("The senator will retire, according to a report by Politico.", [("a report by Politico", "outlet", "according to")]),
    ("Prices will rise, the minister said, according to the memo.",
     [("the memo", "document", "according to"), ("the minister", "person", "said")]),
    ("The minister said that, according to the memo, prices would rise.",
     [("The minister", "person", "said"), ("the memo", "document", "according to")]),
    ("According to The Guardian, the coach said he would stay.",
     [("The Guardian", "outlet", "according to"), ("the coach", "person", "said")]),
    # carriers: outlets that cite, obtain or publish
    ("Reuters, citing two sources, reported that the merger was off.",
     [("Reuters", "outlet", "reported"), ("two sources", "unknown", "citing")]),
    ("A study published in Nature found that sea levels are rising faster.",
     [("Nature", "outlet", "published in"), ("A study", "document", "found")]),
    ("The cable, obtained by The Intercept, describes a meeting in Geneva.",
     [("The Intercept", "outlet", "obtained by"), ("The cable", "document", "describes")]),
    ("The document, seen by Reuters, shows the plan was approved in May.",
     [("Reuters", "outlet", "seen by"), ("The document", "document", "shows")]),
    ("The rumour was first reported by a local newspaper.", [("a local newspaper", "outlet", "reported by")]),
    ("The plan, as described in the leaked memo, would close three schools.", [("the leaked memo", "document", "described in")]),
    ("He told the BBC that he would not resign.", [("the BBC", "outlet", "told"), ("He", "person", "told")]),
    ("In an interview with the Financial Times, the minister said the budget would balance.",
     [("the Financial Times", "outlet", "interview with"), ("the minister", "person", "said")]),
    ("The Washington Post reported that the agency had ignored warnings.", [("The Washington Post", "outlet", "reported")]),
    # direct quotations
    ("'Prices will rise,' said Maria Lopez, the minister.", [("Maria Lopez", "person", "quote")]),
    ("“We will appeal the verdict,” the defence lawyer told reporters.", [("the defence lawyer", "person", "quote")]),
    ("“I never doubted we would win,” coach Ana Ruiz said after the final.", [("coach Ana Ruiz", "person", "quote")]),
    ("She said: “We have no plans to sell the club.”", [("She", "person", "quote")]),
    ("“This is a disaster,” said one resident, who asked not to be named.", [("one resident", "unknown", "quote")]),
    ("‘We are not going anywhere,’ the union leader told the rally.", [("the union leader", "person", "quote")]),
    ("“It was a mistake,” she later admitted.", [("she", "person", "quote")]),
    # participle clauses
    ("The prime minister resigned on Monday, saying he had lost the party's confidence.", [("The prime minister", "person", "saying")]),
    ("A spokesperson for the club declined to comment, saying the matter was private.",
     [("A spokesperson for the club", "body", "saying")]),
    ("She added: \"the figures speak for themselves,\" according to the transcript cited in The Herald.",
     [("The Herald", "outlet", "cited in"), ("the transcript", "document", "according to"), ("She", "person", "quote")]),
    ("The report notes that during the meeting Garcia argued that costs would rise.",
     [("The report", "document", "notes"), ("Garcia", "person", "argued")]),
    ("The ministry in a statement said the deal was off.", [("The ministry", "body", "said")]),
    ("Officials in the ministry said the clinic would close.", [("Officials in the ministry", "body", "said")]),
    ("According to a Reuters tally, 120 people have died.", [("a Reuters tally", "outlet", "according to")]),
    ("According to data the ministry released on Friday, exports fell.", [("data", "document", "according to")]),
    ("“It is over,” said Times columnist Ann Lee.", [("Times columnist Ann Lee", "person", "quote")]),
    ("Witnesses told AFP that the gunmen fled on motorbikes.", [("AFP", "outlet", "told"), ("Witnesses", "unknown", "told")]),
    ("“We did nothing wrong,” a spokesman for the firm told The Guardian.",
     [("The Guardian", "outlet", "told"), ("a spokesman for the firm", "body", "quote")]),
    ("The agency’s director, Mark Chen, told lawmakers that the program was over budget.",
     [("The agency’s director", "person", "told")]),
    ("Opposition leader Kemal Aydin accused the government of lying, saying the figures were false.",
     [("Opposition leader Kemal Aydin", "person", "saying")]),
    # two speakers side by side
    ("The board said it backed the chief executive, while shareholders said they wanted change.",
     [("The board", "body", "said"), ("shareholders", "unknown", "said")]),
]

NO_ATTRIBUTION = [
    "The president visited the flooded region on Tuesday.",
    "The minister resigned after a vote of no confidence.",
    "The goalkeeper saved a penalty in the 89th minute.",
    "The bank added 500 jobs last year.",
    "The striker scored twice as the team won 3-1.",
    "The new law was passed by parliament in March.",
    "The report was published in 2019.",
    "The study was cited in more than 200 papers.",
    "It was reported that the mayor had resigned.",
    "The victim was told to stay at home.",
    "He was found guilty of fraud.",
    "Khan's claims were dismissed by the court.",
    "The film tells the story of a family in exile.",
    "Needless to say, the plan failed.",
    "That said, the economy grew faster than expected.",
    "When I told my editor, she laughed.",
    "The minister declined to say whether she would stand again.",
    "The police found the car abandoned near the border.",
    "A spokeswoman for the airline declined to comment.",
    "Scientists at the University of Oslo discovered a new species of beetle.",
    "Voters went to the polls on Sunday.",
    "",
]


def _chain(atts: list[Attribution]) -> list[tuple[str, str, str]]:
    return [(a.name, a.kind, a.via) for a in atts]


CORPUS_OUTLETS = frozenset({"reuters", "bbc", "afp", "bloomberg"})
"""Outlets a corpus would name as such (as publishers of its sources, or in frames such as "published by");
no list of brands is built in."""


@pytest.mark.parametrize(("text", "expected"), CHAINS)
def test_attribution_chain(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _chain(find_attribution(text, outlets=CORPUS_OUTLETS)) == expected


@pytest.mark.parametrize(("text", "_"), CHAINS)
def test_spans_point_at_names(text: str, _: object) -> None:
    for a in find_attribution(text):
        assert text[a.start : a.end] == a.name
        assert a.kind in KINDS


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_attribution_without_reporting_relation(text: str) -> None:
    assert find_attribution(text) == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("The New York Times", "outlet"),
        ("Reuters", "outlet"),
        ("the BBC", "outlet"),
        ("a local newspaper", "outlet"),
        ("state media", "outlet"),
        ("a report by Bloomberg", "outlet"),
        ("the leaked memo", "document"),
        ("a 2019 study", "document"),
        ("the court filing", "document"),
        ("the Ministry of Defence", "body"),
        ("the White House", "body"),
        ("Acme Holdings Ltd", "body"),
        ("the WHO", "body"),
        ("Beijing", "body"),
        ("a spokesperson for the ministry", "body"),
        ("US officials", "body"),
        ("President Maria Silva", "person"),
        ("Dr Omar Said", "person"),
        ("the coach", "person"),
        ("she", "person"),
        ("Jane Okafor", "person"),
        ("sources", "unknown"),
        ("officials", "unknown"),
        ("people familiar with the talks", "unknown"),
        ("it", "unknown"),
        ("", "unknown"),
    ],
)
def test_classify(name: str, kind: str) -> None:
    assert classify(name, CORPUS_OUTLETS) == kind


LEAD_INS = [
    ("The Journal describes", ("The Journal", "outlet", "describes")),
    ("Reuters reports:", ("Reuters", "outlet", "reports")),
    ("As the cable puts it:", ("the cable", "document", "puts it")),
    ("The minister told parliament on Tuesday:", ("The minister", "person", "told")),
    ("The coach spells out,", ("The coach", "person", "spells out")),
    ("The report concludes:", ("The report", "document", "concludes")),
    ("Dr Amal Haddad writes", ("Dr Amal Haddad", "person", "writes")),
]


@pytest.mark.parametrize(("line", "expected"), LEAD_INS)
def test_lead_in_speaker(line: str, expected: tuple[str, str, str]) -> None:
    att = lead_in_speaker(line, CORPUS_OUTLETS)
    assert att is not None
    assert (att.name, att.kind, att.via) == expected
    assert line[att.start : att.end] == att.name


@pytest.mark.parametrize(
    "line",
    [
        "The match ended in a draw.",
        "Here are the key points:",
        "The minister said the plan would be announced soon.",
        "The minister said the plan would be announced soon and that it would cover every region of the country",
        "",
    ],
)
def test_not_a_lead_in(line: str) -> None:
    assert lead_in_speaker(line) is None


def test_previous_lead_in_is_outermost() -> None:
    chain = find_attribution("Officials had been warned three times, the memo says.", previous="The Journal describes")
    assert _chain(chain) == [("The Journal", "outlet", "describes"), ("the memo", "document", "says")]
    assert (chain[0].start, chain[0].end) == (0, 0)


def test_previous_lead_in_without_own_attribution() -> None:
    chain = find_attribution("The vote was postponed twice.", previous="The council's minutes, page four:")
    assert chain == []  # no reporting verb: a heading of sorts, not a speaker
    chain = find_attribution("The vote was postponed twice.", previous="The council's minutes record:")
    assert _chain(chain) == [("The council's minutes", "document", "record")]
    chain = find_attribution("The vote was postponed twice.", previous="The council's statement reads:")
    assert _chain(chain) == [("The council's statement", "document", "reads")]


def test_previous_that_is_not_a_lead_in_is_ignored() -> None:
    assert find_attribution("The vote was postponed.", previous="The match ended in a draw.") == []


def test_outlets_are_known_from_the_corpus_not_from_a_list() -> None:
    # a name alone is not known to be an outlet ...
    assert classify("Reuters") != "outlet"
    assert classify("Intercept") != "outlet"
    # ... until the texts show it to be one, or a source names it as its publisher
    assert outlets_in("The story was first reported by the Daily Planet on Monday.") == {"daily planet"}
    assert "clarion" in outlets_in("The Clarion has published a report on the harbour deal.")
    assert "harbour watch" in outlets_in("According to a report in Harbour Watch, the board met twice.")
    assert "portnews.com" in outlets_in("The photos first appeared on PortNews.com last week.")
    assert classify("the Clarion", frozenset({"clarion"})) == "outlet"
    # naming conventions still tell: "The X" is a title, "Times" or "Gazette" a newspaper
    assert classify("The Clarion") == "outlet"
    assert classify("the Valley Gazette") == "outlet"


@pytest.mark.parametrize("text", ["The minister said she was published in 1990.", "He was seen by a doctor on Monday."])
def test_outlet_frames_do_not_take_people_or_dates(text: str) -> None:
    assert not (outlets_in(text) & {"monday", "1990", "a doctor", "doctor"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs by which a document reports, each on text far from the seeds
        ("The audit outlines how the grant was spent on consultants.", [("The audit", "document", "outlines")]),
        ("The memo documents three meetings between the mayor and the developer.", [("The memo", "document", "documents")]),
        ("The letter hints at a change in the club's transfer policy.", [("The letter", "document", "hints")]),
        ("The minutes record that the vote on the budget was five to three.", [("The minutes", "document", "record")]),
    ],
)
def test_documents_report_with_their_own_verbs(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _chain(find_attribution(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The museum documents were lost in the fire.",
        "Chalk outlines of the old pitch were still visible.",
        "The chef hints that are printed on the menu change weekly.",
    ],
)
def test_document_verbs_as_nouns_attribute_nothing(text: str) -> None:
    assert find_attribution(text) == []


def test_a_lead_in_that_spells_out_introduces_what_follows() -> None:
    att = lead_in_speaker("The court filing spells out")
    assert att is not None and (att.name, att.kind, att.via) == ("The court filing", "document", "spells out")
