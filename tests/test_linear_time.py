"""Work that must grow linearly with the text: a pasted document must not stall `mkdocs serve`.

Each size is one where the quadratic code took minutes and the linear code takes well under a
second or two; the snippet runs in its own interpreter under a generous limit (:mod:`tests.budget`).
"""

from __future__ import annotations

import itertools

from provenance.analysis import attribution, entities

from .budget import finishes


def test_quoted_passages_are_found_in_linear_time() -> None:
    printed = finishes("""
        from provenance.analysis import attribution
        text = " ".join(["'word"] * 60000) + " said the minister."  # 20,000 took 57 s: each "'" scanned to the end
        print(type(attribution.find_attribution(text)).__name__, len(attribution._QUOTE_RE.findall(text)))
    """)
    assert printed.split() == ["list", "0"]  # no passage: every "'" opens a word and none closes one


def test_single_quotes_still_delimit_passages() -> None:
    def quotes(text: str) -> list[str]:
        return attribution._QUOTE_RE.findall(text)

    assert quotes("'I don't know,' said O'Brien's aide.") == ["'I don't know,'"]
    assert quotes("The 'plan' was 'secret', the ministry’s note said.") == ["'plan'", "'secret'"]
    assert quotes("“Two words,” he said, and 'three more words'.") == ["“Two words,”", "'three more words'"]
    assert quotes("the '90s were 'fun'") == ["'fun'"]  # an apostrophe opening a word starts no passage of its own


def test_a_long_run_of_titles_and_names_is_read_in_linear_time() -> None:
    printed = finishes("""
        import itertools, string
        from provenance.analysis import entities
        names = ("".join(p).title() for p in itertools.product(string.ascii_lowercase, repeat=4))
        text = " ".join(f"Mr. {next(names)}" for _ in range(40000))  # 8,000 took 9 s: the words before each title were judged again
        print(len(entities.find_mentions(text)))
    """)
    assert int(printed) >= 1


def test_a_title_followed_by_a_name_is_still_found() -> None:
    mentions = [m.text for m in entities.find_mentions("The talks were led by Deputy Foreign Minister Sara Lind and Mr. Ortiz.")]
    assert "Sara Lind" in " ".join(mentions) and "Ortiz" in " ".join(mentions)


def _alike(count: int) -> list[tuple[str, str, str]]:
    """Sentences naming ``count`` people whose names differ only in accents, so they share one slug."""
    accents = "AÁÀÂÄÃÅĀĂĄ"
    names = ("".join(p) + "ndersen" for p in itertools.product(accents, repeat=5))
    return [("s", f"x{i}", f"{next(names)} said the vote was fair.") for i in range(count)]


def test_entities_that_slugify_alike_are_numbered_in_linear_time() -> None:
    printed = finishes("""
        import itertools
        from provenance.analysis import entities
        names = ("".join(p) + "ndersen" for p in itertools.product("AÁÀÂÄÃÅĀĂĄ", repeat=5))
        people = entities.build([("s", f"x{i}", f"{next(names)} said the vote was fair.") for i in range(40000)])
        print(len({e.id for e in people.entities}) == len(people.entities))  # 8,000 took 4.9 s: each counted up from -2
    """)
    assert printed.split() == ["True"]


def test_entities_that_slugify_alike_get_numbers_in_order() -> None:
    ids = [e.id for e in entities.build(_alike(4)).entities]
    assert sorted(ids) == ["aaaaandersen", "aaaaandersen-2", "aaaaandersen-3", "aaaaandersen-4"]


def test_many_reporting_verbs_in_one_sentence_are_read_in_linear_time() -> None:
    printed = finishes("""
        from provenance.analysis import attribution
        a = attribution.find_attribution("'a' said " * 20000)  # 5,000 took 1.4 s: each verb looked through every quotation
        b = attribution.find_attribution("said Maria Lopez, " * 20000)  # 3,000 took 5.6 s: each verb searched back for "that"
        print(len(a) <= attribution.MAX_RELATIONS, len(b) <= attribution.MAX_RELATIONS)
    """)
    assert printed.split() == ["True", "True"]


def test_a_capped_sentence_still_reads_its_first_speakers() -> None:
    text = "The mayor said the bridge would close, and the engineer said it would not. " + "Then she said so. " * 200
    chain = attribution.find_attribution(text)
    assert [a.name for a in chain[:2]] == ["The mayor", "the engineer"]
