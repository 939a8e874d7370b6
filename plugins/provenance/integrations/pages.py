"""The site without the MkDocs plugin: for engines that read ``mkdocs.yml`` and run Python-Markdown
extensions but no plugins (Zensical).

- :func:`load` reads a project from its ``mkdocs.yml`` (the plugin's options, with the plugin's
  defaults), runs the pipeline through the analysis cache and prepares the generated pages exactly
  as the plugin does (:class:`provenance.render.site.Site`), with the URLs MkDocs would give them.
- :func:`write` (``provenance pages``) writes those pages into the docs folder as Markdown files
  holding their HTML (with their title and description as front matter), the exports
  (``provenance.json``, ``annotations.jsonld``) and the stylesheet, where any engine picks them up.
  It records what it wrote, with a hash of each file, in :data:`MANIFEST`: it rewrites only what
  changed, removes what it wrote before and no longer generates, and never touches a file it did
  not write. The MkDocs plugin leaves the files listed there out of its build, since it generates
  its own.

The citation extension (:mod:`provenance.citations_md`) calls :func:`load` when no plugin drives it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import pipeline
from ..cache import Cache
from ..claims import memory
from ..claims.cite import Resolver
from ..errors import Problem
from ..export import export
from ..render import analysis_pages
from ..render.site import Folders, Site, page_specs
from ..sources import excerpts
from . import site_config

MANIFEST = ".provenance-pages.json"  # in the docs folder; a dot file, which MkDocs and Zensical do not publish
HEADER = "# Written by 'provenance pages' from the sources: edit the sources and editorial files, not this file."
STYLESHEET = "assets/provenance/provenance.css"
STYLESHEET_FILE = Path(__file__).parent / "assets" / "provenance.css"
EXTENSION = "provenance.citations_md"  # its public name, kept by provenance.MOVED (the module is integrations/markdown/citations.py)
log = logging.getLogger("provenance")


def cache_settings(seeds: str, editorial: str) -> str:
    """What, besides the files, the analysis depends on: the salt of its cache keys, the same for the plugin,
    ``provenance pages`` and the citation extension, so that each reuses what another stored."""
    return repr((("editorial", editorial), ("seeds", seeds)))


@dataclass
class Project:
    """A project read without an engine: its layout, the analysis and the pages it generates."""

    root: Path
    layout: site_config.Layout
    settings: dict[str, Any]  # mkdocs.yml, as site_config.read gives it
    result: pipeline.Result
    resolver: Resolver
    site: Site
    memory: memory.Memory | None = None
    problems: list[Problem] = field(default_factory=list)
    generated: set[str] = field(default_factory=set)  # files under docs an earlier `provenance pages` wrote, unchanged since

    @property
    def docs(self) -> Path:
        return self.root / self.layout.docs

    @property
    def folders(self) -> Folders:
        return Folders(self.layout.pages, self.layout.analysis_pages)


def load(config_file: Path) -> Project:
    """The project of ``config_file`` (its folder, with the defaults, when there is no such file)."""
    root = config_file.resolve().parent if config_file.is_file() else Path.cwd().resolve()
    settings, problems = site_config.read(config_file) if config_file.is_file() else ({}, [])
    layout = site_config.layout_of(settings)
    cache_folder = root / layout.cache_dir if layout.cache_dir else None
    cache = Cache(cache_folder, cache_settings(layout.seeds, layout.editorial)) if cache_folder else None
    remembered = memory.load(cache_folder) if cache_folder else None
    result = pipeline.run(root / layout.seeds, root, root / layout.editorial if layout.editorial else None, cache, remembered)
    resolver = Resolver(result.sources, result.claims, remembered)
    docs = root / layout.docs
    generated = written(docs)
    shown = excerpts.Shown()
    if any(excerpts.display_of(s, layout.display) == "excerpts" for s in result.sources):
        pages = [p.read_text(encoding="utf-8", errors="replace") for p in hand_written(docs, generated=generated)]
        shown = excerpts.select(result, layout.display, excerpts.cited_sentences(pages, resolver))
    taken = {p.relative_to(docs).as_posix() for p in hand_written(docs, suffixes=None, generated=generated)}
    folders = Folders(layout.pages, layout.analysis_pages)
    # Pages link to each other's Markdown files, as hand-written pages do: every engine turns such a link into
    # a link between its pages (an engine may rewrite other relative links as relative to the file, as Zensical does).
    urls = {s.id: folders.source(s.id) for s in result.sources if folders.source(s.id) not in taken}
    analysis_urls = {p.name: folders.analysis_page(p.name) for p in analysis_pages.PAGES if folders.analysis_page(p.name) not in taken}
    site_url = str(settings.get("site_url") or "")
    site = Site(result, shown, urls, analysis_urls, site_url, str(settings.get("site_name") or ""))
    return Project(root, layout, settings, result, resolver, site, remembered, problems + list(result.problems), generated)


# --- what `provenance pages` wrote: the manifest


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    """The files ``provenance pages`` wrote under ``docs``: path relative to it -> SHA-256 of the bytes it wrote."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(files, dict) else {}


def written(docs: Path) -> set[str]:
    """The files under ``docs`` that ``provenance pages`` wrote and nobody changed since (relative paths)."""
    found = set()
    for name, digest in read_manifest(docs).items():
        try:
            if _digest((docs / name).read_bytes()) == digest:
                found.add(name)
        except OSError:
            continue
    return found


def hand_written(docs: Path, suffixes: tuple[str, ...] | None = (".md",), generated: set[str] | None = None) -> list[Path]:
    """The files of ``docs`` (Markdown pages only, by default) that ``provenance pages`` did not write
    (``generated``: what :func:`written` gives, when the caller has it)."""
    if not docs.is_dir():
        return []
    ours = written(docs) if generated is None else generated
    return [
        p for p in sorted(docs.rglob("*"))
        if p.is_file() and (suffixes is None or p.suffix in suffixes) and p.relative_to(docs).as_posix() not in ours | {MANIFEST}
    ]


# --- writing


def page_file(title: str, description: str, html: str) -> str:
    """A generated page as Markdown: its title and description as front matter, its HTML as the body
    (raw HTML, which Python-Markdown passes through)."""
    return f"---\n{HEADER}\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n---\n\n{html}"


def files_of(project: Project) -> dict[str, bytes]:
    """Everything ``provenance pages`` writes, by path under the docs folder."""
    site, layout = project.site, project.layout
    out: dict[str, bytes] = {}
    for spec in page_specs(project.result, project.folders):
        if spec.kind == "source" and spec.key not in site.urls or spec.kind == "analysis" and spec.key not in site.analysis_urls:
            continue  # a hand-written page has this name (reported by write)
        html = site.render(spec, spec.src_uri, site_config.url_of(spec.src_uri, layout.directory_urls))
        out[spec.src_uri] = page_file(spec.title, site.description(spec), html).encode("utf-8")
    if layout.export:
        # The exports give the pages' URLs, as the plugin's do.
        def page_url(source_id: str) -> str:
            return layout.page_url(source_id) if source_id in site.urls else ""

        contested_url = layout.contested_url if "contested" in site.analysis_urls else ""
        document = export.provenance(project.result, page_url, contested_url, site.shown)
        out["provenance.json"] = export.dumps(document).encode("utf-8")
        jsonld = export.annotations(project.result, page_url, site.site_url, site.shown)
        out["annotations.jsonld"] = export.dumps(jsonld).encode("utf-8")
    out[STYLESHEET] = STYLESHEET_FILE.read_bytes()
    return out


@dataclass
class Written:
    changed: list[str] = field(default_factory=list)  # written because new or different
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # written by an earlier run, no longer generated
    problems: list[Problem] = field(default_factory=list)


def write(project: Project) -> Written:
    """Write the generated pages, exports and stylesheet into the docs folder; see the module's description."""
    docs = project.docs
    done = Written()
    if not docs.is_dir():
        done.problems.append(Problem(project.layout.docs, None, "the docs folder does not exist", "create it, or set docs_dir in mkdocs.yml"))
        return done
    before = read_manifest(docs)
    ours = project.generated
    manifest: dict[str, str] = {}
    wanted = files_of(project)
    specs = list(page_specs(project.result, project.folders))
    for spec in specs:
        if spec.src_uri not in wanted and not (spec.kind == "index" and (docs / spec.src_uri).exists()):
            done.problems.append(Problem(spec.owner, None, f"the page '{spec.src_uri}' already exists in docs",
                                         "rename that page, or change the plugin's folder options"))
    pages = {spec.src_uri for spec in specs}
    for name, data in wanted.items():
        path = docs / name
        if path.exists() and name not in ours:
            if name not in pages:  # a page's conflict is reported above (a hand-written list of sources takes the generated one's place)
                done.problems.append(Problem(f"{project.layout.docs}/{name}", None, "exists and was not written by 'provenance pages': left as it is",
                                             "remove it or rename it, so that the generated file can be written"))
            continue
        manifest[name] = _digest(data)
        if name in ours and before.get(name) == manifest[name]:
            done.unchanged.append(name)
            continue
        _write_atomic(path, data)
        done.changed.append(name)
    for name in sorted(ours - set(manifest)):
        (docs / name).unlink(missing_ok=True)
        done.removed.append(name)
        _remove_empty_folders((docs / name).parent, docs)
    if manifest != before or not (docs / MANIFEST).exists():
        _write_atomic(docs / MANIFEST, (json.dumps({"generator": "provenance pages", "files": dict(sorted(manifest.items()))}, indent=1) + "\n").encode())
    done.problems += _advice(project)
    if project.memory is not None and project.layout.cache_dir:
        # After the citations were resolved (they may have re-anchored with what the memory held), as the plugin does.
        project.memory.learn(project.result.claims)
        memory.save(project.memory, project.root / project.layout.cache_dir)
    return done


def _advice(project: Project) -> list[Problem]:
    """Settings an engine without the plugin needs: the stylesheet, and the citation extension when pages cite."""
    problems = []
    extra_css = project.settings.get("extra_css") or []
    if STYLESHEET not in [str(x) for x in extra_css if isinstance(x, str)]:
        problems.append(Problem("mkdocs.yml", None, f"extra_css does not list '{STYLESHEET}': an engine without the plugin shows the pages unstyled",
                                f"add it: extra_css: [{STYLESHEET}]", "warning"))
    names, _, _ = site_config.markdown_extensions(project.settings.get("markdown_extensions") or [])
    cites = any(excerpts.cited_in(p.read_text(encoding="utf-8", errors="replace")) for p in hand_written(project.docs, generated=project.generated))
    if cites and not {EXTENSION, "provenance.integrations.markdown.citations"} & set(names):
        problems.append(Problem("mkdocs.yml", None, f"the pages cite sources but markdown_extensions does not list '{EXTENSION}': "
                                "an engine without the plugin shows the citations as written", f"add '- {EXTENSION}' to markdown_extensions", "warning"))
    return problems


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, prefix=".provenance-") as handle:
        handle.write(data)
    os.replace(handle.name, path)


def _remove_empty_folders(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_relative_to(docs):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


# --- the project for the citation extension without a host


_current: dict[Path, tuple[tuple, Project | None]] = {}


def fingerprint(config_file: Path) -> tuple:
    """What a loaded project depends on, by name, size and time of change: mkdocs.yml, the sources and
    editorial files, and the hand-written pages (whose citations decide a source's excerpts); not the
    files ``provenance pages`` writes."""
    root = config_file.resolve().parent if config_file.is_file() else Path.cwd().resolve()
    settings, _ = site_config.read(config_file) if config_file.is_file() else ({}, [])
    layout = site_config.layout_of(settings)
    docs = root / layout.docs
    generated = {docs / name for name in read_manifest(docs)} | {docs / MANIFEST}
    folders = [root / layout.seeds, root / layout.editorial if layout.editorial else root / layout.seeds / "editorial", docs]
    stats = []
    for path in [config_file, *(p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*")))]:
        if path in generated:
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def current(config_file: Path) -> Project | None:
    """The project of ``config_file``, loaded again only when one of its inputs changed (an engine converts
    page after page in one process, and ``serve`` keeps it running); None, once reported, when it cannot be loaded."""
    key = config_file.resolve()
    fingerprint_now = fingerprint(config_file)
    known = _current.get(key)
    if known is not None and known[0] == fingerprint_now:
        return known[1]
    project: Project | None
    try:
        project = load(config_file)
    except Exception as exc:  # a host's build goes on; the citations stay as written
        log.error(f"{config_file}: the sources could not be loaded ({type(exc).__name__}: {exc}) (fix: run 'provenance check')")
        project = None
    else:
        for problem in project.problems:
            if problem.severity in ("error", "warning"):
                log.warning(str(problem))
    _current[key] = (fingerprint_now, project)
    return project


def page_source(project: Project, path: str) -> tuple[str, str]:
    """How to name the page at ``path`` (relative to the docs folder) in messages, and its text (for line numbers)."""
    file = project.docs / path if path else None
    if file is None or not file.is_file():
        return (path or "(page)"), ""
    try:
        shown = file.resolve().relative_to(project.root).as_posix()
    except ValueError:
        shown = file.as_posix()
    return shown, file.read_text(encoding="utf-8", errors="replace")
