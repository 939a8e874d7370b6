"""Datelines: the date a line states, to the precision it states it, whatever the day of the build."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.export import export
from provenance.render import source_page
from provenance.sources import roles

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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, March 12, 2024 - 09:15 AM BST", dt.date(2024, 3, 12)),
        ("Aug 10, 2023 11:30 PM PKT", dt.date(2023, 8, 10)),
        ("10 August 2023, 14:00 CEST", dt.date(2023, 8, 10)),
        ("March 12, 2024 - 10:00 IST", dt.date(2024, 3, 12)),
    ],
)
def test_zone_names_of_datelines_are_understood_without_a_warning(line: str, expected: dt.date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil's UnknownTimezoneWarning, which a future dateutil raises
        assert roles.dateline_date(line) == (expected, "day")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12/03/2024", (dt.date(2024, 1, 1), "year")),  # 12 March or December 3: only the year is certain
        ("Posted 03.12.2024 10:00", (dt.date(2024, 1, 1), "year")),
        ("13/03/2024", (dt.date(2024, 3, 13), "day")),
        ("03/13/2024", (dt.date(2024, 3, 13), "day")),
        ("12/12/2024", (dt.date(2024, 12, 12), "day")),
    ],
)
def test_a_numeric_dateline_that_reads_two_ways_gives_only_its_year(line: str, expected: tuple[dt.date, str]) -> None:
    assert roles.dateline_date(line) == expected


def test_an_ambiguous_dateline_is_published_as_a_year(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "garden.txt").write_text(GARDEN_NOTES.replace("Updated: August 2023", "Updated: 04/05/2023"), encoding="utf-8")
    result = pipeline.run(seeds, tmp_path)
    (source,) = result.sources
    assert source.sentences[2].role == "dateline" and source.meta.published_iso == "2023"
    document = json.loads(export.dumps(export.provenance(result, lambda sid: f"sources/{sid}/")))
    assert document["sources"][0]["published"] == "2023"


@pytest.mark.parametrize(
    "text",
    [
        "var shareVia = 'CityDesk'; PAGE.init('shareTop', { 'id': '4411', 'title': 'Harbour vote' });",
        "(function(d, s, id) { var js = d.createElement(s); js.id = id; }(document, 'script', 'sdk')); Post by Radio North.",
        "@media only screen and (min-width : 500px) {.mobile-only { display: none; }}",
        '<div class="advert">Sponsored</div>',
        "1,204 shares 88 View comments",
        "Like us on Facebook | Follow us on Twitter | Contact the author",
        "Post by Radio North.",
        "Please share this article with others using the link below, do not copy the text.",
    ],
)
def test_script_markup_and_share_prompts_are_furniture(text: str) -> None:
    assert roles.is_furniture(text, None)


@pytest.mark.parametrize(
    "text",
    [
        "The council (which met on Monday) voted 5-3 to approve the plan; the mayor abstained.",
        "Shares in Portnews.com (which fell 5%) rose on Monday.",
        "The function of the committee is to review budgets.",
        "Prices rose by 5% (from $10 to $10.50) in the year to March.",
        "The score was 3-1 = a clear win for the home side.",
        "Shareholders like the plan, the chairman said.",
        "Share prices fell by a third after the announcement.",
    ],
)
def test_prose_with_brackets_and_signs_is_not_furniture(text: str) -> None:
    assert not roles.is_furniture(text, None)
