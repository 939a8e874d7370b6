"""Comments and docstrings of the package point at things that exist: the modules, functions and data
they name (``:mod:`.fetch```) and the repository's files they send a reader to (``docs/editing.md``)."""

from __future__ import annotations

import importlib
import inspect
import io
import re
import tokenize
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "provenance"
ROLE = re.compile(r":(?:mod|func|class|data|attr|meth):`~?(\.*[\w.]+)`")
REPO_PATH = re.compile(r"(?<![\w/.-])((?:plugins|tests|docs|bench|\.ci|\.github)/[\w./-]*[\w-])")


def prose(path: Path) -> list[tuple[int, str]]:
    """(line, text) of the comments and string literals of a module: where a reader is sent elsewhere."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type in (tokenize.COMMENT, tokenize.STRING):
            found.append((token.start[0], token.string))
    return found


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolves(name: str, here: str, package: bool) -> bool:
    if name.startswith("."):
        base = here if package else here.rsplit(".", 1)[0]
        dots = len(name) - len(name.lstrip("."))
        for _ in range(dots - 1):
            base = base.rsplit(".", 1)[0]
        candidates = [f"{base}.{name.lstrip('.')}"]
    else:
        candidates = [name, f"{here}.{name}", f"{here.rsplit('.', 1)[0]}.{name}"]
    for candidate in candidates:
        parts = candidate.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                module = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            target = module
            try:
                for attribute in parts[cut:]:
                    target = getattr(target, attribute)
            except AttributeError:
                if cut < len(parts) - 1:  # Class.attribute of an instance: a dataclass field, or set in __init__
                    owner = module
                    try:
                        for attribute in parts[cut:-1]:
                            owner = getattr(owner, attribute)
                    except AttributeError:
                        break
                    if parts[-1] in getattr(owner, "__annotations__", {}):
                        return True
                    if inspect.isclass(owner) and re.search(rf"self\.{parts[-1]}\b\s*[:=]", inspect.getsource(owner)):  # set in __init__
                        return True
                break
            return True
    return False


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_references_in_comments_and_docstrings_exist(path: Path) -> None:
    here = module_of(path)
    missing = []
    for line, text in prose(path):
        for name in ROLE.findall(text):
            if not resolves(name, here, path.name == "__init__.py"):
                missing.append(f"{line}: {name}")
        for target in REPO_PATH.findall(text):
            if not (ROOT / target).exists():
                missing.append(f"{line}: {target}")
    assert missing == [], f"{path.relative_to(ROOT)} points at what does not exist"
