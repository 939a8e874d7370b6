"""Datelines: the date a line states, to the precision it states it, whatever the day of the build."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from provenance import export, pipeline, roles
from provenance.render import source_page

GARDEN_NOTES = """Allotment Rules Change for the Summer

By Priya Natarajan
Updated: August 2023

Plot holders may now water with hoses before eight in the morning.
The committee will review the rule after the first dry month.
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, March 12, 2024 - 09:15 AM", (dt.date(2024, 3, 12), "day")),
        ("Published 3 Jan 2021", (dt.date(2021, 1, 3), "day")),
        ("Updated: August 2023", (dt.date(2023, 8, 1), "month")),
        ("Sept. 2019", (dt.date(2019, 9, 1), "month")),
        ("The committee met in August 2023 to vote on the rule.", None),
    ],
)
def test_a_dateline_gives_its_date_and_precision(line: str, expected: tuple[dt.date, str] | None) -> None:
    assert roles.dateline_date(line) == expected


def test_a_month_only_dateline_is_published_as_a_month_on_any_day_of_the_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "garden.txt").write_text(GARDEN_NOTES, encoding="utf-8")
    result = pipeline.run(seeds, tmp_path)
    (source,) = result.sources
    assert [s.role for s in source.sentences[:3]] == ["title", "byline", "dateline"]
    assert source.meta.origin["published"] == "text" and source.meta.published_iso == "2023-08"
    document = json.loads(export.dumps(export.provenance(result, lambda sid: f"sources/{sid}/")))
    assert document["sources"][0]["published"] == "2023-08"
    assert dict(source_page.meta_rows(source))["Published"] == '<time datetime="2023-08">2023-08</time>'


def test_a_sidecar_date_keeps_its_day() -> None:
    from provenance.model import Metadata

    assert Metadata(id="a", published=dt.date(2023, 8, 9)).published_iso == "2023-08-09"
    assert Metadata(id="a").published_iso is None
