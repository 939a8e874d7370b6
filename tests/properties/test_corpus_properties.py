"""Properties of whole runs: small generated corpora run without crash, every claim verifies,
and a cached run (cold or warm) gives the same export as an uncached one."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import pipeline
from provenance.cache import Cache
from provenance.errors import Problem
from provenance.export import export

from .strategies import articles

NAMES = st.sampled_from(["budget", "ferry", "frog", "match", "Budget", "a b", "x.TXT", "notes.md", "2024"])


def _export(result: pipeline.Result) -> str:
    return json.dumps(export.provenance(result, lambda source_id: f"sources/{source_id}/"), sort_keys=True, default=str)


@settings(max_examples=max(5, settings().max_examples // 4))  # each example is three whole runs
@given(st.dictionaries(NAMES, articles(), min_size=1, max_size=4))
def test_generated_corpora_run_and_cached_equals_uncached(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seeds = root / "seeds"
        seeds.mkdir()
        for name, text in files.items():
            path = seeds / (name if "." in name else f"{name}.txt")
            path.write_text(text, encoding="utf-8", newline="")
        plain = pipeline.run(seeds, root)
        assert all(isinstance(p, Problem) for p in plain.problems)
        assert not [p for p in plain.problems if p.message.startswith("claim ")], "a claim's selector does not verify"
        assert len({c.id for c in plain.claims}) == len(plain.claims)
        cold = pipeline.run(seeds, root, cache=Cache(root / "cache"))
        warm = pipeline.run(seeds, root, cache=Cache(root / "cache"))
        assert _export(plain) == _export(cold) == _export(warm)
