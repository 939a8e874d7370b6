"""The editorial layer: editors' corrections, notes, references and contested points.

Editorial files are YAML files in ``<seeds>/editorial/`` (documented in
docs/editorial.md). They point at passages by quote, never by offset, so that
they survive edits to the sources: each passage is re-anchored with
:func:`provenance.claims.anchor.match` (verbatim first, then approximately with a
score threshold); a passage below the threshold is reported as *orphaned*,
with its file, line and the best candidate, and is never attached to another
sentence. A claim id is re-anchored the same way, with the words written beside
it or those an earlier run saw (:mod:`provenance.claims.pointers`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..analysis.analyze import Analysis, settle
from ..claims import anchor, pointers
from ..claims.memory import Memory
from ..errors import Problem
from ..model import STANCES, STATUSES, Claim, ContestedPoint, Decision, EditorialNote, Position, Reference, Relation, Review, Source
from ..sources import yamlfile
from .reviews import status_reviews

FOLDER = "editorial"
SECTIONS = {"claims", "links", "points"}
REVIEWER_KEYS = {"by", "date"}  # who reviewed, and when (format 1.2)
CLAIM_KEYS = {"claim", "quote", "passage", "status", "hedges", "note", "references", "why"} | REVIEWER_KEYS
LINK_KEYS = {"a", "b", "verdict", "relation", "why"} | REVIEWER_KEYS
POINT_KEYS = {"id", "match", "verdict", "title", "rating", "note", "references", "positions", "why"} | REVIEWER_KEYS
TODO = "todo"  # a verdict still to be given: the entry is checked, not applied (`provenance review --write` writes them)
POSITION_KEYS = {"stance", "holders", "passages"}
PASSAGE_KEYS = {"source", "quote", "prefix", "suffix"}
CLAIM_POINTER_KEYS = {"claim", "quote"}
REFERENCE_KEYS = {"title", "url", "publisher", "date"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Link:
    """An editor's verdict on the link between two claims, and where it was written."""

    a: str  # claim id
    b: str  # claim id
    verdict: str  # confirm | reject
    relation: str | None
    why: str
    file: str
    line: int | None
    by: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Todo:
    """An entry whose verdict an editor has still to give (``verdict: todo``): checked, not applied."""

    kind: str  # "link" | "point"
    claims: tuple[str, ...]  # a link's two claims; the claim a point's ``match`` points at
    file: str
    line: int | None


@dataclass
class Edits:
    """Everything the editorial files say, resolved against the current sources."""

    problems: list[Problem] = field(default_factory=list)
    orphans: list[Problem] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    hedges: dict[str, Any] = field(default_factory=dict)  # claim id -> "reject" | "confirm" | [markers]
    links: list[Link] = field(default_factory=list)
    notes: dict[str, EditorialNote] = field(default_factory=dict)
    points: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    reviews: dict[tuple[str, str], Review] = field(default_factory=dict)  # ("status" | "hedges", claim id) -> the entry's review
    todo: list[Todo] = field(default_factory=list)
    point_ids: set[str] = field(default_factory=set)  # the ids every point entry uses, to-do ones included


class _Reader:
    def __init__(self, display: str, sources: dict[str, Source], claims: dict[tuple[str, str], Claim], edits: Edits,
                 memory: Memory | None = None) -> None:
        self.display = display
        self.sources = sources
        self.claims = claims
        self.by_id = {c.id: c for c in claims.values()}
        self.edits = edits
        self.memory = memory

    def problem(self, line: int | None, message: str, fix: str = "", severity: str = "error") -> None:
        self.edits.problems.append(Problem(self.display, line, message, fix, severity))

    def keys(self, mapping: Any, allowed: set[str], what: str) -> bool:
        if not isinstance(mapping, dict):
            self.problem(_line(mapping), f"{what} must be a mapping of keys to values", "indent its keys under a '-' item")
            return False
        ok = True
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                fix = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(sorted(allowed))}"
                self.problem(_key_line(mapping, key), f"unknown key '{key}' in {what}", fix)
                ok = False
        return ok

    def reviewer(self, entry: dict[str, Any]) -> tuple[str | None, str | None] | None:
        """The entry's ``by`` (who reviewed) and ``date`` (when, YYYY-MM-DD); None after reporting a bad one."""
        by, date = entry.get("by"), entry.get("date")
        if by is not None and (not isinstance(by, str) or not by.strip()):
            self.problem(_key_line(entry, "by"), f"'by' must be the reviewer's name, as text, not {by!r}", "e.g. by: A. Editor")
            return None
        if isinstance(date, dt.datetime):
            date = date.date()
        if isinstance(date, dt.date):
            date = date.isoformat()
        elif date is not None:
            self.problem(_key_line(entry, "date"), f"'date' must be a date, YYYY-MM-DD, not {date!r}", "e.g. date: 2024-05-01")
            return None
        return (by.strip() if by else None), date

    def review(self, how: str, entry: dict[str, Any], who: tuple[str | None, str | None]) -> Review:
        return Review(how, who[0], who[1], self.display, _line(entry))

    def pointer(self, claim_id: Any, quote: Any, line: int | None) -> Claim | None:
        """The claim an id points at (with its words beside it, if given), re-anchored if its sentence was edited."""
        if not isinstance(claim_id, str) or not claim_id.strip():
            self.problem(line, f"a claim id must be text (SOURCE.s-1a2b3c4d), not {claim_id!r}", "copy the id from provenance.json")
            return None
        if quote is not None and not isinstance(quote, str):
            self.problem(line, "'quote' beside a claim id must be the claim's words, as text", "write quote: \"...\"")
            return None
        found = pointers.resolve(claim_id.strip(), quote, self.sources, self.by_id, self.claims, self.memory)
        if found.severity == "warning":
            self.edits.orphans.append(Problem(self.display, line, found.message, found.fix))
        elif found.severity:
            self.problem(line, found.message, found.fix, found.severity)
        return found.claim

    def passage(self, value: Any, line: int | None) -> Claim | None:
        """The claim a passage (or a claim id) points at, re-anchored in the current text."""
        if isinstance(value, str):
            return self.pointer(value, None, line)
        if isinstance(value, dict) and "claim" in value:
            if not self.keys(value, CLAIM_POINTER_KEYS, "a claim id with its words"):
                return None
            return self.pointer(value.get("claim"), value.get("quote"), _line(value) or line)
        if not self.keys(value, PASSAGE_KEYS, "a passage"):
            return None
        line = _line(value) or line
        source_id, quote = value.get("source"), value.get("quote")
        if not isinstance(source_id, str) or not isinstance(quote, str) or not quote.strip():
            self.problem(line, "a passage needs 'source' (a source id) and 'quote' (its exact words)", "write source: ID and quote: \"...\"")
            return None
        source = self.sources.get(source_id)
        if source is None:
            close = difflib.get_close_matches(source_id, list(self.sources), n=1)
            self.problem(_key_line(value, "source") or line, f"unknown source id '{source_id}'", f"did you mean '{close[0]}'?" if close else "use an id from provenance.json")
            return None
        found = anchor.match(source.text, quote, str(value.get("prefix") or ""), str(value.get("suffix") or ""))
        if found is None or not found.accepted:
            best = f'best candidate: "{source.text[found.start:found.end]}" (score {found.score:.2f})' if found else "no candidate"
            self.edits.orphans.append(
                Problem(self.display, _key_line(value, "quote") or line, f"orphaned: passage not found in '{source_id}': \"{quote}\"",
                        f"{best}; update the quote or remove the entry")
            )
            return None
        sentence = next((s for s in source.sentences if s.start <= found.start < s.end), None)
        claim = self.claims.get((source.id, sentence.id)) if sentence else None
        if claim is None:
            role = sentence.role if sentence else "whitespace"
            self.problem(line, f"the passage \"{quote}\" is in a sentence that is not a claim ({role})", "point at a claim sentence")
            return None
        if not found.exact:
            self.problem(line, f"passage re-anchored approximately (score {found.score:.2f}) to \"{source.text[found.start:found.end]}\"",
                         "update the quote to the current wording", "info")
        return claim

    def references(self, value: Any, line: int | None) -> tuple[Reference, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(line, "'references' must be a list", "write each reference as a '- title: ...' item")
            return ()
        out = []
        for item in value:
            if not self.keys(item, REFERENCE_KEYS, "a reference"):
                continue
            title = item.get("title")
            if not isinstance(title, str) or not title.strip():
                self.problem(_line(item), "a reference needs a 'title'", "add title: ...")
                continue
            url = item.get("url")
            if url is not None and not re.match(r"^https?://", str(url)):
                self.problem(_key_line(item, "url"), f"reference url {url!r} is not an http(s) URL", "write the full address")
                continue
            date = item.get("date")
            if isinstance(date, (dt.date, dt.datetime)):
                date = date.isoformat()[:10]
            out.append(Reference(title.strip(), str(url) if url else None, str(item["publisher"]) if item.get("publisher") else None,
                                 str(date) if date else None))
        return tuple(out)

    def note(self, key: str, entry: dict[str, Any], decisions: list[Decision]) -> None:
        text = entry.get("note")
        if text is not None and not isinstance(text, str):
            self.problem(_key_line(entry, "note"), "'note' must be text (Markdown)", "quote it or use a '|' block")
            text = None
        refs = self.references(entry.get("references"), _key_line(entry, "references"))
        if text or refs or decisions:
            old = self.edits.notes.get(key)
            if old:
                text = "\n\n".join(t for t in (old.markdown, text) if t)
                refs = old.references + refs
                decisions = list(old.decisions) + decisions
            self.edits.notes[key] = EditorialNote(text or "", refs, tuple(decisions), self.display, _line(entry))

    def claim_entry(self, entry: Any) -> None:
        if not self.keys(entry, CLAIM_KEYS, "a claim entry"):
            return
        line = _line(entry)
        if entry.get("claim") is not None:
            claim = self.pointer(entry["claim"], entry.get("quote"), _key_line(entry, "claim") or line)
        elif entry.get("quote") is not None:
            self.problem(_key_line(entry, "quote") or line, "'quote' goes beside 'claim' (an id), or inside 'passage'",
                         "write passage: {source: ..., quote: ...}, or add claim: SOURCE.s-...")
            return
        elif entry.get("passage") is not None:
            claim = self.passage(entry["passage"], line)
        else:
            self.problem(line, "a claim entry needs 'passage' (source and quote) or 'claim' (an id)", "add passage: {source: ..., quote: ...}")
            return
        who = self.reviewer(entry)
        if claim is None or who is None:
            return
        why = str(entry.get("why") or "").strip()
        decisions = []
        status = entry.get("status")
        if status is not None:
            if status not in STATUSES:
                self.problem(_key_line(entry, "status"), f"unknown status {status!r}", f"use one of: {', '.join(STATUSES)}")
            else:
                self.edits.status[claim.id] = status
                self.edits.reviews["status", claim.id] = self.review("corrected", entry, who)  # apply() tells confirmed from corrected
                decisions.append(_decision(f"status set to {status}", why))
        hedges = entry.get("hedges")
        if hedges is not None:
            if hedges in ("confirm", "reject") or (isinstance(hedges, list) and all(isinstance(h, str) for h in hedges)):
                self.edits.hedges[claim.id] = hedges
                self.edits.reviews["hedges", claim.id] = self.review("confirmed" if hedges == "confirm" else "corrected", entry, who)
                decisions.append(_decision("hedges " + ("confirmed" if hedges == "confirm" else "rejected" if hedges == "reject" else "set to " + ", ".join(hedges)), why))
            else:
                self.problem(_key_line(entry, "hedges"), "'hedges' must be confirm, reject, or a list of the hedge words to keep", "e.g. hedges: reject")
        if why and not decisions:
            decisions.append(_decision("reviewed", why))
        self.note(claim.id, entry, decisions)

    def link_entry(self, entry: Any) -> None:
        if not self.keys(entry, LINK_KEYS, "a link entry"):
            return
        line = _line(entry)
        a = self.passage(entry.get("a"), _key_line(entry, "a") or line) if entry.get("a") is not None else None
        b = self.passage(entry.get("b"), _key_line(entry, "b") or line) if entry.get("b") is not None else None
        if entry.get("a") is None or entry.get("b") is None:
            self.problem(line, "a link entry needs 'a' and 'b' (two passages)", "add a: {source, quote} and b: {source, quote}")
            return
        verdict = entry.get("verdict")
        relation = entry.get("relation")
        if verdict not in ("confirm", "reject", TODO):
            self.problem(_key_line(entry, "verdict") or line, f"'verdict' must be confirm or reject, not {verdict!r}", "write verdict: confirm")
            return
        if relation is not None and relation not in ("corroborates", "echoes", "contests"):
            self.problem(_key_line(entry, "relation"), f"unknown relation {relation!r}", "use corroborates, echoes or contests")
            return
        who = self.reviewer(entry)
        if a is None or b is None or who is None:
            return
        if verdict == TODO:
            self.edits.todo.append(Todo("link", (a.id, b.id), self.display, line))
            return
        if a.id == b.id:
            self.problem(line, "a link must join two different claims", "point 'b' at another passage")
            return
        if a.source == b.source and verdict == "confirm" and (relation or "corroborates") != "contests":
            self.problem(line, "corroboration joins claims of different sources; these two are in the same source",
                         "point 'b' at another source, or use relation: contests")
            return
        why = str(entry.get("why") or "").strip()
        self.edits.links.append(Link(a.id, b.id, verdict, relation, why, self.display, line, *who))

    def point_entry(self, entry: Any) -> None:
        if not self.keys(entry, POINT_KEYS, "a point entry"):
            return
        line = _line(entry)
        pid = entry.get("id")
        if not isinstance(pid, str) or not SLUG.match(pid):
            self.problem(_key_line(entry, "id") or line, f"a point needs an 'id' that is a slug, not {pid!r}", "e.g. id: us-pressure")
            return
        same = next((p for p in self.edits.points if p["id"] == pid), None)
        if same is not None:
            where = f"line {same['line']}" if same["file"] == self.display else f"{same['file']}:{same['line']}"
            self.problem(_key_line(entry, "id") or line, f"point id '{pid}' is already used by the entry at {where}", "give each point its own id")
            return
        self.edits.point_ids.add(pid)
        who = self.reviewer(entry)
        if who is None:
            return
        point: dict[str, Any] = {"id": pid, "line": line, "file": self.display, "why": str(entry.get("why") or "").strip(),
                                 "by": who[0], "date": who[1]}
        if entry.get("match") is not None:
            claim = self.passage(entry["match"], _key_line(entry, "match") or line)
            if claim is None:
                return
            point["match"] = claim.id
        verdict = entry.get("verdict")
        if verdict is not None and verdict not in ("confirm", "reject", TODO):
            self.problem(_key_line(entry, "verdict"), f"'verdict' must be confirm or reject, not {verdict!r}", "write verdict: confirm")
            return
        if verdict == TODO:
            if "match" not in point:
                self.problem(line, f"point '{pid}': 'verdict: todo' needs 'match' (a passage in the automatic point to review)", "add match: {source: ..., quote: ...}")
            else:
                self.edits.todo.append(Todo("point", (point["match"],), self.display, line))
            return
        point["verdict"] = verdict
        for key in ("title", "rating"):
            if entry.get(key) is not None:
                if not isinstance(entry[key], str) or not entry[key].strip():
                    self.problem(_key_line(entry, key), f"'{key}' must be text", "write it on one line")
                    return
                point[key] = entry[key].strip()
        if entry.get("positions") is not None:
            positions = self.positions(entry["positions"], _key_line(entry, "positions") or line)
            if positions is None:
                return
            point["positions"] = positions
        if "match" not in point and "positions" not in point:
            self.problem(line, f"point '{pid}' needs 'match' (a passage in an automatic point) or 'positions'", "add one of them")
            return
        decisions = []
        if verdict:
            decisions.append(_decision("point " + ("confirmed" if verdict == "confirm" else "rejected"), point["why"]))
        elif "positions" in point:
            decisions.append(_decision("point written by an editor", point["why"]))
        self.note(pid, entry, decisions)
        self.edits.points.append(point)

    def positions(self, value: Any, line: int | None) -> list[Position] | None:
        if not isinstance(value, list) or not value:
            self.problem(line, "'positions' must be a list of positions", "write '- stance: asserts' items")
            return None
        out = []
        for item in value:
            if not self.keys(item, POSITION_KEYS, "a position"):
                return None
            stance = item.get("stance")
            if stance not in STANCES:
                self.problem(_key_line(item, "stance") or _line(item), f"unknown stance {stance!r}", f"use one of: {', '.join(STANCES)}")
                return None
            holders = item.get("holders") or []
            if not isinstance(holders, list) or not all(isinstance(h, str) for h in holders):
                self.problem(_key_line(item, "holders"), "'holders' must be a list of names", "e.g. holders: [The ministry]")
                return None
            passages = item.get("passages") or []
            if not isinstance(passages, list) or not passages:
                self.problem(_key_line(item, "passages") or _line(item), "a position needs 'passages'", "list the passages that hold it")
                return None
            claims = [c for p in passages if (c := self.passage(p, _line(p) or _line(item))) is not None]
            if claims:
                out.append(Position(stance, tuple(str(h) for h in holders), tuple(dict.fromkeys(c.id for c in claims))))
        return out or None


def _decision(what: str, why: str) -> Decision:
    return Decision(what, why)


def _line(node: Any) -> int | None:
    """The 1-based line of a YAML node, or None for a node without one (a plain value, or a tagged scalar such as a
    document that is only "=", whose line ruamel leaves unset)."""
    line = getattr(getattr(node, "lc", None), "line", None)
    return line + 1 if isinstance(line, int) else None


def _key_line(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _display(path: Path, base: Path) -> str:
    try:
        return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()  # a link is named as itself
    except ValueError:
        return path.as_posix()


def load(folder: Path, base: Path, sources: list[Source], claims: list[Claim], memory: Memory | None = None) -> Edits:
    """Read and resolve every editorial file in ``folder`` (sorted by name); ``memory`` holds the words
    of claims earlier runs saw, to re-anchor claim ids whose sentence was edited."""
    edits = Edits()
    if not folder.is_dir():
        return edits
    by_id = {s.id: s for s in sources}
    by_sentence = {(c.source, c.sentence): c for c in claims}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = _display(path, base)
        reader = _Reader(display, by_id, by_sentence, edits, memory)
        if path.is_dir():
            reader.problem(None, "is a folder, not an editorial file", "rename it, or move the files in it up into the editorial folder", "warning")
            continue
        edits.files.append(display)
        try:
            data = yamlfile.load(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            reader.problem(None, f"is not UTF-8 ({exc.reason})", "save the file as UTF-8")
            continue
        except OSError as exc:  # a broken link, a file without read permission
            reader.problem(None, f"cannot be read ({exc.strerror or exc})", "fix or remove the file")
            continue
        except yamlfile.YamlProblem as exc:
            reader.problem(exc.line, exc.message, exc.fix)
            continue
        if data is None:
            continue
        if not reader.keys(data, SECTIONS, "an editorial file"):
            continue
        for section, handler in (("claims", reader.claim_entry), ("links", reader.link_entry), ("points", reader.point_entry)):
            entries = data.get(section)
            if entries is None:
                continue
            if not isinstance(entries, list):
                reader.problem(_key_line(data, section), f"'{section}' must be a list", "start each entry with '- '")
                continue
            for entry in entries:
                handler(entry)
    return edits


def apply(analysis: Analysis, edits: Edits, claims: list[Claim]) -> None:
    """Apply the editors' decisions to the automatic analysis, in place."""
    relations = analysis.relations
    rejected: dict[str, Review] = {}  # claim id -> the rejection of a link that made it corroborated or echoed
    for link in edits.links:
        a, b, verdict, relation = link.a, link.b, link.verdict, link.relation
        pair = {a, b}
        existing = [r for r in relations if {r.a, r.b} == pair]
        relations[:] = [r for r in relations if {r.a, r.b} != pair]
        automatic = existing[0].kind if existing else None
        if verdict == "confirm":
            kind = relation or (automatic if automatic in ("corroborates", "echoes", "contests") else "corroborates")  # a confirmed "related" link corroborates
            score = existing[0].score if existing else 1.0
            how = "written" if not existing else "confirmed" if kind == automatic else "corrected"
            relations.append(Relation(a, b, kind, score, Review(how, link.by, link.date, link.file, link.line)))
        elif automatic in ("corroborates", "echoes"):
            for cid in (a, b):
                rejected.setdefault(cid, Review("corrected", link.by, link.date, link.file, link.line))
        for cid in (a, b):
            other = b if cid == a else a
            word = "confirmed" if verdict == "confirm" else "rejected"
            note = edits.notes.get(cid) or EditorialNote(file=link.file, line=link.line)
            edits.notes[cid] = replace(note, decisions=note.decisions + (Decision(word, link.why, other),))
    points = list(analysis.contested)
    by_claim = {cid: p for p in points for pos in p.positions for cid in pos.claims}
    reviewed_by: dict[str, dict[str, Any]] = {}  # automatic point id -> the entry that reviews it
    automatic_ids = {p.id for p in points}
    for entry in edits.points:
        auto = by_claim.get(entry["match"]) if "match" in entry else None
        if "match" in entry and auto is None:
            edits.problems.append(Problem(entry["file"], entry["line"], f"point '{entry['id']}': the passage is in no automatic contested point",
                                          "give the point 'positions' instead of 'match'"))
            continue
        if entry["id"] in automatic_ids - {auto.id if auto else None}:
            edits.problems.append(Problem(entry["file"], entry["line"], f"point id '{entry['id']}' is the id of an automatic contested point",
                                          "choose another id (point-N ids belong to the automatic points)"))
            continue
        if auto is not None:
            first = reviewed_by.get(auto.id)
            if first is not None:
                where = f"line {first['line']}" if first["file"] == entry["file"] else f"{first['file']}:{first['line']}"
                edits.problems.append(Problem(entry["file"], entry["line"],
                                              f"point '{entry['id']}': this point is already reviewed by the entry at {where} (point '{first['id']}')",
                                              "keep one entry for the point, or give this one 'positions' instead of 'match'"))
                continue
            reviewed_by[auto.id] = entry
            points.remove(auto)
            relations[:] = [r for r in relations if not (r.kind == "contests" and _in_point(r, auto))]
            if entry.get("verdict") == "reject":
                continue
        positions = tuple(entry.get("positions") or (auto.positions if auto else ()))
        title = entry.get("title") or (auto.title if auto else entry["id"])
        how = "written" if auto is None else "corrected" if entry.get("positions") else "confirmed"
        review = Review(how, entry.get("by"), entry.get("date"), entry["file"], entry["line"])
        point = ContestedPoint(entry["id"], title, positions, entry.get("rating"), True, review)
        points.append(point)
        asserted = [c for p in positions if p.stance == "asserts" for c in p.claims]
        for p in positions:
            if p.stance != "asserts":
                for s in p.claims:
                    relations.extend(Relation(s, t, "contests", 1.0, review) for t in asserted if t != s)
        _review_sides(relations, positions, review)
    analysis.contested = points
    for cid, verdict in edits.hedges.items():
        facts = analysis.facts[cid]
        if verdict == "reject":
            analysis.facts[cid] = replace(facts, hedges=())
        elif isinstance(verdict, list):
            keep = {v.lower() for v in verdict}
            analysis.facts[cid] = replace(facts, hedges=tuple(h for h in facts.hedges if h.marker.lower() in keep))
    analysis.notes = dict(edits.notes)
    settle(analysis, claims)
    without = {cid: analysis.facts[cid].status for cid in edits.status}  # the status the analysis and the other entries give
    settle(analysis, claims, edits.status)
    explicit = dict(edits.reviews)
    for cid, status in edits.status.items():
        if without[cid] == status:
            explicit["status", cid] = replace(explicit["status", cid], how="confirmed")
    analysis.reviews = status_reviews(analysis, claims, explicit, rejected)


def _review_sides(relations: list[Relation], positions: tuple[Position, ...], review: Review) -> None:
    """The claims of one side of a reviewed point state the same thing: the automatic links that join them
    (the corroboration that gathered the side) are reviewed with the point."""
    side = {c: n for n, p in enumerate(positions) for c in p.claims}
    for n, r in enumerate(relations):
        if r.review is None and r.kind in ("corroborates", "echoes") and r.a in side and side.get(r.b) == side[r.a]:
            relations[n] = replace(r, review=Review("confirmed", review.by, review.date, review.file, review.line))


def _in_point(relation: Relation, point: ContestedPoint) -> bool:
    members = {c for p in point.positions for c in p.claims}
    return relation.a in members and relation.b in members
