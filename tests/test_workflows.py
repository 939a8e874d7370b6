"""The GitHub Actions workflows: schema (action-validator), security (zizmor), the rules of their design,
and the script that keeps the published tree on the gh-pages branch (run against a local repository)."""

from __future__ import annotations

import hashlib
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

from . import actions_runner
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
    assert {p.name for p in FILES} >= {"test.yml", "publish.yml", "preview.yml", "preview-deploy.yml", "preview-approval.yml"}


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
    assert lines or path.name == "preview-approval.yml"  # which uses no action at all
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
        if "pull_request" in data["on"]:
            for name, job in data["jobs"].items():
                assert set((job["permissions"] or {}).values()) <= {"read", "none"}, f"{path.name}: {name}"
        if "pull_request_target" in data["on"]:
            # Only the approval, which checks out nothing and runs nothing but its own short scripts.
            assert path.name == "preview-approval.yml"
            for name, job in data["jobs"].items():
                assert all("uses" not in step for step in steps(job)), f"{path.name}: job {name} uses an action"


def test_the_privileged_half_of_the_preview_never_runs_the_pull_requests_code() -> None:
    data = workflow("preview-deploy.yml")
    assert set(data["on"]) == {"workflow_run", "workflow_dispatch"} and data["on"]["workflow_run"]["workflows"] == ["Preview"]
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
    assert "^[1-9][0-9]{0,9}$" in check and 'gh api "repos/$REPO/pulls/$pr"' in check and 'gh api "repos/$REPO/actions/runs/$RUN_ID"' in check


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


# --- The preview's approval, end to end: the workflow files run here against a fake GitHub ---------------
#
# tests/actions_runner.py runs the jobs of preview-deploy.yml and preview-approval.yml as written (their
# conditions, expressions and shell scripts); tests/fake_gh.py plays the GitHub API with the permissions
# each job's token has; pages.sh pushes to a local repository standing in for the gh-pages branch.

REPO = "owner/site"
FORK = "stranger/site"
LABEL = "preview-approved"


def sha(name: str) -> str:
    return hashlib.sha1(name.encode()).hexdigest()


class Forge:
    """A repository on a fake GitHub: pull requests, Preview builds and their artifacts, the published tree."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.state_file = tmp_path / "github.json"
        people = {"maintainer": "write", "owner": "admin", "helper": "triage", "stranger": "read"}
        self.write({"repo": REPO, "pulls": {}, "runs": {}, "statuses": {}, "comments": {}, "dispatches": [], "calls": [], "permissions": people})
        self.remote = tmp_path / "pages.git"
        subprocess.run(["git", "init", "-q", "--bare", str(self.remote)], check=True)
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        gh = bin_dir / "gh"
        gh.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).parent / "fake_gh.py"}" "$@"\n', encoding="utf-8")
        gh.chmod(0o755)
        env = actions_runner.base_env(tmp_path, bin_dir)
        env.update(FAKE_GH_STATE=str(self.state_file), PAGES_REMOTE=self.remote.as_uri())
        self.artifacts: dict[int, Path] = {}
        self.uploaded: list[str] = []
        self.deployments: list[list[str]] = []
        play = {
            "actions/checkout": self.checkout,
            "actions/download-artifact": self.download,
            "actions/configure-pages": lambda given, workspace, temp: {"base_url": "https://owner.github.io/site"},
            "actions/upload-pages-artifact": self.upload,
            "actions/deploy-pages": self.deploy,
        }
        self.runner = actions_runner.Runner(ROOT, tmp_path / "runs", play, env, repository=REPO)

    # The repository's state, as the fake API keeps it.
    @property
    def state(self) -> dict[str, Any]:
        return json.loads(self.state_file.read_text(encoding="utf-8"))

    def write(self, state: dict[str, Any]) -> None:
        self.state_file.write_text(json.dumps(state, indent=1), encoding="utf-8")

    def change(self, edit: Any) -> None:
        state = self.state
        edit(state)
        self.write(state)

    # The actions the workflows use, played here.
    def checkout(self, given: dict[str, str], workspace: Path, temp: Path) -> dict[str, str]:
        assert given["persist-credentials"] == "false" and given["sparse-checkout"] == ".github/scripts"
        shutil.copytree(ROOT / ".github" / "scripts", workspace / ".github" / "scripts")
        return {}

    def download(self, given: dict[str, str], workspace: Path, temp: Path) -> dict[str, str]:
        run = int(given["run-id"])
        if run not in self.artifacts or given["name"] != "preview":
            raise actions_runner.StepFailure(f"no artifact {given['name']} in run {run}")
        shutil.copytree(self.artifacts[run], given["path"], dirs_exist_ok=True)
        return {}

    def upload(self, given: dict[str, str], workspace: Path, temp: Path) -> dict[str, str]:
        root = Path(given["path"])
        self.uploaded = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        return {}

    def deploy(self, given: dict[str, str], workspace: Path, temp: Path) -> dict[str, str]:
        self.deployments.append(self.uploaded)
        return {"page_url": "https://owner.github.io/site/"}

    # What people and GitHub do.
    def open(self, number: int, head: str, *, fork: bool = True) -> None:
        repo = FORK if fork else REPO
        pull = {"number": number, "state": "open", "head": {"sha": head, "repo": {"full_name": repo}}, "labels": []}
        self.change(lambda s: s["pulls"].__setitem__(str(number), pull))

    def build(self, number: int, *, status: str = "completed", conclusion: str = "success") -> int:
        """A Preview run of the pull request's head, and its artifact (as preview.yml uploads it)."""
        pull = self.state["pulls"][str(number)]
        run_id = 100 + len(self.state["runs"])
        run = {
            "id": run_id,
            "path": ".github/workflows/preview.yml",
            "event": "pull_request",
            "status": status,
            "conclusion": conclusion if status == "completed" else None,
            "head_sha": pull["head"]["sha"],
            "head_repository": pull["head"]["repo"],
            "html_url": f"https://github.com/{REPO}/actions/runs/{run_id}",
        }
        self.change(lambda s: s["runs"].__setitem__(str(run_id), run))
        folder = self.tmp / "artifacts" / str(run_id)
        (folder / "site").mkdir(parents=True)
        (folder / "pr-number").write_text(f"{number}\n", encoding="utf-8")
        (folder / "url").write_text(f"https://owner.github.io/site/pr-preview/pr-{number}/\n", encoding="utf-8")
        (folder / "report.md").write_text(f"### Claims added\n\n- the claims of {pull['head']['sha'][:7]}\n", encoding="utf-8")
        (folder / "site" / "index.html").write_text(f"<p>built from {pull['head']['sha']}</p>", encoding="utf-8")
        self.artifacts[run_id] = folder
        return run_id

    def finish(self, run_id: int) -> dict[str, actions_runner.Job]:
        """The Preview run completes: GitHub starts Preview deploy with workflow_run."""
        run = self.state["runs"][str(run_id)]
        if run["status"] != "completed":
            self.change(lambda s: s["runs"][str(run_id)].update(status="completed", conclusion="success"))
            run = self.state["runs"][str(run_id)]
        return self.runner.run(WORKFLOWS / "preview-deploy.yml", "workflow_run", {"action": "completed", "workflow_run": run})

    def approval_event(self, number: int, action: str, sender: str, **extra: Any) -> dict[str, actions_runner.Job]:
        pull = self.state["pulls"][str(number)]
        event = {"action": action, "pull_request": pull, "sender": {"login": sender}, "repository": {"default_branch": "main"}, **extra}
        return self.runner.run(WORKFLOWS / "preview-approval.yml", "pull_request_target", event)

    def label(self, number: int, by: str) -> list[dict[str, actions_runner.Job]]:
        """Someone adds the label; then every Preview deploy that the approval started by hand runs."""
        self.change(lambda s: s["pulls"][str(number)]["labels"].append({"name": LABEL}))
        dispatched = len(self.state["dispatches"])
        jobs = self.approval_event(number, "labeled", by, label={"name": LABEL})
        assert jobs["approve"].result == "success", jobs["approve"].log
        return [
            self.runner.run(WORKFLOWS / f"{d['workflow'].removesuffix('.yml')}.yml", "workflow_dispatch", {"inputs": d["inputs"]}, d["inputs"])
            for d in self.state["dispatches"][dispatched:]
        ]

    def push(self, number: int, head: str, *, approval_workflow: bool = True) -> None:
        """A new head; GitHub runs Preview approval's synchronize job (unless the test holds it back)."""
        self.change(lambda s: s["pulls"][str(number)]["head"].update(sha=head))
        if approval_workflow:
            jobs = self.approval_event(number, "synchronize", "stranger")
            assert jobs["unapprove"].result == "success", jobs["unapprove"].log

    # What a reader of the site and of the pull request sees.
    def published(self, number: int) -> str | None:
        done = subprocess.run(["git", "--git-dir", str(self.remote), "show", f"gh-pages:pr-preview/pr-{number}/index.html"], capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else None

    def comment(self, number: int) -> str:
        comments = self.state["comments"].get(str(number), [])
        assert len(comments) == 1, comments
        return comments[0]["body"]

    def labels(self, number: int) -> list[str]:
        return [label["name"] for label in self.state["pulls"][str(number)]["labels"]]

    def writes(self) -> list[str]:
        return [f"{c['method']} {c['path']}" for c in self.state["calls"] if c["method"] != "GET"]


@pytest.fixture
def forge(tmp_path: Path) -> Forge:
    for tool in ("git", "jq"):
        if shutil.which(tool) is None:
            require(None, f"{tool} (Debian package)")
    return Forge(tmp_path)


def action(jobs: dict[str, actions_runner.Job]) -> str:
    assert jobs["update"].result == "success", jobs["update"].log
    return jobs["update"].outputs["action"]


def test_a_forks_pull_request_without_approval_gets_the_report_and_no_preview(forge: Forge) -> None:
    forge.open(7, sha("a"))
    jobs = forge.finish(forge.build(7))
    assert action(jobs) == "report"
    assert jobs["deploy"].result == "skipped" and forge.deployments == []
    assert forge.published(7) is None and not any("pages" in w for w in forge.writes())
    assert jobs["comment"].result == "success", jobs["comment"].log
    comment = forge.comment(7)
    assert f"approves commit `{sha('a')[:12]}`" in comment and f"`{LABEL}`" in comment
    assert f"the claims of {sha('a')[:7]}" in comment  # the report, as today
    assert "The site as this pull request would publish it" not in comment


def test_approving_a_forks_head_publishes_its_preview(forge: Forge) -> None:
    forge.open(7, sha("a"))
    run = forge.build(7)
    assert action(forge.finish(run)) == "report"
    deploys = forge.label(7, by="maintainer")
    # The approval is a commit status on the head, made by the workflow; Preview deploy is started for the build.
    status = forge.state["statuses"][sha("a")][0]
    assert (status["context"], status["state"], status["creator"]["login"]) == ("preview/approval", "success", "github-actions[bot]")
    assert "@maintainer" in status["description"]
    assert forge.state["dispatches"] == [{"workflow": "preview-deploy.yml", "ref": "main", "inputs": {"run-id": str(run)}}]
    [jobs] = deploys
    assert action(jobs) == "deploy" and jobs["deploy"].result == "success"
    assert forge.published(7) == f"<p>built from {sha('a')}</p>"
    assert forge.deployments == [["pr-preview/pr-7/index.html"]]
    assert "**https://owner.github.io/site/pr-preview/pr-7/**" in forge.comment(7)  # the same comment, updated


def test_a_push_after_approval_is_not_published_until_approved_again(forge: Forge) -> None:
    forge.open(7, sha("a"))
    forge.finish(forge.build(7))
    forge.label(7, by="maintainer")
    assert forge.published(7) == f"<p>built from {sha('a')}</p>"
    # A new push whose build completes before Preview approval has taken the label off: the label is
    # still there, but the approval is on the old commit, so nothing is published.
    forge.push(7, sha("b"), approval_workflow=False)
    jobs = forge.finish(forge.build(7))
    assert action(jobs) == "report" and forge.labels(7) == [LABEL]
    assert forge.published(7) == f"<p>built from {sha('a')}</p>" and len(forge.deployments) == 1
    assert f"approves commit `{sha('b')[:12]}`" in forge.comment(7)
    # The usual order: the push takes the label off, the build is reported, not published.
    forge.push(7, sha("c"))
    assert forge.labels(7) == []
    assert action(forge.finish(forge.build(7))) == "report"
    assert forge.published(7) == f"<p>built from {sha('a')}</p>" and len(forge.deployments) == 1
    # Approved again: the new head is published.
    [jobs] = forge.label(7, by="owner")
    assert action(jobs) == "deploy" and forge.published(7) == f"<p>built from {sha('c')}</p>"
    assert len(forge.deployments) == 2


def test_a_same_repository_pull_request_is_published_without_approval(forge: Forge) -> None:
    forge.open(8, sha("own"), fork=False)
    jobs = forge.finish(forge.build(8))
    assert action(jobs) == "deploy" and jobs["deploy"].result == "success"
    assert forge.published(8) == f"<p>built from {sha('own')}</p>"
    assert "**https://owner.github.io/site/pr-preview/pr-8/**" in forge.comment(8)
    assert forge.state["statuses"] == {} and forge.labels(8) == []


def test_only_people_who_can_write_approve_a_preview(forge: Forge) -> None:
    forge.open(7, sha("a"))
    forge.finish(forge.build(7))
    for who in ("helper", "stranger"):  # triage can add labels; read cannot, but say it could
        assert forge.label(7, by=who) == []
        assert forge.labels(7) == [] and forge.state["statuses"] == {} and forge.state["dispatches"] == []
    # Someone with write access started Preview deploy by hand: it still wants the approval.
    jobs = forge.runner.run(WORKFLOWS / "preview-deploy.yml", "workflow_dispatch", {}, {"run-id": "100"})
    assert action(jobs) == "report" and forge.published(7) is None


def test_only_the_workflows_own_success_status_counts_as_approval(forge: Forge) -> None:
    forge.open(7, sha("a"))
    run = forge.build(7)
    forge.change(lambda s: s["pulls"]["7"]["labels"].append({"name": LABEL}))
    for status in ({"state": "success", "creator": {"login": "someone"}}, {"state": "failure", "creator": {"login": "github-actions[bot]"}}):
        forge.change(lambda s, status=status: s["statuses"].__setitem__(sha("a"), [{"context": "preview/approval", **status}]))
        assert action(forge.finish(run)) == "report" and forge.published(7) is None
    # The newest status of the context decides: an approval withdrawn by a later failure does not count.
    approved = {"context": "preview/approval", "state": "success", "creator": {"login": "github-actions[bot]"}}
    forge.change(lambda s: s["statuses"][sha("a")].append(approved))
    assert action(forge.finish(run)) == "report"
    forge.change(lambda s: s["statuses"][sha("a")].insert(0, approved))
    assert action(forge.finish(run)) == "deploy"
    # Taking the label off withdraws the approval too.
    forge.change(lambda s: s["pulls"]["7"].update(labels=[]))
    assert action(forge.finish(run)) == "report"


def test_an_approval_before_the_build_finishes_publishes_it_when_it_does(forge: Forge) -> None:
    forge.open(7, sha("a"))
    run = forge.build(7, status="in_progress")
    assert forge.label(7, by="maintainer") == []  # nothing to start: the running build will be published
    assert forge.state["dispatches"] == []
    assert action(forge.finish(run)) == "deploy" and forge.published(7) == f"<p>built from {sha('a')}</p>"


def test_a_stale_or_forged_build_is_not_published(forge: Forge) -> None:
    forge.open(7, sha("a"))
    forge.open(9, sha("own"), fork=False)
    forged = forge.build(7)
    (forge.artifacts[forged] / "pr-number").write_text("9\n", encoding="utf-8")  # claims to be the trusted pull request
    forge.label(7, by="maintainer")
    assert action(forge.finish(forged)) == "stale"
    for bad in ("1; touch pwned", "$(touch pwned)", "0", "abc"):
        jobs = forge.runner.run(WORKFLOWS / "preview-deploy.yml", "workflow_dispatch", {}, {"run-id": bad})
        assert jobs["update"].result == "failure" and jobs["comment"].result == "skipped", bad
    assert forge.published(7) is None and forge.published(9) is None and forge.deployments == []
    assert not list(forge.tmp.rglob("pwned"))


def test_a_closed_forks_pull_request_loses_its_approved_preview(forge: Forge) -> None:
    forge.open(7, sha("a"))
    forge.finish(forge.build(7))
    forge.label(7, by="maintainer")
    assert forge.published(7) is not None
    forge.change(lambda s: s["pulls"]["7"].update(state="closed"))
    assert action(forge.finish(forge.build(7))) == "remove"
    assert forge.published(7) is None and "has been removed" in forge.comment(7)


def test_the_fake_api_refuses_what_the_jobs_token_does_not_grant(forge: Forge) -> None:
    """The least-privilege check above is not vacuous: a job without statuses: write cannot approve."""
    env = {**forge.runner.env, "GH_TOKEN": "fake:pull-requests=write"}
    post = ["gh", "api", "--method", "POST", f"repos/{REPO}/statuses/{sha('a')}", "-f", "state=success"]
    done = subprocess.run(post, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "403" in done.stderr
    env["GH_TOKEN"] = "fake:statuses=write"
    assert subprocess.run(post, env=env, capture_output=True, text=True).returncode == 0
