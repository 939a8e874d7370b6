from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_export_writes_the_same_document_as_the_build() -> None:
    out = run("export", "--seeds", "seeds")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "2.2" and data["sources"] and data["claims"]


def test_sentences_lists_ids_roles_and_offsets() -> None:
    out = run("sentences", "--seeds", "seeds")
    assert out.returncode == 0
    lines = [line.split("\t") for line in out.stdout.splitlines() if line.startswith("s-")]
    assert lines and all(len(parts) == 5 for parts in lines)
    assert {parts[3] for parts in lines} >= {"claim", "title"}


def test_problems_are_printed_as_file_line_message(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Title\n\nSome text here for a claim.\n", encoding="utf-8")
    (seeds / "a.yml").write_text("id: a\npublished: nope\n", encoding="utf-8")
    out = run("export", "--seeds", str(seeds), cwd=tmp_path)
    assert out.returncode == 1
    assert "seeds/a.yml:2: 'published' is not a date" in out.stderr
