"""Benchmark: Lighthouse's performance score and timings on the repository's site.

Usage: python bench/lighthouse.py [RUNS]   (default: 5 runs of each page)

Builds the repository's site from a copy of the project in a temporary folder, serves it on
127.0.0.1 gzipped as static hosts serve it, and runs Lighthouse (npm, installed in .ci/node by
.ci/setup; Debian's chromium) in its default (mobile: simulated slow 4G and a 4x slower CPU)
configuration, RUNS times on each of three pages: home, the largest source page and the contested
points. Prints a Markdown table (best, median and worst performance score, and the median of each
timing); paste it into bench/README.md.

These figures depend on the machine and on what else runs on it, which is why they are measured
here and not asserted in the tests (tests/test_site_gates.py keeps what does not depend on load:
accessibility, best practices and SEO at 100, page weight, requests, no request to another origin).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARGS, CHROMIUM, serve  # noqa: E402

LIGHTHOUSE = ROOT / ".ci" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "Speed Index",
}


def build(project: Path, site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=project, env=env, check=True)


def lighthouse(address: str, output: Path) -> dict:
    flags = " ".join(["--headless=new", *ARGS])
    subprocess.run(
        ["node", str(LIGHTHOUSE), address, "--quiet", "--only-categories=performance", "--output=json", f"--output-path={output}",
         f"--chrome-flags={flags}"],
        check=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    return json.loads(output.read_text(encoding="utf-8"))


def _shown(metric: str, value: float) -> str:
    if metric == "cumulative-layout-shift":
        return f"{value:.3f}"
    if metric == "total-blocking-time":
        return f"{value:.0f} ms"
    return f"{value / 1000:.2f} s"


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="provenance-lighthouse-") as tmp:
        top = Path(tmp)
        project = top / "project"
        project.mkdir()
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for folder in ("docs", "seeds"):
            shutil.copytree(ROOT / folder, project / folder)
        site = top / "site"
        site.mkdir()
        with serve(site, compress=True) as url:
            build(project, site, url)
            data = json.loads((site / "provenance.json").read_text(encoding="utf-8"))
            largest = max(data["sources"], key=lambda s: len(s["sentences"]))["page"]
            pages = {"home": "", f"largest source page (`{largest}`)": largest, "contested points": "analysis/contested/"}
            rows = []
            for name, path in pages.items():
                scores, timings = [], {key: [] for key in METRICS}
                for n in range(runs):
                    report = lighthouse(url + path, top / f"report-{n}.json")
                    scores.append(round(report["categories"]["performance"]["score"] * 100))
                    for key in METRICS:
                        timings[key].append(report["audits"][key]["numericValue"])
                    print(f"{name}: run {n + 1}: performance {scores[-1]}", file=sys.stderr)
                rows.append((name, scores, {key: statistics.median(values) for key, values in timings.items()}))
    print(f"| page | runs | performance best / median / worst | {' | '.join(METRICS.values())} |")
    print("|---|---:|---:|" + "---:|" * len(METRICS))
    for name, scores, medians in rows:
        cells = [_shown(key, medians[key]) for key in METRICS]
        print(f"| {name} | {len(scores)} | {max(scores)} / {statistics.median(scores):g} / {min(scores)} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
