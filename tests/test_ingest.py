from __future__ import annotations

import datetime as dt
from pathlib import Path

from provenance.claims import claims
from provenance.sources import ingest, roles

from .budget import finishes

ARTICLE = """City Council Approves New Budget

By Maria Lopez
Tuesday, March 12, 2024 - 09:15 AM

The city council approved a budget of $4 billion on Monday. The mayor said the plan protects schools.

Critics describe

The plan cuts library hours and delays road repairs.

City Council Approves New Budget

Share this

Leave a comment
"""


def load(tmp_path: Path, text: str | bytes, sidecar: str | None = None, name: str = "001.txt"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        path.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    return ingest.load_source(path, name, set())


def test_metadata_is_taken_from_the_text_when_no_sidecar(tmp_path: Path) -> None:
    source, problems = load(tmp_path, ARTICLE)
    assert problems == []
    assert source.meta.title == "City Council Approves New Budget"
    assert source.meta.author == "Maria Lopez"
    assert source.meta.published == dt.date(2024, 3, 12)
    assert source.meta.publisher is None
    assert source.meta.origin["publisher"] == "unknown"
    assert source.id == "city-council-approves-new-budget"


def test_roles_title_byline_dateline_furniture_lead_in(tmp_path: Path) -> None:
    source, _ = load(tmp_path, ARTICLE)
    got = [(s.role, s.text) for s in source.sentences]
    assert got[:3] == [("title", "City Council Approves New Budget"), ("byline", "By Maria Lopez"), ("dateline", "Tuesday, March 12, 2024 - 09:15 AM")]
    assert ("lead-in", "Critics describe") in got
    assert ("furniture", "City Council Approves New Budget") in got  # repeated title
    assert ("furniture", "Share this") in got and ("furniture", "Leave a comment") in got
    assert [t for r, t in got if r == "body"] == [
        "The city council approved a budget of $4 billion on Monday.",
        "The mayor said the plan protects schools.",
        "The plan cuts library hours and delays road repairs.",
    ]


def test_sidecar_overrides_text_and_gives_the_id(tmp_path: Path) -> None:
    sidecar = "id: council-budget\npublisher: City Herald\npublished: 2024-03-13\nurl: https://example.org/a\nkind: news\n"
    source, problems = load(tmp_path, ARTICLE, sidecar)
    assert problems == []
    assert source.id == "council-budget"
    assert source.meta.publisher == "City Herald"
    assert source.meta.published == dt.date(2024, 3, 13)
    assert source.meta.origin["published"] == "sidecar" and source.meta.origin["author"] == "text"


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    source, problems = load(tmp_path, ARTICLE, "id: ok\ntitle: [unclosed\nauthor: x\n")
    assert len(problems) == 1
    assert problems[0].file == "001.yml" and problems[0].line in (2, 3, 4)
    assert "not valid YAML" in problems[0].message
    assert source.meta.title == "City Council Approves New Budget"  # the text still builds


def test_unknown_key_and_bad_values_are_reported_with_lines(tmp_path: Path) -> None:
    _, problems = load(tmp_path, ARTICLE, "id: Not A Slug\npublsher: X\npublished: someday\nurl: ftp://x\n")
    by_line = {p.line: p for p in problems}
    assert "not a slug" in by_line[1].message
    assert "unknown key 'publsher'" in by_line[2].message and "publisher" in by_line[2].fix
    assert "not a date" in by_line[3].message
    assert "not an http(s) URL" in by_line[4].message


def test_invalid_utf8_is_shown_not_lost_and_reported(tmp_path: Path) -> None:
    source, problems = load(tmp_path, b"Title\n\nGood line here. Bad \xff byte here.\n")
    assert problems and problems[0].line == 3 and problems[0].severity == "warning"
    assert "\ufffd" in source.text and "Good line here." in source.text


def test_ids_are_stable_when_another_paragraph_changes(tmp_path: Path) -> None:
    a, _ = load(tmp_path, ARTICLE, name="a.txt")
    edited = ARTICLE.replace("approved a budget of $4 billion", "narrowly approved a budget of $4.1 billion")
    b, _ = load(tmp_path, edited, name="b.txt")
    ids_a = {s.text: s.id for s in a.sentences}
    ids_b = {s.text: s.id for s in b.sentences}
    common = set(ids_a) & set(ids_b)
    assert len(common) == len(ids_a) - 1
    assert all(ids_a[t] == ids_b[t] for t in common)


def test_repeated_sentences_get_distinct_ids(tmp_path: Path) -> None:
    source, _ = load(tmp_path, ARTICLE)
    ids = [s.id for s in source.sentences]
    assert len(ids) == len(set(ids))


def test_source_ids_are_readable_and_unique_in_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "0001_ab12.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "0002_cd34.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "0003_ef56.txt").write_text("\n\n", encoding="utf-8")
    corpus = ingest.load_corpus(tmp_path, tmp_path)
    ids = [s.id for s in corpus.sources]
    assert ids[:2] == ["city-council-approves-new-budget", "city-council-approves-new-budget-2"]
    assert ids[2] and "0003" not in ids[2]
    assert any("is empty" in p.message for p in corpus.problems)


def test_duplicate_sidecar_ids_are_an_error(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / f"{name}.yml").write_text("id: same\n", encoding="utf-8")
    corpus = ingest.load_corpus(tmp_path, tmp_path)
    assert any("used by another source" in p.message and p.file == "b.txt" for p in corpus.problems)


def test_furniture_patterns_are_generic() -> None:
    for line in ("Back to blog", "Return to home", "Leave a comment", "12 comments", "Photo: Reuters", "Jane Doe's Photo", "Advertisement",
                 "(AP Photo/Ana Ruiz)", "Read more: Why the vote matters", "4 min read", "Sign up for our newsletter", "Copyright 2024 The Post"):
        assert roles.is_furniture(line, None), line
    for line in ("Back to the drawing board, the minister said.", "The photo was taken in 2019."):
        assert not roles.is_furniture(line, None), line


def test_claims_exclude_questions_short_lines_and_non_body() -> None:
    assert roles.is_claim("The bridge reopened on Friday.", "body")
    assert not roles.is_claim("Why did it close?", "body")
    assert not roles.is_claim("Yes, indeed.", "body")
    assert not roles.is_claim("Council Approves Budget Today Again", "title")


def test_old_mac_line_endings_keep_paragraphs_byline_and_line_numbers(tmp_path: Path) -> None:
    text = ARTICLE.replace("\n", "\r")
    source, problems = load(tmp_path, text)
    assert problems == []
    assert source.meta.author == "Maria Lopez" and source.meta.published == dt.date(2024, 3, 12)
    assert [(s.role, s.text) for s in source.sentences] == [(s.role, s.text) for s in load(tmp_path, ARTICLE, name="002.txt")[0].sentences]
    assert len(source.paragraphs) == 8
    body = next(s for s in source.sentences if s.text.startswith("The plan cuts"))
    assert ingest.line_of(source.text, body.start) == ARTICLE[: ARTICLE.index("The plan cuts")].count("\n") + 1


def test_a_sentence_starting_with_by_is_body_not_a_byline(tmp_path: Path) -> None:
    text = "Council Passes Budget\n\nBy Monday, the council had approved the budget.\n\nBy contrast, the school board has not voted. It meets in May.\n"
    source, _ = load(tmp_path, text)
    assert source.meta.author is None and source.meta.origin["author"] == "unknown"
    assert [s.role for s in source.sentences] == ["title", "body", "body", "body"]
    assert len(claims.extract([source])) == 3


def test_bylines_still_name_their_author(tmp_path: Path) -> None:
    for line, author in [("by Sam Okafor", "Sam Okafor"), ("By Sam Okafor and Lea Park", "Sam Okafor and Lea Park"),
                         ("By Sam Okafor, staff writer", "Sam Okafor, staff writer"), ("Written by the editorial board", "the editorial board")]:
        source, _ = load(tmp_path, f"Harbour Ferry Delayed\n{line}\n\nThe ferry left an hour late on Sunday.\n")
        assert source.meta.author == author, line
    for line in ["By Monday, the council had approved the budget.", "By 2030, emissions must fall by half."]:
        assert roles.byline_name(line) is None, line


def test_a_by_sentence_inside_a_paragraph_is_not_a_byline(tmp_path: Path) -> None:
    source, _ = load(tmp_path, "Harbour Ferry Delayed\n\nThe ferry left late. By Sam Okafor\n")
    assert source.meta.author is None


def test_repeated_sentences_take_linear_time_and_keep_their_ids() -> None:
    class CountingSet(set):
        lookups = 0

        def __contains__(self, item: object) -> bool:
            CountingSet.lookups += 1
            return super().__contains__(item)

    taken: set[str] = CountingSet()
    repeats: dict[str, int] = {}
    ids = [ingest.sentence_id("The same line again.", taken, repeats) for _ in range(5000)]
    base = ids[0]
    assert ids[:3] == [base, f"{base}-2", f"{base}-3"] and ids[-1] == f"{base}-5000"
    assert len(set(ids)) == 5000
    assert CountingSet.lookups < 3 * 5000  # counting up from -2 for every repeat looked up 12.5 million times


def test_a_pasted_document_of_identical_lines_is_split_in_linear_time() -> None:
    printed = finishes("""
        from provenance import ingest
        _, sentences, _ = ingest.split("The same line again.\\n" * 40000)  # quadratic: over three minutes
        print(len({s.id for s in sentences}))
    """)
    assert printed.split() == ["40000"]


def test_upper_case_suffixes_pair_a_source_with_its_sidecar(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text("Harbour Ferry Delayed\n\nThe ferry left an hour late on Sunday.\n", encoding="utf-8")
    (tmp_path / "A.yml").write_text("id: harbour-ferry\n", encoding="utf-8")
    (tmp_path / "B.txt").write_text("Storm Hits Coast\n\nThe storm arrived on Tuesday night.\n", encoding="utf-8")
    (tmp_path / "B.YML").write_text("id: coast-storm\n", encoding="utf-8")
    corpus = ingest.load_corpus(tmp_path, tmp_path)
    assert [s.id for s in corpus.sources] == ["harbour-ferry", "coast-storm"]
    assert corpus.problems == []


def test_yaml_files_that_are_no_sidecar_are_reported(tmp_path: Path) -> None:
    (tmp_path / "A.txt").write_text("Harbour Ferry Delayed\n\nThe ferry left an hour late on Sunday.\n", encoding="utf-8")
    (tmp_path / "A.yml").write_text("id: harbour-ferry\n", encoding="utf-8")
    (tmp_path / "A.yaml").write_text("id: ferry-two\n", encoding="utf-8")
    (tmp_path / "C.yml").write_text("id: lonely\n", encoding="utf-8")
    (tmp_path / "folder.yml").mkdir()
    corpus = ingest.load_corpus(tmp_path, tmp_path)
    assert [s.id for s in corpus.sources] == ["harbour-ferry"]
    assert [(p.file, p.message) for p in corpus.problems] == [
        ("A.yaml", "is not read: A.yml is the sidecar of A.txt"),
        ("C.yml", "sidecar has no source file next to it"),
    ]


def test_a_source_finds_each_sentence_by_id_and_stays_a_plain_record(tmp_path: Path) -> None:
    import pickle

    source, _ = load(tmp_path, ARTICLE)
    for sentence in source.sentences:
        assert source.sentence(sentence.id) is sentence
    assert source.sentence("s-no-such-sentence") is None
    # The index is derived: it is not part of the record's equality, and a pickled source (the cache) still finds its sentences.
    again, _ = load(tmp_path, ARTICLE)
    assert again == source
    copy = pickle.loads(pickle.dumps(source))
    assert copy == source and copy.sentence(source.sentences[-1].id) == source.sentences[-1]
