"""The docs as a new editor reads them: commands that run after the README's set-up, and version tables
of the public contracts in order, their last row the version the code writes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from provenance.export import export

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"^(```|~~~)")
_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_BARE = re.compile(r"^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(mkdocs|provenance)\s+[a-z][a-z-]*(?![:\w-])")  # a command, after any VAR=value (not "provenance add: ..." output)


def commands(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each inline code span and each line of a fenced block."""
    found, fenced = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        found += [(number, line.strip())] if fenced else [(number, m.group(1)) for m in _SPAN.finditer(line)]
    return found


def test_commands_are_written_as_the_readmes_set_up_installs_them() -> None:
    """The set-up puts mkdocs and provenance in .venv/bin/, not on PATH: `provenance check` alone is "command not found"."""
    assert (Path(sys.executable).parent / "provenance").is_file(), "the project's command is installed beside its Python"
    bare = [f"{path.relative_to(ROOT)}:{line}: {text}" for path in PAGES for line, text in commands(path) if _BARE.match(text)]
    assert not bare, "write .venv/bin/mkdocs and .venv/bin/provenance:\n" + "\n".join(bare)


def test_the_rule_finds_bare_commands() -> None:
    assert _BARE.match("provenance check") and _BARE.match("NO_MKDOCS_2_WARNING=1 mkdocs build --strict")
    assert not _BARE.match(".venv/bin/provenance check") and not _BARE.match("provenance.json") and not _BARE.match("mkdocs.yml")


def versions(path: Path) -> list[tuple[int, ...]]:
    """The versions of a page's version table, in the order of its rows."""
    rows = re.findall(r"^\| `(\d+(?:\.\d+)*)` \|", path.read_text(encoding="utf-8"), re.M)
    return [tuple(int(part) for part in row.split(".")) for row in rows]


@pytest.mark.parametrize("page", ["docs/reference/export.md", "docs/reference/citations.md", "docs/editorial.md"])
def test_version_tables_run_from_oldest_to_newest(page: str) -> None:
    found = versions(ROOT / page)
    assert len(found) >= 2 and found == sorted(found), found


def test_the_newest_versions_are_the_ones_in_use() -> None:
    newest = {page: ".".join(map(str, versions(ROOT / page)[-1])) for page in ("docs/reference/export.md", "docs/reference/citations.md", "docs/editorial.md")}
    assert newest["docs/reference/export.md"] == export.SCHEMA_VERSION
    assert f"**Version {newest['docs/reference/citations.md']}**" in (ROOT / "docs/reference/citations.md").read_text(encoding="utf-8")
    assert f"**Format {newest['docs/editorial.md']}**" in (ROOT / "docs/editorial.md").read_text(encoding="utf-8")
