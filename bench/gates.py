"""The reader's gates on a large site: everything the small site does still works at 1,000 sources.

Usage: python bench/gates.py [--sources N] [--sample K] [--synthetic] [--keep DIR]

Builds a site of N real articles (``bench/corpus.py``'s ``make_real``: the Fake News Challenge's
training bodies, read at run time from ../shared/eval, never copied here) or N synthetic ones, with
``mkdocs build --strict``, then checks, as tests/test_site_gates.py does on the repository's site:

- strict: the build reports no warning (``--strict`` fails on any);
- anchors: every link to an anchor, on every page, finds its page and its anchor;
- links: every internal link and asset of every page resolves to a file of the site;
- accessibility: axe-core finds no violation on a sample of pages (the home page, the sources index, the
  analysis pages, the largest source page and K source pages chosen at random with a fixed seed), in the
  light and the dark palette;
- page weight: the largest source page's HTML and the search index, in bytes (reported, not judged).

The build takes minutes at 1,000 sources on the project's 2-core machine, so this is a benchmark script,
not a test; it prints a Markdown summary for bench/README.md and exits 1 if a gate fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from corpus import PLUGIN_YML  # noqa: E402


def make_site(root: Path, sources: int, synthetic: bool) -> None:
    from corpus import make, make_real

    (make if synthetic else make_real)(sources, root / "seeds")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Large site\n\nThe sources and what they claim.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_url: https://example.org/large/\n" + PLUGIN_YML, encoding="utf-8")


def build(root: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{done.stderr[-4000:]}")
    return time.perf_counter() - start


def internal_links(site: Path, url: str) -> tuple[int, int, list[str]]:
    """Every internal link and asset, and every anchor, of every page: (links checked, anchors checked, problems)."""
    from tests.test_subpath import Links

    pages: dict[str, Links] = {}
    for path in site.rglob("*.html"):
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[url + path.relative_to(site).as_posix()] = parser
    links = anchors = 0
    problems: list[str] = []
    for page_url, parser in pages.items():
        for link in parser.links:
            target, fragment = urldefrag(urljoin(page_url, link))
            if not target.startswith(url):
                continue
            if target.endswith("/"):
                target += "index.html"
            rel = urlsplit(target).path[len(urlsplit(url).path):]
            links += 1
            if not (site / rel).is_file():
                problems.append(f"{page_url}: {link} (no such file)")
                continue
            if fragment and rel.endswith(".html"):
                anchors += 1
                if fragment not in pages[target].ids:
                    problems.append(f"{page_url}: {link} (no such anchor)")
    return links, anchors, problems


def sample_pages(site: Path, k: int) -> list[str]:
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    sources = [s["page"] for s in data["sources"]]
    largest = max(data["sources"], key=lambda s: len(s["sentences"]))["page"]
    fixed = ["", "sources/"] + [p.relative_to(site).parent.as_posix() + "/" for p in sorted((site / "analysis").glob("*/index.html"))]
    chosen = random.Random(7).sample(sorted(set(sources) - {largest}), min(k, len(sources) - 1))
    return [p for p in fixed if (site / p / "index.html").is_file()] + [largest] + chosen


def axe(site: Path, paths: list[str]) -> dict[str, list[str]]:
    from axe_playwright_python.sync_playwright import Axe
    from tests.browser import chromium, serve

    found: dict[str, list[str]] = {}
    with serve(site, "/large/") as url, chromium() as browser:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            for path in paths:
                page.goto(url + path)
                violations = Axe().run(page).response["violations"]
                if violations:
                    found[f"{path} ({scheme})"] = [f"{v['id']} ({len(v['nodes'])})" for v in violations]
            context.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=10, help="source pages checked with axe, besides the fixed ones")
    parser.add_argument("--synthetic", action="store_true", help="synthetic sources instead of real articles")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        make_site(root, args.sources, args.synthetic)
        seconds = build(root)
        site = root / "site"
        pages = len(list(site.rglob("*.html")))
        links, anchors, problems = internal_links(site, "https://example.org/large/")
        paths = sample_pages(site, args.sample)
        violations = axe(site, paths)
        largest = max((site / p / "index.html").stat().st_size for p in paths)
        index = site / "search" / "search_index.json"
        print("| sources | pages | build --strict | links | anchors | broken | axe pages (x2 palettes) | violations | largest page | search index |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {args.sources} | {pages} | {seconds:.0f} s | {links} | {anchors} | {len(problems)} | {len(paths)} | {len(violations)} | "
              f"{largest / 1e3:.0f} KB | {index.stat().st_size / 1e6 if index.exists() else 0:.1f} MB |")
        for line in problems[:20]:
            print("broken:", line, file=sys.stderr)
        for path, ids in violations.items():
            print("axe:", path, ", ".join(ids), file=sys.stderr)
        if problems or violations:
            sys.exit(1)


if __name__ == "__main__":
    main()
