from __future__ import annotations

import pytest

from provenance import segment


def spans(text: str) -> list[str]:
    out = []
    for a, b in segment.paragraphs(text):
        for c, d in segment.blocks(text, a, b):
            out += [text[e:f] for e, f in segment.sentences(text, c, d)]
    return out


def test_paragraphs_are_split_on_blank_lines_and_trimmed() -> None:
    text = "  First para.\nstill first.\n\n\n Second para. \n \t\nThird."
    assert [text[a:b] for a, b in segment.paragraphs(text)] == ["First para.\nstill first.", "Second para.", "Third."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Senate voted on Tuesday. The bill failed.", ["The U.S. Senate voted on Tuesday.", "The bill failed."]),
        ('"We are not worried," the coach said. The team lost.', ['"We are not worried," the coach said.', "The team lost."]),
        ('"Are you sure?" she asked. He nodded.', ['"Are you sure?" she asked.', "He nodded."]),
        ("Dr. Patel met Gov. Reyes at 3 p.m. on Jan. 5. They talked.", ["Dr. Patel met Gov. Reyes at 3 p.m. on Jan. 5.", "They talked."]),
        ("Shares rose 2.5% to $10.20 in early trading. Analysts were surprised.", ["Shares rose 2.5% to $10.20 in early trading.", "Analysts were surprised."]),
    ],
)
def test_sentences_cope_with_abbreviations_quotes_and_numbers(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_headings_without_a_full_stop_are_their_own_sentence() -> None:
    text = "Storm Hits Coastal Towns\nBy Ana Ruiz\n\nThe storm arrived at night. Power failed."
    assert spans(text) == ["Storm Hits Coastal Towns", "By Ana Ruiz", "The storm arrived at night.", "Power failed."]


def test_hard_wrapped_lines_are_joined_into_running_text() -> None:
    text = (
        "The committee met for three hours on Monday and agreed on\n"
        "a timetable for the new stadium, which will open in spring\n"
        "of next year. Funding is still an open question for them.\n"
    )
    assert len(spans(text)) == 2


def test_sentences_partition_the_text_whitespace_aside() -> None:
    text = 'Title Here\n\n"Quote one." Said he.  Another one!\r\n\r\nLast line without stop\n\u00a0\nEnd.'
    covered = [False] * len(text)
    for a, b in segment.paragraphs(text):
        for c, d in segment.blocks(text, a, b):
            for e, f in segment.sentences(text, c, d):
                for i in range(e, f):
                    assert not covered[i], "sentences overlap"
                    covered[i] = True
    missing = [text[i] for i, seen in enumerate(covered) if not seen and not text[i].isspace()]
    assert missing == []


def test_trim_removes_unicode_spaces() -> None:
    text = "\u00a0 word \u2009"
    a, b = segment.trim(text, 0, len(text))
    assert text[a:b] == "word"
