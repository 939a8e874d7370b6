"""The package's layout: old module names still import (existing mkdocs.yml files name them), the public
interface is one table, and the entry points name modules that exist."""

from __future__ import annotations

import importlib
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import markdown
import pytest

import provenance


@pytest.mark.parametrize(("old", "new"), sorted(provenance.MOVED.items()))
def test_moved_modules_import_under_their_old_names(old: str, new: str) -> None:
    assert importlib.import_module(old) is importlib.import_module(new)


def test_old_names_are_not_modules_of_their_own() -> None:
    """An old name is only an alias: no file is left at the old place to drift apart from the new one."""
    package = Path(provenance.__file__).parent
    for old in provenance.MOVED:
        rest = old.split(".")[1:]
        assert not package.joinpath(*rest).with_suffix(".py").exists(), old


def test_the_citation_extension_by_its_old_name() -> None:
    """``markdown_extensions: [provenance.citations_md]``, as sites wrote it before the move (and still do)."""
    code = (
        "import markdown, provenance.integrations.markdown.citations as c\n"
        "md = markdown.Markdown(extensions=['provenance.citations_md'])\n"
        "assert any(isinstance(e, c.CitationExtension) for e in md.registeredExtensions), md.registeredExtensions\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert run.returncode == 0, run.stderr
    assert markdown  # imported here too, so that a missing Python-Markdown fails at collection


@pytest.mark.parametrize("name", provenance.__all__)
def test_the_public_interface_resolves(name: str) -> None:
    assert getattr(provenance, name) is not None
    assert name in dir(provenance)


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        provenance.no_such_name  # noqa: B018


def test_entry_points_name_what_exists() -> None:
    dist = metadata.distribution("provenance-mkdocs")
    wanted = {"mkdocs.plugins", "properdocs.plugins", "console_scripts"}
    found = [e for e in dist.entry_points if e.group in wanted]
    assert {e.group for e in found} == wanted
    for entry in found:
        assert entry.load() is not None, entry


def test_python_dash_m() -> None:
    for module in ("provenance.cli", "provenance.cli.commands"):
        run = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, cwd=Path(__file__).parent)
        assert run.returncode == 0 and provenance.__version__ in run.stdout + run.stderr, (module, run.stderr)


def test_the_package_itself_uses_the_new_names() -> None:
    """The old names are for sites and older installs: the package's own imports name the modules where they are."""
    import ast

    package = Path(provenance.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        here = ".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                names = [module, *(f"{module}.{a.name}" for a in node.names)]
            found += [f"{path.relative_to(package)}:{node.lineno}: {n}" for n in names if n in provenance.MOVED]
    assert found == []
