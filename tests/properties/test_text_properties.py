"""Properties of reading a text: sentences partition it, every line ending reads alike, nothing raises."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from provenance.model import ROLES
from provenance.sources import ingest, segment

from .strategies import articles, prose, texts


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in segment._SPACE


@given(texts())
@example("Appendix B\u00a0. Next.")  # sentencex panicked on it (issue 17)
@example("Title\rBy Ana Ruiz\r\rBody text.\r")
@example("\x1f")
def test_sentences_partition_the_text(text: str) -> None:
    paragraphs, sentences, _ = ingest.split(text)
    covered = [False] * len(text)
    last_end = 0
    for sentence in sentences:
        assert last_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert not _is_space(sentence.text[0]) and not _is_space(sentence.text[-1])
        assert sentence.role in ROLES
        paragraph = paragraphs[sentence.paragraph - 1]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
        last_end = sentence.end
    assert all(seen or _is_space(ch) for ch, seen in zip(text, covered, strict=True))
    assert len({s.id for s in sentences}) == len(sentences)


@given(st.text(alphabet=st.sampled_from("AB.x \u00a0\u2009\u202f\u3000\n"), max_size=60))
def test_capitals_wide_spaces_and_full_stops_never_stop_the_segmenter(text: str) -> None:
    _, sentences, _ = ingest.split(text)  # sentencex panicked (a BaseException) on "B\u00a0."
    assert "".join("".join(s.text.split()) for s in sentences) == "".join(text.split())


def _shape(text: str) -> list[tuple[str, str]]:
    _, sentences, found = ingest.split(text)
    return [(s.role, " ".join(s.text.split())) for s in sentences] + sorted((k, str(v)) for k, v in found.items())


@given(st.one_of(articles(), prose()), st.sampled_from(["\r", "\r\n"]))
def test_every_line_ending_reads_alike(text: str, end: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    assert _shape(text.replace("\n", end)) == _shape(text)
