"""``provenance check``: validate sources, sidecars, editorial files and page citations without
building the site. Every problem is printed as ``file:line: message (fix: ...)``.
"""

from __future__ import annotations

import reprlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

from . import pipeline
from .citations_md import CitationExtension, PageState
from .cite import Resolver
from .errors import Problem

DEFAULT_EXTENSIONS = ["fenced_code", "tables", "attr_list", "md_in_html", "footnotes"]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name, ...)."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if suffix.startswith("ENV") and values else values
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass
class Settings:
    root: Path
    docs: Path
    seeds: Path
    editorial: Path
    extensions: list[Any] = field(default_factory=list)
    extension_configs: dict[str, Any] = field(default_factory=dict)


def settings(config_file: Path) -> tuple[Settings, list[Problem]]:
    root = config_file.resolve().parent
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(config_file.name, mark.line + 1 if mark else None, f"cannot be read: {exc}", "check the file"))
    if not isinstance(data, dict):
        problems.append(Problem(config_file.name, 1, f"must be a mapping of settings, not a {type(data).__name__}", "write lines such as 'site_name: ...' at the top level"))
        data = {}

    def folder(mapping: dict[str, Any], key: str, where: str) -> str | None:
        """A folder setting if it is text (a list or a mapping would be read as a strange path, or expand without end)."""
        value = mapping.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            return value
        problems.append(Problem(config_file.name, None, f"'{key}'{where} must be a folder name, not a {type(value).__name__}", f"write '{key}: FOLDER'"))
        return None

    options = plugin_options(data.get("plugins"), "provenance")
    if options is None:
        problems.append(Problem(config_file.name, None, "the provenance plugin's options must be a mapping", "indent 'seeds: FOLDER' under 'provenance:'"))
        options = {}
    seeds = root / (folder(options, "seeds", " of the provenance plugin") or "seeds")
    editorial_name = folder(options, "editorial", " of the provenance plugin")
    editorial = root / editorial_name if editorial_name else seeds / "editorial"
    names, configs = _extensions(data.get("markdown_extensions"), config_file.name, problems)
    if "footnotes" not in names:
        names.append("footnotes")
    return Settings(root, root / (folder(data, "docs_dir", "") or "docs"), seeds, editorial, names, configs), problems


def _extensions(value: Any, shown: str, problems: list[Problem]) -> tuple[list[str], dict[str, Any]]:
    """Names and options of mkdocs.yml's ``markdown_extensions`` (names, or one-key mappings of a name to options)."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    entries = list(value.items()) if isinstance(value, dict) else value if isinstance(value, list) else None
    if entries is None:
        if value is not None:
            problems.append(Problem(shown, None, "'markdown_extensions' must be a list", "write one '- name' line per extension"))
        entries = list(DEFAULT_EXTENSIONS)
    for entry in entries:
        if isinstance(entry, dict) and len(entry) == 1:
            entry = next(iter(entry.items()))
        if isinstance(entry, tuple) and isinstance(entry[0], str):
            names.append(entry[0])
            configs[entry[0]] = entry[1] if isinstance(entry[1], dict) else {}
        elif isinstance(entry, str):
            names.append(entry)
        else:
            problems.append(Problem(shown, None, f"a markdown extension must be a name or a name with its options, not {_short(entry)}",
                                    "write '- name' or '- name: {option: value}', one extension per item"))
    return names, configs


def _short(value: Any, limit: int = 60) -> str:
    """A value for a message, cut short (a YAML alias may make it very large)."""
    shorten = reprlib.Repr()
    shorten.maxlevel, shorten.maxstring, shorten.maxother = 2, limit, limit
    return shorten.repr(value)


def plugin_options(plugins: Any, name: str) -> dict[str, Any] | None:
    """A plugin's options from mkdocs.yml's ``plugins``, which MkDocs accepts as a list (of names, or of
    one-key mappings) or as a mapping of names to options; None when they are not a mapping."""
    if not isinstance(plugins, (dict, list)):
        return {}
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None) for item in plugins
    )
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {} if options is None else None
    return {}


def check_pages(s: Settings, result: pipeline.Result) -> list[Problem]:
    """Run every Markdown page under docs/ through Python-Markdown with the citation extension."""
    problems: list[Problem] = []
    resolver = Resolver(result.sources, result.claims)
    citations = CitationExtension()
    try:
        md = markdown.Markdown(extensions=[*s.extensions, citations], extension_configs=s.extension_configs)
    except Exception as exc:  # an extension of the site that cannot load here: fall back to the basics
        problems.append(Problem("mkdocs.yml", None, f"Markdown extensions could not be loaded ({exc}); checking with the basic ones", "", "info"))
        md = markdown.Markdown(extensions=[*DEFAULT_EXTENSIONS, citations])

    def report(file: str, line: int | None, message: str, fix: str) -> None:
        problems.append(Problem(file, line, message, fix))

    if not s.docs.is_dir():
        return problems
    for page in sorted(s.docs.rglob("*.md")):
        shown = page.relative_to(s.root).as_posix()
        try:
            text = page.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problems.append(Problem(shown, None, f"is not valid UTF-8 ({exc.reason} at byte {exc.start})", "re-save the page as UTF-8"))
            continue
        except OSError as exc:
            problems.append(Problem(shown, None, f"cannot be read ({exc.strerror or exc})", "fix or remove the file"))
            continue
        if text.startswith("---"):
            end = text.find("\n---", 3)
            if end > 0:  # keep line numbers: blank out the front matter instead of removing it
                text = "\n" * text.count("\n", 0, end + 4) + text[end + 4 :]
        citations.page = PageState(shown, text, resolver, lambda target: "", report)
        md.reset()
        md.convert(text)
    citations.page = None
    return problems


def run(config_file: Path) -> int:
    s, problems = settings(config_file)
    result = pipeline.run(s.seeds, s.root, s.editorial)
    problems += result.problems
    problems += check_pages(s, result)
    counts = {"error": 0, "warning": 0, "info": 0}
    for problem in problems:
        counts[problem.severity if problem.severity in counts else "info"] += 1
        print(problem if problem.severity != "info" else Problem(problem.file, problem.line, f"note: {problem.message}", problem.fix))
    notes = f", {counts['info']} notes" if counts["info"] else ""
    print(f"checked {len(result.sources)} sources, {len(result.editorial_files)} editorial files and the pages in "
          f"{s.docs.relative_to(s.root) if s.docs.is_relative_to(s.root) else s.docs}: "
          f"{counts['error']} errors, {counts['warning']} warnings{notes}", file=sys.stderr)
    return 1 if counts["error"] or counts["warning"] else 0
