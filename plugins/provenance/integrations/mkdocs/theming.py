"""The reader's site on Material for MkDocs: accessible, valid markup and page metadata.

Two mechanisms, both applied only when the theme is ``material``:

- ``theme/`` (next to this file) is put on the theme's search path, after the
  user's ``custom_dir`` and before Material's own templates. Its ``main.html``
  adds Open Graph tags and the small script ``assets/provenance/provenance.js``
  (note tooltips) through Material's blocks; nothing of Material's is copied.
- Some of Material's markup cannot be reached through blocks or partials (the
  drawer and search toggles are printed by ``base.html`` itself), so the Jinja
  loader is wrapped to make a few exact, attribute-level fixes to Material's
  template sources as they are loaded (:data:`FIXES`). A fix whose text is not
  found changes nothing; the browser tests (validator, axe) fail if Material
  changes its markup so that a fix no longer applies.

Generated pages get their meta description from :mod:`provenance.render.site`. The MkDocs events
that call these live in ``plugin.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

THEME_DIR = Path(__file__).parent / "theme"

# (template name or "*", pattern, replacement). Each fix names the checker that asks for it.
FIXES: list[tuple[str, re.Pattern[str], str]] = [
    # Nu Html Checker: "autocomplete" is not allowed on checkboxes (Material 9.x prints it on
    # the drawer and search toggles, in base.html, outside any block).
    ("*", re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"'), r"\1"),
    # Nu Html Checker: tabindex="" is not an integer (nav-item.html leaves it empty on sections).
    ("*", re.compile(r'\stabindex="\{\{ tabindex \}\}"'), r'{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}'),
    # Nu Html Checker (and safety): meta values are printed unescaped, so a description with a
    # double quote breaks the tag. Escape them.
    (
        "*",
        re.compile(r'content="\{\{ (page\.meta\.description|config\.site_description|page\.meta\.author|config\.site_author) \}\}"'),
        r'content="{{ \1 | e }}"',
    ),
    # axe aria-dialog-name: the search dialog has no accessible name.
    ("partials/search.html", re.compile(r'(data-md-component="search") role="dialog">'), r'\1 role="dialog" aria-label="{{ lang.t("search") }}">'),
]


def fix_template(name: str, source: str) -> str:
    for target, pattern, replacement in FIXES:
        if target in ("*", name):
            source = pattern.sub(replacement, source)
    return source


class FixingLoader(jinja2.BaseLoader):
    """Delegates to the theme's loader and applies :data:`FIXES` to each template source."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner
        self.has_source_access = inner.has_source_access

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return fix_template(template, source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def is_material(config: Any) -> bool:
    return getattr(config.theme, "name", None) == "material"


MATERIAL_TOOLTIPS = "content.footnote.tooltips"
TOOLTIPS = "provenance.footnote.tooltips"


def configure_theme(config: Any) -> None:
    """Put ``theme/`` after the user's custom_dir (if any) and before Material's templates.

    When the site asks for Material's footnote tooltips, the plugin's script shows the notes
    instead (see ``theme/assets/provenance/provenance.js``): Material's feature subscribes to
    every note mark when a page loads, which on a source page with many notes roughly doubled
    Lighthouse's total blocking time. The feature is renamed, so Material leaves the marks alone and
    the script finds its flag in Material's page config. A custom_dir with its own main.html
    would not load the script, so then Material's feature is kept.
    """
    if not is_material(config):
        return
    dirs = config.theme.dirs
    path = str(THEME_DIR)
    if path in dirs:
        return
    custom = config.theme.custom_dir
    index = 1 if custom and dirs and Path(dirs[0]).resolve() == Path(custom).resolve() else 0
    dirs.insert(index, path)
    features = config.theme.get("features") or []
    own_main = bool(custom) and (Path(custom) / "main.html").exists()
    if MATERIAL_TOOLTIPS in features and not own_main:
        features[features.index(MATERIAL_TOOLTIPS)] = TOOLTIPS


def fix_env(env: jinja2.Environment, config: Any) -> jinja2.Environment:
    if is_material(config) and env.loader is not None and not isinstance(env.loader, FixingLoader):
        env.loader = FixingLoader(env.loader)
    return env
