"""Calendar dates in a sentence, normalised to ISO 8601 ("2022-03-07", "2022-04", "2022").

Method: one regular expression, most specific form first: ISO "2022-03-07", numeric "25/03/2022", "March 7, 2022",
"7 March 2022", "April 2022", "March 7th", "7 March", then a bare year 1900-2100. A date without a year takes the year
that puts it nearest to ``reference`` (the publication date); with no reference it is skipped. A bare year is dropped
when its context makes it a quantity or an identifier ("$2022", "2022.5", "page 2019", "2000 people", "1930 GMT").
Not emitted, by design: weekdays, relative expressions ("last week", "a year ago"), a month alone ("in March"), decades,
two-digit years, and the day and month of numeric dates that could be read both ways ("03/07/2022" gives only 2022).
Known failure modes: a month used as a name before a number ("Theresa May 10"); day ranges keep the first day only; a
bare year-like count with no telltale word around it ("a 2020 increase") is read as a year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import pickle_by_position


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str
    precision: str  # "day" | "month" | "year"
    inferred_year: bool


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_S = r"[ \u00a0]+"
_YEAR_RE = r"(?:19\d\d|20\d\d|2100)(?![\w%]|[.,]\d|['’]s\b)"


def _mon(tag: str) -> str:
    full = "January|February|March|April|May|June|July|August|September|October|November|December"
    return rf"(?P<{tag}m>(?:{full})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"


def _day(tag: str, suffix: str = "") -> str:
    return rf"(?P<{tag}d{suffix}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"


def _year(tag: str) -> str:
    return rf"(?P<{tag}y>{_YEAR_RE})"


_RANGE = r"(?:[ \u00a0]?[-–][ \u00a0]?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d))?"
_DAY_START = r"(?<![\w$£€¥.,/:#+\-–])"

_ALTERNATIVES = [
    (
        "iso",
        r"(?<![\w\-/.])(?P<isoy>(?:19|20)\d\d)(?P<sep>[-/])(?P<isom>0[1-9]|1[0-2])(?P=sep)(?P<isod>0[1-9]|[12]\d|3[01])"
        r"(?![\w\-/]|\.\d)",
    ),
    ("num", r"(?<![\w\-/.])(?P<numa>\d{1,2})(?P<nsep>[/.])(?P<numb>\d{1,2})(?P=nsep)(?P<numy>(?:19|20)\d\d|2100)(?![\w\-/]|\.\d)"),
    ("mdy", rf"{_mon('mdy')}{_S}{_day('mdy')}{_RANGE},?{_S}{_year('mdy')}"),
    ("dmy", rf"{_DAY_START}{_day('dmy')}(?:{_S}of)?{_S}{_mon('dmy')},?{_S}{_year('dmy')}"),
    ("my", rf"{_mon('my')},?{_S}(?:of{_S})?{_year('my')}"),
    ("md", rf"{_mon('md')}{_S}{_day('md')}{_RANGE}"),
    ("dm", rf"{_DAY_START}{_day('dm')}(?:{_S}of)?{_S}{_mon('dm')}"),
    ("y", r"(?<![\w$£€¥#])(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d)"),
]
# The look-ahead lets the engine skip most positions at once: a date starts with a digit or a month's capital.
_DATE = re.compile("(?=[0-9JFMASOND])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES) + ")")
_DIGIT = re.compile(r"\d")


# Words before a bare number that make it a count or an identifier, not a year.
def _words(*parts: str) -> frozenset[str]:
    return frozenset(" ".join(parts).split())


_BEFORE_NUMBER = _words(
    "page pages p pp no nos number # flight route room resolution section article chapter item bill case model version vol volume "
    "issue code tel phone ext unit platform bus highway interstate road apartment suite box rank ranked seat score scored than "
    "about approximately nearly almost over under some around roughly least total totaling totalling totalled totaled at "
    "additional another extra only just exactly estimated",
)
# Words after a bare number that make it a quantity or a clock time.
_AFTER_NUMBER = _words(
    "people persons men women children kids residents citizens troops soldiers workers employees staff jobs votes voters seats "
    "members students patients cases deaths dead homes houses units cars vehicles tonnes tons barrels km kilometres kilometers "
    "miles metres meters feet ft kg kilograms pounds lbs dollars euros yen rupees points words pages calories acres hectares "
    "hours hrs minutes seconds days weeks months years times gmt utc bst cet est edt pst ist local mw gw mph degrees participants "
    "applicants refugees migrants protesters arrests officers police rounds shares copies signatures strong plus more",
)
_PREV_WORD = re.compile(r"([#\w]+)\.?\s*$")
_PREV_WORD_CHARS = 24  # how far back the word before a number is looked for ("page", "No.", "$")
_NEXT_WORD = re.compile(r"\s*(%|\+|[A-Za-z]+)")


def _year_ok(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number reads as a year rather than a quantity or identifier."""
    if start > 0 and text[start - 1] in "-–":
        before = text[max(0, start - 5) : start - 1]
        if not (start >= 2 and text[start - 2].isalpha()) and not (len(before) == 4 and before.isdigit()):
            return False
    elif start > 0 and text[start - 1] in ".,/:'’":
        return False
    prev = _PREV_WORD.search(text[max(0, start - _PREV_WORD_CHARS) : start])
    if prev and prev.group(1).lower() in _BEFORE_NUMBER:
        return False
    if text.startswith(("'s", "’s"), end) and text[end - 1] == "0":  # "the 1990's": a decade
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt:
        word = nxt.group(1)
        if word in "%+" or word.lower() in _AFTER_NUMBER or word.lower() in ("percent", "per"):
            return False
        # "2000 elections" is a year, "2000 voters" is caught above; round numbers need more care.
        if int(text[start:end]) % 100 == 0 and word.islower() and not (prev and prev.group(1).lower() in _YEAR_CUES):
            return False
    return True


_YEAR_CUES = _words("in since by until till from during before after through throughout year the of early late mid and or to")


def _infer_year(month: int, day: int, reference: datetime.date) -> int | None:
    """The year that puts ``month``/``day`` nearest to ``reference`` (the publication date).

    News reports recent events and announces coming ones, so "August 5" in an article of 10 August
    is 5 August of that year, and "April 2" in an article of 5 March is the coming 2 April. Ties go
    to the past.
    """
    best: tuple[int, int] | None = None
    for candidate in range(reference.year - 8, reference.year + 2):
        try:
            distance = abs((datetime.date(candidate, month, day) - reference).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else None


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, reference: datetime.date | None = None) -> list[DateMention]:
    """Every absolute date in ``text``, in order, with exact offsets and an ISO value."""
    if not _DIGIT.search(text):
        return []
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        value: str | None = None
        precision, inferred = "day", False
        if kind == "iso":
            value = _day_value(int(m["isoy"]), int(m["isom"]), int(m["isod"]))
        elif kind == "num":
            a, b, year = int(m["numa"]), int(m["numb"]), int(m["numy"])
            if a == b or (a > 12) != (b > 12):
                day, month = (a, b) if a > 12 else (b, a)
                value = _day_value(year, month, day)
            else:  # day and month could be swapped: only the year is certain
                value, precision = (str(year), "year") if a <= 12 and b <= 12 else (None, "day")
        elif kind in ("mdy", "dmy"):
            month = _MONTHS[m[kind + "m"].rstrip(".").lower()]
            value = _day_value(int(m[kind + "y"]), month, int(m[kind + "d"]))
        elif kind == "my":
            value, precision = f"{int(m['myy']):04d}-{_MONTHS[m['mym'].rstrip('.').lower()]:02d}", "month"
        elif kind in ("md", "dm"):
            if reference is None:
                continue
            month, day = _MONTHS[m[kind + "m"].rstrip(".").lower()], int(m[kind + "d"])
            year = _infer_year(month, day, reference) if _day_value(2000, month, day) else None
            value, inferred = (_day_value(year, month, day) if year else None), True
        elif kind == "y":
            if not _year_ok(text, start, end):
                continue
            value, precision = text[start:end], "year"
        if value is None:
            continue
        out.append(DateMention(text[start:end], start, end, value, precision, inferred))
    return out


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
