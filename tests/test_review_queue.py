"""`provenance review`, `--write` and the count in `provenance check`: from the queue of automatic marks
to a site where every contested point is reviewed, by editing one YAML file."""

from __future__ import annotations

import json
import re

import pytest

from provenance import pipeline
from provenance.cli import commands as cli
from provenance.editorial import review_queue
from provenance.sources import yamlfile

from . import harbour
from .conftest import Project, page_text

WATCH = """Porto Alto Fishermen Left Out

By Lia Moss
Wednesday, March 6, 2024 - 10:00 AM

The fishermen of Porto Alto were not consulted before the sale, according to the memo.
The fishing season opens in May.
"""


@pytest.fixture
def harbour_project(project: Project) -> Project:
    """The harbour articles and a third paper that relays the memo: a contested point, two corroborations
    (each the only one of its claims) and an echo (two papers relying on the one memo)."""
    harbour.write(project.seeds)
    project.add_source("watch.txt", WATCH, "id: watch\npublisher: Harbour Watch\n")
    return project


def review(project: Project, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["review", "-f", str(project.root / "mkdocs.yml"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run(project: Project) -> pipeline.Result:
    return pipeline.run(project.seeds, project.root)


def test_the_queue_puts_points_first_then_deciding_corroborations_then_echoes(harbour_project: Project, capsys) -> None:
    code, out, _ = review(harbour_project, capsys, "--limit", "0")
    assert code == 0
    assert out.startswith("4 automatic marks to review, most consequential first (1 contested point, 2 corroborations, 1 echo).")
    titles = re.findall(r"^\d+\. (\w+( \w+)?)", out, re.M)
    assert [t[0] for t in titles] == ["Contested point", "Corroboration", "Corroboration", "Echo"], titles
    point = out.split("\n\n")[1]
    # Each position quoted with its holders, and the entry that confirms the point.
    assert "Asserts (A leaked memo): herald, paragraph 3: “A leaked memo shows that the harbour board secretly sold" in point
    assert "Denies (The harbour board): gazette, paragraph 3: “The harbour board denied that it sold the fishing rights" in point
    assert re.search(r"points:\n +- id: a-leaked-memo-shows-that-the-harbour\n +match: \{source: herald, quote: \"A leaked memo shows", point), point
    assert "verdict: confirm  # or reject" in point
    corroborations = out.split("\n\n")[2:4]
    assert all("decides the status of 2 claims" in c for c in corroborations), corroborations
    # The weakest first: the one more likely to be wrong.
    scores = [float(re.search(r"similarity (\d\.\d\d)", c).group(1)) for c in corroborations]
    assert scores == sorted(scores)
    echo = out.split("\n\n")[4]
    assert "herald, paragraph 3: “Fishermen in Porto Alto were not consulted" in echo and "relation: echoes" in echo


def test_the_printed_entries_confirm_their_marks(harbour_project: Project, capsys) -> None:
    _, out, _ = review(harbour_project, capsys, "--limit", "0")
    sections: dict[str, list[str]] = {}
    for block in out.split("\n\n")[1:]:
        section, *entry = block.split("in an editorial file:\n", 1)[1].splitlines()
        sections.setdefault(section.strip(), []).append("\n".join(line[7:] for line in entry))
    text = "".join(f"{name}\n" + "\n".join("  " + line for e in entries for line in e.splitlines()) + "\n" for name, entries in sections.items())
    (harbour_project.seeds / "editorial" / "review.yml").write_text(text, encoding="utf-8")
    result = run(harbour_project)
    assert not [p for p in result.problems if p.severity != "info"], result.problems
    assert all(p.reviewed and p.review.how == "confirmed" for p in result.analysis.contested)
    consequential = [r for r in result.analysis.relations if r.kind in ("corroborates", "echoes", "contests")]
    assert consequential and all(r.review is not None for r in consequential)
    assert review_queue.build(result).items == []


def test_write_appends_todo_entries_that_are_checked_but_not_applied(harbour_project: Project, capsys) -> None:
    target = harbour_project.seeds / "editorial" / "review.yml"
    code, _, err = review(harbour_project, capsys, "--write", str(target))
    assert code == 0 and "wrote 4 entries" in err
    text = target.read_text(encoding="utf-8")
    assert text.count("verdict: todo  # confirm or reject") == 4
    assert yamlfile.load(text)["points"][0]["verdict"] == "todo"
    result = run(harbour_project)
    assert not [p for p in result.problems if p.severity != "info"], result.problems
    assert [p.reviewed for p in result.analysis.contested] == [False]  # nothing applied yet
    assert len(result.todo) == 4
    # Listed again, they are to do, not new; writing again adds nothing.
    code, out, _ = review(harbour_project, capsys)
    assert out.startswith("0 automatic marks to review") and "4 more already have an entry to do" in out
    assert out.count("to do at seeds/editorial/review.yml:") == 4
    review(harbour_project, capsys, "--write", str(target))
    assert target.read_text(encoding="utf-8") == text
    # provenance check says how many are unreviewed, as a number, not an error.
    code = cli.main(["check", "-f", str(harbour_project.root / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert "review: 4 consequential marks not reviewed by an editor (1 contested point, 2 corroborations, 1 echo); 4 of them have an entry to do" in err
    assert code == 0


def test_from_the_review_queue_to_a_site_with_every_point_reviewed_by_editing_one_file(harbour_project: Project, capsys) -> None:
    target = harbour_project.seeds / "editorial" / "review.yml"
    review(harbour_project, capsys, "--write", str(target))
    site = harbour_project.build()
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    assert [p["reviewed"] for p in data["contested"]] == [False]
    assert "Automatic:" in page_text(harbour_project.html("analysis/contested/"))
    # The editor's one edit: a verdict for every entry, with who and when.
    target.write_text(target.read_text(encoding="utf-8").replace("verdict: todo", "by: Ana Editor\n    date: 2024-05-02\n    verdict: confirm"), encoding="utf-8")
    site = harbour_project.build()
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    assert data["contested"] and all(p["reviewed"] for p in data["contested"])
    assert all(p["review"] == {"how": "confirmed", "by": "Ana Editor", "date": "2024-05-02", "file": "seeds/editorial/review.yml",
                               "line": p["review"]["line"]} for p in data["contested"])
    related = [r for c in data["claims"] for r in c["related"] if r["relation"] != "related"]
    assert related and all(r["reviewed"] and r["review"]["by"] == "Ana Editor" for r in related)
    contested = page_text(harbour_project.html("analysis/contested/"))
    assert "Automatic:" not in contested and "Reviewed: the point and its positions were confirmed by an editor (Ana Editor, 2024-05-02)." in contested
    assert "· automatic" not in contested.split("Notes")[0]  # every position says reviewed
    herald = harbour_project.html("sources/herald/")
    assert re.search(r'pv-mark-contested pv-reviewed" title="[^"]*Reviewed: confirmed by an editor \(Ana Editor, 2024-05-02\)\.">contested', herald)
    capsys.readouterr()
    _, out, _ = review(harbour_project, capsys)
    assert out.startswith("0 automatic marks to review")


def test_a_rejected_point_leaves_the_site(harbour_project: Project, capsys) -> None:
    target = harbour_project.seeds / "editorial" / "review.yml"
    review(harbour_project, capsys, "--write", str(target), "--limit", "1")
    target.write_text(target.read_text(encoding="utf-8").replace("verdict: todo", "verdict: reject"), encoding="utf-8")
    result = run(harbour_project)
    assert result.analysis.contested == [] and not [p for p in result.problems if p.severity != "info"]


EXISTING = """\
# Our corrections. Keep this comment.
claims:
  - passage: {source: herald, quote: "The harbour has 240 registered boats."}
    note: Counted in the port register.   # and this one

points:
  - id: boats-by-hand
    title: "How many boats?"
    positions:
      - stance: asserts
        holders: [Herald]
        passages: [{source: herald, quote: "The harbour has 240 registered boats."}]

# A closing remark.
"""


def test_write_keeps_an_existing_file_and_adds_each_entry_to_its_section(harbour_project: Project, capsys) -> None:
    target = harbour_project.seeds / "editorial" / "ours.yml"
    target.write_text(EXISTING, encoding="utf-8")
    code, _, err = review(harbour_project, capsys, "--write", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if "todo" not in line and "provenance review" not in line]
    for line in EXISTING.splitlines():
        assert line in kept, line  # every line of the editor's, comments included
    data = yamlfile.load(text)
    assert [p["id"] for p in data["points"]] == ["boats-by-hand", "a-leaked-memo-shows-that-the-harbour"]
    assert len(data["links"]) == 3 and data["claims"][0]["note"] == "Counted in the port register."
    assert text.index("boats-by-hand") < text.index("a-leaked-memo") < text.index("# A closing remark.")
    result = run(harbour_project)
    assert not [p for p in result.problems if p.severity != "info"], result.problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("points: [\n", "is not valid YAML"),
        ("- a list\n", "is not an editorial file"),
        ("links: [{a: x}]\n", "'links' is not a list written one '- ' item a line"),
    ],
)
def test_write_refuses_a_file_it_cannot_add_to_and_leaves_it_alone(harbour_project: Project, capsys, text: str, message: str) -> None:
    target = harbour_project.root / "elsewhere.yml"
    target.write_text(text, encoding="utf-8")
    code, _, err = review(harbour_project, capsys, "--write", str(target))
    assert code == 1 and message in err and re.search(r"elsewhere\.yml:\d+: ", err), err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == text


def test_write_outside_the_editorial_folder_says_the_build_will_not_read_it(harbour_project: Project, capsys) -> None:
    code, _, err = review(harbour_project, capsys, "--write", str(harbour_project.root / "review.yml"))
    assert code == 0 and "the build reads editorial files in" in err


@pytest.mark.parametrize("words", ['He said "no" \\ twice.', "Tab\there and a bell \x07 and a mark \ufeff.", "‘Curly’ “quotes” — and # not a comment: ok"])
def test_quotes_are_written_as_yaml_that_reads_back_exactly(words: str) -> None:
    assert yamlfile.load(f"quote: {review_queue.yaml_text(words)}\n")["quote"] == words


def test_a_sentence_that_repeats_in_its_source_is_named_by_its_id(harbour_project: Project, capsys) -> None:
    herald = harbour.HERALD + "\nThe harbour has 240 registered boats.\n"
    (harbour_project.seeds / "herald.txt").write_text(herald, encoding="utf-8")
    _, out, _ = review(harbour_project, capsys, "--limit", "0")
    assert re.search(r"\{claim: herald\.s-[0-9a-f]{8}(-2)?, quote: \"The harbour has 240 registered boats\.\"\}", out), out
