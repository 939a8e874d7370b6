from __future__ import annotations

import pytest

from provenance.sources import segment


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


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2028", "\x85"])
def test_a_capital_a_wide_space_and_a_full_stop_do_not_crash_the_segmenter(space: str) -> None:
    text = f"Appendix B{space}. Next."  # sentencex panics (a BaseException) on this when given it as is
    found = spans(text)
    assert " ".join(found).split() == text.split()
    assert found[0].startswith("Appendix B") and found[-1].endswith("Next.")


def test_a_segmenter_panic_keeps_the_block_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    class PanicException(BaseException):  # what pyo3 raises when Rust code panics
        pass

    def panic(language: str, text: str) -> list[str]:
        raise PanicException("byte index is not a char boundary")

    monkeypatch.setattr(segment.sentencex, "segment", panic)
    assert spans("The ferry left at noon. It was late.") == ["The ferry left at noon. It was late."]


def test_the_segmenter_guard_lets_interrupts_through(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(language: str, text: str) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(segment.sentencex, "segment", interrupted)
    with pytest.raises(KeyboardInterrupt):
        spans("The ferry left at noon.")


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_paragraphs_split_on_blank_lines_whatever_the_line_ending(end: str) -> None:
    text = end.join(["Harbour Ferry Delayed", "By Ana Ruiz", "", "The ferry left late.", "", "Passengers waited an hour.", ""])
    assert [text[a:b] for a, b in segment.paragraphs(text)] == [f"Harbour Ferry Delayed{end}By Ana Ruiz", "The ferry left late.", "Passengers waited an hour."]
    assert spans(text) == ["Harbour Ferry Delayed", "By Ana Ruiz", "The ferry left late.", "Passengers waited an hour."]


def test_a_carriage_return_before_a_line_feed_is_one_line_end() -> None:
    text = "First line.\r\nSecond line.\r\n\r\nNext paragraph."
    assert [text[a:b] for a, b in segment.paragraphs(text)] == ["First line.\r\nSecond line.", "Next paragraph."]
