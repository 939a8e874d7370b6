"""The theme corrections (theming.py, theme/) against the oldest and the newest Material the project supports.

The corrections are exact-string fixes of Material's templates: a release that rewrites a template
line would silently undo one. ``.ci/setup`` fetches both ends of pyproject.toml's range as wheels
into ``.ci/material/``; each is unpacked here and put ahead of the installed Material for a real build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from provenance.integrations.mkdocs.theming import FIXES, fix_template

from .conftest import ROOT
from .test_theming import Tags

pytestmark = [pytest.mark.slow, pytest.mark.material]
WHEELS = ROOT / ".ci" / "material"
TEMPLATES = ("base.html", "partials/nav-item.html", "partials/search.html")


def supported() -> SpecifierSet:
    found = re.search(r'^\s*"mkdocs-material([^"]+)",', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert found, "pyproject.toml names no range of mkdocs-material"
    return SpecifierSet(found.group(1))


def wheels() -> dict[Version, Path]:
    found = {Version(p.name.split("-")[1]): p for p in WHEELS.glob("mkdocs_material-*.whl")}
    if len(found) < 2:
        message = f"the oldest and newest supported Material are not in {WHEELS} (run .ci/setup)"
        if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):  # CI: everything .ci/setup installs must be there
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module", params=["oldest", "newest"])
def material(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Version, Path]:
    """(version, folder holding that version's ``material`` package)."""
    found = wheels()
    version = min(found) if request.param == "oldest" else max(found)
    folder = tmp_path_factory.mktemp(f"material-{version}")
    with zipfile.ZipFile(found[version]) as wheel:
        wheel.extractall(folder)
    return version, folder


def test_the_wheels_are_the_ends_of_the_supported_range() -> None:
    found = wheels()
    spec = supported()
    assert all(v in spec for v in found), (spec, sorted(found))
    lower = next(s.version for s in spec if s.operator == ">=")
    assert min(found) == Version(lower), "the oldest wheel is the range's lower bound"


def test_each_fix_finds_its_text(material: tuple[Version, Path]) -> None:
    version, folder = material
    templates = {name: (folder / "material" / "templates" / name).read_text(encoding="utf-8") for name in TEMPLATES}
    for target, pattern, _ in FIXES:
        names = templates if target == "*" else [target]
        assert any(pattern.search(templates[name]) for name in names), f"Material {version}: {pattern.pattern}"
    assert 'autocomplete="off"' not in re.sub(r"<input\b[^>]*>", lambda m: fix_template("base.html", m.group()), templates["base.html"])


def test_a_site_built_with_it_carries_every_fix(material: tuple[Version, Path], tmp_path: Path) -> None:
    version, folder = material
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "lake.txt").write_text("Lake Levels Fall\n\nBy Sam Okoro\n\nThe lake fell by two metres this summer.\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text('---\ndescription: He said "hi"\n---\n\n# Home\n\n## Part\n\nA claim.[^1]\n\n[^1]: A note.\n', encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1/\ntheme:\n  name: material\n  font: false\n"
        "  features: [content.footnote.tooltips, navigation.sections]\n"
        "plugins:\n  - search\n  - provenance\nmarkdown_extensions: [footnotes, toc]\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(folder), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert f'content="mkdocs-1.6.1, mkdocs-material-{version}"' in html, "built with another Material"
    tags = Tags()
    tags.feed(html)
    assert all("autocomplete" not in i for i in tags.found["input"] if i.get("type") == "checkbox")
    assert all(a.get("tabindex") != "" for tag in tags.found.values() for a in tag)
    assert '<meta name="description" content="He said &#34;hi&#34;">' in html
    assert {"class": "md-search", "data-md-component": "search", "role": "dialog", "aria-label": "Search"} in tags.found["div"]
    # theme/main.html: Open Graph tags and the script that shows the notes, in Material's blocks.
    assert '<meta property="og:description" content="He said &#34;hi&#34;">' in html
    assert 'src="assets/provenance/provenance.js"' in html and '"provenance.footnote.tooltips"' in html
