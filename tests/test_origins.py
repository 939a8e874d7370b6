"""Independence by identity: echoes need the same named upstream, not the same head noun; and attribution in context."""

from __future__ import annotations

from provenance.analysis.analyze import analyze, local_facts
from provenance.analysis.attribution import Attribution
from provenance.analysis.origins import Documents, describe, origin_keys, speaker_key
from provenance.claims import claims as claims_module
from provenance.model import Metadata, Source
from provenance.sources.ingest import split


def source(sid: str, text: str, publisher: str | None = None) -> Source:
    paragraphs, sentences, _ = split(text)
    return Source(f"{sid}.txt", text, Metadata(id=sid, publisher=publisher), tuple(paragraphs), tuple(sentences), sid)


def doc(name: str) -> Attribution:
    return Attribution(name, "document", "according to", 0, len(name))


def test_an_indefinite_document_names_nothing() -> None:
    documents = Documents(["a police report", "an independent engineering report"])
    assert documents.key("a police report") is None
    assert documents.key("an independent engineering report") is None
    assert origin_keys((doc("a police report"),), documents) == frozenset()


def test_definite_documents_are_one_when_nothing_competes_for_their_head() -> None:
    documents = Documents(["the cable", "the leaked Pakistani cable", "The diplomatic cable"])
    assert documents.key("the cable") == documents.key("the leaked Pakistani cable") == documents.key("The diplomatic cable")
    assert describe("the leaked Pakistani cable") == (True, "cable", frozenset({"pakistani"}))


def test_a_bare_head_shared_by_two_documents_identifies_neither() -> None:
    documents = Documents(["the police report", "the engineering report", "the report"])
    assert documents.key("the police report") != documents.key("the engineering report")
    assert documents.key("the police report") is not None
    assert documents.key("the report") is None


def test_speakers_are_origins_by_name_and_pronouns_are_not() -> None:
    assert speaker_key(Attribution("Daniel Ortega", "person", "said", 0, 0)) == speaker_key(Attribution("Ortega", "person", "told", 0, 0))
    assert speaker_key(Attribution("he", "person", "said", 0, 0)) is None
    assert speaker_key(Attribution("The port authority", "body", "said", 0, 0)) == "body:port authority"


def test_two_papers_relaying_one_statement_echo_and_two_reports_corroborate() -> None:
    quote_a = source("a", "Bridge Story\n\nThe old river bridge will close for six weeks of repairs in May, the city engineer Rosa Delgado said.\n", "Daily One")
    quote_b = source("b", "Bridge Works\n\nThe old river bridge will close for six weeks of repairs in May, according to Delgado.\n", "Daily Two")
    found = claims_module.extract([quote_a, quote_b])
    analysis = analyze([quote_a, quote_b], found)
    assert [r.kind for r in analysis.relations] == ["echoes"]
    own_a = source("a", "Bridge Story\n\nThe old river bridge will close for six weeks of repairs in May, a police report says.\n", "Daily One")
    own_b = source("b", "Bridge Works\n\nThe old river bridge will close for six weeks of repairs in May, an engineering report found.\n", "Daily Two")
    found = claims_module.extract([own_a, own_b])
    analysis = analyze([own_a, own_b], found)
    assert [r.kind for r in analysis.relations] == ["corroborates"]
    assert {f.status for f in analysis.facts.values()} == {"corroborated"}


def test_a_weak_match_is_related_and_counts_for_nothing() -> None:
    a = source("a", "Zoo Report\n\nThe zoo opened a new penguin enclosure with a wave pool and a viewing tunnel on Saturday.\n")
    b = source("b", "Weekend\n\nFamilies queued on Saturday to see the penguins at the zoo, where tickets sold out by noon.\n")
    found = claims_module.extract([a, b])
    analysis = analyze([a, b], found)
    kinds = {r.kind for r in analysis.relations}
    assert "corroborates" not in kinds
    assert all(f.status == "single-source" for f in analysis.facts.values())


def test_outlets_are_known_from_the_corpus_publishers() -> None:
    a = source("a", "Harbour Deal\n\nThe harbour board sold the fishing rights, Coastline reported on Monday.\n", "Valley Post")
    b = source("b", "Fishing Rights\n\nThe board's sale of the fishing rights has angered fishermen.\n", "Coastline")
    found = claims_module.extract([a, b])
    analysis = analyze([a, b], found)
    chain = analysis.facts[found[0].id].attribution
    assert [(x.name, x.kind) for x in chain] == [("Coastline", "outlet")]


def chains(text: str) -> dict[str, list[tuple[str, str]]]:
    src = source("s", text)
    sentences = {s.id: s.text for s in src.sentences}
    return {sentences[sid]: [(a.name, a.kind) for a in f.attribution] for sid, f in local_facts(src).items()}


def chain_of(found: dict[str, list[tuple[str, str]]], opening: str) -> list[tuple[str, str]]:
    return next(v for k, v in found.items() if k.startswith(opening))


def test_a_document_keeps_the_outlet_that_published_it_wherever_it_is_named() -> None:
    found = chains(
        "Cable Story\n\n"
        "The minister met the envoy twice, according to the cable obtained by The Clarion.\n\n"
        "Below is what the envoy said next, according to the cable\n\n"
        "\"We will not forget this,\" the envoy is said to have told the minister.\n"
    )
    assert chain_of(found, "\"We will not forget this") == [("The Clarion", "outlet"), ("the cable", "document"), ("the envoy", "person")]


def test_a_paragraph_opened_by_according_to_carries_its_chain() -> None:
    found = chains(
        "Audit\n\n"
        "According to the audit, the council overspent on the stadium by four million pounds. "
        "The overspend was hidden in the roads budget.\n\n"
        "The mayor resigned in June.\n"
    )
    assert chain_of(found, "The overspend") == [("the audit", "document")]
    assert chain_of(found, "The mayor resigned") == []


def test_he_and_she_stand_for_the_last_person_named() -> None:
    found = chains("Report\n\nThe report was written by Maria Lopez, the harbour master. She said the board had not seen it.\n")
    assert chain_of(found, "She said") == [("Maria Lopez", "person")]
