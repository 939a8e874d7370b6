"""Benchmark at scale: the plugin's site next to plain Material building the same texts, in the same run.

Usage:
    python bench/scale.py [--sizes 100,1000] [--big] [--runs N] [--synthetic] [--profile] [--only cold,warm,edit,plain]

For each size, writes N sources (`corpus.make_real`: real news articles read at run time from
../shared/eval/fnc-train-bodies.csv, varied copies beyond its 1,683 bodies; or `corpus.make` with
--synthetic) and measures, each build in a fresh subprocess (peak memory = that process's max RSS):

- plugin, cold: `mkdocs build` of the plugin's site with an empty cache;
- plugin, warm: the same build again, nothing changed, cache present;
- plugin, edit: the same build after one source's text changed;
- plain: plain Material building the same texts as ordinary Markdown pages (auto nav, `theme: material`,
  `font: false`, search on, no plugin).

Reports seconds (best of --runs), the ratio to plain, peak memory and the size of
`search/search_index.json`. --profile runs cProfile over one cold and one warm plugin build and prints
the top cumulative entries and the share of time by group (sidebar/nav rendering, generated pages,
search indexing, analysis, other). Absolute times vary with the machine's load: compare the ratios,
measured side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import PLAIN_YML, PLUGIN_YML  # noqa: E402

# Where a profiled function's cumulative time is counted: the first group whose pattern is in
# "file:function" of a function on the stack (patterns tried in this order).
GROUPS = [
    ("analysis", ("provenance/pipeline.py:run",)),
    ("search indexing", ("search/plugin.py:on_page_context", "search/plugin.py:on_post_build",
                         "mkdocs/plugin.py:_page_for_search", "mkdocs/plugin.py:_page_shown")),
    ("generated pages", ("mkdocs/plugin.py:on_page_markdown", "mkdocs/plugin.py:on_page_content", "mkdocs/plugin.py:on_files")),
    ("sidebar/nav rendering", ("mkdocs/commands/build.py:_build_page",)),
]


def child(folder: str, profile_out: str) -> None:
    """One build in this process: print seconds and peak memory as JSON."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = Path(folder)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    start = time.perf_counter()
    if profile_out:
        import cProfile

        profiler = cProfile.Profile()
        profiler.runcall(build, config)
        profiler.dump_stats(profile_out)
    else:
        build(config)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index = root / "site" / "search" / "search_index.json"
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "index_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else 0}))


def measure(folder: Path, profile_out: str = "") -> dict:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), profile_out], capture_output=True, text=True, env=env)
    if out.returncode:
        sys.stderr.write(out.stderr[-4000:])
        raise SystemExit(f"build failed in {folder}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(folder: Path, runs: int, before=None) -> dict:
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measure(folder))
    return min(results, key=lambda r: r["seconds"]) | {"peak_mb": max(r["peak_mb"] for r in results)}


def plain_site(seeds: Path, root: Path) -> None:
    """The same texts as ordinary Markdown pages: a title, then the text's paragraphs."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Bench\n", encoding="utf-8")
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        title, _, body = text.partition("\n")
        (docs / f"{path.stem}.md").write_text(f"# {title.strip()}\n\n{body.strip()}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(PLAIN_YML, encoding="utf-8")


def plugin_site(seeds: Path, root: Path) -> None:
    shutil.copytree(seeds, root / "seeds")
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(PLUGIN_YML, encoding="utf-8")


def edit_one(root: Path, n: int) -> None:
    """Change one sentence-worth of text in one source (a different word each time)."""
    path = sorted((root / "seeds").glob("*.txt"))[n // 2]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    stamp = time.time_ns()
    path.write_text(f"{text}\n\nThe editors added this note at {stamp}.\n", encoding="utf-8")


def group_of(stats: pstats.Stats) -> dict[str, float]:
    """Seconds per group: the cumulative time of each group's entry points (outermost call counted once)."""
    raw = stats.stats  # type: ignore[attr-defined]
    found: dict[str, float] = {}
    for name, patterns in GROUPS:
        total = 0.0
        for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in raw.items():
            key = f"{file}:{func}"
            if any(key.endswith(p) for p in patterns):
                total += ct
        found[name] = total
    return found


def profile_report(path: str, label: str) -> dict[str, float]:
    stats = pstats.Stats(path)
    total = stats.total_tt  # type: ignore[attr-defined]
    groups = group_of(stats)
    # _build_page (rendering the page's template: the sidebar/nav) includes search's on_page_context: take it out.
    in_page = sum(ct for (f, _l, fn), (_a, _b, _c, ct, _d) in stats.stats.items()  # type: ignore[attr-defined]
                  if (f.endswith("search/plugin.py") and fn == "on_page_context") or fn in ("_page_for_search", "_page_shown"))
    groups["sidebar/nav rendering"] = max(0.0, groups["sidebar/nav rendering"] - in_page)
    # The plugin's on_files runs the analysis (pipeline.run) before it renders the generated pages: count it once.
    groups["generated pages"] = max(0.0, groups["generated pages"] - groups["analysis"])
    groups["other"] = max(0.0, total - sum(groups.values()))
    print(f"\n### Profile: {label} ({total:.1f} s under cProfile)\n", file=sys.stderr)
    print("| group | seconds | share |\n|---|---:|---:|", file=sys.stderr)
    for name, seconds in groups.items():
        print(f"| {name} | {seconds:.1f} | {100 * seconds / total:.0f}% |", file=sys.stderr)
    print(f"\nTop cumulative entries ({label}):", file=sys.stderr)
    stream = sys.stderr
    stats.stream = stream  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(25)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--big", action="store_true", help="add 10,000 sources")
    parser.add_argument("--runs", type=int, default=1, help="best of N")
    parser.add_argument("--synthetic", action="store_true", help="synthetic sources instead of real articles")
    parser.add_argument("--profile", action="store_true", help="cProfile a cold and a warm plugin build")
    parser.add_argument("--csv", type=Path, default=None, help="the FNC bodies CSV (default: ../shared/eval/fnc-train-bodies.csv)")
    parser.add_argument("--only", default="cold,warm,edit,plain", help="which measurements (cold,warm,edit,plain)")
    args = parser.parse_args()
    from corpus import make, make_real

    sizes = [int(s) for s in args.sizes.split(",") if s] + ([10000] if args.big else [])
    only = set(args.only.split(","))
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            if args.synthetic:
                make(n, base / "corpus")
            else:
                make_real(n, base / "corpus", *([args.csv] if args.csv else []))
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in (base / "corpus").glob("*.txt"))
            plugin, plain = base / "plugin", base / "plain"
            plugin_site(base / "corpus", plugin)
            plain_site(base / "corpus", plain)
            row: dict = {"n": n, "words": words}

            def clear(plugin: Path = plugin) -> None:
                shutil.rmtree(plugin / ".cache", ignore_errors=True)
                shutil.rmtree(plugin / "site", ignore_errors=True)

            if "plain" in only:
                row["plain"] = best(plain, args.runs, lambda plain=plain: shutil.rmtree(plain / "site", ignore_errors=True))
                print(f"N={n} plain {row['plain']}", file=sys.stderr, flush=True)
            if "cold" in only:
                row["cold"] = best(plugin, args.runs, clear)
                print(f"N={n} cold {row['cold']}", file=sys.stderr, flush=True)
            if "warm" in only:
                if not (plugin / ".cache").exists():
                    measure(plugin)
                row["warm"] = best(plugin, args.runs)
                print(f"N={n} warm {row['warm']}", file=sys.stderr, flush=True)
            if "edit" in only:
                if not (plugin / ".cache").exists():
                    measure(plugin)
                row["edit"] = best(plugin, args.runs, lambda plugin=plugin, n=n: edit_one(plugin, n))
                print(f"N={n} edit {row['edit']}", file=sys.stderr, flush=True)
            if args.profile:
                clear()
                cold_prof, warm_prof = str(base / "cold.prof"), str(base / "warm.prof")
                row["cold_profiled"] = measure(plugin, cold_prof)
                row["cold_groups"] = profile_report(cold_prof, f"cold plugin build, {n} sources")
                row["warm_profiled"] = measure(plugin, warm_prof)
                row["warm_groups"] = profile_report(warm_prof, f"warm plugin build, {n} sources")
            rows.append(row)
    table(rows)


def table(rows: list[dict]) -> None:
    print("| sources | words | build | seconds | x plain | peak MB | x plain | search index MB | x plain |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        plain = row.get("plain")
        for kind in ("plain", "cold", "warm", "edit"):
            r = row.get(kind)
            if not r:
                continue

            def ratio(key: str, r=r, plain=plain) -> str:
                return f"{r[key] / plain[key]:.2f}" if plain and plain.get(key) else ""

            label = {"plain": "plain Material", "cold": "plugin, cold", "warm": "plugin, nothing changed", "edit": "plugin, one source edited"}[kind]
            print(f"| {row['n']} | {row['words']} | {label} | {r['seconds']} | {ratio('seconds')} | {r['peak_mb']} | {ratio('peak_mb')} | {r['index_mb']} | {ratio('index_mb')} |")
    for row in rows:
        if "cold_groups" in row:
            print(f"\nProfile shares, {row['n']} sources (cold | warm):\n")
            print("| group | cold s | cold share | warm s | warm share |\n|---|---:|---:|---:|---:|")
            ct, wt = sum(row["cold_groups"].values()), sum(row["warm_groups"].values())
            for name in row["cold_groups"]:
                c, w = row["cold_groups"][name], row["warm_groups"][name]
                print(f"| {name} | {c:.1f} | {100 * c / ct:.0f}% | {w:.1f} | {100 * w / wt:.0f}% |")
    print(json.dumps(rows), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        main()
