"""Dated events: a day written without a year takes the year the sources write with it."""

from __future__ import annotations

import datetime as dt

from provenance.analysis.analyze import _events
from provenance.model import Claim, Selector


def claim(cid: str, source: str, text: str) -> Claim:
    return Claim(cid, source, cid, text, Selector(text, "", "", 0, len(text)))


def test_a_day_without_a_year_takes_the_year_written_elsewhere_in_the_source() -> None:
    claims = [
        claim("a1", "a", "The summit opened on June 3, 2019, in Geneva."),
        claim("a2", "a", "The June 3rd session ran late."),
        claim("b1", "b", "Talks resumed on June 3 after a pause."),
        claim("b2", "b", "The vote is set for October 12."),
    ]
    events = {(e.claim, e.value) for e in _events(claims, {"a": dt.date(2021, 8, 1), "b": dt.date(2021, 8, 1)})}
    assert ("a2", "2019-06-03") in events  # same source writes the year
    assert ("b1", "2019-06-03") in events  # another source does
    assert ("b2", "2021-10-12") in events  # nobody does: nearest to publication
