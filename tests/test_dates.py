from __future__ import annotations

import datetime

import pytest

from provenance.analysis.dates import DateMention, find_dates

REF = datetime.date(2023, 8, 10)


def found(text: str, reference: datetime.date | None = REF) -> list[tuple[str, str, str, bool]]:
    dates = find_dates(text, reference)
    for d in dates:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value, d.precision, d.inferred_year) for d in dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # politics
        ("The vote was held on April 10, 2022, in parliament.", [("April 10, 2022", "2022-04-10", "day", False)]),
        ("The cable describes a March 7, 2022, meeting.", [("March 7, 2022", "2022-03-07", "day", False)]),
        ("Khan was ousted in April 2022 by the National Assembly.", [("April 2022", "2022-04", "month", False)]),
        ("The party has governed since 2019.", [("2019", "2019", "year", False)]),
        # sport
        ("The final on 7 March 2021 drew 80,000 fans.", [("7 March 2021", "2021-03-07", "day", False)]),
        ("He signed on the 3rd of June, 2020, for three years.", [("3rd of June, 2020", "2020-06-03", "day", False)]),
        ("The 2019-2020 season was cut short.", [("2019", "2019", "year", False), ("2020", "2020", "year", False)]),
        # business
        ("Revenue rose in Sept. 2021 and fell in mid-2022.", [("Sept. 2021", "2021-09", "month", False), ("2022", "2022", "year", False)]),
        ("The filing is dated 2022-11-30 and was updated 2023/01/05.", [("2022-11-30", "2022-11-30", "day", False),
                                                                         ("2023/01/05", "2023-01-05", "day", False)]),
        # science
        ("The probe launched on Dec 25, 2021, and reached orbit in 2022.", [("Dec 25, 2021", "2021-12-25", "day", False),
                                                                              ("2022", "2022", "year", False)]),
        ("Samples from 25/12/2021 and 12/26/2021 were kept.", [("25/12/2021", "2021-12-25", "day", False),
                                                               ("12/26/2021", "2021-12-26", "day", False)]),
        # crime
        ("He was arrested on Aug. 5 and charged on August 9th.", [("Aug. 5", "2023-08-05", "day", True),
                                                                  ("August 9th", "2023-08-09", "day", True)]),
        ("The March 7th meeting preceded the February 24 visit.", [("March 7th", "2023-03-07", "day", True),
                                                                   ("February 24", "2023-02-24", "day", True)]),
        ("The trial opened on 14 May.", [("14 May", "2023-05-14", "day", True)]),
    ],
)  # fmt: skip
def test_dates_are_found_with_exact_values(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced to three years in prison.",
        "Shares fell 2.5% to $2022 in early trading.",
        "See page 2019 of the report, item No. 1999.",
        "About 2000 people marched and 1,999 were counted.",
        "The 1990s were different; so were the 1980's.",
        "The strike began at 1930 GMT on Wednesday.",
        "Last week, a year ago, yesterday and tomorrow.",
        "The score was 2019 points to 1850 points.",
        "Inflation reached 2022.5 units; code 2021-x.",
        "Officials may 5 times have said so.",
        "The numbers 1899 and 2101 are out of range.",
    ],
)
def test_quantities_and_relative_expressions_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_date_without_a_year_takes_the_year_nearest_the_reference() -> None:
    assert found("It happened on December 24.", datetime.date(2023, 2, 1)) == [("December 24", "2022-12-24", "day", True)]
    assert found("It happened on December 24.", datetime.date(2023, 12, 24)) == [("December 24", "2023-12-24", "day", True)]
    assert found("The summit opens on April 2.", datetime.date(2023, 3, 5)) == [("April 2", "2023-04-02", "day", True)]
    assert found("Born on February 29.", datetime.date(2023, 8, 1)) == [("February 29", "2024-02-29", "day", True)]


def test_without_a_reference_dates_missing_a_year_are_skipped() -> None:
    assert found("He was sentenced on August 5, 2023, and again on August 9.", None) == [("August 5, 2023", "2023-08-05", "day", False)]


def test_numeric_dates_that_could_be_swapped_give_only_the_year() -> None:
    assert found("The memo of 03/07/2022 leaked.") == [("03/07/2022", "2022", "year", False)]
    assert found("The memo of 05/05/2022 leaked.") == [("05/05/2022", "2022-05-05", "day", False)]


def test_impossible_dates_are_dropped() -> None:
    assert found("Dated February 30, 2022 and 31/02/2021.") == []


def test_offsets_are_exact_with_curly_quotes_and_non_breaking_spaces() -> None:
    text = "“On\u00a0March\u00a07,\u00a02022,” she said — and in 2019’s vote."
    dates = find_dates(text, REF)
    assert [(d.text, d.value) for d in dates] == [("March\u00a07,\u00a02022", "2022-03-07"), ("2019", "2019")]
    assert all(isinstance(d, DateMention) and text[d.start : d.end] == d.text for d in dates)
