from __future__ import annotations

import datetime as dt
from pathlib import Path

from provenance import ingest, roles

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
