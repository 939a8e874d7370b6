"""The pipeline gives the same result whether sources are read in one process or several."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from provenance import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


@pytest.mark.slow
def test_parallel_reading_gives_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus import make

    make(12, tmp_path / "seeds")
    serial = pipeline.run(tmp_path / "seeds", tmp_path)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    parallel = pipeline.run(tmp_path / "seeds", tmp_path)
    assert [s.id for s in parallel.sources] == [s.id for s in serial.sources]
    assert [c.id for c in parallel.claims] == [c.id for c in serial.claims]
    assert parallel.analysis.relations == serial.analysis.relations
    assert parallel.analysis.facts == serial.analysis.facts
