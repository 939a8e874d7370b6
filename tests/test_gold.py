"""The analysis against a hand-made gold annotation of the two seed articles.

The gold (tests/data/gold_seeds.yaml) was written by a reader before the
thresholds were set, and is generous: it counts partial correspondences
(one side states only part of a proposition) that a careful reader accepts.
The floors below sit a little under what the current method reaches, so that
a change that makes the analysis worse fails; each is chosen to be meaningful
for a reader: a corroboration link or a denial the site shows must be right
more often than not.
"""

from __future__ import annotations

import pytest

from .gold import load, score, sentence_of


@pytest.fixture(scope="module")
def gold_run():
    return load()


def keys(gold_run, entries, source_key="source", quote_key="quote"):
    gold, result, _, letters = gold_run
    return {(letters[e[source_key]], sentence_of(result, letters[e[source_key]], e[quote_key])) for e in entries}


def test_corroboration_precision_and_recall(gold_run) -> None:
    """Links shown to readers: ``corroborates``/``echoes`` above the threshold chosen on real articles
    (bench/quality.py), ``related`` below it. The seeds paraphrase each other in long sentences, so most of
    their true pairs score low and are shown as related; what is shown at all must still be right more
    often than not, and the strong pairs must be found."""
    gold, result, analysis, letters = gold_run
    claim_of = {(c.source, c.sentence): c.id for c in result.claims}

    def cid(letter: str, quote: str) -> str:
        return claim_of[(letters[letter], sentence_of(result, letters[letter], quote))]

    expected = {frozenset((cid("A", p["a"]), cid("B", p["b"]))) for p in gold["corroborates"]}
    strong = {frozenset((cid("A", p["a"]), cid("B", p["b"]))) for p in gold["corroborates"] if p["strength"] == "strong"}
    shown = {frozenset((r.a, r.b)) for r in analysis.relations if r.kind in ("corroborates", "echoes", "related")}
    s = score(shown, expected)
    print(f"links shown: precision {s.precision:.2f}, recall {s.recall:.2f}, strong recall {score(shown, strong).recall:.2f}")
    assert s.precision >= 0.55
    assert s.recall >= 0.35
    assert score(shown, strong).recall >= 0.55
    corroborating = {frozenset((r.a, r.b)) for r in analysis.relations if r.kind in ("corroborates", "echoes")}
    assert corroborating and all(r.score >= 0.3 for r in analysis.relations if r.kind in ("corroborates", "echoes"))
    assert score(corroborating, expected).tp >= 3


def test_no_page_furniture_or_title_is_a_claim(gold_run) -> None:
    _, result, _, _ = gold_run
    claims = {(c.source, c.sentence) for c in result.claims}
    assert not keys(gold_run, gold_run[0]["not_claims"]) & claims


def test_hedged_sentences(gold_run) -> None:
    gold, result, analysis, _ = gold_run
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].hedges}
    s = score(found, keys(gold_run, gold["hedged"]))
    print(f"hedged sentences: precision {s.precision:.2f}, recall {s.recall:.2f}")
    assert s.precision >= 0.7 and s.recall >= 0.7


def test_attributed_sentences(gold_run) -> None:
    gold, result, analysis, _ = gold_run
    found = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].attribution}
    s = score(found, keys(gold_run, gold["attributed"]))
    print(f"attributed sentences: precision {s.precision:.2f}, recall {s.recall:.2f}")
    assert s.precision >= 0.85 and s.recall >= 0.35


def test_denials_and_disputes_and_contested_claims(gold_run) -> None:
    gold, result, analysis, letters = gold_run
    stance_claims, contested_claims = set(), set()
    for point in gold["contested"]:
        for position in point["positions"]:
            found = keys(gold_run, position["quotes"])
            contested_claims |= found
            if position["stance"] != "asserts":
                stance_claims |= found
    found_stances = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].stance}
    found_contested = {(c.source, c.sentence) for c in result.claims if analysis.facts[c.id].status == "contested"}
    s1, s2 = score(found_stances, stance_claims), score(found_contested, contested_claims)
    print(f"denials/disputes: precision {s1.precision:.2f}, recall {s1.recall:.2f}; contested claims: precision {s2.precision:.2f}, recall {s2.recall:.2f}")
    assert s1.precision >= 0.9 and s1.recall >= 0.6
    assert s2.precision >= 0.5 and s2.recall >= 0.4


def test_the_us_denials_form_one_point_against_the_cables_account(gold_run) -> None:
    """Gold point 1: three denials in two sources, grouped into one point with the assertions they deny."""
    gold, result, analysis, letters = gold_run
    point = gold["contested"][0]
    denials = keys(gold_run, next(p for p in point["positions"] if p["stance"] == "denies")["quotes"])
    claim_ids = {cid for (s, sid) in denials for cid in [f"{s}.{sid}"]}
    matching = [p for p in analysis.contested if claim_ids <= {c for pos in p.positions if pos.stance == "denies" for c in pos.claims}]
    assert len(matching) == 1
    asserted = {c for pos in matching[0].positions if pos.stance == "asserts" for c in pos.claims}
    gold_asserts = keys(gold_run, next(p for p in point["positions"] if p["stance"] == "asserts")["quotes"])
    assert len(asserted & {f"{s}.{sid}" for s, sid in gold_asserts}) >= 2


def test_the_seeds_keep_their_contested_points(gold_run) -> None:
    """The points found before the analysis was reworked are still found: the cable's account against the US
    denials, the ambassador's correction about whose policy neutrality was, and the defence of Khan against
    the charges."""
    gold, result, analysis, letters = gold_run
    text = {c.id: c.text for c in result.claims}

    def point_with(fragment: str):
        return next(p for p in analysis.contested if any(fragment in text[c] for pos in p.positions for c in pos.claims if pos.stance != "asserts"))

    neutrality = point_with("consensus reached within the government")
    assert any("Lu" in text[c] for pos in neutrality.positions if pos.stance == "asserts" for c in pos.claims)
    charges = point_with("dismiss the charges as baseless")
    assert any("sentenced to three years in prison" in text[c] for pos in charges.positions if pos.stance == "asserts" for c in pos.claims)
    assert len(analysis.contested) >= 3


def test_the_cables_quotations_name_the_outlet_and_the_document(gold_run) -> None:
    gold, result, analysis, letters = gold_run
    forgiven = next(c for c in result.claims if "all will be forgiven in Washington" in c.text and c.text.startswith('"I think'))
    chain = [(a.name.replace("\xa0", " "), a.kind) for a in analysis.facts[forgiven.id].attribution]
    assert chain == [("The Intercept", "outlet"), ("the secret cable", "document"), ("Lu", "person")]
    policy = next(c for c in result.claims if "this is the Prime Minister’s policy" in c.text)
    assert [a.name for a in analysis.facts[policy.id].attribution] == ["The Intercept", "the cable", "Lu"]


def test_claims_only_one_source_makes_are_single_source(gold_run) -> None:
    gold, result, analysis, letters = gold_run
    by_text = {c.text: analysis.facts[c.id].status for c in result.claims}
    assert by_text["Prior protests have at times descended into violence."] == "single-source"
    corroborated = [c for c in result.claims if analysis.facts[c.id].status == "corroborated"]
    assert all(any(r.kind == "corroborates" and c.id in (r.a, r.b) for r in analysis.relations) for c in corroborated)
