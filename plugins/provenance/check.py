"""``provenance check``: validate sources, sidecars, editorial files and page citations without
building the site. Every problem is printed as ``file:line: message (fix: ...)``.
"""

from __future__ import annotations

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
    options = plugin_options(data.get("plugins"), "provenance")
    seeds = root / str(options.get("seeds", "seeds"))
    editorial = root / str(options["editorial"]) if options.get("editorial") else seeds / "editorial"
    names, configs = [], {}
    for ext in data.get("markdown_extensions") or DEFAULT_EXTENSIONS:
        if isinstance(ext, dict):
            (name, conf), = ext.items()
            names.append(name)
            configs[name] = conf or {}
        else:
            names.append(str(ext))
    if "footnotes" not in names:
        names.append("footnotes")
    return Settings(root, root / str(data.get("docs_dir", "docs")), seeds, editorial, names, configs), problems


def plugin_options(plugins: Any, name: str) -> dict[str, Any]:
    """A plugin's options from mkdocs.yml's ``plugins``, which MkDocs accepts as a list (of names, or of
    one-key mappings) or as a mapping of names to options."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None) for item in plugins or []
    )
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {}
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
        text = page.read_text(encoding="utf-8")
        shown = page.relative_to(s.root).as_posix()
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
