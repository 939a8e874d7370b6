from __future__ import annotations

import pytest

from provenance.analysis.entities import People, build, find_mentions

from .conftest import deadline


def mentions(text: str) -> list[str]:
    found = find_mentions(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [m.text for m in found]


def by_name(people: People) -> dict[str, tuple[str, tuple[str, ...], int]]:
    return {e.name: (e.kind, e.variants, len(e.occurrences)) for e in people.entities}


def corpus(*sources: list[str]) -> list[tuple[str, str, str]]:
    return [(f"s{i}", str(j), text) for i, sentences in enumerate(sources) for j, text in enumerate(sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # politics
        ("During the talks, US Assistant Secretary of State Donald Lu blamed Prime Minister Khan.",
         ["US", "Assistant Secretary of State Donald Lu", "Prime Minister Khan"]),
        ("Donald Lu, the Assistant Secretary of State for the Bureau of South and Central Asian Affairs, left.",
         ["Donald Lu", "the Bureau of South and Central Asian Affairs"]),
        ("The Department of Justice and Donald Trump clashed, said Sen. Bernie Sanders of Vermont.",
         ["The Department of Justice", "Donald Trump", "Sen. Bernie Sanders", "Vermont"]),
        ("Pakistan’s then-ambassador Asad Majeed Khan met the State Department.",
         ["Pakistan", "then-ambassador Asad Majeed Khan", "the State Department"]),
        ("Russian President Vladimir Putin and Ukraine's Volodymyr Zelensky spoke.",
         ["President Vladimir Putin", "Ukraine", "Volodymyr Zelensky"]),
        # sport
        ("Erling Haaland scored twice as Manchester United lost in the Premier League.",
         ["Erling Haaland", "Manchester United", "Premier League"]),
        ("Coach Ange Postecoglou praised Tottenham's defence after the Champions League draw.",
         ["Coach Ange Postecoglou", "Tottenham", "the Champions League"]),
        # business
        ("Tesla CEO Elon Musk met Indian Prime Minister Narendra Modi in New Delhi on Tuesday.",
         ["Tesla", "CEO Elon Musk", "Prime Minister Narendra Modi", "New Delhi"]),
        ("Apple Inc. and the Federal Reserve Bank of New York, said the New York Times.",
         ["Apple Inc.", "the Federal Reserve Bank of New York", "the New York Times"]),
        ("The Securities and Exchange Commission (SEC) fined Procter & Gamble and Johnson & Johnson.",
         ["The Securities and Exchange Commission", "SEC", "Procter & Gamble", "Johnson & Johnson"]),
        ("Egypt lost the Africa Cup of Nations final in Abidjan.", ["Egypt", "Africa Cup of Nations", "Abidjan"]),
        # science
        ("Researchers at the University of Oxford and NASA said the samples held water.", ["the University of Oxford", "NASA"]),
        ("Dr. Jane Goodall told the BBC that the World Health Organization agreed.",
         ["Dr. Jane Goodall", "the BBC", "the World Health Organization"]),
        # crime
        ("Detective Inspector Sarah Jones said John O'Brien, 45, was charged at Leeds Crown Court.",
         ["Detective Inspector Sarah Jones", "John O'Brien", "Leeds Crown Court"]),
        ("Judge Amanda Pinto KC sentenced him; Khan and the Election Commission objected.",
         ["Judge Amanda Pinto KC", "Khan", "the Election Commission"]),
        ("Bashar al-Assad met Ursula von der Leyen and George W. Bush in Damascus.",
         ["Bashar al-Assad", "Ursula von der Leyen", "George W. Bush", "Damascus"]),
    ],
)  # fmt: skip
def test_mentions_across_topics(text: str, expected: list[str]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crucially, it points to a secret cable.", []),
        ("However, Sharif declined to comment.", ["Sharif"]),
        ("Following Khan’s removal, his successor took office.", ["Khan"]),
        ("On Monday, in March, Theresa May spoke.", ["Theresa May"]),
        ("Russian and Chinese officials met European diplomats.", []),
        ("The cable documents a candid discussion.", []),
        ("Researchers said the Prime Minister's office was told.", []),
        ('"The US government denied it," Lu said.', ["US", "Lu"]),
        ("They met Khan. The Senate agreed.", ["Khan", "The Senate"]),
        ("", []),
    ],
)
def test_ordinary_capitalised_words_titles_and_dates_are_not_names(text: str, expected: list[str]) -> None:
    assert mentions(text) == expected


def test_a_bare_surname_shared_by_two_people_is_ambiguous_but_resolved_where_it_can_be() -> None:
    people = build(corpus(
        ["Prime Minister Imran Khan met Ambassador Asad Majeed Khan.", "Khan said no.", "Ambassador Khan disagreed.",
         "Prime Minister Khan left."],
        ["Imran Khan spoke in Lahore.", "Khan smiled."],
    ))  # fmt: skip
    ids = {e.name: e.id for e in people.entities}
    assert ids["Imran Khan"] == "imran-khan" and ids["Asad Majeed Khan"] == "asad-majeed-khan"
    [amb] = people.ambiguities
    assert (amb.variant, set(amb.candidates), amb.occurrences) == ("Khan", {"imran-khan", "asad-majeed-khan"}, (("s0", "1"),))
    assert people.by_sentence[("s0", "1")] == ()
    assert people.by_sentence[("s0", "2")] == ("asad-majeed-khan",)  # the title tells them apart
    assert people.by_sentence[("s0", "3")] == ("imran-khan",)
    assert people.by_sentence[("s1", "1")] == ("imran-khan",)  # only one Khan in that source
    kind, variants, count = by_name(people)["Imran Khan"]
    assert kind == "person" and count == 4
    assert set(variants) == {"Prime Minister Imran Khan", "Prime Minister Khan", "Imran Khan", "Khan"}


def test_surnames_and_shortened_names_join_the_full_name() -> None:
    people = build(corpus(
        ["Erling Haaland scored twice for City.", "Haaland later said the win mattered."],
        ["Pakistan's ambassador, Asad Majeed Khan, was recalled.", "Asad Majeed met officials.", "Majeed declined to comment."],
    ))  # fmt: skip
    names = by_name(people)
    assert names["Erling Haaland"] == ("person", ("Erling Haaland", "Haaland"), 2)
    assert names["Asad Majeed Khan"] == ("person", ("Asad Majeed Khan", "Asad Majeed", "Majeed"), 3)
    assert people.ambiguities == ()


def test_bodies_outlets_and_places_are_grouped_and_classified() -> None:
    people = build(corpus(
        ["The US State Department declined to comment, The Intercept reported.", "A State Department official met Reuters."],
        ["According to The Intercept, the U.S. knew.", "The United States and the European Union agreed in Paris."],
        ["The Crown Prosecution Service (CPS) charged him.", "The CPS declined to comment."],
    ))  # fmt: skip
    names = by_name(people)
    assert names["State Department"] == ("body", ("US State Department", "State Department"), 2)
    assert names["The Intercept"] == ("outlet", ("The Intercept",), 2)
    assert names["United States"] == ("place", ("U.S.", "United States"), 2)
    assert names["European Union"][0] == "body" and names["Paris"][0] == "place" and names["Reuters"][0] == "outlet"
    assert names["Crown Prosecution Service"] == ("body", ("CPS", "Crown Prosecution Service"), 2)
    counts = [len(e.occurrences) for e in people.entities]
    assert counts == sorted(counts, reverse=True)
    assert len({e.id for e in people.entities}) == len(people.entities)


def test_title_case_headlines_only_confirm_names_from_the_text() -> None:
    people = build(corpus([
        "Storm Batters Coastal Town As Mayor Lena Novak Orders Evacuation",
        "Mayor Lena Novak ordered residents to leave on Friday.",
        "Novak said the storm was the worst in decades.",
    ]))  # fmt: skip
    assert by_name(people) == {"Lena Novak": ("person", ("Mayor Lena Novak", "Novak"), 3)}


def test_sentence_initial_words_the_corpus_writes_in_lower_case_are_not_names() -> None:
    people = build(corpus([
        "Meanwhile the council met.", "Separately, officials left.", "Residents said little.", "Analysts disagreed.",
        "Shares fell sharply.", "Inflation rose.", "inflation and shares are lower-case here.", "Smith said inflation rose.",
    ]))  # fmt: skip
    assert [e.name for e in people.entities] == ["Smith"]
    assert people.by_sentence[("s0", "0")] == ()
    assert set(people.by_sentence) == {("s0", str(i)) for i in range(8)}


def test_ids_are_ascii_slugs_and_lines_are_read_separately() -> None:
    people = build(corpus(["Émile Zola met Łukasz Nowak.\nZola left.", "", "   "]))
    assert [(e.id, e.name, e.variants) for e in people.entities] == [
        ("emile-zola", "Émile Zola", ("Émile Zola", "Zola")),
        ("lukasz-nowak", "Łukasz Nowak", ("Łukasz Nowak",)),
    ]
    assert people.by_sentence == {("s0", "0"): ("emile-zola", "lukasz-nowak"), ("s0", "1"): (), ("s0", "2"): ()}


def test_an_empty_corpus_gives_nothing() -> None:
    assert build([]) == People((), (), {})


def test_names_that_slugify_alike_get_distinct_ids_and_never_hang() -> None:
    """"Chandrāyaan" and "Chandrayaan" share a slug, and the numbered one is taken by "Chandrayaan-2"."""
    sentences = corpus(
        ["The agency said Chandrayaan-2 reached orbit after Chāndrayaan did.", "The orbiter of Chandrayaan-2 still works, unlike that of Chandrayaan."],
        ["A report on Chandrayaan-2 praised Chandrayaan."],
    )
    with deadline(30, "choosing entity ids"):
        people = build(sentences)
    ids = {e.name: e.id for e in people.entities}
    assert ids == {"Chandrayaan-2": "chandrayaan-2", "Chandrayaan": "chandrayaan", "Chāndrayaan": "chandrayaan-3"}
