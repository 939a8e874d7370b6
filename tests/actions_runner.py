"""Runs a GitHub Actions workflow file on this machine, as far as the Preview workflows need: jobs in the
order of their `needs`, `if:` conditions and `${{ }}` expressions evaluated as GitHub does, `run:` steps
in bash with their `env:`, GITHUB_OUTPUT and job outputs, and `uses:` steps played by functions the test
supplies. The token a job gets names the permissions its `permissions:` grants, so that the fake `gh`
(tests/fake_gh.py) refuses what the job may not do.

It is a test double for GitHub's runner, not a reimplementation: it plays the subset of the expression
language the workflows use (contexts, string literals, ==, !=, !, &&, ||, parentheses, and the status
functions) and fails loudly on anything else, so that a workflow change it cannot follow is noticed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)|(?P<name>[A-Za-z_][\w.-]*))")
STATUS_FUNCTIONS = ("success()", "failure()", "cancelled()", "always()")


class ExpressionError(Exception):
    pass


@dataclass
class Status:
    """What the status functions see: whether something before failed."""

    failed: bool = False


class Expression:
    """One `${{ }}` expression, parsed by recursive descent and evaluated against the contexts."""

    def __init__(self, text: str, contexts: dict[str, Any], status: Status) -> None:
        self.tokens = self.tokenize(text)
        self.at = 0
        self.contexts = contexts
        self.status = status
        self.text = text

    @staticmethod
    def tokenize(text: str) -> list[tuple[str, str]]:
        tokens, at = [], 0
        while at < len(text.rstrip()):
            match = TOKEN.match(text, at)
            if not match:
                raise ExpressionError(f"cannot read {text[at:]!r}")
            kind = match.lastgroup or ""
            tokens.append((kind, match.group(kind)))
            at = match.end()
        return tokens

    def evaluate(self) -> Any:
        value = self.either()
        if self.at != len(self.tokens):
            raise ExpressionError(f"unexpected {self.tokens[self.at][1]!r} in {self.text!r}")
        return value

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens) or (expected and self.tokens[self.at][1] != expected):
            raise ExpressionError(f"expected {expected or 'more'} in {self.text!r}")
        self.at += 1
        return self.tokens[self.at - 1]

    def either(self) -> Any:
        value = self.both()
        while self.peek() == "||":
            self.take()
            other = self.both()
            value = value if truthy(value) else other
        return value

    def both(self) -> Any:
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            other = self.comparison()
            value = other if truthy(value) else value
        return value

    def comparison(self) -> Any:
        value = self.unary()
        while self.peek() in {"==", "!="}:
            op = self.take()[1]
            same = equal(value, self.unary())
            value = same if op == "==" else not same
        return value

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "str":
            return text[1:-1].replace("''", "'")
        if kind == "num":
            return int(text)
        if text == "(":
            value = self.either()
            self.take(")")
            return value
        if kind != "name":
            raise ExpressionError(f"unexpected {text!r} in {self.text!r}")
        if self.peek() == "(":
            self.take("(")
            self.take(")")
            return self.call(text)
        if text in {"true", "false", "null"}:
            return {"true": True, "false": False, "null": None}[text]
        value: Any = self.contexts
        for part in text.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def call(self, name: str) -> bool:
        calls = {"success": not self.status.failed, "failure": self.status.failed, "cancelled": False, "always": True}
        if name not in calls:
            raise ExpressionError(f"the runner does not play {name}()")
        return calls[name]


def truthy(value: Any) -> bool:
    return value not in (None, False, 0, "")


def equal(a: Any, b: Any) -> bool:
    """GitHub compares strings without regard to case."""
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return a == b


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def evaluate(source: str, contexts: dict[str, Any], status: Status) -> Any:
    return Expression(source, contexts, status).evaluate()


def render(value: Any, contexts: dict[str, Any], status: Status) -> str:
    """A string with `${{ }}` expressions in it, as GitHub fills it in."""
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: text(evaluate(m.group(1), contexts, status)), text(value))


def condition(source: Any, contexts: dict[str, Any], status: Status) -> bool:
    """An `if:`: a bare or wrapped expression; without a status function, success() && (it)."""
    if source is None:
        return not status.failed
    body = str(source).strip()
    if body.startswith("${{") and body.endswith("}}"):
        body = body[3:-2]
    if not any(function in body.replace(" ", "") for function in STATUS_FUNCTIONS) and status.failed:
        return False
    return truthy(evaluate(body, contexts, status))


def read_outputs(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks."""
    outputs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            outputs[name] = "\n".join(lines[i + 1 : end])
            i = end + 1
        else:
            name, _, value = line.partition("=")
            outputs[name] = value
            i += 1
    return outputs


@dataclass
class Step:
    name: str
    outcome: str  # success, failure or skipped
    outputs: dict[str, str] = field(default_factory=dict)
    log: str = ""


@dataclass
class Job:
    result: str  # success, failure or skipped
    outputs: dict[str, str] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)

    @property
    def log(self) -> str:
        return "\n".join(f"--- {s.name} ({s.outcome})\n{s.log}" for s in self.steps)


Action = Callable[[dict[str, str], Path, Path], dict[str, str]]
"""Plays a `uses:` step: (its rendered `with:`, the job's workspace, the job's RUNNER_TEMP) -> outputs."""


@dataclass
class Runner:
    """Runs workflows of one repository; `env` is added to every `run:` step (PATH with the fake gh, …)."""

    root: Path
    work: Path
    actions: dict[str, Action]
    env: dict[str, str]
    repository: str = "owner/site"
    runs: int = 0

    def run(self, workflow: Path, event_name: str, event: dict[str, Any], inputs: dict[str, str] | None = None) -> dict[str, Job]:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        data["on"] = data.pop(True, data.get("on"))
        self.runs += 1
        github = {
            "event_name": event_name,
            "event": event,
            "repository": self.repository,
            "repository_owner": self.repository.split("/")[0],
            "server_url": "https://github.com",
            "run_id": str(9000 + self.runs),
        }
        jobs: dict[str, Job] = {}
        pending = dict(data["jobs"])
        while pending:
            name, spec = next((n, s) for n, s in pending.items() if all(need in jobs for need in needs(s)))
            del pending[name]
            jobs[name] = self.job(name, spec, github, inputs or {}, jobs)
        return jobs

    def job(self, name: str, spec: dict[str, Any], github: dict[str, Any], inputs: dict[str, str], done: dict[str, Job]) -> Job:
        needed = {need: {"result": done[need].result, "outputs": done[need].outputs} for need in needs(spec)}
        before = Status(failed=any(job["result"] != "success" for job in needed.values()))
        permissions = spec.get("permissions") or {}
        token = "fake:" + ",".join(f"{scope}={level}" for scope, level in permissions.items())
        contexts: dict[str, Any] = {"github": {**github, "token": token}, "inputs": inputs, "needs": needed, "vars": {}}
        if not condition(spec.get("if"), contexts, before):
            return Job("skipped")
        workspace = self.work / f"run{self.runs}-{name}" / "workspace"
        temp = workspace.parent / "temp"
        workspace.mkdir(parents=True)
        temp.mkdir()
        contexts["runner"] = {"temp": str(temp)}
        contexts["steps"] = {}
        status = Status()
        job = Job("success")
        for index, step in enumerate(spec.get("steps", [])):
            label = step.get("name") or step.get("uses") or f"step {index}"
            if not condition(step.get("if"), contexts, status):
                job.steps.append(Step(label, "skipped"))
                if "id" in step:
                    contexts["steps"][step["id"]] = {"outputs": {}, "outcome": "skipped"}
                continue
            result = self.step(step, label, contexts, status, workspace, temp, index)
            job.steps.append(result)
            if "id" in step:
                contexts["steps"][step["id"]] = {"outputs": result.outputs, "outcome": result.outcome}
            if result.outcome == "failure":
                status.failed = True
        job.result = "failure" if status.failed else "success"
        job.outputs = {key: render(value, contexts, status) for key, value in (spec.get("outputs") or {}).items()}
        return job

    def step(self, step: dict[str, Any], label: str, contexts: dict[str, Any], status: Status, workspace: Path, temp: Path, index: int) -> Step:
        if "uses" in step:
            action = str(step["uses"]).split("@")[0]
            if action not in self.actions:
                raise ExpressionError(f"the test plays no {action}")
            given = {key: render(value, contexts, status) for key, value in (step.get("with") or {}).items()}
            try:
                return Step(label, "success", self.actions[action](given, workspace, temp))
            except StepFailure as failure:
                return Step(label, "failure", log=str(failure))
        outputs = temp / f"output-{index}"
        script = temp / f"step-{index}.sh"
        script.write_text(str(step["run"]), encoding="utf-8")
        env = {
            **self.env,
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_REPOSITORY": self.repository,
            "RUNNER_TEMP": str(temp),
        }
        env.update({key: render(value, contexts, status) for key, value in (step.get("env") or {}).items()})
        done = subprocess.run(["bash", "-e", str(script)], cwd=workspace, env=env, capture_output=True, text=True, timeout=120)
        return Step(label, "success" if done.returncode == 0 else "failure", read_outputs(outputs), done.stdout + done.stderr)


class StepFailure(Exception):
    """Raised by an Action that fails its step."""


def needs(spec: dict[str, Any]) -> list[str]:
    value = spec.get("needs") or []
    return [value] if isinstance(value, str) else list(value)


def base_env(home: Path, path_first: Path) -> dict[str, str]:
    """The environment of a `run:` step: this machine's, without git's variables, with the fakes first on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GH_", "GITHUB_"))}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", PATH=f"{path_first}{os.pathsep}{env.get('PATH', '')}")
    return env
