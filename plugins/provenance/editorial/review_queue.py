"""``provenance review``: the automatic marks that most need a person, most consequential first.

A mark is *consequential* when it changes what a reader is told about a claim: a contested point
(its positions and the denials in them are reviewed with it), a corroboration (one that is a claim's
only independent corroboration decides its status, and comes first), an echo (which makes two
sources count as one origin). Each item quotes its passages and gives the editorial entry that
confirms or rejects it; ``--write FILE`` appends those entries with ``verdict: todo`` for an editor
to complete (docs/editorial.md), and ``provenance check`` counts what is still unreviewed.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..claims import anchor
from ..model import Claim, ContestedPoint, Relation, Source
from ..pipeline import Result
from ..render.analysis_pages import STANCE_LABELS
from ..sources import yamlfile
from ..sources.ingest import slugify

KINDS = {"point": "contested point", "corroboration": "corroboration", "denial": "denial", "echo": "echo"}
ORDER = ("point", "corroboration", "denial", "echo")  # most consequential first
ID_WORDS = 40  # characters of a point's title in the id written for it: enough to recognise it
HEADER = ("# Added by `provenance review`: set each verdict to confirm or reject (todo: not applied yet),",
          "# and say why; by: and date: say who reviewed it and when.")


@dataclass(frozen=True)
class Item:
    """One automatic mark to review."""

    kind: str  # one of KINDS
    what: str  # a line that says what it is, for the editor
    passages: tuple[tuple[str, Claim], ...]  # (the side or the end it is on, its claim)
    section: str  # "points" | "links": where its entry goes in an editorial file
    entry: tuple[tuple[str, str], ...]  # (key, YAML value) of the entry, in order; its verdict last but one
    key: frozenset[str]  # the claims it joins (a link), or that its point holds
    rank: tuple = field(default=(), compare=False)


@dataclass
class Queue:
    items: list[Item]  # unreviewed, with no entry to do
    todo: list[tuple[Item, str]]  # unreviewed, with an entry to do: (item, where the entry is)

    def count(self, items: Sequence[Item] | None = None) -> dict[str, int]:
        found = {kind: 0 for kind in ORDER}
        for item in self.items if items is None else items:
            found[item.kind] += 1
        return found


def build(result: Result) -> Queue:
    """Every automatic consequential mark of ``result``, most consequential first."""
    analysis = result.analysis
    claims = {c.id: c for c in result.claims}
    sources = {s.id: s for s in result.sources}
    used = {p.id for p in analysis.contested} | set(result.point_ids)
    items: list[Item] = []
    in_points: set[str] = set()
    for n, point in enumerate(analysis.contested):
        if point.review is None:
            members = {c for p in point.positions for c in p.claims}
            in_points |= members
            items.append(_point(point, n, claims, sources, analysis.contested, used))
    corroborating: dict[str, list[str]] = defaultdict(list)  # claim id -> the source of each corroboration it has
    for r in analysis.relations:
        if r.kind == "corroborates" and r.a in claims and r.b in claims:
            corroborating[r.a].append(claims[r.b].source)
            corroborating[r.b].append(claims[r.a].source)
    for relation in analysis.relations:
        if relation.review is not None or relation.kind not in ("corroborates", "contests", "echoes"):
            continue
        if relation.kind == "contests" and relation.a in in_points and relation.b in in_points:
            continue  # a denial is reviewed with its point
        if relation.a not in claims or relation.b not in claims:
            continue
        items.append(_link(relation, claims, sources, result, corroborating))
    items.sort(key=lambda item: item.rank)
    todo: dict[frozenset[str], str] = {}
    for entry in result.todo:
        where = f"{entry.file}:{entry.line}" if entry.line else entry.file
        if entry.kind == "link":
            todo[frozenset(entry.claims)] = where
        else:
            for point in analysis.points_of(entry.claims[0]):
                todo[frozenset(c for p in point.positions for c in p.claims)] = where
    return Queue([i for i in items if i.key not in todo], [(i, todo[i.key]) for i in items if i.key in todo])


def _point(point: ContestedPoint, number: int, claims: dict[str, Claim], sources: dict[str, Source],
           points: list[ContestedPoint], used: set[str]) -> Item:
    members = [c for p in point.positions for c in p.claims]
    # The entry points at one claim of the point, one that is in no other point if it can.
    alone = [c for c in members if sum(c in {x for p in q.positions for x in p.claims} for q in points) == 1]
    match = next((c for p in point.positions if p.stance == "asserts" for c in p.claims if c in alone), None) or (alone or members)[0]
    slug = _unused(slugify(point.title, ID_WORDS) or "point", used)
    passages = tuple(
        (f"{STANCE_LABELS[p.stance]} ({', '.join(p.holders) or 'unknown'})", claims[c]) for p in point.positions for c in p.claims
    )
    n_sources = len({claims[c].source for c in members})
    what = f"Contested point {point.id}: “{point.title}” ({len(point.positions)} positions, {len(members)} claims in {_n(n_sources, 'source')})"
    entry = (("id", slug), ("match", _passage(claims[match], sources)), ("verdict", "confirm"), ("why", '""'))
    return Item("point", what, passages, "points", entry, frozenset(members), (0, -n_sources, -len(members), number))


def _link(relation: Relation, claims: dict[str, Claim], sources: dict[str, Source], result: Result,
          corroborating: dict[str, list[str]]) -> Item:
    a, b = claims[relation.a], claims[relation.b]
    analysis = result.analysis
    kind = {"corroborates": "corroboration", "contests": "denial", "echoes": "echo"}[relation.kind]
    # A corroboration decides a claim's status when it is the claim's only one (an editor's status aside).
    deciding = [
        c for c, other in ((a, b), (b, a))
        if kind == "corroboration" and analysis.facts[c.id].status == "corroborated" and ("status", c.id) not in analysis.reviews
        and corroborating[c.id] == [other.source]
    ]
    if kind == "corroboration":
        why = f"decides the status of {_n(len(deciding), 'claim')}" if deciding else "neither claim's only corroboration"
        what = f"Corroboration ({why}; similarity {relation.score:.2f})"
    elif kind == "echo":
        what = f"Echo: two sources that share one origin (similarity {relation.score:.2f}); confirmed, they count as one origin"
    else:
        what = "Denial: one claim says the other is false"
    entry = (("a", _passage(a, sources)), ("b", _passage(b, sources)), ("verdict", "confirm"), ("relation", relation.kind), ("why", '""'))
    rank = (ORDER.index(kind), 0 if deciding else 1, relation.score, a.id, b.id)
    return Item(kind, what, (("a", a), ("b", b)), "links", entry, frozenset((a.id, b.id)), rank)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _unused(slug: str, used: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``...: an id no other point uses, and never an automatic ``point-N``."""
    found, n = slug, 1
    while found in used or re.fullmatch(r"point-\d+", found):
        n += 1
        found = f"{slug}-{n}"
    used.add(found)
    return found


def yaml_text(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: JSON's escapes, and every character YAML does not
    allow as it is (controls, a byte-order mark, surrogates) escaped as well."""
    out = json.dumps(value, ensure_ascii=False)
    return "".join(c if _printable(c) else f"\\u{ord(c):04x}" for c in out)


def _printable(c: str) -> bool:
    code = ord(c)
    return c in "\t\n\r" or 0x20 <= code <= 0x7E or code == 0x85 or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def _passage(claim: Claim, sources: dict[str, Source]) -> str:
    """The claim by its words in its source; by its id beside its words when the words repeat there."""
    text = sources[claim.source].text
    first = anchor.find_verbatim(text, claim.text)
    repeated = first is not None and anchor.find_verbatim(text, claim.text, first[0] + 1) is not None
    if repeated:
        return f"{{claim: {claim.id}, quote: {yaml_text(claim.text)}}}"
    return f"{{source: {claim.source}, quote: {yaml_text(claim.text)}}}"


def entry_lines(item: Item, verdict: str, note: str) -> list[str]:
    """The YAML lines of an item's entry (a list item, at indentation 0)."""
    lines = []
    for n, (key, value) in enumerate(item.entry):
        if key == "verdict":
            value = f"{verdict}  # {note}"
        lines.append(("- " if n == 0 else "  ") + f"{key}: {value}")
    return lines


def report(queue: Queue, sources: dict[str, Source], limit: int) -> str:
    """The queue, for an editor to read."""
    shown = queue.items[:limit] if limit else queue.items
    counts = queue.count()
    parts = ", ".join(_n(n, KINDS[k]) for k, n in counts.items() if n) or "none"
    out = [f"{_n(len(queue.items), 'automatic mark')} to review, most consequential first ({parts})"
           + (f"; {len(queue.todo)} more already have an entry to do" if queue.todo else "") + "."]
    if not queue.items:
        out.append("Every contested point, corroboration, denial and echo was reviewed by an editor, or has an entry to do.")
    for number, item in enumerate(shown, 1):
        out.append("")
        out.append(f"{number}. {item.what}")
        for side, claim in item.passages:
            source = sources[claim.source]
            sentence = source.sentence(claim.sentence)
            paragraph = sentence.paragraph if sentence else "?"
            out.append(f"   {side}: {claim.source}, paragraph {paragraph}: “{claim.text}”")
        out.append("   The entry that confirms it (verdict: reject rejects it), in an editorial file:")
        out.append(f"     {item.section}:")
        out += ["       " + line for line in entry_lines(item, "confirm", "or reject")]
    if len(shown) < len(queue.items):
        out.append("")
        out.append(f"... and {len(queue.items) - len(shown)} more (--limit 0 lists them all).")
    for item, where in queue.todo:
        out.append(f"to do at {where}: {item.what}")
    return "\n".join(out) + "\n"


class WriteError(Exception):
    """Why the entries cannot be appended to a file, as ``file:line: message (fix: ...)``."""


def append(path: Path, items: Sequence[Item]) -> str:
    """Append the items' entries, with ``verdict: todo``, to the editorial file ``path`` (made if need be),
    each in its section, leaving the rest of the file as it is. Returns the new text."""
    display = path.as_posix()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        data = yamlfile.load(text) if text.strip() else None
    except yamlfile.YamlProblem as exc:
        raise WriteError(f"{display}:{exc.line or 1}: {exc.message} (fix: {exc.fix})") from exc
    if data is not None and not isinstance(data, dict):
        raise WriteError(f"{display}:1: is not an editorial file (a mapping of claims, links and points) (fix: write to another file)")
    lines = text.splitlines()
    if lines and not text.endswith("\n"):
        text += "\n"
    inserts: list[tuple[int, list[str]]] = []  # (line index to insert before, lines)
    appended: list[str] = []
    keys = sorted((data.lc.key(k)[0], k) for k in data) if data else []
    for section in ("points", "links"):
        new = [line for item in items if item.section == section for line in entry_lines(item, "todo", "confirm or reject")]
        if not new:
            continue
        if data is None or section not in data:
            appended += ["", f"{section}:"] + ["  " + line for line in (*HEADER, *new)]
            continue
        value, line = data[section], data.lc.key(section)[0]
        if value is None:
            inserts.append((line + 1, ["  " + x for x in (*HEADER, *new)]))
            continue
        if not isinstance(value, list) or getattr(value, "fa", None) is not None and value.fa.flow_style():
            raise WriteError(f"{display}:{line + 1}: '{section}' is not a list written one '- ' item a line (fix: write it as a block list)")
        if value:
            item_line, item_col = value.lc.item(0)
            indent = max(0, lines[item_line].rfind("-", 0, item_col + 1))
        else:
            indent = 2
        after = next((ln for ln, k in keys if ln > line), len(lines))
        while after > line + 1 and (not lines[after - 1].strip() or lines[after - 1].lstrip().startswith("#")):
            after -= 1  # after the section's last entry, before the blank lines and comments that end it
        pad = " " * indent
        inserts.append((after, [pad + x for x in (*HEADER, *new)]))
    for at, block in sorted(inserts, reverse=True):
        lines[at:at] = block
    result = "\n".join(lines + appended).lstrip("\n") + "\n"
    try:
        check = yamlfile.load(result)
    except yamlfile.YamlProblem as exc:  # never write a file the build cannot read
        raise WriteError(f"{display}:{exc.line or 1}: the entries would not read back ({exc.message}) (fix: report this, with the file)") from exc
    for section in ("points", "links"):
        before = len((data or {}).get(section) or [])
        wanted = before + sum(1 for item in items if item.section == section)
        if len((check or {}).get(section) or []) != wanted:
            raise WriteError(f"{display}:1: the entries would not land in '{section}' (fix: report this, with the file)")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(result, encoding="utf-8")
    tmp.replace(path)
    return result


def summary(queue: Queue) -> str:
    """One line for ``provenance check``: how many consequential marks are still automatic."""
    total = len(queue.items) + len(queue.todo)
    if not total:
        return "every contested point, corroboration, denial and echo has been reviewed by an editor"
    counts = queue.count([*queue.items, *(i for i, _ in queue.todo)])
    parts = ", ".join(_n(n, KINDS[k]) for k, n in counts.items() if n)
    todo = f"; {len(queue.todo)} of them have an entry to do" if queue.todo else ""
    return f"{_n(total, 'consequential mark')} not reviewed by an editor ({parts}){todo}: `provenance review` lists them"
