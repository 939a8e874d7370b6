from __future__ import annotations

import pytest

from provenance.claims import anchor

TEXT = "The river flooded the valley in May. Farmers lost their crops. Aid arrived late."


def test_describe_gives_quote_context_and_position() -> None:
    start = TEXT.index("Farmers")
    end = start + len("Farmers lost their crops.")
    sel = anchor.describe(TEXT, start, end, context=10)
    assert sel.exact == "Farmers lost their crops."
    assert sel.prefix == "y in May. " and sel.suffix == " Aid arriv"
    assert (sel.start, sel.end) == (start, end)
    assert anchor.verify(TEXT, sel) is None


def test_verify_rejects_a_quote_that_is_not_at_its_position() -> None:
    sel = anchor.describe(TEXT, 0, 9)
    moved = type(sel)(sel.exact, sel.prefix, sel.suffix, 1, 10)
    assert "not found verbatim" in (anchor.verify(TEXT, moved) or "")
    edited = "A" + TEXT[1:]
    assert anchor.verify(edited, sel) is not None


def test_describe_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError):
        anchor.describe(TEXT, 5, len(TEXT) + 1)


def test_jsonld_selectors() -> None:
    sel = anchor.describe(TEXT, 0, 9)
    kinds = [s["type"] for s in anchor.to_jsonld(sel)]
    assert kinds == ["TextQuoteSelector", "TextPositionSelector"]


def test_approximate_re_anchoring_gives_offsets_into_the_original_text() -> None:
    """"İ" lower-cases to two characters: offsets found in a lower-cased copy would drift by one for each."""
    text = (
        "İstanbul, İzmir and İzmit sent delegations; İlhan Yıldız chaired the İzmir session.\n\n"
        "The ferry timetable between the two ports will change in June, the operator said."
    )
    found = anchor.match(text, "The ferry timetable between the two ports will change in july")
    assert found is not None and not found.exact and found.accepted
    assert text[found.start : found.end] == "The ferry timetable between the two ports will change in June"
