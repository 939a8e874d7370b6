"""The GitHub Actions workflows: schema (action-validator), security (zizmor), the rules of their design,
and the script that keeps the published tree on the gh-pages branch (run against a local repository)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_SH = ROOT / ".github" / "scripts" / "pages.sh"
ACTION_VALIDATOR = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "action-validator"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def require(tool: str | Path | None, name: str) -> str:
    """The tool's path; without it the test fails under PROVENANCE_REQUIRE_BROWSER (as in CI), else it is skipped."""
    if tool and Path(tool).exists():
        return str(tool)
    message = f"{name} not found: run .ci/setup"
    if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def workflow(name: str) -> dict[str, Any]:
    return load(WORKFLOWS / name)


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def test_the_workflows_exist() -> None:
    assert {p.name for p in FILES} >= {"test.yml", "publish.yml", "preview.yml", "preview-deploy.yml"}


# --- The linters -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_action_validator_accepts_the_workflow(path: Path) -> None:
    tool = require(ACTION_VALIDATOR, "action-validator (npm @action-validator/cli, in .ci/node)")
    done = subprocess.run([tool, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_action_validator_rejects_a_broken_workflow(tmp_path: Path) -> None:
    tool = require(ACTION_VALIDATOR, "action-validator (npm @action-validator/cli, in .ci/node)")
    bad = tmp_path / "bad.yml"
    bad.write_text("name: Bad\non: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n", encoding="utf-8")
    done = subprocess.run([tool, str(bad)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0


def zizmor(*paths: Path) -> list[dict[str, Any]]:
    beside = Path(sys.executable).parent / "zizmor"
    tool = require(beside if beside.exists() else shutil.which("zizmor"), "zizmor (PyPI, in the test extras)")
    done = subprocess.run([tool, "--offline", "--format=json", *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout)


def test_zizmor_reports_nothing_of_medium_severity_or_above() -> None:
    findings = zizmor(WORKFLOWS)
    serious = [
        f"{f['ident']} ({f['determinations']['severity']}): {f['locations'][0]['symbolic']['key']}"
        for f in findings
        if f["determinations"]["severity"] in {"Medium", "High"}
    ]
    assert not serious, serious


def test_zizmor_catches_an_unsafe_workflow(tmp_path: Path) -> None:
    """The gate is not vacuous: an unpinned action and a pull request's title interpolated into a shell are found."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "name: Bad\non: pull_request_target\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    idents = {f["ident"] for f in zizmor(folder) if f["determinations"]["severity"] in {"Medium", "High"}}
    assert {"template-injection", "dangerous-triggers"} <= idents


# --- The rules of the design ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_a_commit_with_the_version_in_a_comment(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"{path.name}: not pinned to a full commit SHA with '# vX.Y.Z': {line.strip()}"


def test_one_commit_per_action_across_the_workflows() -> None:
    seen: dict[str, set[str]] = {}
    for path in FILES:
        for match in PINNED.finditer(path.read_text(encoding="utf-8").replace("\n", "\n\n")):
            seen.setdefault(match.group(1), set()).add(match.group(2))
    assert all(len(shas) == 1 for shas in seen.values()), seen


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_no_expressions_in_shell(path: Path) -> None:
    data = load(path)
    assert data["permissions"] == {}, "the workflow grants nothing by default; each job asks for what it needs"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must declare its permissions"
        for permission, level in (job["permissions"] or {}).items():
            assert level in {"read", "write", "none"}, (name, permission, level)
        for step in steps(job):
            # Values reach the shell through env:, never as ${{ }} pasted into the script.
            assert "${{" not in step.get("run", ""), f"{path.name}: job {name}: an expression inside run:"
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_workflow_runs_pull_request_code_with_a_write_token() -> None:
    for path in FILES:
        data = load(path)
        assert "pull_request_target" not in data["on"], path.name
        if "pull_request" in data["on"]:
            for name, job in data["jobs"].items():
                assert set((job["permissions"] or {}).values()) <= {"read", "none"}, f"{path.name}: {name}"


def test_the_privileged_half_of_the_preview_never_runs_the_pull_requests_code() -> None:
    data = workflow("preview-deploy.yml")
    assert list(data["on"]) == ["workflow_run"] and data["on"]["workflow_run"]["workflows"] == ["Preview"]
    for name, job in data["jobs"].items():
        for step in steps(job):
            uses = str(step.get("uses", ""))
            if uses.startswith("actions/checkout@"):
                # The default branch only (workflow_run's own commit): no ref, no repository, scripts only.
                assert set(step["with"]) == {"persist-credentials", "sparse-checkout"}, name
                assert step["with"]["sparse-checkout"] == ".github/scripts"
            if uses.startswith("actions/download-artifact@"):
                assert step["with"]["path"].endswith("/untrusted")
            script = step.get("run", "")
            for word in (".ci/setup", "pip ", "mkdocs", "provenance ", "python", "npm ", "make", "untrusted/site/"):
                assert word not in script, f"job {name} runs {word!r}"
            if "untrusted" in script:
                assert "pages.sh preview" in script or "head -c" in script or "report.md" in script
    check = next(s for s in steps(data["jobs"]["update"]) if s.get("id") == "check")["run"]
    assert "^[1-9][0-9]{0,9}$" in check and 'gh api "repos/$REPO/pulls/$pr"' in check and "HEAD_SHA" in check


def test_test_workflow_runs_the_readme_command_on_every_push_and_pull_request() -> None:
    data = workflow("test.yml")
    assert {"push", "pull_request"} <= set(data["on"])
    assert not (data["on"]["push"] or {}).get("branches")
    runs = [s.get("run", "") for s in steps(data["jobs"]["test"])]
    assert "bash .ci/run" in runs
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/setup && .venv/bin/python -m pytest" in ci_run and "PROVENANCE_REQUIRE_BROWSER=1" in ci_run


def test_publish_builds_strictly_and_deploys_with_the_official_actions() -> None:
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    build = " ".join(s.get("run", "") for s in steps(data["jobs"]["build"]))
    assert "mkdocs build --strict" in build and "SITE_URL" in build and "SOURCE_DATE_EPOCH" in build
    deploy = data["jobs"]["deploy"]
    used = [str(s.get("uses", "")).split("@")[0] for s in steps(deploy)]
    assert "actions/upload-pages-artifact" in used and "actions/deploy-pages" in used
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and deploy["concurrency"]["group"] == "pages"
    assert workflow("preview-deploy.yml")["jobs"]["deploy"]["concurrency"]["group"] == "pages"


def test_preview_builds_under_its_sub_path_and_writes_the_claims_report() -> None:
    data = workflow("preview.yml")
    assert set(data["on"]["pull_request"]["types"]) == {"opened", "synchronize", "reopened", "closed"}
    build = " ".join(s.get("run", "") for s in steps(data["jobs"]["build"]))
    assert 'SITE_URL="${base}pr-preview/pr-$PR/"' in build and "mkdocs build --strict" in build
    assert "provenance diff" in build and "report.md" in build
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}


def test_mkdocs_reads_the_site_url_from_the_environment() -> None:
    assert re.search(r"^site_url: !ENV \[SITE_URL, ", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


# --- pages.sh, on a local repository ----------------------------------------------------------------------


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    path = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(path)], check=True)
    return path


def pages(remote: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PAGES_REMOTE=remote.as_uri(), HOME=str(remote.parent), GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["bash", str(PAGES_SH), *map(str, args)], capture_output=True, text=True, env=env, cwd=remote.parent, timeout=120)


def branch_files(remote: Path) -> list[str]:
    out = subprocess.run(["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"], capture_output=True, text=True)
    return out.stdout.split()


def site(path: Path, text: str) -> Path:
    (path / "assets").mkdir(parents=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    (path / "assets" / "style.css").write_text("p{}", encoding="utf-8")
    return path


def test_pages_keeps_the_main_site_and_the_previews_side_by_side(remote: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    assert pages(remote, "fetch", tree).returncode == 0 and not any(tree.iterdir())  # no branch yet
    done = pages(remote, "main", tree, site(tmp_path / "main1", "v1"))
    assert done.returncode == 0, done.stderr
    assert branch_files(remote) == ["assets/style.css", "index.html"]
    for n in ("7", "8"):
        done = pages(remote, "preview", tree, n, site(tmp_path / f"pr{n}", f"pr {n}"))
        assert done.returncode == 0, done.stderr
    assert "pr-preview/pr-7/index.html" in branch_files(remote) and "pr-preview/pr-8/assets/style.css" in branch_files(remote)
    # A new main site replaces the old one and keeps the previews of open pull requests (8 is closed).
    done = pages(remote, "main", tree, site(tmp_path / "main2", "v2"), "7")
    assert done.returncode == 0 and "pruning pr-8" in done.stdout
    assert branch_files(remote) == ["assets/style.css", "index.html", "pr-preview/pr-7/assets/style.css", "pr-preview/pr-7/index.html"]
    assert pages(remote, "remove", tree, "7").returncode == 0
    assert branch_files(remote) == ["assets/style.css", "index.html"]
    # The branch holds one commit, whatever its past.
    count = subprocess.run(["git", "--git-dir", str(remote), "rev-list", "--count", "gh-pages"], capture_output=True, text=True)
    assert count.stdout.strip() == "1"
    assert pages(remote, "fetch", tree).returncode == 0 and (tree / "index.html").read_text() == "v2"
    assert not (tree / ".git").exists()


def test_pages_treats_a_preview_as_untrusted_data(remote: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    good = site(tmp_path / "good", "ok")
    for number in ("0", "-1", "1; touch pwned", "$(touch pwned)", "12345678901", "1 2"):
        done = pages(remote, "preview", tree, number, good)
        assert done.returncode != 0 and "not a pull request number" in done.stderr, number
    linked = site(tmp_path / "linked", "x")
    (linked / "secret").symlink_to("/etc/hostname")
    done = pages(remote, "preview", tree, "3", linked)
    assert done.returncode != 0 and "other than files and folders" in done.stderr
    dotgit = site(tmp_path / "dotgit", "x")
    (dotgit / "sub" / ".git").mkdir(parents=True)
    (dotgit / "sub" / ".git" / "config").write_text("[core]\n\tfsmonitor = touch pwned\n", encoding="utf-8")
    done = pages(remote, "preview", tree, "3", dotgit)
    assert done.returncode != 0 and ".git" in done.stderr
    (tmp_path / "empty").mkdir()
    assert pages(remote, "preview", tree, "3", tmp_path / "empty").returncode != 0
    assert not list(tmp_path.rglob("pwned")) and branch_files(remote) == []
