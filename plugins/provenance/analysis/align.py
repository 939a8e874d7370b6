"""Corroboration candidates: which claims in different sources state the same proposition.

Method (after the notes in ANALYSIS.md):

1. Each claim becomes a weighted feature set (:mod:`.features`); a feature's
   weight is its kind's weight times its inverse document frequency over all
   claims, ``log((N + 1) / (df + 1)) + 1``, so topic words every sentence
   shares count for little.
2. Candidates come from an index of rare features: a claim is compared only
   with the :attr:`Params.top_candidates` claims of other sources with which it
   shares the most weight in features found in at most :attr:`Params.max_df`
   claims (a sparse matrix product, computed in blocks). A fixed cap keeps the
   cost close to linear in the number of claims, not quadratic.
3. The score of a pair is the cosine of their weighted feature vectors; it is
   zero unless they share a word that is not a name, and it is multiplied by
   :attr:`Params.conflict` when both name people or bodies but share none, and
   again when both give numbers but share none (same wording about different
   people or amounts is a different proposition).
4. Each claim ranks the candidates of each other source by score. A pair is
   linked when its score is high (``>= high``); or moderate (``>= mid``) with
   one claim the other's best match and the other ranking it in its top 3; or
   lower (``>= pair``) with each in the other's top 2; or low but not
   negligible (``>= low``) with each the other's best match (a mutual best
   match). Ranking per claim finds counterparts whose absolute score is low
   because two sources word the same proposition differently, which a global
   threshold misses.

Claims of the same source are never linked.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .features import KIND_WEIGHT, features

PAIRS_PER_BLOCK = 50_000  # candidate pairs scored at once by Index.similarities: bounded memory
ROWS_PER_BLOCK = 2048  # rows of the sparse similarity product computed at once: bounded memory on large corpora, few numpy calls


@dataclass(frozen=True)
class Params:
    high: float = 0.45  # linked whatever the rankings
    mid: float = 0.2  # linked if one is the other's best match and the other ranks it in its top 3
    pair: float = 0.17  # linked if each ranks the other in its top 2
    low: float = 0.12  # linked if each is the other's best match
    max_df: int = 80  # features in more claims than this are too common to retrieve candidates with
    query_features: int = 16
    top_candidates: int = 24  # candidates per claim scored in full
    conflict: float = 0.8  # score factor when both claims name people (or give numbers) and share none
    max_links: int = 8  # per claim: a proposition that many sources repeat keeps its strongest links only
    corroborate: float = 0.3  # a link is shown as corroboration from this score on; below, as "related" (see bench/quality.py:
    # on hand-labelled pairs of real articles, 0.85 of links at 0.3 and above state the same proposition, 0.36 below)


@dataclass(frozen=True)
class Link:
    a: int  # index into the claims given to :func:`link`
    b: int
    score: float


class Index:
    """Feature weights and an inverted index over a list of (source, text) items."""

    def __init__(self, items: Sequence[tuple[str, str]], params: Params, feats: Sequence[dict[str, str]] | None = None) -> None:
        """``feats`` are the items' feature sets when they are known already (kept with their sources)."""
        self.sources = [source for source, _ in items]
        self.feats = list(feats) if feats is not None else [features(text) for _, text in items]
        df: dict[str, int] = defaultdict(int)
        for fs in self.feats:
            for f in fs:
                df[f] += 1
        n = len(items)
        self.idf = {f: math.log((n + 1) / (d + 1)) + 1 for f, d in df.items()}
        self.top_idf = max(self.idf.values(), default=1.0)  # the weight of a word no item has (see :meth:`Index.vector`)
        self.vectors = [{f: KIND_WEIGHT[k] * self.idf[f] for f, k in fs.items()} for fs in self.feats]
        self.norm = [math.sqrt(sum(w * w for w in v.values())) or 1.0 for v in self.vectors]
        self.params = params
        # Retrieval uses only features rare enough to be specific: in at least two claims and at most
        # ``max_df`` of them. A fixed cap (not a share of the corpus) keeps the cost linear in the corpus size.
        self.cap = params.max_df
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, fs in enumerate(self.feats):
            for f in fs:
                if 2 <= df[f] <= self.cap:
                    self.postings[f].append(i)
        self._matrix = None

    def candidates(self, i: int) -> set[int]:
        """Claims of other sources that share one of claim ``i``'s rarer features."""
        mine = self.sources[i]
        vector = self.vectors[i]
        query = sorted((f for f in vector if f in self.postings), key=vector.__getitem__, reverse=True)
        found: set[int] = set()
        for f in query[: self.params.query_features]:
            found.update(j for j in self.postings[f] if self.sources[j] != mine)
        return found

    def all_candidates(self) -> list[list[int]]:
        """For every claim, the ``top_candidates`` claims of other sources with the largest dot product over
        retrieval features, computed as sparse matrix products in blocks of rows."""
        import numpy as np
        from scipy import sparse

        columns = {f: n for n, f in enumerate(self.postings)}
        rows, cols, vals = [], [], []
        for f, members in self.postings.items():
            c = columns[f]
            for i in members:
                rows.append(i)
                cols.append(c)
                vals.append(self.vectors[i][f])
        n = len(self.feats)
        matrix = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, max(1, len(columns))))
        source_codes = {s: k for k, s in enumerate(dict.fromkeys(self.sources))}
        codes = np.array([source_codes[s] for s in self.sources])
        transposed = matrix.T.tocsc()
        k = self.params.top_candidates
        result: list[list[int]] = []
        for start in range(0, n, ROWS_PER_BLOCK):
            block = (matrix[start : start + ROWS_PER_BLOCK] @ transposed).tocsr()
            for r in range(block.shape[0]):
                lo, hi = block.indptr[r], block.indptr[r + 1]
                idx, val = block.indices[lo:hi], block.data[lo:hi]
                keep = codes[idx] != codes[start + r]
                idx, val = idx[keep], val[keep]
                if len(idx) > k:
                    top = np.argpartition(-val, k)[:k]
                    idx = idx[top]
                result.append(idx.tolist())
        return result

    def similarity(self, i: int, j: int) -> float:
        """Cosine of the two weighted vectors; 0 unless they share a predicate, not only names."""
        a, b = self.vectors[i], self.vectors[j]
        fa, fb = self.feats[i], self.feats[j]
        dot = 0.0
        predicate = names = numbers = 0
        for f in a if len(a) <= len(b) else b:
            if f in a and f in b:
                dot += a[f] * b[f]
                kinds = (fa[f], fb[f])
                if "e" in kinds:
                    names += 1
                elif "n" in kinds:
                    numbers += 1
                else:
                    predicate += 1
        if predicate == 0:
            return 0.0
        score = dot / (self.norm[i] * self.norm[j])
        # Different people or different numbers make a different proposition, however alike the wording.
        if not names and "e" in fa.values() and "e" in fb.values():
            score *= self.params.conflict
        if not numbers and "n" in fa.values() and "n" in fb.values():
            score *= self.params.conflict
        return score

    def similarities(self, candidates: Sequence[Sequence[int]]) -> list[dict[int, float]]:
        """:meth:`Index.similarity` of every claim with each of its candidates, computed as sparse products in
        blocks of pairs (the same score up to rounding in the last bit: a pair's products summed in
        another order); a Python loop over 360,000 pairs was a tenth of a 1,000-article build."""
        import numpy as np
        from scipy import sparse

        n = len(self.feats)
        columns: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        weights: list[float] = []
        names: list[bool] = []
        numbers: list[bool] = []
        for i, (fs, vec) in enumerate(zip(self.feats, self.vectors, strict=True)):
            for f, kind in fs.items():
                rows.append(i)
                cols.append(columns.setdefault(f, len(columns)))
                weights.append(vec[f])
                names.append(kind == "e")
                numbers.append(kind == "n")
        shape = (n, max(1, len(columns)))
        where = (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))

        def matrix(values: list[float] | list[bool]) -> Any:
            m = sparse.csr_matrix((np.array(values, dtype=np.float64), where), shape=shape)
            m.eliminate_zeros()
            return m

        weight, present, name, number = matrix(weights), matrix([True] * len(weights)), matrix(names), matrix(numbers)
        norm = np.array(self.norm)
        has_name = np.array([any(k == "e" for k in fs.values()) for fs in self.feats], dtype=bool)
        has_number = np.array([any(k == "n" for k in fs.values()) for fs in self.feats], dtype=bool)
        sizes = [len(c) for c in candidates]
        first = np.repeat(np.arange(n), sizes)
        second = np.fromiter((j for c in candidates for j in c), dtype=np.int64, count=sum(sizes))
        scores = np.empty(len(first))

        def shared(a: Any, b: Any) -> Any:  # per pair: the sum over the features both rows have
            return np.asarray(a.multiply(b).sum(axis=1)).ravel()

        for start in range(0, len(first), PAIRS_PER_BLOCK):
            i, j = first[start : start + PAIRS_PER_BLOCK], second[start : start + PAIRS_PER_BLOCK]
            present_i, present_j, name_i, name_j = present[i], present[j], name[i], name[j]
            dot = shared(weight[i], weight[j])
            # A shared feature is a name when either claim writes it as one; numbers are numbers in both.
            named = shared(name_i, present_j) + shared(present_i, name_j) - shared(name_i, name_j)
            counted = shared(number[i], number[j])
            predicate = shared(present_i, present_j) - named - counted
            score = np.where(predicate > 0, dot / (norm[i] * norm[j]), 0.0)
            score = np.where((named == 0) & has_name[i] & has_name[j], score * self.params.conflict, score)
            scores[start : start + len(i)] = np.where((counted == 0) & has_number[i] & has_number[j], score * self.params.conflict, score)
        found: list[dict[int, float]] = []
        at = 0
        for c in candidates:
            found.append(dict(zip(c, scores[at : at + len(c)].tolist(), strict=True)))
            at += len(c)
        return found

    def vector(self, text: str) -> tuple[dict[str, str], dict[str, float], float]:
        """Features, weights and norm of a text that is not one of the items (unknown words get the highest idf)."""
        feats = features(text)
        vec = {f: KIND_WEIGHT[k] * self.idf.get(f, self.top_idf) for f, k in feats.items()}
        return feats, vec, math.sqrt(sum(w * w for w in vec.values())) or 1.0

    def candidates_for(self, query: tuple[dict[str, str], dict[str, float], float]) -> set[int]:
        """Items sharing one of the query's rarer features."""
        _, vec, _ = query
        ranked = sorted((f for f in vec if f in self.postings), key=vec.__getitem__, reverse=True)
        found: set[int] = set()
        for f in ranked[: self.params.query_features]:
            found.update(self.postings[f])
        return found

    def similarity_to(self, query: tuple[dict[str, str], dict[str, float], float], j: int) -> float:
        """Share of the query's weight found in item ``j`` (how much of a phrase a claim covers)."""
        feats, vec, norm = query
        if not vec:
            return 0.0
        shared = sum(w * self.vectors[j][f] for f, w in vec.items() if f in self.vectors[j])
        return shared / (norm * self.norm[j])

    def scores(self, i: int) -> dict[int, float]:
        return {j: self.similarity(i, j) for j in self.candidates(i)}


def _ranks(index: Index, all_scores: list[dict[int, float]]) -> list[dict[int, int]]:
    """For each item, the rank (1 = best) of each candidate among the candidates from the same source."""
    ranks: list[dict[int, int]] = []
    for scores in all_scores:
        per_source: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for j, s in scores.items():
            if s > 0:
                per_source[index.sources[j]].append((s, j))
        mine: dict[int, int] = {}
        for ranked in per_source.values():
            ranked.sort(key=lambda x: (-x[0], x[1]))
            for r, (_, j) in enumerate(ranked, start=1):
                mine[j] = r
        ranks.append(mine)
    return ranks


def accept(score: float, rank_ab: int, rank_ba: int, params: Params) -> bool:
    """The linking rule: a high score, or a lower one backed by the per-claim rankings."""
    best, worst = min(rank_ab, rank_ba), max(rank_ab, rank_ba)
    return (
        score >= params.high
        or (score >= params.mid and best == 1 and worst <= 3)
        or (score >= params.pair and worst <= 2)
        or (score >= params.low and worst == 1)
    )


def _strongest(links: dict[tuple[int, int], float], limit: int) -> dict[tuple[int, int], float]:
    """Keep a link only if it is among the ``limit`` strongest of at least one of its two claims."""
    per: dict[int, list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for key, s in links.items():
        per[key[0]].append((s, key))
        per[key[1]].append((s, key))
    keep: set[tuple[int, int]] = set()
    for ranked in per.values():
        ranked.sort(key=lambda x: (-x[0], x[1]))
        keep.update(key for _, key in ranked[:limit])
    return {key: s for key, s in links.items() if key in keep}


def link(items: Sequence[tuple[str, str]], params: Params | None = None, index: Index | None = None) -> list[Link]:
    """Links between items (source id, text) of different sources, each pair once, best first."""
    params = params or Params()
    index = index or Index(items, params)
    all_scores = index.similarities(index.all_candidates())
    ranks = _ranks(index, all_scores)
    links: dict[tuple[int, int], float] = {}
    for i, scores in enumerate(all_scores):
        for j, s in scores.items():
            key = (min(i, j), max(i, j))
            if s < params.low or key in links:
                continue
            if accept(s, ranks[i].get(j, 99), ranks[j].get(i, 99), params):
                links[key] = s
    links = _strongest(links, params.max_links)
    return sorted((Link(a, b, round(s, 4)) for (a, b), s in links.items()), key=lambda link: (-link.score, link.a, link.b))
