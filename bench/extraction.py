"""How well `provenance add` extracts articles from real saved pages.

    python bench/extraction.py PAGES GROUND_TRUTH.json [--build] [--show N] [--only KEY ...]

PAGES is a folder of saved pages named ``KEY.html`` (or ``KEY.html.gz``); GROUND_TRUTH is a JSON
object ``{KEY: {"articleBody": "..."}}`` with the human-marked article body of each page (the
format of ScrapingHub's article-extraction benchmark). Each page is served from 127.0.0.1 and
added with ``provenance add URL --id ID`` into a temporary seeds folder, as an editor would;
the text it writes is scored against the article body with precision, recall and F1 over
4-word shingles (the benchmark's measure: words are ``\\w+`` runs, counts matter). It prints the
mean F1 over pages (and the benchmark's own F1 of mean precision and mean recall), how many
pages got a title, and which failed; ``--build`` then builds a site of all the sources with
``mkdocs build --strict``.

The pages are not part of the repository (they belong to their publishers).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from provenance.cli import commands as cli  # noqa: E402

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def score(true: str, predicted: str) -> tuple[float, float, float]:
    """Precision, recall and F1 over 4-word shingles (as ScrapingHub's evaluate.py counts them)."""
    a, b = shingles(true), shingles(predicted)
    keys = a.keys() | b.keys()
    tp = sum(min(a[k], b[k]) for k in keys)
    fp = sum(max(0, b[k] - a[k]) for k in keys)
    fn = sum(max(0, a[k] - b[k]) for k in keys)
    precision = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
    recall = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


class Quiet(SimpleHTTPRequestHandler):
    extensions_map = {".html": "text/html", "": "application/octet-stream"}  # noqa: RUF012 (as http.server declares it)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("truth", type=Path)
    parser.add_argument("--build", action="store_true", help="build the site of all the sources with --strict")
    parser.add_argument("--show", type=int, default=10, help="list the N pages with the lowest F1")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    keys = sorted(args.only or truth)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        served, seeds = work / "pages", work / "project" / "seeds"
        served.mkdir()
        seeds.mkdir(parents=True)
        for key in keys:
            plain, zipped = args.pages / f"{key}.html", args.pages / f"{key}.html.gz"
            data = plain.read_bytes() if plain.exists() else gzip.decompress(zipped.read_bytes())
            (served / f"{key}.html").write_bytes(data)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows, failures, titled = [], [], 0
        started = time.perf_counter()
        for n, key in enumerate(keys):
            source_id = f"p{n:03d}"
            err = io.StringIO()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                code = cli.main(["add", f"{base}{key}.html", "--id", source_id, "--seeds", str(seeds), "--no-original"])
            if code != 0:
                failures.append((key, err.getvalue().strip()))
                rows.append((0.0, 0.0, 0.0, key))
                continue
            text = (seeds / f"{source_id}.txt").read_text(encoding="utf-8")
            sidecar = (seeds / f"{source_id}.yml").read_text(encoding="utf-8")
            titled += bool(re.search(r'^title: "\S', sidecar, re.M))
            rows.append((*score(truth[key].get("articleBody", ""), text), key))
        elapsed = time.perf_counter() - started
        server.shutdown()
        precision = statistics.mean(r[0] for r in rows)
        recall = statistics.mean(r[1] for r in rows)
        print(f"pages: {len(keys)}, failed: {len(failures)}, with a title: {titled}, {elapsed:.1f} s")
        print(f"mean F1 over pages: {statistics.mean(r[2] for r in rows):.4f}")
        print(f"mean precision {precision:.4f}, mean recall {recall:.4f}, benchmark F1 {2 * precision * recall / (precision + recall):.4f}")
        for key, message in failures:
            print(f"FAILED {key}: {message}")
        for p, r, f, key in sorted(rows, key=lambda row: row[2])[: args.show]:
            print(f"  F1 {f:.3f}  P {p:.3f}  R {r:.3f}  {key}")
        if args.build:
            return build(work / "project")
    return 0


def build(project: Path) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Sources\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Extraction benchmark\nsite_url: http://127.0.0.1/\ntheme: {name: material, features: [content.footnote.tooltips]}\n"
        "plugins: [search, provenance]\nmarkdown_extensions: [footnotes, attr_list, md_in_html]\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    try:
        mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True))
    except Abort as exc:
        print(f"mkdocs build --strict FAILED: {exc}")
        return 1
    print(f"mkdocs build --strict: ok, {len(list((project / 'seeds').glob('*.txt')))} sources in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
