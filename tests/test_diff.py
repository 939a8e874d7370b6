"""``provenance diff``: what a change does to the claims, on temporary git repositories with real commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from provenance.export import diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ALPHA = """\
Alpha Daily reports on the harbour

By Jane Roe

The city council approved a new harbour budget of 40 million dollars on Monday.

The mayor said the vote was a turning point for the port.

Officials expect construction to begin in the spring of next year.
"""
ALPHA_YML = "id: alpha\ntitle: Alpha Daily reports on the harbour\npublisher: Alpha Daily\npublished: 2024-03-05\n"
BETA = """\
Beta Times on the port

By John Doe

On Monday the city council approved a new harbour budget of 40 million dollars.

Residents gathered outside the town hall during the debate.
"""
BETA_YML = "id: beta\ntitle: Beta Times on the port\npublisher: Beta Times\npublished: 2024-03-06\n"
GAMMA = """\
Gamma Post: budget dispute

By Ann Poe

The port authority denied that the city council approved a new harbour budget of 40 million dollars.

A spokesman called the reports false.
"""
GAMMA_YML = 'id: gamma\ntitle: "Gamma Post: budget dispute"\npublisher: Gamma Post\npublished: 2024-03-07\n'

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, **GIT_ENV, "HOME": str(root.parent)}
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def remove(self, path: str) -> None:
        (self.root / path).unlink()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "repo")
    r.write("docs/index.md", "# Home\n\nSee [the mayor](sources/alpha.md#s-a16ac57a).\n")
    r.write("seeds/alpha.txt", ALPHA)
    r.write("seeds/alpha.yml", ALPHA_YML)
    r.commit("alpha")
    return r


def run_diff(repo: Repo, base: str, head: str | None = None) -> tuple[diff.Diff, str]:
    return diff.run(base, head, repo.root)


def test_no_change(repo: Repo) -> None:
    repo.write("docs/index.md", "# Home\n\nAn unrelated edit to a hand-written page.\n")
    repo.write("README.md", "readme\n")
    repo.commit("unrelated")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    assert result.empty
    assert "No changes to claims" in text
    # The working tree (HEAD's default) is the same as HEAD.
    result, text = run_diff(repo, "HEAD")
    assert result.empty and "No changes to claims" in text


def test_adding_a_source_reports_it_its_claims_and_the_status_it_changes(repo: Repo) -> None:
    repo.write("seeds/beta.txt", BETA)
    repo.write("seeds/beta.yml", BETA_YML)
    repo.commit("beta")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    assert [(s.id, s.kind) for s in result.sources] == [("beta", "added")]
    assert {c["id"] for c in result.claims_added} == {"beta.s-77ee1d50", "beta.s-46a03fab"}
    assert not result.claims_removed and not result.claims_changed and not result.broken
    # Alpha's budget claim is now stated by two independent origins.
    assert [(s.claim["id"], s.before, s.after) for s in result.statuses] == [("alpha.s-695c5aa9", "single-source", "corroborated")]
    assert "Added: **Beta Times on the port** (`beta`, `seeds/beta.txt`) with 2 claims" in text
    assert "single-source → **corroborated** (1 → 2 independent origins)" in text
    assert "No changes to claims" not in text


def test_editing_a_sentence_pairs_the_old_and_new_claim_and_reports_the_vanished_anchor(repo: Repo) -> None:
    repo.write("seeds/alpha.txt", ALPHA.replace("a turning point", "a historic turning point"))
    repo.commit("edit")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    assert [(s.id, s.kind, s.sentences_added, s.sentences_removed) for s in result.sources] == [("alpha", "edited", 1, 1)]
    assert not result.claims_added and not result.claims_removed
    [change] = result.claims_changed
    assert change.before["id"] == "alpha.s-a16ac57a" and change.before["id"] != change.after["id"]
    assert "historic" in change.after["text"]
    assert "**historic**" in text and "Claims whose text changed (1)" in text
    # The old sentence's anchor is gone, and docs/index.md links to it.
    [link] = result.broken
    assert link.url == "sources/alpha/#s-a16ac57a"
    assert link.linked_from == ["docs/index.md:3"]
    assert "`sources/alpha/#s-a16ac57a` — **linked from** `docs/index.md:3`" in text


def test_a_claim_cited_by_id_is_listed_with_the_citations_file_and_line(repo: Repo) -> None:
    """A citation [@claim:ID] breaks with the anchor (a --strict build fails on it): listed like a plain link."""
    repo.write("docs/index.md", "# Home\n\nThe budget passed [@claim:alpha.s-695c5aa9].\n\nBoth [@beta; @claim:alpha.s-695c5aa9 \"approved\"].\n")
    repo.write("docs/more.md", "# More\n\nThe mayor [@claim:alpha.s-a16ac57a], see [him](../sources/alpha.md#s-a16ac57a).\n")
    repo.commit("cite")
    repo.write("seeds/alpha.txt", ALPHA.replace("approved a new harbour budget", "passed a new harbour budget").replace("a turning point", "a historic turning point"))
    repo.commit("edit")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    links = {b.url: b.linked_from for b in result.broken}
    assert links == {"sources/alpha/#s-695c5aa9": ["docs/index.md:3", "docs/index.md:5"], "sources/alpha/#s-a16ac57a": ["docs/more.md:3"]}
    budget = next(c.after for c in result.claims_changed if c.before["id"] == "alpha.s-695c5aa9")
    assert f"`sources/alpha/#s-695c5aa9` — **linked from** `docs/index.md:3`, `docs/index.md:5` (reworded: now `{budget['url']}`)" in text


def test_removing_a_linked_sentence_reports_the_removed_claim_and_the_broken_link(repo: Repo) -> None:
    repo.write("seeds/alpha.txt", ALPHA.replace("The mayor said the vote was a turning point for the port.\n\n", ""))
    repo.commit("remove")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    assert [c["id"] for c in result.claims_removed] == ["alpha.s-a16ac57a"]
    assert not result.claims_added and not result.claims_changed
    assert [(b.url, b.linked_from) for b in result.broken] == [("sources/alpha/#s-a16ac57a", ["docs/index.md:3"])]
    assert "#### Claims removed (1)" in text and "#### Links that would break (1)" in text


def test_removing_a_source_counts_its_anchors_and_lists_the_linked_ones(repo: Repo) -> None:
    repo.write("seeds/beta.txt", BETA)
    repo.write("seeds/beta.yml", BETA_YML)
    repo.commit("beta")
    repo.remove("seeds/alpha.txt")
    repo.remove("seeds/alpha.yml")
    repo.commit("remove alpha")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    assert [(s.id, s.kind, s.claims) for s in result.sources] == [("alpha", "removed", 3)]
    assert result.pages_removed == {"sources/alpha/": 5}
    assert [(b.url, b.linked_from) for b in result.broken] == [("sources/alpha/#s-a16ac57a", ["docs/index.md:3"])]
    assert "#### Links that would break (5)" in text and "`sources/alpha/` (5 sentence anchors)" in text
    assert ("beta.s-77ee1d50", "corroborated", "single-source") in {(s.claim["id"], s.before, s.after) for s in result.statuses}


def test_a_new_contested_point_and_a_position_gaining_a_claim(repo: Repo) -> None:
    repo.write("seeds/beta.txt", BETA)
    repo.write("seeds/beta.yml", BETA_YML)
    repo.commit("beta")
    repo.write("seeds/gamma.txt", GAMMA.replace("A spokesman called the reports false.\n", "Residents were not consulted.\n"))
    repo.write("seeds/gamma.yml", GAMMA_YML)
    repo.commit("gamma denies")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    statuses = {(s.claim["id"], s.before, s.after) for s in result.statuses}
    assert ("alpha.s-695c5aa9", "corroborated", "contested") in statuses
    assert ("beta.s-77ee1d50", "corroborated", "contested") in statuses
    [point] = result.points
    assert point.kind == "new" and point.counts == {"asserts": 2, "denies": 1}
    assert "New: “The city council approved a new harbour budget of 40 million dollars on Monday”" in text

    # A third source that asserts the same thing joins the "asserts" position of the existing point.
    repo.write(
        "seeds/delta.txt",
        "Delta Wire\n\nBy Max Moe\n\nThe city council approved the new harbour budget of 40 million dollars on Monday night.\n",
    )
    repo.write("seeds/delta.yml", "id: delta\ntitle: Delta Wire\npublisher: Delta Wire\npublished: 2024-03-08\n")
    repo.commit("delta")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    changed = [p for p in result.points if p.kind == "changed"]
    assert changed and changed[0].positions[0][0] == "asserts"
    assert any(c.startswith("delta.") for c in changed[0].positions[0][1])
    assert "*asserts* gains `delta." in text


def test_working_tree_is_the_default_head_and_a_missing_seeds_folder_is_empty(repo: Repo) -> None:
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    repo.write("seeds/beta.txt", BETA)  # not committed
    result, _ = run_diff(repo, first)
    assert [s.id for s in result.sources] == ["beta-times-on-the-port"] and result.head == "working tree"
    # Before the seeds folder existed, every source is new.
    empty = Repo(repo.root.parent / "other")
    empty.write("README.md", "x\n")
    empty.commit("start")
    empty.write("seeds/alpha.txt", ALPHA)
    empty.commit("alpha")
    result, text = run_diff(empty, "HEAD~1", "HEAD")
    assert [(s.id, s.kind) for s in result.sources] == [("alpha-daily-reports-on-the-harbour", "added")] and not result.broken


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    r = Repo(tmp_path / "mono")
    r.write("site/seeds/alpha.txt", ALPHA)
    r.commit("alpha")
    r.write("site/seeds/beta.txt", BETA)
    r.commit("beta")
    result, _ = diff.run("HEAD~1", "HEAD", r.root / "site")
    assert [(s.id, s.file, s.kind) for s in result.sources] == [("beta-times-on-the-port", "seeds/beta.txt", "added")]


def test_built_sites_files_and_orphaned_annotations(tmp_path: Path) -> None:
    base = {
        "schema": "2.0",
        "sources": [
            {
                "id": "a",
                "file": "seeds/a.txt",
                "title": "A",
                "page": "sources/a/",
                "sha256": "1",
                "sentences": [{"id": "s-00000001", "text": "One."}],
            }
        ],
        "claims": [
            {
                "id": "a.s-00000001",
                "source": "a",
                "sentence": "s-00000001",
                "text": "One.",
                "url": "sources/a/#s-00000001",
                "status": "single-source",
            }
        ],
        "contested": [],
        "orphans": [{"file": "docs/notes.md", "line": 3, "message": "annotation on a.s-0000000f: the claim no longer exists"}],
    }
    head = json.loads(json.dumps(base))
    head["orphans"].append({"file": "docs/notes.md", "line": 9, "message": "annotation on a.s-00000001: the claim no longer exists"})
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "provenance.json").write_text(json.dumps(base), encoding="utf-8")
    (tmp_path / "head.json").write_text(json.dumps(head), encoding="utf-8")
    result, text = diff.run(str(tmp_path / "base"), str(tmp_path / "head.json"), tmp_path)
    assert result.orphans == [head["orphans"][1]]
    assert "#### Orphaned editorial annotations (1)" in text and "`docs/notes.md:9`" in text
    # Without an "orphans" array on either side, there are none, and nothing else changed.
    del base["orphans"], head["orphans"]
    assert diff.compare(base, head).empty


def test_an_editorial_note_orphaned_by_a_commit(repo: Repo) -> None:
    repo.write(
        "seeds/editorial/notes.yml",
        'claims:\n  - passage:\n      source: alpha\n      quote: "The mayor said the vote was a turning point for the port."\n'
        "    note: The mayor's office later softened this.\n",
    )
    repo.commit("note")
    repo.write("seeds/alpha.txt", ALPHA.replace("The mayor said the vote was a turning point for the port.\n\n", ""))
    repo.commit("remove the sentence")
    result, text = run_diff(repo, "HEAD~1", "HEAD")
    [orphan] = result.orphans
    assert orphan["file"] == "seeds/editorial/notes.yml" and orphan["line"] == 4
    assert "#### Orphaned editorial annotations (1)" in text and "`seeds/editorial/notes.yml:4`: orphaned" in text


def test_source_text_is_escaped_in_the_report() -> None:
    base = {"sources": [], "claims": [], "contested": []}
    head = {
        "sources": [{"id": "x", "file": "seeds/x.txt", "title": "<b>X</b>", "page": "sources/x/", "sha256": "1", "sentences": []}],
        "claims": [
            {
                "id": "x.s-00000001",
                "source": "x",
                "text": "Ping @someone <script>alert(1)</script> [link](http://e.invalid) `code`",
                "url": "sources/x/#s-00000001",
            }
        ],
        "contested": [],
    }
    text = diff.report(diff.compare(base, head))
    assert "<script>" not in text and "<b>" not in text and "[link](" not in text
    assert "\\@someone" in text


def test_the_command_line(repo: Repo) -> None:
    repo.write("seeds/beta.txt", BETA)
    repo.write("seeds/beta.yml", BETA_YML)
    repo.commit("beta")
    cli = [sys.executable, "-m", "provenance.cli", "diff"]
    out = subprocess.run([*cli, "HEAD~1", "HEAD", "--site", "https://example.invalid/pr-preview/pr-7/"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("### Claims report") and "(https://example.invalid/pr-preview/pr-7/sources/beta/#s-77ee1d50)" in out.stdout
    out = subprocess.run([*cli, "HEAD~1", "HEAD", "--base-name", "main", "--head-name", "this pull request"], cwd=repo.root, capture_output=True, text=True)
    assert "Comparing `main` with `this pull request`." in out.stdout
    out = subprocess.run([*cli, "HEAD", "--exit-code"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode == 0 and "No changes to claims" in out.stdout
    out = subprocess.run([*cli, "HEAD~1", "--exit-code"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode == 1
    out = subprocess.run([*cli, "no-such-revision"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode == 2 and "neither a provenance.json file" in out.stderr
    out = subprocess.run([*cli, "--upload-pack=touch x"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode != 0 and not (repo.root / "x").exists()


def test_the_site_layout_in_mkdocs_yml_gives_the_page_urls(repo: Repo) -> None:
    """The plugin's `pages` option (and MkDocs' use_directory_urls) decide the URLs of the anchors that would break."""
    repo.write("mkdocs.yml", "site_name: Harbour\nuse_directory_urls: false\nplugins:\n  - provenance:\n      pages: articles\n")
    repo.commit("layout")
    repo.write("seeds/alpha.txt", ALPHA.replace("The mayor said the vote was a turning point for the port.\n\n", ""))
    repo.commit("remove")
    cli = [sys.executable, "-m", "provenance.cli", "diff"]
    out = subprocess.run([*cli, "HEAD~1", "HEAD"], cwd=repo.root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "`articles/alpha.html#s-a16ac57a` — **linked from** `docs/index.md:3`" in out.stdout, out.stdout


def test_a_project_without_a_seeds_folder_is_left_as_it_is(tmp_path: Path) -> None:
    r = Repo(tmp_path / "bare")
    r.write("README.md", "x\n")
    r.commit("start")
    out = subprocess.run([sys.executable, "-m", "provenance.cli", "diff", "HEAD"], cwd=r.root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "No changes to claims" in out.stdout
    assert not (r.root / "seeds").exists()
    assert r.git("status", "--porcelain", "--ignored") == ""
