"""Benchmark: rebuilds that reuse work, next to plain Material building the same texts, in one run.

Usage: python bench/incremental.py [N] [--csv PATH] [--no-serve]   (default N: 100)

Writes N real news articles (``bench/corpus.py`` ``make_real``: the Fake News Challenge's training bodies,
read at run time from ``--csv``, by default ``../shared/eval/fnc-train-bodies.csv``) as the seeds of a
plugin site, and the same texts as the Markdown pages of a plain Material site (auto-generated nav,
``font: false``, search on). Then, each build in a fresh process (its own peak memory):

- plain Material, before and after the plugin's builds (its time is their mean: the machine's load varies);
- the plugin: cold (no cache), nothing changed, one source edited;
- where the time of each build goes: Jinja template rendering (Material's ``main.html``, with the
  sidebar, on every page), Markdown, the provenance plugin's own events, the search plugin's, the rest;
- unless ``--no-serve``: ``mkdocs serve`` for each site, one source edited, the time until the served
  page shows the edit.

Prints a Markdown table; the numbers at 1,000 sources are in bench/README.md.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import PLAIN_YML, PLUGIN_YML  # noqa: E402

EDIT = "The harbour office confirmed on Tuesday that the inquiry would reopen in June, marker {marker}."


# --- In the child process: one build, timed by part -------------------------------------------------------------


def _timed(owner: type, name: str, totals: dict[str, float], bucket: str) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)  # keeps the method's `mkdocs_priority`, which orders a combined event's methods
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[bucket] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def child(folder: str) -> None:
    """Build the site in ``folder`` and print its time, peak memory and where the time went (JSON)."""
    import jinja2
    from material.plugins.search.plugin import SearchPlugin  # what `- search` loads under Material
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    from provenance.integrations.mkdocs.plugin import ProvenancePlugin

    totals = {"templates": 0.0, "markdown": 0.0, "provenance": 0.0, "search": 0.0}
    _timed(jinja2.Template, "render", totals, "templates")
    _timed(Page, "render", totals, "markdown")  # Markdown to HTML, extensions included (the citation extension's too)
    from mkdocs.plugins import CombinedEvent

    for plugin, bucket in ((ProvenancePlugin, "provenance"), (SearchPlugin, "search")):
        for name in [n for n in dir(plugin) if n.startswith("on_")]:
            event = getattr(plugin, name)
            if isinstance(event, CombinedEvent):  # several methods for one event: time each
                for method in event.methods:
                    _timed(plugin, method.__name__, totals, bucket)
                setattr(plugin, name, CombinedEvent(*(getattr(plugin, m.__name__) for m in event.methods)))
            elif callable(event):
                _timed(plugin, name, totals, bucket)
    root = Path(folder)
    start = time.perf_counter()
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    seconds = time.perf_counter() - start
    index = root / "site" / "search" / "search_index.json"
    totals["rest"] = seconds - sum(totals.values())  # MkDocs itself: reading, nav, URLs, writing files, copying assets
    print(json.dumps({
        "seconds": round(seconds, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "search_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else None,
        **{k: round(v, 2) for k, v in totals.items()},
    }))


def measure(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True, check=False,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if out.returncode:
        raise SystemExit(f"build of {folder} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- mkdocs serve: time from an edit to the served page showing it ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a local server this script started)
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_latency(root: Path, page: str, edit: Path, limit: float = 3600) -> dict:
    """Start ``mkdocs serve`` in ``root``, wait for its first build, edit ``edit`` and time until ``page`` shows it."""
    port = _free_port()
    log = (root / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root, stdout=log,
                               stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        started = time.perf_counter()
        while "Article" not in _get(url):
            if process.poll() is not None or time.perf_counter() - started > limit:
                raise SystemExit(f"mkdocs serve in {root} did not start; see {root / 'serve.log'}")
            time.sleep(0.5)
        first = time.perf_counter() - started
        time.sleep(2)  # let the watcher settle
        marker = f"m{int(time.time())}"
        text = edit.read_text(encoding="utf-8")
        edit.write_text(text.rstrip("\n") + "\n\n" + EDIT.format(marker=marker) + "\n", encoding="utf-8")
        edited = time.perf_counter()
        while marker not in _get(url):
            if time.perf_counter() - edited > limit:
                raise SystemExit(f"the edit never showed in {root}; see {root / 'serve.log'}")
            time.sleep(0.2)
        return {"first_build": round(first, 1), "edit_shown": round(time.perf_counter() - edited, 2)}
    finally:
        process.terminate()
        process.wait(30)
        log.close()


# --- The run ------------------------------------------------------------------------------------------------------


def write_sites(n: int, base: Path, csv_path: Path) -> tuple[Path, Path]:
    from corpus import make_real

    plugin, plain = base / "plugin", base / "plain"
    for site, yml in ((plugin, PLUGIN_YML), (plain, PLAIN_YML)):
        (site / "docs").mkdir(parents=True)
        (site / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
        (site / "mkdocs.yml").write_text(yml, encoding="utf-8")
    paths = make_real(n, plugin / "seeds", csv_path)
    for path in paths:  # the same texts as ordinary pages: the article's first line as its title
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        (plain / "docs" / f"{path.stem}.md").write_text(f"# {title}\n{body}", encoding="utf-8")
    return plugin, plain


def edit_one(path: Path, marker: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + EDIT.format(marker=marker) + "\n", encoding="utf-8")


def main(n: int, csv_path: Path, serve: bool) -> None:
    from corpus import REAL_BODIES

    csv_path = csv_path if csv_path.exists() else REAL_BODIES
    with tempfile.TemporaryDirectory() as tmp:
        plugin, plain = write_sites(n, Path(tmp), csv_path)
        middle = f"{n // 2:05d}"
        rows: dict[str, dict] = {}
        rows["plain (before)"] = measure(plain)
        rows["plugin cold"] = measure(plugin)
        rows["plugin nothing changed"] = measure(plugin)
        edit_one(plugin / "seeds" / f"{middle}.txt", "build")
        rows["plugin one edit"] = measure(plugin)
        rows["plain (after)"] = measure(plain)
        plain_s = statistics.mean([rows["plain (before)"]["seconds"], rows["plain (after)"]["seconds"]])
        print(f"{n} real articles ({csv_path.name}); plain Material {plain_s:.1f} s (mean of before and after)\n")
        print("| build | seconds | x plain | peak MB | templates s | Markdown s | provenance s | search s | rest s | search index MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in rows.items():
            print(f"| {name} | {r['seconds']} | {r['seconds'] / plain_s:.2f} | {r['peak_mb']} | {r['templates']} | {r['markdown']} "
                  f"| {r['provenance']} | {r['search']} | {r['rest']} | {r['search_mb']} |")
        if serve:
            shutil.rmtree(plugin / "site", ignore_errors=True)
            served_plain = serve_latency(plain, f"{middle}/", plain / "docs" / f"{middle}.md")
            served_plugin = serve_latency(plugin, f"sources/real-{middle}/", plugin / "seeds" / f"{middle}.txt")
            print("\n| mkdocs serve | first build s | edit shown after s | x plain edit |")
            print("|---|---:|---:|---:|")
            print(f"| plain | {served_plain['first_build']} | {served_plain['edit_shown']} | 1.00 |")
            print(f"| plugin | {served_plugin['first_build']} | {served_plugin['edit_shown']} "
                  f"| {served_plugin['edit_shown'] / served_plain['edit_shown']:.2f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        args = sys.argv[1:]
        csv_arg = Path(args[args.index("--csv") + 1]) if "--csv" in args else ROOT.parent / "shared" / "eval" / "fnc-train-bodies.csv"
        numbers = [int(a) for a in args if a.isdigit()]
        main(numbers[0] if numbers else 100, csv_arg, "--no-serve" not in args)
