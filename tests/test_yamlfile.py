"""The project's own YAML files (sidecars, editorial files): no file crashes, hangs or exhausts the build."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from provenance.editorial import editorial
from provenance.sources import ingest, sidecar, yamlfile

from .budget import finishes

TIDES = "Spring Tides Expected\n\nThe harbour master expects the highest tides of the year on Friday.\n"


def bomb(levels: int, key: str) -> str:
    """A "billion laughs": each level refers ten times to the one before, so level n stands for 10**(n+1) values."""
    lines = ["l0: &l0 [" + ", ".join(["ha"] * 10) + "]"] + [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, levels + 1)]
    return "\n".join(lines) + f"\n{key}: *l{levels}\n"


def load_sidecar(tmp_path: Path, text: str):
    path = tmp_path / "tides.yml"
    path.write_text(text, encoding="utf-8")
    return sidecar.load(path, "seeds/tides.yml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("published: 2023-02-30\n", "seeds/tides.yml:1: 'published' is not a date: '2023-02-30'"),
        ("title: Tides\nid: 2023-13-45\n", None),  # not a date at all: an id like any other
        ("? [[x]]\n: 1\n", "seeds/tides.yml:1: a key is a list or a mapping"),
        ("title: " + "[" * 1000 + "]" * 1000 + "\n", "seeds/tides.yml:1: is nested more than 50 levels deep"),
        ("publisher: &p Harbour Times\nauthor: *p\n", "seeds/tides.yml:2: uses the alias *p; aliases are not allowed here"),
        ("published: '2023-08-091'\n", "seeds/tides.yml:1: 'published' is not a date: '2023-08-091'"),
        ("published: 2023-08-09 or maybe 2024\n", "seeds/tides.yml:1: 'published' is not a date: '2023-08-09 or maybe 2024'"),
    ],
)
def test_a_sidecar_problem_is_a_message_with_its_line(tmp_path: Path, text: str, expected: str | None) -> None:
    values, problems = load_sidecar(tmp_path, text)
    assert [str(p).split(" (fix: ")[0] for p in problems] == ([expected] if expected else [])
    assert all(p.fix for p in problems)
    if expected is None:
        assert values == {"title": "Tides", "id": "2023-13-45"}


@pytest.mark.parametrize(
    ("value", "date"),
    [("2023-08-09", dt.date(2023, 8, 9)), ("'2023-08-09'", dt.date(2023, 8, 9)), ("2023-08-09T14:30:00Z", dt.date(2023, 8, 9)),
     ("'2023-08-09 14:30'", dt.date(2023, 8, 9)), ("'2023-08-09T14:30:00+05:00'", dt.date(2023, 8, 9))],
)
def test_whole_iso_dates_are_still_dates(tmp_path: Path, value: str, date: dt.date) -> None:
    values, problems = load_sidecar(tmp_path, f"published: {value}\n")
    assert problems == [] and values == {"published": date}


def test_an_alias_bomb_in_a_sidecar_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "tides.txt").write_text(TIDES, encoding="utf-8")
    (tmp_path / "tides.yml").write_text(bomb(9, "published"), encoding="utf-8")
    printed = finishes(f"""
        from pathlib import Path
        from provenance import ingest
        source, problems = ingest.load_source(Path({str(tmp_path / "tides.txt")!r}), "tides.txt", set())
        print(source.id)
        print(*problems, sep="\\n")
    """)  # 8 levels took 38 s and 925 MB; 9 levels, minutes and gigabytes
    assert printed.splitlines()[1].startswith("tides.yml:2: uses the alias *l0; aliases are not allowed here")


def test_a_sidecar_with_anchors_but_no_alias_is_read(tmp_path: Path) -> None:
    values, problems = load_sidecar(tmp_path, "title: Tides & Currents\npublisher: &p Harbour Times\n")
    assert problems == [] and values == {"title": "Tides & Currents", "publisher": "Harbour Times"}


def run_editorial(tmp_path: Path, files: dict[str, str]) -> editorial.Edits:
    folder = tmp_path / "seeds" / "editorial"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "seeds" / "tides.txt").write_text(TIDES, encoding="utf-8")
    corpus = ingest.load_corpus(tmp_path / "seeds", tmp_path)
    return editorial.load(folder, tmp_path, corpus.sources, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("claims:\n  - passage: {source: tides, quote: x}\n    references: [{title: T, date: 2023-02-30}]\n", None),
        ("? [[x]]\n: 1\n", "seeds/editorial/e.yml:1: a key is a list or a mapping"),
        ("claims:\n" + "  " * 3 + "[" * 1000 + "]" * 1000 + "\n", "seeds/editorial/e.yml:2: is nested more than 50 levels deep"),
        ("points:\n  - id: &i tides\n    title: *i\n", "seeds/editorial/e.yml:3: uses the alias *i; aliases are not allowed here"),
    ],
)
def test_an_editorial_file_problem_is_a_message_with_its_line(tmp_path: Path, text: str, expected: str | None) -> None:
    edits = run_editorial(tmp_path, {"e.yml": text})
    messages = [str(p).split(" (fix: ")[0] for p in edits.problems]
    if expected is None:
        assert not any("YAML" in m or "key" in m for m in messages), messages  # read; the quote is then an orphan
    else:
        assert messages == [expected]


def test_an_alias_bomb_in_an_editorial_file_is_refused_at_once(tmp_path: Path) -> None:
    run_editorial(tmp_path, {})
    folder = tmp_path / "seeds" / "editorial"
    (folder / "e.yml").write_text(bomb(9, "links:\n  - a: tides\n    b: tides\n    verdict"), encoding="utf-8")
    printed = finishes(f"""
        from pathlib import Path
        from provenance import pipeline
        result = pipeline.run(Path({str(tmp_path / "seeds")!r}), Path({str(tmp_path)!r}))
        print(*result.problems, sep="\\n")
    """)
    assert "seeds/editorial/e.yml:2: uses the alias *l0; aliases are not allowed here" in printed


def test_a_folder_or_a_broken_link_named_yml_is_reported_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "editorial"
    folder.mkdir(parents=True)
    (folder / "drafts.yml").mkdir()
    os.symlink(tmp_path / "nowhere.yml", folder / "gone.yml")
    edits = run_editorial(tmp_path, {"ok.YAML": "claims: []\n"})
    assert [(str(p).split(" (fix: ")[0], p.severity) for p in edits.problems] == [
        ("seeds/editorial/drafts.yml: is a folder, not an editorial file", "warning"),
        ("seeds/editorial/gone.yml: cannot be read (No such file or directory)", "error"),
    ]
    assert edits.files == ["seeds/editorial/gone.yml", "seeds/editorial/ok.YAML"]


def test_the_reader_refuses_what_it_documents() -> None:
    with pytest.raises(yamlfile.YamlProblem) as refused:
        yamlfile.load("a: &x 1\nb: *x\n")
    assert refused.value.line == 2 and refused.value.fix
    assert yamlfile.load("when: 2023-02-30\n") == {"when": "2023-02-30"}
    assert yamlfile.load("when: 2023-02-28\n") == {"when": dt.date(2023, 2, 28)}
