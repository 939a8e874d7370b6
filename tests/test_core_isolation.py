"""The core runs without any engine, so that it can serve another site generator.

The rule, read from the source (every ``import`` in every module, those inside functions and under
``TYPE_CHECKING`` included): a module of the core, everything outside ``integrations/`` and ``cli/``,
imports none of :data:`ENGINES`, not even through another module of the package (imports are
followed through the package, so a core module may use ``integrations/pages.py`` or
``integrations/site_config.py`` only while they import no engine either). An exception is one
module's import of one engine, listed in :data:`EXCEPTIONS` with its reason, and made inside the
function that needs it (never at a module's top), so that importing the core still loads no engine.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import provenance

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "provenance"
# Site generators, their templates and their Markdown: what only integrations/ and cli/ may import.
ENGINES = {"mkdocs", "properdocs", "zensical", "material", "jinja2", "markdown", "pymdownx"}
INTEGRATIONS = ("provenance.integrations", "provenance.cli")
# (core module, engine) -> why that module may import it, inside a function.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("provenance.render.editorial_note", "markdown"): "editors write their notes in Markdown: inline_markdown renders a note's text "
    "with Python-Markdown as a text library (markdown.markdown, no extension), the same words for every engine",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_core(name: str) -> bool:
    return not any(name == root or name.startswith(root + ".") for root in INTEGRATIONS)


def imports(name: str, path: Path, known: dict[str, Path]) -> tuple[set[str], set[str]]:
    """(modules of the package, other top-level names) that ``path`` imports anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    inside, outside = set(), set()

    def add(target: str) -> None:
        if target.split(".")[0] != "provenance":
            outside.add(target.split(".")[0])
            return
        for name, moved in provenance.MOVED.items():  # an old name is the module at its new place
            if target == name or target.startswith(name + "."):
                target = moved + target[len(name):]
        while target and target not in known:  # an attribute of a module: the module
            target = target.rpartition(".")[0]
        if target:
            inside.add(target)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            add(module)
            for alias in node.names:  # from . import module
                if f"{module}.{alias.name}" in known:
                    add(f"{module}.{alias.name}")
    return inside, outside


def engines_reached() -> dict[str, dict[str, list[str]]]:
    """For each core module, each engine it reaches and the chain of imports that reaches it."""
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    found: dict[str, dict[str, list[str]]] = {}
    for start in filter(is_core, known):
        chains = {start: [start]}
        todo = [start]
        while todo:
            here = todo.pop()
            inside, outside = graph[here]
            for engine in sorted(outside & ENGINES):
                if (here, engine) not in EXCEPTIONS:
                    found.setdefault(start, {}).setdefault(engine, chains[here])
            for module in sorted(inside):
                parent = module.rpartition(".")[0]  # importing a module runs its packages' __init__ first
                for step in (parent, module) if parent in known else (module,):
                    if step not in chains:
                        chains[step] = [*chains[here], step]
                        todo.append(step)
    return found


def test_the_core_imports_no_engine() -> None:
    """Checked over every module of the package, not a list: a new module is covered the day it is added."""
    known = modules()
    core = [name for name in known if is_core(name)]
    assert {"provenance", "provenance.pipeline", "provenance.sources.ingest", "provenance.export.export",
            "provenance.render.site", "provenance.analysis.analyze"} <= set(core)
    assert engines_reached() == {}


def test_the_check_sees_the_integrations_engines() -> None:
    """The same reading finds what the integrations import: the check is not vacuous."""
    known = modules()
    _, plugin = imports("provenance.integrations.mkdocs.plugin", known["provenance.integrations.mkdocs.plugin"], known)
    _, citations = imports("provenance.integrations.markdown.citations", known["provenance.integrations.markdown.citations"], known)
    assert "mkdocs" in plugin and "markdown" in citations


def test_exceptions_are_explained_and_lazy() -> None:
    """Each exception names a core module that does import the engine, says why, and imports it only
    inside a function."""
    known = modules()
    for (module, engine), why in EXCEPTIONS.items():
        assert module in known and is_core(module) and engine in ENGINES and why.strip(), (module, engine)
        assert engine in imports(module, known[module], known)[1], f"{module} no longer imports {engine}: drop the exception"
        top = ast.parse(known[module].read_text(encoding="utf-8")).body
        at_top = {a.name.split(".")[0] for n in top if isinstance(n, ast.Import) for a in n.names}
        at_top |= {(n.module or "").split(".")[0] for n in top if isinstance(n, ast.ImportFrom) and not n.level}
        assert engine not in at_top, f"{module} imports {engine} at its top: import it inside the function that needs it"


def test_importing_the_core_loads_no_engine() -> None:
    """The same at run time: every core module imported in a fresh interpreter, and ``import provenance``
    alone loads nothing but the package (its public names are imported when first used)."""
    core = [name for name in modules() if is_core(name)]
    code = (
        "import importlib, sys\n"
        "import provenance\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('provenance'))\n"
        "assert loaded == ['provenance'], loaded\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {sorted(ENGINES)!r})\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert run.returncode == 0, run.stdout + run.stderr
