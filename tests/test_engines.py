"""One core, any engine (docs/engines.md): the repository's site from MkDocs, ProperDocs and Zensical.

- ProperDocs runs the plugin: its site equals MkDocs' byte for byte, apart from the generator tag.
- Zensical runs no plugins: ``provenance pages`` writes the generated pages and exports into docs/ and
  the citation extension resolves citations itself. Its site passes the reader's checks: every source
  page with every claim footnoted, the analysis pages, every citation resolved, valid links and anchors,
  the exports; and every page says what MkDocs' page says.

Each engine builds a copy of the project in tmp_path, never the checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from provenance.render.analysis_pages import PAGES

from .browser import serve
from .conftest import copy_repo_project
from .test_subpath import broken, check_anchors, check_links

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
FIXED_TIME = {"SOURCE_DATE_EPOCH": "1700000000"}  # the sitemap's dates: two builds, the same bytes
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def engine(name: str) -> str:
    tool = BIN / name
    if not tool.exists():
        if name == "zensical" and sys.version_info < (3, 11):
            pytest.skip("Zensical needs Python 3.11 or newer")
        pytest.fail(f"{tool} is missing: run .ci/setup (the test extra installs it)")
    return str(tool)


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_plugin_is_registered_for_mkdocs_and_properdocs() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = [e.value for e in entry_points(group=group) if e.name == "provenance"]
        assert found == ["provenance.integrations.mkdocs.plugin:ProvenancePlugin"], group


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    root = copy_repo_project(tmp_path / "project")
    run([engine("mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "mkdocs")], root, **FIXED_TIME)
    run([engine("properdocs"), "build", "--strict", "--site-dir", str(tmp_path / "properdocs")], root, **FIXED_TIME)
    mkdocs, properdocs = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert mkdocs.keys() == properdocs.keys()
    assert "sources/index.html" in mkdocs and "provenance.json" in mkdocs
    differ = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert differ and all(name.endswith(".html") for name in differ)
    assert b'content="mkdocs-ProperDocs ' in properdocs["index.html"]
    assert [name for name in differ if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])] == []


# --- Zensical


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory):
    """(the Zensical site, the MkDocs site of the same project, the address the Zensical site is served at)."""
    zensical = engine("zensical")
    tmp = tmp_path_factory.mktemp("zensical")
    root = copy_repo_project(tmp / "project")
    site = root / "site"  # Zensical keeps its site inside the project
    site.mkdir()
    with serve(site) as url:
        pages = run([sys.executable, "-m", "provenance.cli", "pages"], root, SITE_URL=url)
        assert "extra_css does not list" not in pages.stderr and "does not list 'provenance.citations_md'" not in pages.stderr
        run([zensical, "build", "--clean", "--strict", "-f", "mkdocs.yml"], root, SITE_URL=url)
        # MkDocs, from the same docs folder: the plugin leaves out what `provenance pages` wrote.
        run([engine("mkdocs"), "build", "--strict", "--site-dir", str(tmp / "mkdocs")], root, SITE_URL=url)
        yield site, tmp / "mkdocs", url


def article(html: str) -> str:
    """A page's content, whitespace between tags aside, without Zensical's skip-link target."""
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>\s*</div>', html, re.S)
    assert found, "no content"
    content = found.group(1).replace('<a id="__skip" tabindex="-1"></a>', "")
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", content)).strip()


def outside_code(html: str) -> str:
    return re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)


def test_zensical_shows_every_source_with_every_claim_footnoted(zensical_site) -> None:
    site, _, _ = zensical_site
    document = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    assert document["sources"] and document["claims"]
    for source in document["sources"]:
        html = (site / source["page"] / "index.html").read_text(encoding="utf-8")
        claims = [c for c in document["claims"] if c["source"] == source["id"]]
        assert claims
        for claim in claims:
            sentence = claim["sentence"]
            assert f'id="fnref:{sentence}"' in html and f'<li id="fn:{sentence}">' in html, (source["id"], sentence)
    listing = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{s['id']}</code>" in listing for s in document["sources"])


def test_zensical_builds_the_analysis_pages(zensical_site) -> None:
    site, _, _ = zensical_site
    for page in PAGES:
        html = (site / "analysis" / page.name / "index.html").read_text(encoding="utf-8")
        assert f"<title>{page.title} - " in html and f'<meta name="description" content="{page.description}">' in html.replace("&#39;", "'")
        assert f'<h1 id="{ {"contested": "contested-points", "matrix": "claims-matrix"}.get(page.name, page.name) }">' in html


def test_zensical_resolves_every_citation(zensical_site) -> None:
    site, mkdocs, _ = zensical_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    raw = [p.relative_to(site).as_posix() for p in pages if "[@" in outside_code(p.read_text(encoding="utf-8"))]
    assert raw == []
    home = (site / "index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<li id="fn:(cite-\d+)">', home)
    assert notes and notes == re.findall(r'<li id="fn:(cite-\d+)">', (mkdocs / "index.html").read_text(encoding="utf-8"))


def test_zensical_pages_say_what_mkdocs_pages_say(zensical_site) -> None:
    """The content of every generated page, and of every page that cites, notes included, is MkDocs' content.
    (Other hand-written pages differ where the engines' defaults differ, e.g. Zensical highlights code blocks.)"""
    site, mkdocs, _ = zensical_site
    compared = []
    for page in sorted(mkdocs.rglob("index.html")):
        name = page.relative_to(mkdocs).as_posix()
        if name.startswith(("sources/", "analysis/")) or 'id="fn:cite-' in page.read_text(encoding="utf-8"):
            assert article((site / name).read_text(encoding="utf-8")) == article(page.read_text(encoding="utf-8")), name
            compared.append(name)
    assert len(compared) >= 2 + len(PAGES) + 1


def test_zensical_links_and_anchors_are_valid(zensical_site, tmp_path: Path) -> None:
    site, _, url = zensical_site
    rows = check_links(tmp_path, url)
    assert not broken(rows), [(row["urlname"], row["parentname"], row["result"]) for row in broken(rows)][:20]
    checked = {row["url"] for row in rows if row.get("result", "").startswith("200")}
    assert any(u.endswith("assets/provenance/provenance.css") for u in checked)
    assert check_anchors(site, url) > 100


def test_zensical_publishes_the_exports(zensical_site) -> None:
    site, mkdocs, url = zensical_site
    for name in ("provenance.json", "annotations.jsonld", "assets/provenance/provenance.css"):
        assert (site / name).read_bytes() == (mkdocs / name).read_bytes(), name
    assert f'"id":"{url}annotations.jsonld"' in (site / "annotations.jsonld").read_text(encoding="utf-8")
    assert not (site / ".provenance-pages.json").exists()
