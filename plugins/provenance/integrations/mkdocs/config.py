"""The plugin's options, as written under ``plugins: - provenance:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ProvenanceConfig(Config):
    seeds = c.Type(str, default="seeds")
    """Folder of source files and their sidecars, relative to mkdocs.yml."""
    editorial = c.Type(str, default="")
    """Folder of editorial files, relative to mkdocs.yml; default: the 'editorial' folder inside seeds."""
    pages = c.Type(str, default="sources")
    """Folder (under docs) where the generated source pages go."""
    analysis_pages = c.Type(str, default="analysis")
    """Folder (under docs) for the overview, contested points, matrix, timeline and people pages."""
    cache = c.Type(bool, default=True)
    """Keep analysis results on disk, keyed by content hash, plugin version and configuration."""
    cache_dir = c.Type(str, default=".cache/provenance")
    """Folder of the cache, relative to mkdocs.yml."""
    export = c.Type(bool, default=True)
    """Write provenance.json and annotations.jsonld at the site root."""
    display = c.Choice(("full", "excerpts"), default="full")
    """How sources are shown unless their sidecar says otherwise: 'full' text, or only 'excerpts'
    (the sentences cited, linked to other sources, contested or hedged)."""
    reject_scripts = c.Type(bool, default=False)
    """Fail the build on markup that runs code (<script>, on… attributes, javascript: URLs) in hand-written
    pages and editorial notes: for sites that take them from people they do not know. See active_markup."""
    sidebar_sources = c.Type(int, default=50)
    """With more sources than this, the source pages leave the navigation (a reader cannot use a sidebar of
    hundreds of entries, and every page renders it) and the sources index lists them in a table, sortable
    without JavaScript. 0: never list them in the sidebar."""
