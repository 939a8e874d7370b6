"""``provenance check``: validate sources, sidecars, editorial files and page citations without
building the site. Every problem is printed as ``file:line: message (fix: ...)``.
"""

from __future__ import annotations

import html
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown

from .. import pipeline
from ..claims import memory, pointers
from ..claims.cite import Resolver
from ..errors import Problem
from ..integrations import site_config
from ..integrations.markdown.citations import CitationExtension, PageState
from ..integrations.pages import hand_written

DEFAULT_EXTENSIONS = ["fenced_code", "tables", "attr_list", "md_in_html", "footnotes"]
_HREF = re.compile(r'\shref="([^"]*)"')
ANCHOR_SEVERITY = {"warn": "warning", "info": "info"}  # MkDocs' validation.anchors levels; "ignore" reports nothing


@dataclass
class Settings:
    root: Path
    docs: Path
    seeds: Path
    editorial: Path
    cache: Path | None = None  # the plugin's cache folder, which keeps the words of the claims earlier runs saw
    pages: str = "sources"  # where the source pages go, under docs
    anchors: str = "info"  # MkDocs' validation.anchors: how a link to a missing sentence anchor is reported
    extensions: list[Any] = field(default_factory=list)
    extension_configs: dict[str, Any] = field(default_factory=dict)


def settings(config_file: Path) -> tuple[Settings, list[Problem]]:
    root = config_file.resolve().parent
    data, problems = site_config.read(config_file)
    layout = site_config.layout_of(data)
    seeds = root / layout.seeds
    editorial = root / layout.editorial if layout.editorial else seeds / "editorial"
    names, configs, more = site_config.markdown_extensions(data.get("markdown_extensions") or DEFAULT_EXTENSIONS, config_file.name)
    problems += more
    if "footnotes" not in names:
        names.append("footnotes")
    cache = root / layout.cache_dir if layout.cache_dir else None
    return Settings(root, root / layout.docs, seeds, editorial, cache, layout.pages, _anchor_level(data), names, configs), problems


def _anchor_level(data: dict[str, Any]) -> str:
    """MkDocs' ``validation: anchors:`` (or ``validation: links: anchors:``), "info" by default."""
    validation = data.get("validation")
    if not isinstance(validation, dict):
        return "info"
    links = validation.get("links")
    level = links.get("anchors") if isinstance(links, dict) and "anchors" in links else validation.get("anchors", "info")
    return str(level)


def check_pages(s: Settings, result: pipeline.Result, remembered: memory.Memory | None = None) -> list[Problem]:
    """Run every Markdown page under docs/ through Python-Markdown with the citation extension."""
    problems: list[Problem] = []
    resolver = Resolver(result.sources, result.claims, remembered)
    citations = CitationExtension()
    try:
        md = markdown.Markdown(extensions=[*s.extensions, citations], extension_configs=s.extension_configs)
    except Exception as exc:  # an extension of the site that cannot load here: fall back to the basics
        problems.append(Problem("mkdocs.yml", None, f"Markdown extensions could not be loaded ({exc}); checking with the basic ones", "", "info"))
        md = markdown.Markdown(extensions=[*DEFAULT_EXTENSIONS, citations])

    def report(file: str, line: int | None, message: str, fix: str, severity: str = "error") -> None:
        problems.append(Problem(file, line, message, fix, severity))

    for page in hand_written(s.docs):  # not the pages `provenance pages` wrote: they are HTML, and cite nothing
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
        rendered = md.convert(text)
        problems += sentence_links(s, page.relative_to(s.docs).as_posix(), shown, text, rendered, resolver)
    citations.page = None
    return problems


def sentence_links(s: Settings, src: str, shown: str, text: str, rendered: str, resolver: Resolver) -> list[Problem]:
    """Links (``sources/ID.md#s-…``) to a sentence anchor that no source page has, as MkDocs' anchor
    validation reports them in a build; with the sentence it became, when its words are known."""
    severity = ANCHOR_SEVERITY.get(s.anchors)
    if severity is None:
        return []
    problems = []
    for href in dict.fromkeys(html.unescape(h) for h in _HREF.findall(rendered)):
        path, _, fragment = href.partition("#")
        if not fragment.startswith("s-") or "://" in path or not path.endswith(".md"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        folder, _, name = target.rpartition("/")
        source = resolver.sources.get(name[:-3]) if folder == s.pages.strip("/") else None
        if source is None or source.sentence(fragment) is not None:
            continue
        found = pointers.resolve(f"{source.id}.{fragment}", None, resolver.sources, resolver.claims, resolver.claim_by_sentence, resolver.memory)
        fix = f"the sentence was edited: link to '#{found.claim.sentence}'" if found.claim else "copy the anchor from the source's page"
        at = text.find(href)
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        problems.append(Problem(shown, line, f"links to '{href}', but '{s.pages}/{source.id}.md' has no anchor '#{fragment}'", fix, severity))
    return problems


def run(config_file: Path) -> int:
    s, problems = settings(config_file)
    # Claim ids are re-anchored with the memory the builds keep, as the build does; check only reads it.
    remembered = memory.load(s.cache) if s.cache else None
    result = pipeline.run(s.seeds, s.root, s.editorial, memory=remembered)
    problems += result.problems
    problems += check_pages(s, result, remembered)
    counts = {"error": 0, "warning": 0, "info": 0}
    for problem in problems:
        counts[problem.severity if problem.severity in counts else "info"] += 1
        print(problem if problem.severity != "info" else Problem(problem.file, problem.line, f"note: {problem.message}", problem.fix))
    from ..editorial.review_queue import build, summary

    print(f"review: {summary(build(result))}", file=sys.stderr)  # a count, not a problem: editors review when they can
    notes = f", {counts['info']} notes" if counts["info"] else ""
    print(f"checked {len(result.sources)} sources, {len(result.editorial_files)} editorial files and the pages in "
          f"{s.docs.relative_to(s.root) if s.docs.is_relative_to(s.root) else s.docs}: "
          f"{counts['error']} errors, {counts['warning']} warnings{notes}", file=sys.stderr)
    return 1 if counts["error"] or counts["warning"] else 0
