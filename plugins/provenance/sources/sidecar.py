"""A source's metadata sidecar: ``<stem>.yml`` next to ``<stem>.txt``.

The sidecar is optional and every key in it is optional::

    id: intercept-cable-report     # readable slug used in URLs and citations
    title: ...
    author: ...
    publisher: ...
    published: 2023-08-09          # ISO date
    url: https://...
    kind: news | blog | document | transcript | press-release | other
    language: en                   # BCP 47 code; the text is split into sentences with its rules
    display: full | excerpts       # excerpts: show only the sentences that matter (default: the site's)
    archive_url: https://web.archive.org/web/...
    retrieved: "2026-12-01T09:30:00Z"   # when the text was fetched (UTC), written by `provenance add`
    extractor: trafilatura 2.3.1   # written by `provenance add`
    original: originals/ID.html    # the original as fetched, relative to the seeds folder
    original_sha256: 3a7bd3e2...   # its SHA-256

Errors name the file and the line, and say how to fix them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode

from ..errors import Problem
from . import yamlfile

FIELDS = (
    "id", "title", "author", "publisher", "published", "url", "kind",
    "language", "display", "archive_url", "retrieved", "extractor", "original", "original_sha256",
)
KINDS = ("news", "blog", "document", "transcript", "press-release", "social", "other")
DISPLAYS = ("full", "excerpts")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SUFFIXES = (".yml", ".yaml")
# Tried in this order; the first that exists is the source's sidecar ("A.TXT" may have "A.YML").
_SPELLINGS = (".yml", ".yaml", ".YML", ".YAML")


def path_for(source: Path) -> Path | None:
    """The sidecar of a source file: same name, suffix .yml or .yaml (either case)."""
    for suffix in _SPELLINGS:
        candidate = source.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _line(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def load(path: Path, display: str) -> tuple[dict[str, Any], list[Problem]]:
    """Read a sidecar; return the valid fields and the problems found."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return {}, [Problem(display, None, f"is not UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8")]
    fast = _fast_load(text)
    if fast is not None:
        values, found = _validate(fast, display)
        if not found:
            return values, []
    # Something is wrong, or the fast reader is missing: read again, keeping line numbers for the messages.
    reader = yamlfile.reader()
    reader.allow_duplicate_keys = True  # reported below, each with its line, and the first value kept
    try:
        data = yamlfile.load(text, reader)
        duplicates = _duplicate_keys(reader, text, display)
    except yamlfile.YamlProblem as exc:
        return _salvage_id(text), [Problem(display, exc.line, exc.message, exc.fix)]
    values, problems = _validate(data, display)
    return values, duplicates + problems


def _duplicate_keys(reader: YAML, text: str, display: str) -> list[Problem]:
    """A problem for each key written a second time in the sidecar's mapping."""
    node = reader.compose(text)
    if not isinstance(node, MappingNode):
        return []
    first: dict[str, int] = {}
    problems = []
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
            continue  # not a key of a sidecar: reported as unknown
        line = key.start_mark.line + 1
        if key.value in first:
            problems.append(Problem(display, line, f"'{key.value}' is given twice (first on line {first[key.value]}); the first value is used",
                                    "keep one of the two lines"))
        else:
            first[key.value] = line
    return problems


class _UniqueKeys(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's reader, which would keep the last of two equal keys silently, refusing them."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        keys = [repr(self.construct_object(key, deep=deep)) for key, _ in node.value]
        if len(set(keys)) != len(keys):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _fast_load(text: str) -> Any:
    """The sidecar read by libyaml (much faster than ruamel's pure-Python reader), or None when
    anything is wrong (duplicate keys included): the careful reader then reports it with its line."""
    if yamlfile.may_have_aliases(text):
        return None  # libyaml would expand them: the careful reader refuses them
    try:
        return yaml.load(text, Loader=_UniqueKeys)  # noqa: S506 (a safe loader)
    except Exception:
        return None


def _validate(data: Any, display: str) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(display, 1, "must be a mapping of keys to values", "write lines such as 'title: ...'")]
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = _line(data, key)
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(FIELDS)}"
            problems.append(Problem(display, line, f"unknown key '{key}'", fix))
            continue
        if value is None or value == "":
            continue
        if key == "published":
            parsed = _date(value)
            if parsed is None:
                problems.append(Problem(display, line, f"'published' is not a date: {value!r}", "write an ISO date such as 2023-08-09"))
                continue
            value = parsed
        elif key == "retrieved":
            stamp = _timestamp(value)
            if stamp is None:
                problems.append(Problem(display, line, f"'retrieved' is not a time: {value!r}", "write an ISO time in UTC, such as \"2026-12-01T09:30:00Z\""))
                continue
            value = stamp
        elif not isinstance(value, str):
            problems.append(Problem(display, line, f"'{key}' must be text, not {type(value).__name__}", "quote the value"))
            continue
        else:
            value = str(value).strip()
        if key == "id" and not SLUG.match(value):
            problems.append(Problem(display, line, f"id {value!r} is not a slug", "use lower-case letters, digits and hyphens, e.g. 'intercept-report'"))
            continue
        if key == "kind" and value not in KINDS:
            problems.append(Problem(display, line, f"unknown kind {value!r}", f"use one of: {', '.join(KINDS)}", "warning"))
        if key in ("url", "archive_url") and not re.match(r"^https?://", value):
            problems.append(Problem(display, line, f"{key} {value!r} is not an http(s) URL", "write the full address, starting with https://"))
            continue
        problem = _check_record(key, value)
        if problem:
            problems.append(Problem(display, line, *problem))
            continue
        if key == "language":
            head, _, rest = value.partition("-")
            value = head.lower() + (f"-{rest}" if rest else "")
        values[key] = value
    return values, problems


def _check_record(key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) when a value of the fields `provenance add` writes is malformed."""
    if key == "display" and value not in DISPLAYS:
        return f"unknown display {value!r}", f"use one of: {', '.join(DISPLAYS)}"
    if key == "language" and not LANGUAGE.match(value):
        return f"language {value!r} is not a language code", "write a BCP 47 code such as 'en', 'de' or 'pt-BR'"
    if key == "original_sha256" and not SHA256.match(value):
        return "original_sha256 is not a SHA-256 digest", "write the 64 lower-case hex digits `sha256sum` prints"
    if key == "original" and (value.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", value) or re.match(r"^[A-Za-z]:", value)):
        return f"original {value!r} must be a path inside the seeds folder", "write it relative to the seeds folder, e.g. originals/ID.html"
    return None


def _timestamp(value: Any) -> str | None:
    """An ISO 8601 time in UTC ("...Z"), from a YAML timestamp, a date or a string."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    else:
        text = str(value).strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text).isoformat()
            moment = dt.datetime.fromisoformat(re.sub(r"[Zz]$", "+00:00", text))
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def _salvage_id(text: str) -> dict[str, Any]:
    """Keep a broken file's ``id``, so that a typo mid-edit does not move the source's page."""
    match = re.search(r"^id:[ \t]*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?[ \t]*(?:#.*)?$", text, re.M)
    return {"id": match.group(1)} if match else {}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", re.S)


def _date(value: Any) -> dt.date | None:
    """An ISO date (or date and time) as a whole: '2023-08-091' or '2023-08-09 or maybe 2024' is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(text):
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text).date()
    except ValueError:
        return None
