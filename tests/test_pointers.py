"""Pointers by claim id (editorial `claim:`, citations `[@claim:ID]`) survive a one-word edit of their
sentence, are orphaned with the best candidate by text when they cannot, and never get an id suggested
by its spelling."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from provenance import pipeline
from provenance.claims import memory

from .conftest import Project
from .harbour import HERALD

COURT = """Court Clears Bakery Owner

The district court cleared the bakery owner of all charges on Thursday.
The judge said the inspector's report was unreliable.
Prosecutors said they would appeal the ruling within a month.
"""
EDITED = COURT.replace("cleared the bakery owner", "acquitted the bakery owner")
REWRITTEN = COURT.replace("The judge said the inspector's report was unreliable.", "Reporters waited outside until dusk.")


def run(seeds: Path, remembered: memory.Memory | None = None) -> pipeline.Result:
    return pipeline.run(seeds, seeds.parent, memory=remembered)


def claim(result: pipeline.Result, words: str):
    return next(c for c in result.claims if words in c.text)


@pytest.fixture
def court(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "editorial").mkdir(parents=True)
    (seeds / "court.txt").write_text(COURT, encoding="utf-8")
    (seeds / "court.yml").write_text("id: court\npublisher: Valley Courier\n", encoding="utf-8")
    (seeds / "herald.txt").write_text(HERALD, encoding="utf-8")
    (seeds / "herald.yml").write_text("id: herald\n", encoding="utf-8")
    return seeds


def edit_source(seeds: Path, text: str) -> None:
    (seeds / "court.txt").write_text(text, encoding="utf-8")


def write_editorial(seeds: Path, text: str) -> None:
    (seeds / "editorial" / "e.yml").write_text(text, encoding="utf-8")


def remembered_from(seeds: Path) -> memory.Memory:
    """The memory a build of the current text leaves behind."""
    kept = memory.Memory()
    kept.learn(run(seeds).claims)
    return kept


def test_an_editorial_claim_id_is_reanchored_with_the_words_an_earlier_run_saw(court: Path) -> None:
    cleared = claim(run(court), "cleared the bakery owner")
    write_editorial(court, f"claims:\n  - claim: {cleared.id}\n    note: The ruling is on the court's website.\n")
    kept = remembered_from(court)
    edit_source(court, EDITED)

    result = run(court, kept)
    acquitted = claim(result, "acquitted the bakery owner")
    assert acquitted.id != cleared.id
    assert result.analysis.notes[acquitted.id].markdown == "The ruling is on the court's website."
    assert not [p for p in result.problems if p.severity in ("error", "warning")], result.problems
    (told,) = [p for p in result.problems if p.severity == "info"]
    assert told.file.endswith("editorial/e.yml") and told.line == 2
    assert f"claim id '{cleared.id}' is no longer in 'court'" in told.message and "re-anchored approximately" in told.message
    assert told.fix == f"update the id to '{acquitted.id}'"


def test_without_its_words_an_edited_claim_id_is_orphaned_and_no_id_is_suggested(court: Path) -> None:
    before = run(court)
    cleared = claim(before, "cleared the bakery owner")
    write_editorial(court, f"claims:\n  - claim: {cleared.id}\n    note: checked\n")
    edit_source(court, EDITED)

    result = run(court)  # no memory: a fresh checkout
    assert not result.analysis.notes
    (orphan,) = result.orphans
    assert orphan.line == 2 and orphan.severity == "warning" and orphan in result.problems
    assert "orphaned" in orphan.message and "words it pointed at are not known" in orphan.message
    others = {c.id for c in result.claims}
    assert not any(cid in orphan.message + orphan.fix for cid in others), orphan  # nothing suggested by spelling


def test_a_rewritten_sentence_is_orphaned_with_the_best_candidate_by_text(court: Path) -> None:
    judge = claim(run(court), "inspector's report was unreliable")
    write_editorial(court, f"claims:\n  - claim: {judge.id}\n    note: checked\n")
    kept = remembered_from(court)
    edit_source(court, REWRITTEN)

    result = run(court, kept)
    assert not result.analysis.notes
    (orphan,) = result.orphans
    assert "the inspector's report was unreliable" in orphan.message  # the words it was written for
    best = re.search(r"best candidate: \"(.*?)\" \(claim '([^']+)'\)", orphan.fix)
    assert best, orphan.fix
    named = next(c for c in result.claims if c.id == best.group(2))
    assert best.group(1) == named.text  # a sentence, found by its text, and named with its own id


def test_the_words_beside_a_claim_id_reanchor_it_without_any_memory(court: Path) -> None:
    cleared = claim(run(court), "cleared the bakery owner")
    prosecutors = claim(run(court), "would appeal")
    lopez = claim(run(court), "reportedly approved")
    write_editorial(court, f"""
claims:
  - claim: {cleared.id}
    quote: "The district court cleared the bakery owner"
    status: contested
links:
  - a: {{claim: {prosecutors.id}, quote: "would appeal the ruling"}}
    b: {{claim: {lopez.id}}}
    verdict: confirm
""")
    edit_source(court, EDITED.replace("within a month", "within four weeks"))

    result = run(court)
    acquitted, appeal = claim(result, "acquitted the bakery owner"), claim(result, "within four weeks")
    assert result.analysis.facts[acquitted.id].status == "contested"
    assert any({r.a, r.b} == {appeal.id, lopez.id} for r in result.analysis.relations)
    told = [p for p in result.problems if p.severity == "info"]
    assert {p.fix for p in told} == {f"update the id to '{acquitted.id}'", f"update the id to '{appeal.id}'"}, told
    assert not result.orphans


def test_words_beside_a_claim_id_must_be_in_its_sentence(court: Path) -> None:
    cleared = claim(run(court), "cleared the bakery owner")
    write_editorial(court, f'claims:\n  - claim: {cleared.id}\n    quote: "the judge said"\n    note: x\n')
    result = run(court)
    (wrong,) = [p for p in result.problems if p.severity == "error"]
    assert wrong.line == 2 and "are not in its sentence" in wrong.message and "cleared the bakery owner" in wrong.fix
    assert not result.analysis.notes


def test_quote_without_a_claim_id_is_explained(court: Path) -> None:
    write_editorial(court, 'claims:\n  - quote: "the judge said"\n    note: x\n')
    (wrong,) = [p for p in run(court).problems if p.severity == "error"]
    assert wrong.line == 2 and "'quote' goes beside 'claim'" in wrong.message


# --- Citations, through real builds (the build keeps the memory with its cache).


def test_a_claim_citation_survives_a_one_word_edit_between_builds(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    project.add_source("court.txt", COURT, "id: court\npublisher: Valley Courier\n")
    project.build()
    cleared = next(c["id"] for c in json.loads((project.site / "provenance.json").read_text())["claims"] if "cleared" in c["text"])
    (project.docs / "index.md").write_text(f"# Home\n\nThe owner was cleared [@claim:{cleared}].\n", encoding="utf-8")
    project.build()
    assert (project.root / ".cache" / "provenance" / memory.FILE).is_file()
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.provenance")

    (project.seeds / "court.txt").write_text(EDITED, encoding="utf-8")
    caplog.clear()
    project.build(strict=True)  # re-anchored: an information message, not a failure
    claims = json.loads((project.site / "provenance.json").read_text())["claims"]
    acquitted = next(c for c in claims if "acquitted" in c["text"])
    html = (project.site / "index.html").read_text(encoding="utf-8")
    assert f'href="sources/court/#{acquitted["sentence"]}"' in html and "acquitted the bakery owner" in html
    (told,) = [r.getMessage() for r in caplog.records if "is no longer in 'court'" in r.getMessage()]
    assert told.startswith("docs/index.md:3: ") and f"(fix: update the id to '{acquitted['id']}')" in told


def test_a_claim_citation_with_its_words_survives_without_a_cache(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8").replace("      seeds: seeds\n", "      seeds: seeds\n      cache: false\n")
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    project.add_source("court.txt", COURT, "id: court\n")
    project.build()
    cleared = next(c["id"] for c in json.loads((project.site / "provenance.json").read_text())["claims"] if "cleared" in c["text"])
    page = f'# Home\n\nCleared [@claim:{cleared} "cleared the bakery owner of all charges"].\n\nAlone [@claim:{cleared}].\n'
    (project.docs / "index.md").write_text(page, encoding="utf-8")
    project.build()
    assert not (project.root / ".cache").exists()

    (project.seeds / "court.txt").write_text(COURT.replace("on Thursday", "on Friday"), encoding="utf-8")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.provenance")
    caplog.clear()
    with pytest.raises(Abort):
        project.build(strict=True)
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("docs/index.md:3: claim id") and "re-anchored to 'court.s-" in m for m in messages), messages
    assert any(m.startswith("docs/index.md:5: orphaned: claim id") and "not known" in m for m in messages), messages


# --- The memory itself.


def test_the_memory_forgets_ids_gone_for_many_changes_but_keeps_those_in_use(tmp_path: Path, court: Path) -> None:
    first = run(court)
    kept = memory.Memory()
    kept.learn(first.claims)
    memory.save(kept, tmp_path)
    loaded = memory.load(tmp_path)
    judge, appeal = claim(first, "unreliable"), claim(first, "would appeal")
    assert loaded.recall(judge.id) == memory.Remembered(judge.selector.exact, judge.selector.prefix, judge.selector.suffix, judge.selector.start)
    shorter = COURT.replace(judge.text, "").replace(appeal.text, "")
    for n in range(memory.KEEP_RUNS + 1):  # each run changes the claims: a new paragraph
        edit_source(court, shorter + f"\nA new paragraph number {n} was added today.\n")
        loaded.recall(judge.id)  # something still points at it
        loaded.learn(run(court).claims)
    assert loaded.recall(judge.id) is not None and loaded.recall(appeal.id) is None


@pytest.mark.parametrize("content", ["", "not json", '{"format": 99, "claims": {}}', '{"format": 1, "claims": {"a.s-1": [1, 2]}}'])
def test_an_unreadable_memory_is_an_empty_one(tmp_path: Path, content: str) -> None:
    (tmp_path / memory.FILE).write_text(content, encoding="utf-8")
    assert memory.load(tmp_path).entries == {}


@pytest.mark.parametrize(
    "entry",
    [
        "claims:\n  - claim: 5\n    note: x\n",
        "claims:\n  - claim: [court.s-1]\n    note: x\n",
        "claims:\n  - claim: court.s-0123abcd\n    quote: [a]\n    note: x\n",
        'claims:\n  - claim: court.s-0123abcd\n    quote: ""\n    note: x\n',
        "claims:\n  - claim: nowhere.s-0123abcd\n    note: x\n",
        "claims:\n  - claim: court.\n    note: x\n",
        "links:\n  - a: {claim: court.s-0123abcd, quote: 3}\n    b: {claim: {x: 1}}\n    verdict: confirm\n",
        "links:\n  - a: {claim: court.s-0123abcd, prefix: x}\n    b: herald.s-0123abcd\n    verdict: confirm\n",
        "points:\n  - id: p\n    match: {claim: court.s-0123abcd, quote: \"bakery\"}\n",
    ],
)
def test_a_strange_claim_pointer_is_a_problem_with_its_line_never_a_traceback(court: Path, entry: str) -> None:
    write_editorial(court, entry)
    result = run(court)
    found = [p for p in result.problems if p.severity in ("error", "warning")]
    assert found and all(p.file.endswith("editorial/e.yml") and p.line for p in found), found
    assert not result.analysis.notes
