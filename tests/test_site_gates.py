"""The reader's site, checked on every page in Debian's Chromium and with the checkers CI installs.

- accessibility: axe-core finds nothing, in the light and the dark palette, also with a note open;
- validity: the Nu Html Checker finds no error;
- links: linkchecker finds every link and asset with the site served at the root, and every link
  to an anchor finds it (tests/test_subpath.py does the same under a sub-path);
- privacy: a browser session over every page, searching and opening notes, asks nothing of any
  origin but the site's;
- safety: a seed written to inject script builds, shows as text and runs nothing;
- metadata: a description, a canonical URL and Open Graph tags on every page, and a sitemap;
- page weight and requests within budget; Lighthouse's accessibility, best practices and SEO at
  100, and nothing from another origin (home, the largest source page, the contested points).

Only what does not depend on the machine's load is a test here: Lighthouse's performance score and
its timings are measured by bench/lighthouse.py (numbers in bench/README.md).

The site is the session's build of the repository's site (conftest's ``repo_site``), served gzipped
as static hosts serve it. Measurements go to $PROVENANCE_ARTIFACTS/gates/ (CI uploads them) or to
the session's temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .browser import ARGS, CHROMIUM, UI_WAIT, serve
from .conftest import ROOT, Project, RepoSite
from .hostile import HOSTILE, HOSTILE_SIDECAR
from .test_subpath import broken, check_anchors, check_links

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NODE_TOOLS = ROOT / ".ci" / "node" / "node_modules"
VNU_JAR = NODE_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_TOOLS / "lighthouse" / "cli" / "index.js"
PAGE_WEIGHT_BUDGET = 200_000  # bytes transferred, gzipped, cold cache (about 120 KB today: bench/README.md)
REQUEST_BUDGET = 12  # requests of a cold load, the search index included (9 today): Material's and ours, nothing more


def require(found: object, message: str) -> None:
    """A missing checker fails the run in CI (PROVENANCE_REQUIRE_BROWSER=1) and skips elsewhere."""
    if found:
        return
    message += ": run .ci/setup"
    if os.environ.get("PROVENANCE_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def record(artifacts) -> Callable[[str, object], None]:
    """Write a measurement to the gates' artifacts, as JSON."""

    def write(name: str, data: object) -> None:
        (artifacts("gates") / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    return write


def page_paths(site: Path) -> list[str]:
    """Every page, as a path relative to the site's address ("" for the home page)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
    return paths


def largest_source_page(site: Path) -> str:
    data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
    return max(data["sources"], key=lambda s: len(s["sentences"]))["page"]


@pytest.fixture
def served(repo_site: RepoSite) -> tuple[Path, str]:
    return repo_site.site, repo_site.url


# Accessibility


def axe_violations(page) -> list[dict]:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        require(False, "axe-playwright-python not installed")

    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:200] for n in v["nodes"]][:5], "count": len(v["nodes"])}
        for v in Axe().run(page).response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_page(served, browser, record, scheme: str) -> None:
    site, url = served
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[dict]] = {}
    for path in page_paths(site):
        page.goto(url + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default"), path
        found[path] = axe_violations(page)
    # With a note open in place (the tooltip is a dialog, added to the page).
    source = largest_source_page(site)
    page.goto(url + source)
    page.locator("a.footnote-ref").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=UI_WAIT)
    page.wait_for_function("getComputedStyle(document.querySelector('.md-tooltip2--active')).opacity === '1'")  # faded in
    found[source + " (note open)"] = axe_violations(page)
    context.close()
    # Notes in the margin of a wide screen (one unfolded), and a note opened in the text on a phone.
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.goto(url + source)
    page.locator(".pv-sidenote summary").first.click()
    page.locator(".pv-sidenote").nth(1).hover()
    found[source + " (notes in the margin)"] = axe_violations(page)
    context.close()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(url + source)
    page.locator("a.footnote-ref").first.tap()
    page.locator(".pv-inline-note summary").tap()
    found[source + " (phone, note open in the text)"] = axe_violations(page)
    context.close()
    record(f"axe-{scheme}", {"pages": len(found), "violations": found})
    assert not any(found.values()), {p: v for p, v in found.items() if v}


# Validity


def vnu_errors(site: Path) -> list[dict]:
    java = shutil.which("java")
    require(java, "java not found (Debian default-jre-headless)")
    require(VNU_JAR.exists(), f"{VNU_JAR.relative_to(ROOT)} not found (npm vnu-jar, in .ci/node)")
    done = subprocess.run(
        [str(java), "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return [{"file": m.get("url", "").rsplit(str(site), 1)[-1], "line": m.get("lastLine"), "message": m.get("message")} for m in messages]


def test_every_page_is_valid_html(served, record) -> None:
    site, _ = served
    errors = vnu_errors(site)
    record("vnu", {"pages": len(page_paths(site)), "errors": errors})
    assert not errors, errors[:20]


# Links


def test_every_link_and_asset_works_at_the_root(served, tmp_path: Path) -> None:
    site, url = served
    rows = check_links(tmp_path, url, url + "404.html")
    assert not broken(rows), [(row["urlname"], row["parentname"], row["result"]) for row in broken(rows)][:20]
    checked = {row["url"] for row in rows if row.get("result", "").startswith("200")}
    pages = {url + p for p in page_paths(site)}
    assert pages <= checked, sorted(pages - checked)


def test_every_link_to_an_anchor_finds_it_at_the_root(served) -> None:
    site, url = served
    checked = check_anchors(site, url)
    assert checked > 100


# Privacy


def test_no_request_leaves_the_site(served, browser, record) -> None:
    site, url = served
    origin = url.rstrip("/")
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    for path in page_paths(site):
        page.goto(url + path, wait_until="networkidle")
    page.goto(url + largest_source_page(site), wait_until="networkidle")
    page.locator("a.footnote-ref").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=UI_WAIT)
    page.locator("label.md-header__button[for='__palette_1']").click()  # the palette switch
    page.locator("input.md-search__input").click()
    page.keyboard.type("cable")  # Material searches on key presses
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=UI_WAIT)
    page.wait_for_load_state("networkidle")
    context.close()
    foreign = sorted({u for u in requests if not (u.startswith(origin + "/") or u.startswith(("data:", "blob:")))})
    record("requests", {"requests": len(requests), "foreign": foreign})
    assert any(u.endswith("search_index.json") for u in requests)  # the session did load everything
    assert not foreign
    assert not errors


# Safety


def test_a_hostile_seed_builds_shows_as_text_and_runs_nothing(project: Project, browser) -> None:
    project.add_source("evil.txt", HOSTILE, HOSTILE_SIDECAR)
    site = project.build(strict=True)
    assert not vnu_errors(site)
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in page_paths(site):
            page.goto(url + path, wait_until="networkidle")
            for mark in page.locator("a.footnote-ref").all()[:10]:
                mark.hover()  # opens the note in place, copied from the list of notes
                page.wait_for_timeout(150)
            assert page.locator("article script, [onerror], [onclick], [onmouseover], a[href^='javascript:' i]").count() == 0, path
        page.goto(url + "sources/hostile/", wait_until="networkidle")
        text = page.locator("article.pv-source").inner_text()
        for shown in ("<script>alert('title')</script>", "<b onmouseover=alert(1)>Eve</b>", "<img src=x onerror=alert(1)>", "{{ config.site_name }}"):
            assert shown in text, shown
        assert "<script>alert('pub')</script>" in page.locator(".pv-meta").inner_text()
        page.locator("input.md-search__input").click()
        page.keyboard.type("footnote")  # Material searches on key presses
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=UI_WAIT)
        page.wait_for_timeout(300)
        context.close()
    assert not dialogs and not errors, (dialogs, errors)
    assert not [u for u in requests if urlsplit(u).path.endswith("/x")]  # <img src=x> stayed text


# Metadata


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and (values.get("name") or values.get("property")):
            self.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")


def test_every_page_has_a_description_a_canonical_url_and_open_graph_tags(served) -> None:
    site, url = served
    descriptions = {}
    for path in page_paths(site):
        head = Head()
        file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        head.feed(file.read_text(encoding="utf-8"))
        for key in ("description", "og:title", "og:description", "og:type", "og:site_name"):
            assert head.meta.get(key, "").strip(), f"{path}: no {key}"
        if path != "404.html":
            assert head.canonical == url + path, path
            assert head.meta.get("og:url") == url + path, path
        descriptions[path] = head.meta["description"]
    # Generated pages describe themselves, not the site.
    pages = ("", "analysis/contested/", "analysis/overview/", "sources/", largest_source_page(site))
    assert len({descriptions[p] for p in pages}) == len(pages), {p: descriptions[p] for p in pages}
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in page_paths(site):
        if path != "404.html":
            assert f"<loc>{url + path}</loc>" in sitemap, path


class Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.labels: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        mark = next((c for c in classes if c.startswith("pv-mark-")), None) if "pv-mark" in classes else None
        if tag == "span":
            self.open.append(mark)
            if mark:
                self.labels.setdefault(mark, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        mark = next((m for m in reversed(self.open) if m), None)
        if mark:
            self.labels[mark][-1] += data


def test_marks_carry_text_labels_and_the_home_page_explains_each(served) -> None:
    """Every mark has a label, and says in words whether an editor reviewed it or it is automatic."""
    site, _ = served
    counts = {"reviewed": 0, "automatic": 0}
    for path in page_paths(site):
        file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        marks = Marks()
        marks.feed(file.read_text(encoding="utf-8"))
        for mark, labels in marks.labels.items():
            assert all(label.strip() for label in labels), (path, mark)
            for label in labels:
                state = label.rsplit(" · ", 1)[-1]
                assert " · " in label and state in counts, (path, mark, label)
                counts[state] += 1
    assert counts["reviewed"] and counts["automatic"], counts  # the cypher site's reviewed points show as reviewed
    legend = Marks()
    legend.feed((site / "index.html").read_text(encoding="utf-8"))
    for mark in ("corroborated", "single-source", "contested", "hedged"):
        assert legend.labels.get(f"pv-mark-{mark}"), mark


# Page weight, requests and Lighthouse

SEARCH_INDEX = "search/search_index.json"  # fetched by Material's search worker after the page has loaded


def transferred(browser, address: str) -> dict[str, int]:
    """Bytes transferred (headers and bodies) by a cold load of a page, per request, the search index
    included (waited for, so that the count does not depend on how fast the machine is)."""
    context = browser.new_context()
    sizes: dict[str, int] = {}

    def finished(request) -> None:
        size = request.sizes()
        body = size["responseBodySize"]
        if body <= 0:  # a worker's script: Chromium reports no size, the header does
            response = request.response()
            body = int((response.headers if response else {}).get("content-length", 0))
        sizes[request.url] = body + size["responseHeadersSize"]

    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(address, wait_until="networkidle")
    waited = 0
    while not any(u.endswith(SEARCH_INDEX) for u in sizes) and waited < UI_WAIT:
        page.wait_for_timeout(100)
        waited += 100
    page.wait_for_load_state("networkidle")
    context.close()
    assert any(u.endswith(SEARCH_INDEX) for u in sizes), sorted(sizes)
    return sizes


def test_page_weight_and_requests(served, browser, record) -> None:
    site, url = served
    report = {}
    with serve(site) as plain:
        for name, path in (("home", ""), ("largest source page", largest_source_page(site))):
            gz = transferred(browser, url + path)
            raw = transferred(browser, plain + path)
            report[name] = {
                "path": path,
                "gzip": sum(gz.values()),
                "uncompressed": sum(raw.values()),
                "requests": len(gz),
                "by_request": {u.removeprefix(url): n for u, n in sorted(gz.items(), key=lambda item: -item[1])},
                "by_request_uncompressed": {u.removeprefix(plain): n for u, n in sorted(raw.items(), key=lambda item: -item[1])},
            }
    record("page-weight", report)
    for name, weight in report.items():
        assert weight["gzip"] < PAGE_WEIGHT_BUDGET, (name, weight)
        assert weight["requests"] <= REQUEST_BUDGET, (name, weight["by_request"])


def lighthouse(address: str, output: Path) -> dict:
    """Lighthouse's report on a page, in its default (mobile) configuration."""
    node = shutil.which("node")
    require(node, "node not found (Debian nodejs)")
    require(LIGHTHOUSE.exists(), f"{LIGHTHOUSE.relative_to(ROOT)} not found (npm lighthouse, in .ci/node)")
    flags = " ".join(["--headless=new", *ARGS])
    done = subprocess.run(
        [str(node), str(LIGHTHOUSE), address, "--quiet", "--output=json", f"--output-path={output}", f"--chrome-flags={flags}"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(output.read_text(encoding="utf-8"))


DETERMINISTIC = ("accessibility", "best-practices", "seo")  # the performance score and timings vary with load: bench/lighthouse.py


def lighthouse_pages(site: Path) -> dict[str, str]:
    return {"home": "", "source": largest_source_page(site), "contested": "analysis/contested/"}


@pytest.mark.parametrize("name", ["home", "source", "contested"])
def test_lighthouse_mobile(served, record, artifacts, name: str, tmp_path: Path) -> None:
    """Accessibility, best practices and SEO at 100, and no request (render-blocking or not) to another
    origin. One run is enough: none of these depends on timing."""
    site, url = served
    path = lighthouse_pages(site)[name]
    report = lighthouse(url + path, artifacts("gates") / f"lighthouse-{name}.json")
    scores = {key: round((category["score"] or 0) * 100) for key, category in report["categories"].items()}
    failing = sorted(
        ref["id"]
        for category in report["categories"].values()
        if category["id"] in DETERMINISTIC
        for ref in category["auditRefs"]
        if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
    )
    origin = url.rstrip("/")
    requests = [item["url"] for item in report["audits"]["network-requests"]["details"]["items"]]
    blocking = [item["url"] for item in (report["audits"]["render-blocking-resources"].get("details") or {}).get("items", [])]
    foreign = sorted({u for u in requests + blocking if not u.startswith((origin + "/", "data:", "blob:"))})
    record(f"lighthouse-{name}-scores", {"path": path, "scores": scores, "failing": failing, "render_blocking": blocking, "requests": len(requests)})
    assert requests, "Lighthouse saw no request"
    assert {category: scores[category] for category in DETERMINISTIC} == dict.fromkeys(DETERMINISTIC, 100), failing
    assert not foreign, foreign
