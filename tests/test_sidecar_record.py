"""The sidecar fields `provenance add` writes: normalised when valid, named with their line when not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from provenance.sources import sidecar


def load(tmp_path: Path, text: str) -> tuple[dict, list]:
    path = tmp_path / "a.yml"
    path.write_text(text, encoding="utf-8")
    return sidecar.load(path, "seeds/a.yml")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('"2026-12-01T09:30:00Z"', "2026-12-01T09:30:00Z"),
        ('"2026-12-01T10:30:00+01:00"', "2026-12-01T09:30:00Z"),  # to UTC
        ("2026-12-01 09:30:00", "2026-12-01T09:30:00Z"),  # a YAML timestamp
        ("2026-12-01", "2026-12-01"),  # a date alone stays a date
    ],
)
def test_retrieved_is_normalised_to_utc(tmp_path: Path, written: str, read: str) -> None:
    values, problems = load(tmp_path, f"retrieved: {written}\n")
    assert problems == [] and values["retrieved"] == read


def test_language_is_normalised(tmp_path: Path) -> None:
    values, problems = load(tmp_path, "language: EN-GB\n")
    assert problems == [] and values["language"] == "en-GB"


def test_the_full_record_reads_back(tmp_path: Path) -> None:
    values, problems = load(
        tmp_path,
        'id: barrier\ndisplay: excerpts\narchive_url: https://archive.example/x\nextractor: "pypdf 6.1.0"\n'
        f'original: originals/barrier.pdf\noriginal_sha256: "{"0" * 64}"\npublished: 2024-03-12\n',
    )
    assert problems == []
    assert values == {
        "id": "barrier", "display": "excerpts", "archive_url": "https://archive.example/x", "extractor": "pypdf 6.1.0",
        "original": "originals/barrier.pdf", "original_sha256": "0" * 64, "published": dt.date(2024, 3, 12),
    }


@pytest.mark.parametrize("path", ["/etc/passwd", "C:/Users/x.html", "originals/../../x.html", "..\\x.html"])
def test_original_must_stay_inside_the_seeds_folder(tmp_path: Path, path: str) -> None:
    values, problems = load(tmp_path, f"original: '{path}'\n")
    assert "original" not in values
    assert [str(p) for p in problems] == [
        f"seeds/a.yml:1: original {path!r} must be a path inside the seeds folder (fix: write it relative to the seeds folder, e.g. originals/ID.html)"
    ]
