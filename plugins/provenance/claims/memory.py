"""What earlier runs knew of each claim: its words and the text around them, so that a pointer by
id (an editorial entry's ``claim:``, a citation ``[@claim:ID]``) survives an edit of its sentence.

A claim's id is a hash of its sentence's words: a one-word edit gives the sentence a new id, and
nothing in the old id says which sentence it was (so an id is never suggested by its spelling).
The memory keeps, for each claim id a recent run saw, the words of its sentence, 32 characters
either side and its position; a pointer whose id is gone is re-anchored with them, exactly as a
passage by quote is (:mod:`provenance.claims.pointers`).

It lives in the analysis cache's folder (``claims.json``), so it is only as durable as the cache:
a fresh checkout (a CI runner) has none. A pointer that must survive everywhere carries its own
words beside the id (docs/editorial.md, docs/reference/citations.md).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Claim

FILE = "claims.json"
FORMAT = 1
KEEP_RUNS = 50  # an id that is gone is remembered for this many changes of the claims after it was last seen or used


@dataclass(frozen=True)
class Remembered:
    """The words a pointer was written for, and what helps find them again."""

    text: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None


@dataclass
class Memory:
    entries: dict[str, list] = field(default_factory=dict)  # claim id -> [text, prefix, suffix, start, run last seen]
    run: int = 0
    changed: bool = False

    def recall(self, claim_id: str) -> Remembered | None:
        """The words of a claim an earlier run saw; the entry is kept alive while something points at it."""
        entry = self.entries.get(claim_id)
        if entry is None:
            return None
        if entry[4] != self.run:
            entry[4] = self.run
            self.changed = True
        return Remembered(entry[0], entry[1], entry[2], entry[3])

    def learn(self, claims: Iterable[Claim]) -> None:
        """Remember the current claims; forget ids gone for more than :data:`KEEP_RUNS` changes."""
        claims = list(claims)
        if any(c.id not in self.entries or self.entries[c.id][0] != c.selector.exact for c in claims):
            self.run += 1
            self.changed = True
        for c in claims:
            sel = c.selector
            entry = [sel.exact, sel.prefix, sel.suffix, sel.start, self.run]
            if self.entries.get(c.id) != entry:
                self.entries[c.id] = entry
                self.changed = True
        stale = [cid for cid, entry in self.entries.items() if self.run - entry[4] > KEEP_RUNS]
        for cid in stale:
            del self.entries[cid]
        self.changed |= bool(stale)

    @classmethod
    def of_claims(cls, claims: Iterable[dict]) -> Memory:
        """A memory made of an export's claims (``provenance.json``), for comparing two versions."""
        memory = cls()
        for c in claims:
            sel = c.get("selector") or {}
            if isinstance(c.get("id"), str) and isinstance(sel.get("exact"), str):
                memory.entries[c["id"]] = [sel["exact"], sel.get("prefix") or "", sel.get("suffix") or "", sel.get("start"), 0]
        return memory


def load(folder: Path) -> Memory:
    """The memory kept in ``folder`` (an empty one when there is none, or it cannot be read)."""
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Memory()
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("claims"), dict):
        return Memory()
    entries = {
        cid: entry
        for cid, entry in data["claims"].items()
        if isinstance(entry, list) and len(entry) == 5 and all(isinstance(x, str) for x in entry[:3]) and isinstance(entry[4], int)
    }
    run = data.get("run")
    return Memory(entries, run if isinstance(run, int) else 0)


def save(memory: Memory, folder: Path) -> None:
    """Write the memory if it changed (atomically; a memory that cannot be written only costs re-anchoring)."""
    if not memory.changed:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as handle:
            json.dump({"format": FORMAT, "run": memory.run, "claims": memory.entries}, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(handle.name, folder / FILE)
        memory.changed = False
    except OSError:
        pass
