"""Benchmark: analysis alone and the whole build, for corpora of N sources.

Usage: python bench/run.py [N ...]   (default: 10 100 1000)

Each measurement runs in a fresh subprocess so that peak memory (max RSS) is
its own. Prints a Markdown table; paste it into bench/README.md.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

MKDOCS_YML = """\
site_name: Bench
theme:
  name: material
  font: false
plugins:
  - provenance:
      seeds: seeds
markdown_extensions: [footnotes, attr_list, toc]
"""


def child(mode: str, folder: str) -> None:
    root = Path(folder)
    start = time.perf_counter()
    if mode == "analysis":
        from provenance import pipeline

        result = pipeline.run(root / "seeds", root)  # no cache: the analysis itself
        extra = {"claims": len(result.claims), "relations": len(result.analysis.relations), "contested": len(result.analysis.contested)}
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
        extra = {}
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb), **extra}))


def measure(mode: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(folder)], capture_output=True, text=True, check=True,
                         env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    from corpus import make

    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make(n, root / "seeds")
            (root / "docs").mkdir()
            (root / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
            (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in (root / "seeds").glob("*.txt"))
            analysis = measure("analysis", root)
            shutil.rmtree(root / ".cache", ignore_errors=True)
            build = measure("build", root)  # cold: empty analysis cache
            warm = measure("build", root)  # warm: nothing changed
            rows.append((n, words, analysis, build, warm))
            print(f"N={n}: {words} words, analysis {analysis}, build {build}, warm build {warm}", file=sys.stderr)
    print("| sources | words | claims | relations | contested | analysis s | analysis peak MB | cold build s | build peak MB | warm build s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, words, a, b, w in rows:
        print(f"| {n} | {words} | {a['claims']} | {a['relations']} | {a['contested']} | {a['seconds']} | {a['peak_mb']} | {b['seconds']} | {b['peak_mb']} | {w['seconds']} |")
    if len(rows) >= 2 and {100, 1000} <= {r[0] for r in rows}:
        t = {r[0]: r[2]["seconds"] for r in rows}
        print(f"\ntime(1000)/time(100) for the analysis: {t[1000] / t[100]:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main([int(a) for a in sys.argv[1:]] or [10, 100, 1000])
