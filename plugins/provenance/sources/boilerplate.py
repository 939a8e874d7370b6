"""Lines an extractor leaves in an article's text that are page furniture, not the article.

trafilatura removes most of a page's navigation, but some furniture sits inside the article's
own markup and survives: a copy of the headline above the body, "Read more: ..." links between
paragraphs, share and newsletter prompts and copyright lines at the end. Each rule below is a
named set or pattern with the reason it exists; a line is dropped only when it is short (a
prompt, not a paragraph of reporting) and matches. ``bench/extraction.py`` measures the effect.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

PROMPT_WORDS = 30  # prompts and link lines are short; a longer line is taken to be article text
LIST_ITEM = re.compile(r"^[-•*·▪]\s+")

FURNITURE_LINES = {
    # Whole lines that label page furniture (compared in lower case, without trailing punctuation).
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted",
    "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "tweet", "email", "e-mail", "print", "comments", "comment", "view comments", "leave a comment", "show comments",
    "tags", "topics", "related", "related articles", "related stories", "related content", "related coverage",
    "read more", "see more", "more", "don't miss", "dont miss", "recommended", "most read", "most popular", "trending",
    "story continues below", "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "scroll to continue with content", "skip advertisement", "close", "loading", "newsletter",
    "subscribe", "sign up", "follow us", "image", "photo", "video",
}

LINK_PREFIX = re.compile(
    # Lines that introduce a link to another article ("Read more: Headline of another story").
    r"^(?:read more|read also|also read|read next|see more|see also|more on this(?: story)?|related(?: articles?| stories| story| coverage| content| links)?"
    r"|don'?t miss|also on [\w.-]+|recommended(?: for you| reading)?|most (?:read|popular|viewed)|trending(?: now)?|watch(?: now)?|listen)"
    r"\s*[:|–—]",
    re.I,
)

PROMPT = re.compile(
    # Invitations to subscribe, follow, share or comment, and rights notices: never article text.
    r"sign up (?:for|to) (?:our|the|a)\b[^.]{0,60}\bnewsletter|subscribe to (?:our|the)\b[^.]{0,60}\b(?:newsletter|channel|podcast)"
    r"|newsletters?\b[^.]{0,60}\b(?:delivered|in your inbox|to your inbox)|(?:in|to) your inbox"
    r"|\bfollow (?:us|him|her|them|@\w+|[\w.@ ]{1,40}) on (?:twitter|facebook|instagram|x|linkedin|tiktok|youtube)\b"
    r"|\blike this (?:story|article)\?|\bshare (?:it|this) with a friend\b|\btell us what you think\b"
    r"|for your personal,? non-commercial use only|\ball rights reserved\b|^(?:©|\(c\)|copyright\b)"
    r"|\bclick here (?:for|to)\b|\bdownload (?:our|the) app\b|\bhave a (?:news )?tip\?",
    re.I,
)

TAG_LINK = re.compile(r"\[[A-Z][A-Z ]{2,20}\]\|?$")
"""A headline of another story, labelled in capitals at its end ("... [VIDEO]", "... [INSIGHT]")."""

TIMESTAMP = re.compile(r"^\(?(?:last |first )?(?:updated|published|posted|modified)\b[:\s]*(?P<rest>.*?)\)?$", re.I)
DATE_WORDS = {
    # The only words a line that says when a page was published or updated may hold after its keyword.
    "on", "at", "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt", "ist",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
HEADLINE_SHARE = 0.6  # a copy of the headline covers at least this share of the title (or the title of the line)
HEADLINE_SIMILARITY = 90  # rapidfuzz ratio (0-100) above which a first line is the headline reworded slightly

COUNT_ONLY = re.compile(r"^\d+\s+(?:comments?|shares?|replies)$", re.I)
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def is_furniture(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    words = len(_WORD.findall(line))
    if words > PROMPT_WORDS:
        return False
    bare = line.strip().rstrip(":.!…").strip().lower()
    if bare in FURNITURE_LINES or COUNT_ONLY.match(bare):
        return True
    if is_timestamp(line):
        return True
    return bool(LINK_PREFIX.match(line) or PROMPT.search(line) or TAG_LINK.search(line.strip()))


def is_timestamp(line: str) -> bool:
    """"Updated at 1:23 p.m.", "(Published Monday, Nov. 18, 2019)": when, and nothing else."""
    match = TIMESTAMP.match(line.strip())
    if not match:
        return False
    rest = _WORD.findall(match.group("rest").lower())
    return any(w.isdigit() for w in rest) and all(w.isdigit() or w in DATE_WORDS for w in rest)


def is_headline_copy(line: str, title: str | None) -> bool:
    """The headline repeated above the body (the title is kept in the sidecar, not the text)."""
    if not title:
        return False
    line_n, title_n = f" {_norm(line)} ", f" {_norm(title)} "
    if not line_n.strip():
        return False
    # Titles often carry the site's name ("Headline | Site") and pages a section's ("Section | Headline").
    return (
        (line_n in title_n and len(line_n) >= HEADLINE_SHARE * len(title_n))
        or (title_n in line_n and len(title_n) >= HEADLINE_SHARE * len(line_n))
        or fuzz.ratio(line_n, title_n) >= HEADLINE_SIMILARITY  # the same headline, edited ("Michael Anastassiades'" / "Anastassiades'")
    )


def clean(lines: list[str], title: str | None = None) -> list[str]:
    """The article's paragraphs without the furniture."""
    kept: list[str] = []
    in_link_list = False
    for index, line in enumerate(lines):
        if index < 2 and not kept and is_headline_copy(line, title):
            continue
        if in_link_list and LIST_ITEM.match(line) and len(_WORD.findall(line)) <= PROMPT_WORDS:
            continue  # the list of links under a "Related:" line
        in_link_list = False
        if is_furniture(line):
            in_link_list = bool(LINK_PREFIX.match(line)) or line.strip().rstrip(":").lower() in FURNITURE_LINES
            continue
        kept.append(line)
    return kept
