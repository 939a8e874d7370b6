"""Incremental analysis: after one source is edited, only that source is read again, its own share
of the corpus-level step is redone, and the result is exactly what a cold analysis of the edited
corpus gives (compared as provenance.json)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from provenance import pipeline
from provenance.analysis import analyze as analyze_module
from provenance.cache import Cache
from provenance.claims import claims as claims_module
from provenance.export import export
from provenance.sources.excerpts import Shown

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import corpus as bench_corpus  # noqa: E402


def document(result: pipeline.Result) -> str:
    return export.dumps(export.provenance(result, lambda sid: f"sources/{sid}/", "analysis/contested/", Shown()))


def cold(seeds: Path) -> str:
    return document(pipeline.run(seeds, seeds.parent))


def incremental_equals_cold(seeds: Path, cache_dir: Path, edit: Path, old: str, new: str) -> None:
    first = Cache(cache_dir)
    pipeline.run(seeds, seeds.parent, cache=first)
    sources = first.misses["source"]
    text = edit.read_text(encoding="utf-8")
    assert old in text
    edit.write_text(text.replace(old, new, 1), encoding="utf-8")
    warm = Cache(cache_dir)
    result = pipeline.run(seeds, seeds.parent, cache=warm)
    assert warm.misses == {"source": 1, "corpus": 1}  # only the edited source is read again
    assert warm.hits["source"] == sources - 1
    assert document(result) == cold(seeds)


def test_harbour_one_edit(harbour_seeds: Path, tmp_path: Path) -> None:
    incremental_equals_cold(harbour_seeds, tmp_path / "cache", harbour_seeds / "gazette.txt", "about 240", "about 250")


def test_seed_site_one_edit(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    first = sorted(p for p in seeds.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines()[4:] if len(line.split()) > 8)
    incremental_equals_cold(seeds, tmp_path / "cache", first, sentence, sentence + " Officials in Lisbon denied this on 3 May 2024.")


def test_generated_corpus_one_edit(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    paths = bench_corpus.make(30, seeds)
    edited = paths[len(paths) // 2]
    text = edited.read_text(encoding="utf-8")
    word = next(w for w in text.split() if w.isalpha() and len(w) > 6)
    incremental_equals_cold(seeds, tmp_path / "cache", edited, word, word + " reportedly")


def test_nothing_changed_does_no_analysis(harbour_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.run(harbour_seeds, harbour_seeds.parent, cache=Cache(tmp_path / "cache"))

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again")

    monkeypatch.setattr(pipeline, "analyze", forbidden)
    monkeypatch.setattr(pipeline, "read_source", forbidden)
    again = pipeline.run(harbour_seeds, harbour_seeds.parent, cache=Cache(tmp_path / "cache"))
    # Under `mkdocs serve` the previous result is handed back as it is, without reading the cache.
    warm = Cache(tmp_path / "cache")
    assert pipeline.run(harbour_seeds, harbour_seeds.parent, cache=warm, previous=again) is again
    assert warm.hits["corpus"] == 1 and warm.misses["corpus"] == 0


def test_a_previous_result_of_other_inputs_is_not_reused(harbour_seeds: Path, tmp_path: Path) -> None:
    before = pipeline.run(harbour_seeds, harbour_seeds.parent, cache=Cache(tmp_path / "cache"))
    (harbour_seeds / "herald.yml").write_text("id: herald\npublisher: Coast Times\n", encoding="utf-8")
    after = pipeline.run(harbour_seeds, harbour_seeds.parent, cache=Cache(tmp_path / "cache"), previous=before)
    assert after is not before and any(s.meta.publisher == "Coast Times" for s in after.sources)


def test_each_sources_parts_are_reused_unless_outdated(harbour_seeds: Path) -> None:
    result = pipeline.run(harbour_seeds, harbour_seeds.parent)
    sources, found = result.sources, result.claims
    memo: dict[str, analyze_module.SourceParts] = {}
    reference = analyze_module.analyze(sources, found, parts=memo)
    assert set(memo) == {s.id for s in sources}
    kept = dict(memo)
    again = analyze_module.analyze(sources, found, parts=memo)
    assert all(memo[k] is kept[k] for k in kept)  # reused as they are
    assert again.relations == reference.relations and again.events == reference.events and again.facts == reference.facts
    # A part computed for another reading of the source (here: another sidecar date) is redone, not used.
    herald = next(s for s in sources if s.id == "herald")
    stale = analyze_module.source_parts(herald, [c for c in found if c.source == "herald"][:1])
    memo["herald"] = stale
    third = analyze_module.analyze(sources, found, parts=memo)
    assert memo["herald"] is not stale and third.events == reference.events


def test_parts_computed_with_the_source_match_the_corpus_claims(harbour_seeds: Path) -> None:
    result = pipeline.run(harbour_seeds, harbour_seeds.parent)
    for source in result.sources:
        own = [c for c in result.claims if c.source == source.id]
        assert analyze_module.source_parts(source, claims_module.extract([source])).token == analyze_module.parts_token(source, own)


def test_texts_are_shared_not_copied(harbour_seeds: Path) -> None:
    result = pipeline.run(harbour_seeds, harbour_seeds.parent)
    by_id = {s.id: s for s in result.sources}
    for claim in result.claims:
        sentence = by_id[claim.source].sentence(claim.sentence)
        assert claim.text is sentence.text
        if claim.selector.exact == claim.text:
            assert claim.selector.exact is claim.text
