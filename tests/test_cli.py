"""The command line: `export` writes what the build writes, `sentences` lists the split, problems as file:line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from . import harbour
from .conftest import ROOT, Project, RepoSite


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_export_writes_the_same_document_as_the_build(repo_site: RepoSite) -> None:
    out = run("export", cwd=repo_site.root)
    assert out.returncode == 0, out.stderr
    exported = json.loads(out.stdout)
    assert exported["schema"] == "2.2" and exported["sources"] and exported["claims"] and exported["contested"]
    assert exported == json.loads((repo_site.site / "provenance.json").read_text(encoding="utf-8"))


def test_export_follows_the_sites_layout(project: Project) -> None:
    """The plugin's `pages` and `analysis_pages` options and MkDocs' use_directory_urls decide the URLs."""
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      seeds: seeds\n", "      seeds: articles\n      pages: papers\n      analysis_pages: study\n")
    (project.root / "mkdocs.yml").write_text(config + "use_directory_urls: false\n", encoding="utf-8")
    harbour.write(project.root / "articles")
    site = project.build(strict=True)
    built = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    assert built["sources"][0]["page"] == "papers/gazette.html" and built["contested"][0]["url"] == "study/contested.html#point-1"
    out = run("export", cwd=project.root)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == built


def test_sentences_lists_ids_roles_and_offsets(repo_site: RepoSite) -> None:
    """Roles as provenance.json gives them, and the claim's id beside each claim sentence."""
    out = run("sentences", cwd=repo_site.root)
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.splitlines() if line.startswith("s-")]
    assert lines and all(len(parts) == 6 for parts in lines)
    exported = json.loads((repo_site.site / "provenance.json").read_text(encoding="utf-8"))
    roles = {s["id"]: s["role"] for source in exported["sources"] for s in source["sentences"]}
    assert all(parts[3] == roles[parts[0]] for parts in lines)
    assert {parts[3] for parts in lines} >= {"body", "title"} and "claim" not in {parts[3] for parts in lines}
    claims = {c["id"] for c in exported["claims"]}
    assert {parts[4] for parts in lines} - {"-"} == claims


def test_sentences_of_one_source(harbour_seeds: Path) -> None:
    out = run("sentences", "--seeds", str(harbour_seeds), "--source", "gazette", cwd=harbour_seeds.parent)
    assert out.returncode == 0, out.stderr
    assert [line for line in out.stdout.splitlines() if line.startswith("#")] == ["# gazette (seeds/gazette.txt)"]
    out = run("sentences", "--seeds", str(harbour_seeds), "--source", "gazete", cwd=harbour_seeds.parent)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == "provenance sentences: unknown source id 'gazete' (fix: did you mean 'gazette'?)"


def test_problems_are_printed_as_file_line_message(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Title\n\nSome text here for a claim.\n", encoding="utf-8")
    (seeds / "a.yml").write_text("id: a\npublished: nope\n", encoding="utf-8")
    out = run("export", "--seeds", str(seeds), cwd=tmp_path)
    assert out.returncode == 1
    assert "seeds/a.yml:2: 'published' is not a date" in out.stderr
