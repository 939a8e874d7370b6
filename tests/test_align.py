"""Corroboration on small corpora written for the test, on several topics."""

from __future__ import annotations

from provenance.analysis import align
from provenance.analysis.features import features, key

SPORT_A = [
    "The club confirmed that striker Lena Moreau signed a three-year contract on Monday.",
    "The stadium was full for the first home game of the season.",
    "Coach Daniel Osei said the team would play a more attacking style.",
    "Ticket prices rose by 12 percent compared with last year.",
]
SPORT_B = [
    "Lena Moreau has agreed a 3-year deal with the club, it was announced on Monday.",
    "Fans complained about the new kit, which many found too bright.",
    "Season tickets now cost 12 percent more than last season.",
    "Heavy rain delayed the kick-off by twenty minutes.",
]
SCIENCE_A = [
    "Researchers at the university found that the drug reduced blood pressure in 60 percent of patients.",
    "The trial enrolled 400 volunteers over two years.",
    "Funding for the study came from a national health charity.",
]
SCIENCE_B = [
    "A two-year trial of 400 volunteers was run by the university team.",
    "The medication lowered blood pressure for 60 percent of the patients, the researchers reported.",
    "The authors say larger studies are needed before doctors prescribe it.",
]


def pairs(items: list[tuple[str, str]]) -> set[frozenset[str]]:
    return {frozenset((items[link.a][1], items[link.b][1])) for link in align.link(items)}


def test_paraphrases_with_shared_names_and_numbers_are_linked_on_sport() -> None:
    items = [("a", t) for t in SPORT_A] + [("b", t) for t in SPORT_B]
    found = pairs(items)
    assert frozenset((SPORT_A[0], SPORT_B[0])) in found
    assert frozenset((SPORT_A[3], SPORT_B[2])) in found
    assert frozenset((SPORT_A[1], SPORT_B[1])) not in found
    assert len(found) <= 3


def test_paraphrases_are_linked_on_science() -> None:
    items = [("a", t) for t in SCIENCE_A] + [("b", t) for t in SCIENCE_B]
    found = pairs(items)
    assert frozenset((SCIENCE_A[0], SCIENCE_B[1])) in found
    assert frozenset((SCIENCE_A[1], SCIENCE_B[0])) in found
    assert frozenset((SCIENCE_A[2], SCIENCE_B[2])) not in found


def test_claims_of_one_source_are_never_linked() -> None:
    items = [("a", SPORT_A[0]), ("a", SPORT_A[0] + " Really."), ("b", SPORT_B[3])]
    assert align.link(items) == []


def test_shared_names_alone_do_not_make_a_link() -> None:
    items = [("a", "The White House announced a new trade policy for steel."), ("b", "Protesters gathered outside the White House.")]
    assert align.link(items) == []


def test_features_normalise_stems_numbers_and_names() -> None:
    f = features("The Council's plan succeeds: three no-confidence votes were organised.")
    assert f["n:3"] == "n" and "w:" + key("succeeds") in f
    assert key("succeeds") == key("successful") and key("organised") == key("organized") and key("forgiven") == key("forgive")
    assert "w:" + key("confidence") in f
    assert features("He met Lu.")["w:lu"] == "e"


def test_candidates_come_from_an_index_not_all_pairs() -> None:
    items = [(f"s{i}", f"Unrelated sentence number {i} about topic{i} and matter{i}.") for i in range(300)]
    items.append(("x", "The harbour master Ana Ruiz closed the port at dawn."))
    items.append(("y", "At dawn, harbour master Ana Ruiz closed the port."))
    index = align.Index(items, align.Params())
    assert index.candidates(300) == {301}
    assert len(align.link(items, index=index)) == 1


def test_scores_computed_in_blocks_equal_the_pairwise_definition(monkeypatch) -> None:
    """Index.similarities (sparse products over blocks of pairs) gives what Index.similarity defines, for
    every kind of pair: shared names only (0), names in both but none shared, numbers in both but none
    shared (each scaled down), a name written in lower case by the other claim, no shared feature."""
    extra = [
        ("p", "Minister Ana Ruiz said the port would close for 3 days."),
        ("q", "Minister Tomas Berg said the port would close for 5 days."),
        ("r", "the ruiz family said the port would close."),
        ("s", "Ana Ruiz."),
        ("t", "Nothing in common here whatsoever."),
    ]
    items = [(f"a{n}", t) for n, t in enumerate(SPORT_A + SCIENCE_A)] + [(f"b{n}", t) for n, t in enumerate(SPORT_B + SCIENCE_B)] + extra
    monkeypatch.setattr(align, "PAIRS_PER_BLOCK", 7)  # several blocks, the last one short
    index = align.Index(items, align.Params())
    everyone = [[j for j in range(len(items)) if items[j][0] != items[i][0]] for i in range(len(items))]
    blocks = index.similarities(everyone)
    for i, others in enumerate(everyone):
        assert list(blocks[i]) == others
        for j in others:
            assert abs(blocks[i][j] - index.similarity(i, j)) < 1e-12, (items[i][1], items[j][1])
    scores = [s for row in blocks for s in row.values()]
    assert any(s == 0 for s in scores) and any(s > 0.3 for s in scores)
    assert index.similarities([[] for _ in items]) == [{} for _ in items]
