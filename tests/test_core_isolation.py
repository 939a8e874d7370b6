"""The core must run without MkDocs, so that it can serve another site generator."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import provenance

GLUE = {"provenance.plugin", "provenance.config"}


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(provenance.__path__, "provenance."):
        if info.name not in GLUE:
            names.append(info.name)
    return names


def test_core_modules_never_import_mkdocs() -> None:
    """Nor another engine: the pages for engines without plugins (pages.py, render/site.py) are core too."""
    modules = core_modules()
    assert {"provenance.ingest", "provenance.export", "provenance.pages", "provenance.render.site"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'zensical'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert run.returncode == 0, run.stdout + run.stderr
