"""What each sentence is for: title, byline, dateline, heading, furniture, lead-in or body.

The rules are about the shape of a line, not about any particular site:
- the *title* is the first line of the text when it is short;
- *furniture* is text that belongs to the web page rather than the article: a
  repetition of the title, navigation ("Back to blog"), prompts ("Leave a
  comment", "Share this"), photo credits and avatars;
- a *byline* is a short line of its own that starts with "By" (or "Written by", "Author:")
  followed by a name, not by a clause ("By Monday, the council had approved ...");
- a *dateline* is a short line made almost entirely of a date and a time;
- a *heading* is a short line without final punctuation, in title case;
- a *lead-in* is a short line that introduces what follows ("The report
  describes", or any sentence ending in a colon).
Everything else is *body*; body sentences of four words or more that are not
questions are claims.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from dateutil import parser as dateparser

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
TERMINAL = tuple(".!?;:\"”’')]…")
OPEN_QUOTES = "\"“‘'«„"

_FURNITURE = re.compile(
    r"""^(?:
        (?:back|return|go\ back)\ to\ (?:blog|home|top|news|articles?|posts?|index|the\ top|homepage|list)
      | (?:leave|add|post|write|view|show|hide|load|read)\ (?:a\ |the\ |all\ |more\ )?(?:comments?|reply|replies|response)s?
      | \d+\ comments?
      | comments?(?:\ \(\d+\))?
      | (?:share|tweet|email|print)(?:\ (?:this|on\ \w+|article|story|post))?
      | (?:subscribe|sign\ up|log\ ?in|sign\ in|register)(?:\ (?:now|today|here|to\ \w+(?:\ \w+)?))?
      | advertisement | sponsored(?:\ content)? | related(?:\ (?:articles?|posts?|stories))? | read\ more | continue\ reading
      | (?:click|tap)\ here.* | skip\ to\ (?:main\ )?content | (?:previous|next)\ (?:post|article|story)
      | (?:photo|image|picture|video)s?(?:\ credit)?s?\s*[:(].* | \(?(?:photo|image|picture)\ (?:by|credit|courtesy)\b.*
      | .{1,60}['’]s\ (?:photo|picture|avatar|image|profile\ picture)
      | (?:getty\ images|reuters|ap\ photo|afp)(?:\ via\ .*)?
      | tags?:.* | filed\ under:?.* | categor(?:y|ies):.*
      | \(?(?:(?:ap|afp|reuters|getty|epa|ani|file|staff|courtesy)\s+)?(?:photo|image|picture|illustration)s?\s*(?:/|:|by|credit|courtesy).*
      | (?:credit|source|caption)s?:.* | read\ more:?.* | see\ also:?.* | related:.* | more\ on\ this\ story.*
      | listen\ to\ this\ (?:article|story).* | (?:follow|like)\ us\ on\ .* | sign\ up\ for\ .* | subscribe\ to\ .*
      | (?:copyright|©|\(c\)).* | all\ rights\ reserved.* | continue\ reading.* | most\ (?:read|popular|viewed) | recommended(?:\ for\ you)?
      | (?:print|email|share)\ (?:this\ )?(?:article|story|page) | (?:\d+\ )?min(?:ute)?s?\ read | reporting\ by\ .*;.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^(?:by|written\ by|words\ by|posted\ by|reporting\ by|author:)\s+(?P<name>\S.*)$", re.I | re.X)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_WORDS = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"\b" + _MONTH + r"|\b\d{1,4}(?:st|nd|rd|th)?\b|\b(?:[ap]\.?m\.?)|\b(?:published|updated|posted|"
    r"last|modified|on|at|utc|gmt|[ecmp][sd]t|ist|pkt|bst|cet|cest)\b|[-–—,:/|.]",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_HAS_MONTH = re.compile(r"\b" + _MONTH + r"\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", re.IGNORECASE)
# Words in lower case that a byline's name part may hold: particles of names, and a role ("staff writer").
_NAME_JOINERS = {"and", "de", "da", "del", "della", "der", "den", "di", "du", "van", "von", "la", "le", "al", "bin", "ibn", "y", "of", "the", "in", "for", "at"}
# Lengths, in words, of the lines that are not claims: each kind is short, and a longer line is prose.
TITLE_MAX_WORDS = 25  # a title line (and no full stop at its end)
FURNITURE_MAX_WORDS = 10  # page furniture: "Share this article", "Related stories"
BYLINE_MAX_WORDS = 12  # "By Maria Lopez and John Smith, Reuters"
DATELINE_MAX_WORDS = 14  # "Published: Tuesday 12 March 2024, 10:41 GMT, updated 11:02 GMT"
HEADING_MAX_WORDS = 12  # a heading in Title Case
LEAD_IN_MAX_WORDS = 8  # an unpunctuated lead-in at the end of its line: "The report describes"
CLAIM_MIN_WORDS = 4  # a body sentence shorter than this states nothing checkable ("He declined.")
BYLINE_LOWER_WORDS = 2  # "By Maria Lopez, staff writer"; a clause after "By" has more ("By Monday, the council had ...")
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as", "vs", "from", "over", "into"}


def normalize(text: str) -> str:
    """Compare-form of a text: NFKC, case-folded, single spaces, plain quotes."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title_shaped(text: str) -> bool:
    n = len(words(text))
    return 0 < n <= TITLE_MAX_WORDS and not text.rstrip().endswith(".")


def is_furniture(text: str, title: str | None) -> bool:
    if title and normalize(text) == normalize(title):
        return True
    flat = " ".join(text.split())
    if is_code(flat) or _SOCIAL.match(flat):
        return True
    return len(words(text)) <= FURNITURE_MAX_WORDS and bool(_FURNITURE.match(flat))


_CODE = re.compile(
    r"\b(?:var|let|const|function)\b\s*[\w$]*\s*[=(]"  # script: "var x =", "function(d, s)"
    r"|[\w$]+\.[\w$]+\s*\(\s*['\"{\w$]"  # a method call: "DM.has('shareLinkTop'", "d.getElementById(id"
    r"|@media\b|\{[^{}]{0,200}:[^{}]{0,200};?\s*\}"  # style sheets: "@media ...", "{ display: none; }"
    r"|</?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?/?>",  # markup left in the text
    re.IGNORECASE,
)
_CODE_PUNCTUATION = re.compile(r"[{}()\[\];=<>$|\\]")
_STATEMENT_PUNCTUATION = re.compile(r"[{};=]")
CODE_DENSITY = 0.025  # share of a line's characters that are code punctuation: prose stays under it
_SOCIAL = re.compile(
    r"^(?:[\d.,]+[km]?\s+(?:shares?|comments?|views?|likes?|retweets?)\b.{0,40}"  # "9,199 shares 190 View comments"
    r"|(?:[^|]{1,30}\|\s*){2,}[^|]{0,30}"  # "Like us on Facebook | Follow us on Twitter | Contact the author"
    r"|(?:post|photo|video|tweet|image|a\s+post\s+shared)\s+(?:by|from|via)\s+\S.{0,40}"  # a social embed's credit line
    r"|(?:please\s+)?(?:share|like|follow|subscribe\s+to|sign\s+up\s+for)\s+(?:this|our|us|the)\b.{0,100})$",  # "Please share this article ..."
    re.IGNORECASE,
)


def is_code(text: str) -> bool:
    """Script, style sheet or markup that an extractor left in the text: never a claim, whatever its length."""
    if not _CODE.search(text):
        return False
    if len(_STATEMENT_PUNCTUATION.findall(text)) < 2 and not text.lstrip().startswith("<"):
        return False  # "Yahoo.com (which ...)" is prose; code has statements, blocks or assignments
    return len(_CODE_PUNCTUATION.findall(text)) >= max(3, CODE_DENSITY * len(text))


def byline_name(text: str) -> str | None:
    """The author a byline names, or None if the text is a sentence that merely starts with "By"."""
    match = _BYLINE.match(" ".join(text.split()))
    if not match or len(words(text)) > BYLINE_MAX_WORDS:
        return None
    name = match.group("name")
    lower = [w for w in words(name) if not w[0].isupper() and w.lower() not in _NAME_JOINERS]
    if len(lower) > BYLINE_LOWER_WORDS or (lower and text.rstrip().endswith((".", "!", "?"))):
        return None  # "By Monday, the council had approved the budget." is a sentence, not a name
    return name.strip(" ,.;|")


# Two defaults that differ only in the day: a line that states no day parses to two different dates.
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2000, 1, 2))


# A numeric date whose day and month could be read both ways: "12/03/2024" is 12 March or December 3.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:1[89]|20)\d\d)(?!\d)")


def dateline_date(text: str) -> tuple[dt.date, str] | None:
    """The date a short date-and-time line states, with its precision ("day", "month" or "year"), or
    None if it is not one. A line without a day ("Updated: August 2023") gives the month: the day in
    the date is then the 1st, a placeholder that is never shown (see :attr:`provenance.model.Metadata.published_iso`).
    A numeric date that reads two ways ("12/03/2024") gives only its year, as the analysis of the
    claims' dates does: guessing the order would be right for half the world. Time zones are
    ignored: the date is the one the line prints, wherever it was printed ("PKT", "BST")."""
    if len(words(text)) > DATELINE_MAX_WORDS or not (_HAS_YEAR.search(text) and _HAS_MONTH.search(text)):
        return None
    rest = _DATE_WORDS.sub(" ", text)
    if len(rest.split()) > 1:
        return None
    line = text.replace("–", "-").replace("—", "-")
    try:
        one, two = (dateparser.parse(line, fuzzy=True, default=default, ignoretz=True).date() for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    numeric = _NUMERIC_DATE.search(line)
    if numeric and numeric["a"] != numeric["b"] and int(numeric["a"]) <= 12 and int(numeric["b"]) <= 12:
        return dt.date(int(numeric["year"]), 1, 1), "year"
    if one == two:
        return one, "day"
    return one.replace(day=1), "month"


def is_heading(text: str) -> bool:
    ws = words(text)
    if not ws or len(ws) > HEADING_MAX_WORDS or text.rstrip().endswith(TERMINAL):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalpha() for w in ws)


def is_lead_in(text: str, *, last: bool) -> bool:
    """A line that introduces the passage after it rather than stating a claim.

    Either it ends with a colon, or it is a short unpunctuated sentence at the
    end of its line ("The report describes").
    """
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return True
    return last and len(words(text)) <= LEAD_IN_MAX_WORDS and not stripped.endswith(TERMINAL)


def is_claim(text: str, role: str) -> bool:
    return role == "body" and len(words(text)) >= CLAIM_MIN_WORDS and not text.rstrip().rstrip("\"”’'").endswith("?")
