"""Provenance: tie every claim of a set of source documents to the exact passage that makes it.

The package is laid out as the pipeline runs; only ``integrations/`` and ``cli/`` touch a site
generator (MkDocs, ProperDocs, Zensical), Jinja or Python-Markdown (tests/test_core_isolation.py):

- ``sources/``: source files and their sidecars read and cut into sentences; ``provenance add``;
- ``claims/``: the claims, the selectors that point at passages, citations and pointers by id;
- ``analysis/``: alignment, stance, attribution, dates, contested points;
- ``editorial/``: editors' files applied to the analysis; reviews; the review queue;
- ``render/``: the generated pages as HTML fragments, for any engine;
- ``export/``: ``provenance.json``, ``annotations.jsonld``; ``provenance diff``;
- ``pipeline.py`` runs sources -> claims -> analysis -> editorial (through ``cache.py``);
  ``model.py`` holds the records every stage shares, ``errors.py`` the problems they report;
- ``integrations/``: the MkDocs plugin (``mkdocs/``), the Python-Markdown extensions
  (``markdown/``), ``provenance pages`` for engines without plugins;
- ``cli/``: the ``provenance`` command.

The public interface, what another generator calls, is :data:`__all__`: each name is imported when
first used, so that ``import provenance`` stays cheap and imports no engine (docs/engines.md).
Modules that moved keep their old dotted names (:data:`MOVED`), so that an existing ``mkdocs.yml``
(``markdown_extensions: [provenance.citations_md]``) keeps working.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from typing import Any

__version__ = "0.1.0"

# The public interface: name -> (module, attribute). docs/engines.md describes each.
PUBLIC: dict[str, tuple[str, str]] = {
    # the core: sources in, analysed claims out (no engine)
    "run": ("provenance.pipeline", "run"),
    "Result": ("provenance.pipeline", "Result"),
    "Cache": ("provenance.cache", "Cache"),
    "Problem": ("provenance.errors", "Problem"),
    "ProvenanceError": ("provenance.errors", "ProvenanceError"),
    "Source": ("provenance.model", "Source"),
    "Claim": ("provenance.model", "Claim"),
    "Resolver": ("provenance.claims.cite", "Resolver"),
    # the generated pages, as HTML, for any engine
    "Site": ("provenance.render.site", "Site"),
    "Folders": ("provenance.render.site", "Folders"),
    "PageSpec": ("provenance.render.site", "PageSpec"),
    "page_specs": ("provenance.render.site", "page_specs"),
    # the exports
    "provenance_json": ("provenance.export.export", "provenance"),
    "annotations_jsonld": ("provenance.export.export", "annotations"),
    "dumps": ("provenance.export.export", "dumps"),
    # engines: a project read from mkdocs.yml (provenance pages), the Python-Markdown extension, the MkDocs plugin
    "Project": ("provenance.integrations.pages", "Project"),
    "load_project": ("provenance.integrations.pages", "load"),
    "write_pages": ("provenance.integrations.pages", "write"),
    "CitationExtension": ("provenance.integrations.markdown.citations", "CitationExtension"),
    "ProvenancePlugin": ("provenance.integrations.mkdocs.plugin", "ProvenancePlugin"),
}

__all__ = ["__version__", *PUBLIC]

# Modules that moved when the package took the pipeline's layout (issue 13): old dotted name -> new.
# The old names stay importable (mkdocs.yml's markdown_extensions, entry points of an older install).
# provenance.claims, .editorial, .export and .cli name folders now: their modules are
# provenance.claims.claims, provenance.editorial.editorial, provenance.export.export and provenance.cli.commands.
MOVED: dict[str, str] = {
    "provenance.ingest": "provenance.sources.ingest",
    "provenance.segment": "provenance.sources.segment",
    "provenance.roles": "provenance.sources.roles",
    "provenance.sidecar": "provenance.sources.sidecar",
    "provenance.yamlfile": "provenance.sources.yamlfile",
    "provenance.anchor": "provenance.claims.anchor",
    "provenance.cite": "provenance.claims.cite",
    "provenance.pointers": "provenance.claims.pointers",
    "provenance.memory": "provenance.claims.memory",
    "provenance.reviews": "provenance.editorial.reviews",
    "provenance.review_queue": "provenance.editorial.review_queue",
    "provenance.diff": "provenance.export.diff",
    "provenance.pages": "provenance.integrations.pages",
    "provenance.site_config": "provenance.integrations.site_config",
    "provenance.plugin": "provenance.integrations.mkdocs.plugin",
    "provenance.config": "provenance.integrations.mkdocs.config",
    "provenance.theming": "provenance.integrations.mkdocs.theming",
    "provenance.active_markup": "provenance.integrations.mkdocs.active_markup",
    "provenance.citations_md": "provenance.integrations.markdown.citations",
    "provenance.footnote_roles": "provenance.integrations.markdown.footnote_roles",
    "provenance.check": "provenance.cli.check",
}


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports an old name of :data:`MOVED` as the module at its new place: one module, two names."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        return importlib.machinery.ModuleSpec(fullname, self) if fullname in MOVED else None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Any:
        return importlib.import_module(MOVED[spec.name])

    def exec_module(self, module: Any) -> None:
        pass  # already run under its new name


if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
    sys.meta_path.append(_Alias())


def __getattr__(name: str) -> Any:
    if name in PUBLIC:
        module, attribute = PUBLIC[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(PUBLIC))
