"""`provenance check`: problems as file:line: message, and the exit code, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, Project


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance.cli", "check"], capture_output=True, text=True, cwd=root)


def test_the_repository_site_checks_clean() -> None:
    out = check(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""
    assert "0 errors, 0 warnings" in out.stderr


def test_problems_in_every_kind_of_file(project: Project) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\npublishd: X\n")
    (project.seeds / "editorial").mkdir()
    (project.seeds / "editorial" / "e.yml").write_text('claims:\n  - passage: {source: ferry, quote: "The ferry floated"}\n', encoding="utf-8")
    (project.docs / "page.md").write_text(
        '---\ntitle: Page\n---\n\n# Page\n\nSank [@ferry "The ferry sunk"].\n\n`[@nowhere]` is code.\n\nGone [@feri].\n', encoding="utf-8"
    )
    out = check(project.root)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert any(line.startswith("seeds/a.yml:2: unknown key 'publishd'") for line in lines), lines
    assert any(line.startswith("seeds/editorial/e.yml:2: orphaned: passage not found in 'ferry'") for line in lines), lines
    assert any(line.startswith("docs/page.md:7: quoted passage not found verbatim in source 'ferry'") and "did you mean" in line for line in lines), lines
    assert any(line.startswith("docs/page.md:11: unknown source id 'feri'") for line in lines), lines
    assert not any("nowhere" in line for line in lines)
    assert "4 errors" in out.stderr or "errors" in out.stderr


def test_exit_code_zero_when_clean(project: Project) -> None:
    project.add_source("a.txt", "Title Line\n\nThe ferry sank near the harbour on Sunday night.\n", "id: ferry\n")
    (project.docs / "page.md").write_text('# Page\n\nSank [@ferry "The ferry sank"].\n', encoding="utf-8")
    out = check(project.root)
    assert out.returncode == 0, out.stdout
