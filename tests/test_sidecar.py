"""Sidecars: every problem named with its file and line, whichever YAML reader read the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.sources import sidecar


def load(tmp_path: Path, text: str):
    path = tmp_path / "report.yml"
    path.write_text(text, encoding="utf-8")
    return sidecar.load(path, "seeds/report.yml")


def test_a_key_given_twice_is_reported_with_its_line(tmp_path: Path) -> None:
    values, problems = load(tmp_path, "id: tide-tables\npublisher: Harbour Times\ntitle: Spring tides\npublisher: Coast Weekly\n")
    assert [str(p) for p in problems] == [
        "seeds/report.yml:4: 'publisher' is given twice (first on line 2); the first value is used (fix: keep one of the two lines)"
    ]
    assert values == {"id": "tide-tables", "publisher": "Harbour Times", "title": "Spring tides"}


@pytest.mark.parametrize("text", ["id: tide-tables\npublisher: Harbour Times\n", "publisher: {a: 1, a: 2}\n", "title: 'A: B'\nkind: news\n"])
def test_no_duplicate_where_there_is_none(tmp_path: Path, text: str) -> None:
    _, problems = load(tmp_path, text)
    assert not any("twice" in p.message for p in problems)


def test_the_fast_reader_refuses_duplicates_and_reads_the_rest() -> None:
    assert sidecar._fast_load("id: a\nid: b\n") is None
    assert sidecar._fast_load("id: a\ntitle: b\n") == {"id": "a", "title": "b"}
