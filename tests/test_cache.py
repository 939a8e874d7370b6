"""The analysis cache: a rebuild with nothing changed does no analysis; one changed source redoes only its own part."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import pipeline
from provenance.cache import Cache

ARTICLE = "{title}\n\nThe {thing} opened on Monday after {n} years of work. Officials said it cost {n} million.\n"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for n, thing in enumerate(["bridge", "library", "stadium"], start=2):
        (folder / f"{thing}.txt").write_text(ARTICLE.format(title=f"{thing.title()} Opens", thing=thing, n=n), encoding="utf-8")
    return folder


def run(seeds: Path, cache: Cache):
    return pipeline.run(seeds, seeds.parent, cache=cache)


def test_second_run_is_a_corpus_hit(seeds: Path, tmp_path: Path) -> None:
    cold = Cache(tmp_path / "cache")
    first = run(seeds, cold)
    assert cold.hits == {"source": 0, "corpus": 0} and cold.misses == {"source": 3, "corpus": 1}
    warm = Cache(tmp_path / "cache")
    second = run(seeds, warm)
    assert warm.hits == {"source": 0, "corpus": 1} and warm.misses == {"source": 0, "corpus": 0}
    assert [c.id for c in second.claims] == [c.id for c in first.claims]


def test_one_changed_source_reuses_the_others(seeds: Path, tmp_path: Path) -> None:
    run(seeds, Cache(tmp_path / "cache"))
    (seeds / "library.txt").write_text(ARTICLE.format(title="Library Opens", thing="library", n=9), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    result = run(seeds, cache)
    assert cache.hits == {"source": 2, "corpus": 0} and cache.misses == {"source": 1, "corpus": 1}
    assert any("9 years" in c.text for c in result.claims)


def test_sidecar_editorial_and_configuration_are_part_of_the_key(seeds: Path, tmp_path: Path) -> None:
    run(seeds, Cache(tmp_path / "cache", "a"))
    (seeds / "bridge.yml").write_text("publisher: Daily\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache", "a")
    assert run(seeds, cache).sources[0].meta.publisher == "Daily"
    assert cache.misses["source"] == 1
    (seeds / "editorial").mkdir()
    (seeds / "editorial" / "e.yml").write_text("claims: []\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache", "a")
    run(seeds, cache)
    assert cache.misses["corpus"] == 1 and cache.hits["source"] == 3
    other = Cache(tmp_path / "cache", "b")
    run(seeds, other)
    assert other.misses == {"source": 3, "corpus": 1}


def test_a_damaged_cache_file_is_a_miss_not_a_crash(seeds: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    run(seeds, cache)
    for path in (tmp_path / "cache").rglob("*.pickle"):
        path.write_bytes(b"not a pickle")
    again = Cache(tmp_path / "cache")
    assert run(seeds, again).claims
    assert again.misses["corpus"] == 1


def _records() -> list[type]:
    """Every slotted dataclass (a record) defined in the package."""
    import dataclasses
    import importlib
    import pkgutil

    import provenance

    found = []
    for info in pkgutil.walk_packages(provenance.__path__, "provenance."):
        if ".integrations." in info.name or info.name.endswith((".__main__", "integrations")):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__ and dataclasses.is_dataclass(value) and "__slots__" in vars(value):
                found.append(value)
    return found


def test_every_record_pickles_as_the_tuple_of_its_fields() -> None:
    """Records are pickled field by field without dataclasses.fields() per record (the generated
    methods' cost was most of the time of caching a large result): a module that defines records and
    forgets ``pickle_by_position`` fails here."""
    import dataclasses

    records = _records()
    assert len(records) > 15
    for kind in records:
        names = [f.name for f in dataclasses.fields(kind)]
        assert kind.__getstate__.__module__ == "provenance.model", kind  # type: ignore[attr-defined]
        values = {name: f"value of {name}" for name in names}
        record = object.__new__(kind)
        for name, value in values.items():
            object.__setattr__(record, name, value)
        assert record.__getstate__() == tuple(values.values())  # type: ignore[attr-defined]


def test_a_result_read_back_from_the_cache_equals_the_one_computed(seeds: Path, tmp_path: Path) -> None:
    import pickle

    from provenance.export import export

    first = run(seeds, Cache(tmp_path / "cache"))
    again = pickle.loads(pickle.dumps(first, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.claims == first.claims and again.sources == first.sources
    assert again.analysis.facts == first.analysis.facts and again.analysis.relations == first.analysis.relations
    url = lambda sid: f"sources/{sid}/"  # noqa: E731
    assert export.dumps(export.provenance(again, url, "contested/")) == export.dumps(export.provenance(first, url, "contested/"))
