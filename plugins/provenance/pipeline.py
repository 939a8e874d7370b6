"""Run the whole core: sources -> sentences -> claims (-> relations, in later stages).

This is the one entry point a site generator needs; it never touches MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .analysis.analyze import Analysis, Local, analyze, local_facts
from .cache import Cache
from .claims import anchor, claims
from .claims.memory import Memory
from .editorial import editorial
from .errors import Problem, line_of
from .model import Claim, Source
from .sources import sidecar
from .sources.ingest import Corpus, display_path, load_corpus, read_source, source_files


@dataclass
class Result:
    corpus: Corpus
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    orphans: list[Problem] = field(default_factory=list)  # editorial passages that no longer anchor
    editorial_files: list[str] = field(default_factory=list)
    todo: list[editorial.Todo] = field(default_factory=list)  # editorial entries whose verdict is still to be given
    point_ids: set[str] = field(default_factory=set)  # the ids of the editorial files' points

    @property
    def sources(self) -> list[Source]:
        return self.corpus.sources

    def claims_of(self, source_id: str) -> dict[str, Claim]:
        """Claims of one source, keyed by sentence id."""
        return {c.sentence: c for c in self.claims if c.source == source_id}


def verify(sources: list[Source], found: list[Claim]) -> list[Problem]:
    """Every claim's quoted passage must be in its source, verbatim, where its selector says."""
    by_id = {s.id: s for s in sources}
    problems = []
    for claim in found:
        source = by_id[claim.source]
        why = anchor.verify(source.text, claim.selector)
        if why:
            problems.append(Problem(source.file, line_of(source.text, claim.selector.start), f"claim {claim.id}: {why}", "rebuild; if it persists, report a bug"))
    return problems


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def run(seeds: Path, base: Path | None = None, editorial_dir: Path | None = None, cache: Cache | None = None,
        memory: Memory | None = None) -> Result:
    """Sources -> sentences -> claims -> relations, then the editors' corrections on top.

    ``memory`` holds the words of the claims earlier runs saw: an editorial entry that points at a
    claim by an id whose sentence was since edited is re-anchored with them (:mod:`provenance.claims.pointers`).
    """
    editorial_dir = editorial_dir or seeds / editorial.FOLDER
    if cache is None:
        return _run(seeds, base, editorial_dir, None, {}, memory)
    source_keys: dict[str, str] = {}
    inputs: list[bytes | str] = [str(seeds), str(base)]
    if seeds.is_dir():
        for path in sorted(seeds.iterdir()):
            if path.is_file():
                inputs += [path.name, _file_bytes(path)]
    if editorial_dir.is_dir():
        for path in sorted(editorial_dir.iterdir()):
            if path.is_file():
                inputs += ["editorial/" + path.name, _file_bytes(path)]
    corpus_key = cache.key(*inputs)
    cached = cache.get("corpus", corpus_key)
    if isinstance(cached, Result):
        return cached
    result = _run(seeds, base, editorial_dir, cache, source_keys, memory)
    cache.put("corpus", corpus_key, result)
    cache.prune("corpus", {corpus_key})
    cache.prune("source", set(source_keys.values()))
    return result


PARALLEL_FROM = 200  # sources to read before a pool of processes pays for its start-up


def read_and_analyse(path: Path, display: str) -> tuple[Source, list[Problem], dict[str, Local]]:
    """Everything that depends on one source alone (run in worker processes for large corpora)."""
    source, problems = read_source(path, display)
    return source, problems, local_facts(source)


def _read_all(jobs: list[tuple[Path, str]]) -> list[tuple[Source, list[Problem], dict[str, Local]]]:
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [read_and_analyse(path, display) for path, display in jobs]
    # "spawn", not "fork": the host (mkdocs serve) runs threads, which a fork would copy half-way.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(read_and_analyse, *zip(*jobs, strict=True), chunksize=max(1, len(jobs) // (workers * 8))))


def _run(seeds: Path, base: Path | None, editorial_dir: Path, cache: Cache | None, source_keys: dict[str, str],
         memory: Memory | None = None) -> Result:
    local: dict[str, dict[str, Local]] = {}
    locals_by_file: dict[str, dict[str, Local]] = {}
    ready: dict[str, tuple[Source, list[Problem]]] = {}
    missing: list[tuple[Path, str, str | None]] = []
    for path in source_files(seeds) if seeds.is_dir() else []:
        display = display_path(path, base)
        key = None
        if cache is not None:
            side = sidecar.path_for(path)
            key = cache.key(display, path.read_bytes(), side.name if side else "", _file_bytes(side) if side else b"")
            source_keys[display] = key
            hit = cache.get("source", key)
            if hit is not None:
                source, problems, locals_by_file[display] = hit
                ready[display] = (source, problems)
                continue
        missing.append((path, display, key))
    for (_, display, key), (source, problems, facts) in zip(missing, _read_all([(p, d) for p, d, _ in missing]), strict=True):
        ready[display] = (source, problems)
        locals_by_file[display] = facts
        if cache is not None and key is not None:
            cache.put("source", key, (source, problems, facts))

    def read(path: Path, display: str) -> tuple[Source, list[Problem]]:
        return ready[display] if display in ready else read_source(path, display)

    corpus = load_corpus(seeds, base, read)
    for source in corpus.sources:
        if source.file in locals_by_file:
            local[source.id] = locals_by_file[source.file]
    found = claims.extract(corpus.sources)
    result = Result(corpus, found, list(corpus.problems))
    result.problems += verify(corpus.sources, found)
    result.analysis = analyze(corpus.sources, found, local=local)
    edits = editorial.load(editorial_dir, base or Path.cwd(), corpus.sources, found, memory)
    editorial.apply(result.analysis, edits, found)
    result.problems += edits.problems
    result.orphans = [Problem(o.file, o.line, o.message, o.fix, "warning") for o in edits.orphans]
    result.problems += result.orphans
    result.editorial_files = edits.files
    result.todo = edits.todo
    result.point_ids = edits.point_ids
    return result
