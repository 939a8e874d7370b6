"""Inputs for the property tests: arbitrary Unicode, and prose-like text made of the pieces that
the core's rules look at (capitals, abbreviations, quotes, dates, bylines, hedges, every kind of
space and line end)."""

from __future__ import annotations

from hypothesis import strategies as st

SPACES = [" ", " ", " ", "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\u2028", "\x85"]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n \n"]
WORDS = [
    "the", "council", "approved", "budget", "on", "Monday", "Harbour", "Ferry", "Company", "Maria", "Lopez", "said", "told",
    "reporters", "according", "to", "reportedly", "allegedly", "may", "denied", "that", "By", "by", "In", "A", "B", "U.S.",
    "Dr.", "p.m.", "Jan.", "No.", "Appendix", "March", "12", "2024", "12/03/2024", "2023-08-09", "BST", "PKT", "Inc.",
    "$4", "billion", "3.5%", "Sam", "Okafor", "minister", "Ministry", "of", "Finance", "not", "officials", "claimed",
]
PUNCTUATION = [".", ".", ",", ";", ":", "?", "!", "…", "—", "-", "'", "’", "\"", "“", "”", "‘", "(", ")", "[", "]", "*", "#", "|"]


@st.composite
def prose(draw: st.DrawFn, max_tokens: int = 80) -> str:
    """Text shaped like an article (or a broken one): words, punctuation, spaces and line ends."""
    token = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(SPACES),
        st.sampled_from(LINE_ENDS),
        st.text(max_size=4),
    )
    pieces = draw(st.lists(token, max_size=max_tokens))
    out = []
    for piece in pieces:
        out.append(piece)
        if piece[-1:].isalnum() and draw(st.booleans()):
            out.append(draw(st.sampled_from(SPACES)))
    return "".join(out)


def texts() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (no surrogates: a decoded file never holds one) or prose-like text."""
    return st.one_of(st.text(max_size=300), prose())


SENTENCES = [
    "The council approved a budget of $4 billion on Monday.",
    "The mayor said the plan protects schools.",
    "Officials denied that the budget cuts library hours.",
    "The ministry reportedly delayed the road repairs.",
    "According to Maria Lopez, the ferry left an hour late.",
    "The ferry did not leave late, the company said.",
    "Scientists found a new species of frog in the valley.",
    "The team won the final 3-1 on Sunday.",
    "A spokesperson for Harbour Ferry Company declined to comment.",
    "By Monday, the council had approved the budget.",
]


@st.composite
def articles(draw: st.DrawFn) -> str:
    """A small article: maybe a title, byline and dateline, then paragraphs of sentences (some garbled)."""
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    if draw(st.booleans()):
        lines += [draw(st.sampled_from(["Council Approves Budget", "Harbour Ferry Delayed", "New Frog Found"])), ""]
    if draw(st.booleans()):
        lines += [draw(st.sampled_from(["By Maria Lopez", "by Sam Okafor", "Tuesday, March 12, 2024 - 09:15 AM BST", "12/03/2024"])), ""]
    for _ in range(draw(st.integers(1, 5))):
        sentences = draw(st.lists(st.one_of(st.sampled_from(SENTENCES), prose(max_tokens=12)), min_size=1, max_size=4))
        lines += [" ".join(sentences), ""]
    return end.join(lines)
