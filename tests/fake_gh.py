"""A stand-in for the GitHub CLI's `gh api`, over a JSON file that plays the repository (FAKE_GH_STATE).

It answers the REST endpoints the workflows call, the way GitHub does: the token (GH_TOKEN, written by
tests/actions_runner.py as `fake:SCOPE=LEVEL,…` from the job's `permissions:`) must grant the scope the
endpoint needs, else 403 as for GITHUB_TOKEN; `--jq` filters with the real jq (raw output, as gh does);
`-f key=value` and `-f 'key[sub]=value'` make the JSON body (and turn GET into POST); `--input FILE`
sends a file. Every call is logged in the state's `calls`.

State: repo, pulls {N: pull}, runs {ID: run}, statuses {SHA: [status, newest first]}, permissions
{login: admin|write|triage|read}, comments {N: [comment]}, dispatches [..], calls [..].
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT = "github-actions[bot]"
LEVELS = {"none": 0, "read": 1, "write": 2}
# The legacy `permission` field GitHub reports for each repository role.
LEGACY_PERMISSION = {"admin": "admin", "maintain": "write", "write": "write", "triage": "read", "read": "read"}


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{message} (HTTP {status})")
        self.status = status


Handler = Callable[[dict[str, Any], re.Match[str], dict[str, list[str]], dict[str, Any]], Any]
ROUTES: list[tuple[str, re.Pattern[str], tuple[str, ...], str, Handler]] = []


def route(method: str, pattern: str, scopes: tuple[str, ...], level: str) -> Callable[[Handler], Handler]:
    """An endpoint, and the token scopes (any one of them) and level it needs; () for none (metadata)."""

    def register(handler: Handler) -> Handler:
        ROUTES.append((method, re.compile(f"^repos/(?P<repo>[^/]+/[^/]+)/{pattern}$"), scopes, level, handler))
        return handler

    return register


def pull(state: dict[str, Any], number: str) -> dict[str, Any]:
    if number not in state["pulls"]:
        raise ApiError(404, "Not Found")
    return state["pulls"][number]


@route("GET", r"pulls/(?P<n>\d+)", ("pull-requests",), "read")
def get_pull(state, m, query, body):
    return pull(state, m["n"])


@route("GET", r"pulls", ("pull-requests",), "read")
def list_pulls(state, m, query, body):
    wanted = query.get("state", ["open"])[0]
    return [p for p in state["pulls"].values() if wanted in ("all", p["state"])]


@route("GET", r"issues/(?P<n>\d+)/labels", ("issues", "pull-requests"), "read")
def get_labels(state, m, query, body):
    return pull(state, m["n"])["labels"]


@route("DELETE", r"issues/(?P<n>\d+)/labels/(?P<name>[^/]+)", ("issues", "pull-requests"), "write")
def remove_label(state, m, query, body):
    labels = pull(state, m["n"])["labels"]
    if not any(label["name"] == m["name"] for label in labels):
        raise ApiError(404, "Label does not exist")
    labels[:] = [label for label in labels if label["name"] != m["name"]]
    return labels


@route("GET", r"collaborators/(?P<login>[^/]+)/permission", (), "read")
def get_permission(state, m, query, body):
    role = state["permissions"].get(m["login"], "read")
    return {"permission": LEGACY_PERMISSION[role], "role_name": role, "user": {"login": m["login"]}}


@route("GET", r"commits/(?P<sha>[0-9a-f]{40})/statuses", ("statuses",), "read")
def get_statuses(state, m, query, body):
    return state["statuses"].get(m["sha"], [])


@route("POST", r"statuses/(?P<sha>[0-9a-f]{40})", ("statuses",), "write")
def post_status(state, m, query, body):
    if body.get("state") not in {"error", "failure", "pending", "success"}:
        raise ApiError(422, "Validation Failed")
    status = {"state": body["state"], "context": body.get("context", "default"), "description": body.get("description")}
    status["creator"] = {"login": BOT}
    state["statuses"].setdefault(m["sha"], []).insert(0, status)
    return status


@route("GET", r"actions/runs/(?P<id>\d+)", ("actions",), "read")
def get_run(state, m, query, body):
    if m["id"] not in state["runs"]:
        raise ApiError(404, "Not Found")
    return state["runs"][m["id"]]


@route("GET", r"actions/workflows/(?P<file>[\w.-]+)/runs", ("actions",), "read")
def list_runs(state, m, query, body):
    runs = [r for r in state["runs"].values() if r["path"] == f".github/workflows/{m['file']}"]
    for key in ("head_sha", "event", "status"):
        if key in query:
            runs = [r for r in runs if r[key] == query[key][0]]
    runs.sort(key=lambda r: -r["id"])  # newest first
    per_page = int(query.get("per_page", ["30"])[0])
    return {"total_count": len(runs), "workflow_runs": runs[:per_page]}


@route("POST", r"actions/workflows/(?P<file>[\w.-]+)/dispatches", ("actions",), "write")
def dispatch(state, m, query, body):
    if "ref" not in body:
        raise ApiError(422, "Invalid request: ref is required")
    state["dispatches"].append({"workflow": m["file"], "ref": body["ref"], "inputs": body.get("inputs", {})})
    return None


@route("GET", r"issues/(?P<n>\d+)/comments", ("issues", "pull-requests"), "read")
def list_comments(state, m, query, body):
    pull(state, m["n"])
    return state["comments"].get(m["n"], [])


@route("POST", r"issues/(?P<n>\d+)/comments", ("issues", "pull-requests"), "write")
def post_comment(state, m, query, body):
    pull(state, m["n"])
    state["next_comment"] = state.get("next_comment", 1000) + 1
    comment = {"id": state["next_comment"], "body": body["body"], "user": {"login": BOT}}
    state["comments"].setdefault(m["n"], []).append(comment)
    return comment


@route("PATCH", r"issues/comments/(?P<id>\d+)", ("issues", "pull-requests"), "write")
def edit_comment(state, m, query, body):
    for comments in state["comments"].values():
        for comment in comments:
            if comment["id"] == int(m["id"]):
                comment["body"] = body["body"]
                return comment
    raise ApiError(404, "Not Found")


def granted(token: str, scopes: tuple[str, ...], level: str) -> bool:
    if not token.startswith("fake:"):
        return False
    if not scopes:
        return True
    grants = dict(pair.split("=", 1) for pair in token[len("fake:") :].split(",") if pair)
    return any(LEVELS.get(grants.get(scope, "none"), 0) >= LEVELS[level] for scope in scopes)


def set_field(body: dict[str, Any], key: str, value: Any) -> None:
    """gh's `key[sub]=value` makes a nested object."""
    parts = re.findall(r"[^\[\]]+", key)
    for part in parts[:-1]:
        body = body.setdefault(part, {})
    body[parts[-1]] = value


def typed(value: str) -> Any:
    """-F values: true, false, null and integers become JSON values, as in gh."""
    if value in {"true", "false", "null"}:
        return json.loads(value)
    return int(value) if re.fullmatch(r"-?\d+", value) else value


def parse(args: list[str]) -> tuple[str | None, str, str | None, dict[str, Any], str | None]:
    method, path, jq, body, input_file = None, "", None, {}, None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in {"-X", "--method"}:
            method, i = args[i + 1], i + 2
        elif arg in {"-q", "--jq"}:
            jq, i = args[i + 1], i + 2
        elif arg in {"-f", "--raw-field", "-F", "--field"}:
            key, _, value = args[i + 1].partition("=")
            set_field(body, key, value if arg in {"-f", "--raw-field"} else typed(value))
            i += 2
        elif arg == "--input":
            input_file, i = args[i + 1], i + 2
        elif arg in {"-H", "--header"}:
            i += 2
        elif arg in {"--paginate", "--silent"}:
            i += 1
        elif arg.startswith("-"):
            raise SystemExit(f"fake gh: unsupported option {arg}")
        else:
            path, i = arg.lstrip("/"), i + 1
    return method, path, jq, body, input_file


def answer(state: dict[str, Any], method: str, path: str, body: dict[str, Any], token: str) -> Any:
    parts = urlsplit(path)
    query = parse_qs(parts.query)
    for route_method, pattern, scopes, level, handler in ROUTES:
        match = pattern.match(parts.path)
        if route_method == method and match:
            if match["repo"] != state["repo"]:
                raise ApiError(404, "Not Found")
            if not granted(token, scopes, level):
                raise ApiError(403, "Resource not accessible by integration")
            return handler(state, match, query, body)
    raise ApiError(404, f"Not Found (the fake has no {method} {parts.path})")


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "api":
        print(f"fake gh: only `gh api` is played, not {argv[:1]}", file=sys.stderr)
        return 2
    method, path, jq, body, input_file = parse(argv[1:])
    if input_file:
        body = json.loads(Path(input_file).read_text(encoding="utf-8"))
    method = method or ("POST" if body else "GET")
    state_file = Path(os.environ["FAKE_GH_STATE"])
    state = json.loads(state_file.read_text(encoding="utf-8"))
    state["calls"].append({"method": method, "path": path, "body": body})
    try:
        result = answer(state, method, path, body, os.environ.get("GH_TOKEN", ""))
    except ApiError as error:
        state_file.write_text(json.dumps(state, indent=1), encoding="utf-8")
        print(f"gh: {error}", file=sys.stderr)
        return 1
    state_file.write_text(json.dumps(state, indent=1), encoding="utf-8")
    if result is None:
        return 0
    text = json.dumps(result)
    if jq is not None:
        done = subprocess.run(["jq", "-r", jq], input=text, capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        return done.returncode
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
