"""What a change does to the claims: compare two ``provenance.json`` documents.

``provenance diff BASE [HEAD]`` prints a Markdown report, written for a
pull-request comment. Each side is a git revision (its ``provenance.json`` is
computed with the core from that revision's seeds folder, without MkDocs), the
working tree (HEAD's default), a ``provenance.json`` file, or a built site's
folder that holds one.

The comparison relies on the stable ids of the export: a sentence's id is a
hash of its own normalised words, and a claim's id is ``<source id>.<sentence
id>``, so unrelated edits keep ids, and a claim whose words change gets a new id
(it is paired with the claim it replaces, see :func:`compare`).

This module is part of the core: it never imports MkDocs.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..integrations.site_config import Layout

DEFAULT_LAYOUT = Layout()
NO_CHANGES = "No changes to claims"
_WORD = re.compile(r"\w+", re.UNICODE)
# A link to a sentence's anchor in hand-written Markdown: "<source id>.md#s-…" or "<source id>/#s-…".
_ANCHOR_LINK = re.compile(r"([A-Za-z0-9][\w.-]*?)(?:\.md|/)#(s-[0-9a-f]{8}(?:-\d+)?)\b")
# A citation of a claim by its id, "[@claim:<source id>.s-…]" (alone or in a group): it breaks with the anchor.
_CLAIM_CITATION = re.compile(r"@claim:([a-z0-9][a-z0-9-]*)\.(s-[0-9a-f]{8}(?:-\d+)?)(?![\w-])")


class DiffError(Exception):
    """A side of the comparison could not be read (bad revision, unreadable file)."""


# ---------------------------------------------------------------------------
# Reading a side: a git revision, the working tree, a file or a built site.


@dataclass
class Side:
    label: str
    document: dict[str, Any]
    docs: dict[str, str] = field(default_factory=dict)  # hand-written pages: path -> text (git sides only)


def _git(cwd: Path, *args: str, binary: bool = False) -> Any:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise DiffError("git is not installed") from exc
    if done.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def _document_for(root: Path, layout: Layout) -> dict[str, Any]:
    """``provenance.json`` of the project in ``root``, with the page URLs the site gives (no seeds folder: no sources)
    and, as the site would, without the words of sentences that a source displayed as excerpts hides."""
    from .. import pipeline
    from ..sources import excerpts
    from . import export

    seeds = root / layout.seeds
    result = pipeline.run(seeds, root, root / layout.editorial) if layout.editorial else pipeline.run(seeds, root)
    shown = excerpts.for_pages(result, layout.display, lambda: _read_docs(root, layout).values())
    return export.provenance(result, layout.page_url, layout.contested_url, shown)


def _read_docs(root: Path, layout: Layout) -> dict[str, str]:
    """The hand-written pages (not those `provenance pages` wrote, which link to every sentence)."""
    from ..integrations.pages import hand_written

    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8", errors="replace") for path in hand_written(root / layout.docs)}


def from_working_tree(project: Path, layout: Layout = DEFAULT_LAYOUT) -> Side:
    project = project.resolve()
    return Side("working tree", _document_for(project, layout), _read_docs(project, layout))


def from_revision(project: Path, revision: str, layout: Layout = DEFAULT_LAYOUT) -> Side:
    """Compute ``provenance.json`` for a revision's inputs, exported with ``git archive`` into a temporary folder."""
    if not revision or revision.startswith("-"):
        raise DiffError(f"not a revision: {revision!r}")
    project = project.resolve()
    try:
        commit = _git(project, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    except DiffError as exc:
        raise DiffError(f"{revision!r} is neither a provenance.json file, a built site's folder, nor a git revision") from exc
    prefix = _git(project, "rev-parse", "--show-prefix").strip()
    toplevel = Path(_git(project, "rev-parse", "--show-toplevel").strip())
    # Paths are given from the top of the repository (git resolves them against the current folder otherwise).
    folders = [layout.seeds, layout.docs] + ([layout.editorial] if layout.editorial else [])
    wanted = [str(PurePosixPath(prefix, folder)) for folder in folders]
    present = [p for p in wanted if _git(toplevel, "ls-tree", "--name-only", commit, "--", p).strip()]
    with tempfile.TemporaryDirectory(prefix="provenance-diff-") as tmp:
        top = Path(tmp)
        if present:
            raw = _git(toplevel, "-c", "core.quotepath=off", "archive", "--format=tar", commit, "--", *present, binary=True)
            with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
                if hasattr(tarfile, "data_filter"):
                    archive.extractall(top, filter="data")
                else:  # Python < 3.10.12: git archive writes plain files and folders only
                    archive.extractall(top)  # noqa: S202
        root = top / prefix if prefix else top
        document = _document_for(root, layout)
        pages = _read_docs(root, layout)
    short = commit[:12]
    label = revision if revision in (short, commit) else f"{revision} ({short})"
    return Side(label, document, pages)


def from_file(path: Path) -> Side:
    target = path / "provenance.json" if path.is_dir() else path
    try:
        document = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DiffError(f"{target}: cannot read provenance.json ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise DiffError(f"{target}: not a provenance.json document")
    return Side(str(path), document)


def load(spec: str | None, project: Path, layout: Layout = DEFAULT_LAYOUT) -> Side:
    """One side: ``None`` is the working tree; an existing file or folder is a built site; anything else a git revision.

    A built site's side is taken to have been built from the working tree, whose hand-written pages are then
    searched for links to sentence anchors.
    """
    if spec is None:
        return from_working_tree(project, layout)
    path = Path(spec)
    if path.is_file() or (path.is_dir() and (path / "provenance.json").is_file()):
        side = from_file(path)
        side.docs = _read_docs(project.resolve(), layout)
        return side
    return from_revision(project, spec, layout)


# ---------------------------------------------------------------------------
# Comparing two documents.


@dataclass
class SourceChange:
    id: str
    title: str
    file: str
    kind: str  # added, removed, edited
    sentences_added: int = 0
    sentences_removed: int = 0
    claims: int = 0  # claims of an added or removed source


@dataclass
class TextChange:
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass
class StatusChange:
    claim: dict[str, Any]
    before: str | None
    after: str | None
    origins_before: int | None
    origins_after: int | None


@dataclass
class PointChange:
    kind: str  # new, resolved, changed
    title: str
    url: str | None
    positions: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # (stance, gained, lost)
    counts: dict[str, int] = field(default_factory=dict)  # stance -> claims, for new and resolved points
    rating: tuple[Any, Any] | None = None  # (before, after) when an editor's rating of the point changed


@dataclass
class BrokenLink:
    url: str
    source: str
    text: str | None  # None: a sentence its source's page does not show (displayed as excerpts)
    linked_from: list[str] = field(default_factory=list)  # "path:line" of hand-written pages that link to it or cite it
    now: str = ""  # the anchor of the sentence it became, when its claim was reworded


@dataclass
class Diff:
    base: str
    head: str
    sources: list[SourceChange] = field(default_factory=list)
    claims_added: list[dict[str, Any]] = field(default_factory=list)
    claims_removed: list[dict[str, Any]] = field(default_factory=list)
    claims_changed: list[TextChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)
    points: list[PointChange] = field(default_factory=list)
    orphans: list[dict[str, Any]] = field(default_factory=list)
    broken: list[BrokenLink] = field(default_factory=list)
    pages_removed: dict[str, int] = field(default_factory=dict)  # page -> sentence anchors it had

    @property
    def claims_unchanged(self) -> bool:
        return not (self.claims_added or self.claims_removed or self.claims_changed or self.statuses or self.points or self.orphans)

    @property
    def empty(self) -> bool:
        return self.claims_unchanged and not (self.sources or self.broken or self.pages_removed)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _similar(a: str | None, b: str | None) -> float:
    """How many words two claims share (0 when either is not shown: nothing to pair them on)."""
    if a is None or b is None:
        return 0.0
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


REWORDED = 0.5  # a removed and an added claim at the same place are one claim reworded when half their words match (difflib's ratio)


def _pair_edits(removed: list[dict[str, Any]], added: list[dict[str, Any]], order_before: list[str], order_after: list[str]) -> list[TextChange]:
    """Pair a source's removed and added claims that sit at the same place in its reading order and share most words."""
    removed_ids = {c["id"] for c in removed}
    added_ids = {c["id"] for c in added}
    by_id = {c["id"]: c for c in [*removed, *added]}
    pairs: list[TextChange] = []
    matcher = difflib.SequenceMatcher(None, order_before, order_after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        olds = [cid for cid in order_before[i1:i2] if cid in removed_ids]
        news = [cid for cid in order_after[j1:j2] if cid in added_ids]
        candidates = sorted(
            ((_similar(by_id[o]["text"], by_id[n]["text"]), k, m) for k, o in enumerate(olds) for m, n in enumerate(news)),
            reverse=True,
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for score, k, m in candidates:
            if score < REWORDED or k in used_old or m in used_new:
                continue
            used_old.add(k)
            used_new.add(m)
            pairs.append(TextChange(by_id[olds[k]], by_id[news[m]]))
    return pairs


def _match_points(base: list[dict[str, Any]], head: list[dict[str, Any]]) -> list[tuple[dict | None, dict | None]]:
    """Contested points are numbered, so they are matched by the claims they hold (largest overlap first)."""

    def claims_of(point: dict[str, Any]) -> set[str]:
        return {c for position in point.get("positions", []) for c in position.get("claims", [])}

    scored = []
    for i, old in enumerate(base):
        for j, new in enumerate(head):
            shared = claims_of(old) & claims_of(new)
            if shared or (old.get("title") and old.get("title") == new.get("title")):
                scored.append((len(shared), old.get("title") == new.get("title"), -i, -j, i, j))
    scored.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[dict | None, dict | None]] = []
    for *_, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((base[i], head[j]))
    pairs += [(None, new) for j, new in enumerate(head) if j not in used_new]
    pairs += [(old, None) for i, old in enumerate(base) if i not in used_old]
    return pairs


def _positions(point: dict[str, Any]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for position in point.get("positions", []):
        claims = merged.setdefault(position.get("stance", "?"), [])
        claims += [c for c in position.get("claims", []) if c not in claims]
    return merged


def _docs_links(docs: dict[str, str]) -> dict[tuple[str, str], list[str]]:
    links: dict[tuple[str, str], list[str]] = {}
    for path, text in docs.items():
        for number, line in enumerate(text.splitlines(), 1):
            for match in _ANCHOR_LINK.finditer(line):
                source = match.group(1).rsplit("/", 1)[-1]
                links.setdefault((source, match.group(2)), []).append(f"{path}:{number}")
            for match in _CLAIM_CITATION.finditer(line):
                where = links.setdefault((match.group(1), match.group(2)), [])
                if f"{path}:{number}" not in where:
                    where.append(f"{path}:{number}")
    return links


@dataclass
class _Document:
    """One side's ``provenance.json``, indexed."""

    document: dict[str, Any]
    sources: dict[str, dict[str, Any]] = field(init=False)
    claims: dict[str, dict[str, Any]] = field(init=False)
    by_source: dict[str, list[dict[str, Any]]] = field(init=False)

    def __post_init__(self) -> None:
        self.sources = {s["id"]: s for s in self.document.get("sources", [])}
        self.claims = {c["id"]: c for c in self.document.get("claims", [])}
        self.by_source = _by_source(self.claims.values())


def _by_source(claims: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        grouped.setdefault(claim.get("source", ""), []).append(claim)
    return grouped


def compare(base: Side | dict[str, Any], head: Side | dict[str, Any]) -> Diff:
    """What changed from ``base`` to ``head``, stage by stage: sources, claims, statuses, contested points,
    orphaned annotations, and the links that would break."""
    if not isinstance(base, Side):
        base = Side("BASE", base)
    if not isinstance(head, Side):
        head = Side("HEAD", head)
    old, new = _Document(base.document), _Document(head.document)
    order = {cid: n for n, cid in enumerate([*new.claims, *old.claims])}  # reading order, HEAD's first
    diff = Diff(base.label, head.label)
    diff.sources = _source_changes(old, new)
    diff.claims_changed, diff.claims_added, diff.claims_removed = _claim_changes(old, new, order)
    diff.statuses = _status_changes(old, new, diff.claims_changed, order)
    diff.points = _point_changes(old.document.get("contested", []), new.document.get("contested", []), diff.claims_changed)
    diff.orphans = _new_orphans(old.document.get("orphans", []), new.document.get("orphans", []))
    diff.broken, diff.pages_removed = _broken_links(old, new, head.docs, diff.claims_changed)
    return diff


SOURCE_FIELDS = ("sha256", "file", "title", "author", "publisher", "published", "url", "kind")  # a change in any is an edit of the source


def _source_changes(old: _Document, new: _Document) -> list[SourceChange]:
    """Sources added, removed, and edited (text or metadata), with the sentences an edit adds and removes."""
    changes = []
    for sid in sorted(new.sources.keys() - old.sources.keys()):
        s = new.sources[sid]
        changes.append(SourceChange(sid, s.get("title") or sid, s.get("file", ""), "added", claims=len(new.by_source.get(sid, []))))
    for sid in sorted(old.sources.keys() - new.sources.keys()):
        s = old.sources[sid]
        changes.append(SourceChange(sid, s.get("title") or sid, s.get("file", ""), "removed", claims=len(old.by_source.get(sid, []))))
    for sid in sorted(old.sources.keys() & new.sources.keys()):
        a, b = old.sources[sid], new.sources[sid]
        if any(a.get(k) != b.get(k) for k in SOURCE_FIELDS):
            sa = {x["id"] for x in a.get("sentences", [])}
            sb = {x["id"] for x in b.get("sentences", [])}
            changes.append(SourceChange(sid, b.get("title") or sid, b.get("file", ""), "edited", len(sb - sa), len(sa - sb)))
    return changes


def _claim_changes(old: _Document, new: _Document, order: dict[str, int]) -> tuple[list[TextChange], list[dict[str, Any]], list[dict[str, Any]]]:
    """(claims whose text changed, claims added, claims removed). Within a source kept on both sides, a removed
    and an added claim at the same place that share most words are one claim reworded."""
    added = [new.claims[c] for c in new.claims if c not in old.claims]
    removed = [old.claims[c] for c in old.claims if c not in new.claims]
    changed: list[TextChange] = []
    paired: set[str] = set()
    added_by_source, removed_by_source = _by_source(added), _by_source(removed)
    for sid in sorted(old.sources.keys() & new.sources.keys() & added_by_source.keys() & removed_by_source.keys()):
        for change in _pair_edits(
            removed_by_source[sid],
            added_by_source[sid],
            [c["id"] for c in old.by_source.get(sid, [])],
            [c["id"] for c in new.by_source.get(sid, [])],
        ):
            changed.append(change)
            paired |= {change.before["id"], change.after["id"]}
    # Same id (same normalised words) but different text: case, punctuation or spacing. A text that is
    # null on one side is a sentence shown on one side only (excerpts), not an edit.
    for cid in old.claims.keys() & new.claims.keys():
        before, after = old.claims[cid].get("text"), new.claims[cid].get("text")
        if before is not None and after is not None and before != after:
            changed.append(TextChange(old.claims[cid], new.claims[cid]))
    changed.sort(key=lambda change: order[change.after["id"]])
    return changed, [c for c in added if c["id"] not in paired], [c for c in removed if c["id"] not in paired]


def _status_changes(old: _Document, new: _Document, changed: list[TextChange], order: dict[str, int]) -> list[StatusChange]:
    """Claims kept (or reworded) whose status or number of independent origins changed."""
    kept = [(old.claims[cid], new.claims[cid]) for cid in new.claims if cid in old.claims]
    kept += [(change.before, change.after) for change in changed if change.before["id"] != change.after["id"]]
    kept.sort(key=lambda pair: order[pair[1]["id"]])
    return [
        StatusChange(b, a.get("status"), b.get("status"), a.get("independent_origins"), b.get("independent_origins"))
        for a, b in kept
        if a.get("status") != b.get("status") or a.get("independent_origins") != b.get("independent_origins")
    ]


def _point_changes(base: list[dict[str, Any]], head: list[dict[str, Any]], changed: list[TextChange]) -> list[PointChange]:
    """Contested points new, resolved, or changed: positions gaining or losing claims (a reworded claim is the same
    claim), or an editor's rating."""
    renamed = {change.before["id"]: change.after["id"] for change in changed}
    points = []
    for a, b in _match_points(base, head):
        if a is None and b is not None:
            points.append(PointChange("new", b.get("title", ""), b.get("url"), counts={k: len(v) for k, v in _positions(b).items()}))
        elif b is None and a is not None:
            points.append(PointChange("resolved", a.get("title", ""), None, counts={k: len(v) for k, v in _positions(a).items()}))
        elif a is not None and b is not None:
            point = _point_change(a, b, renamed)
            if point is not None:
                points.append(point)
    return points


def _point_change(a: dict[str, Any], b: dict[str, Any], renamed: dict[str, str]) -> PointChange | None:
    pa, pb = _positions(a), _positions(b)
    changes = []
    for stance in [*pb, *(s for s in pa if s not in pb)]:
        before = [renamed.get(c, c) for c in pa.get(stance, [])]
        after = pb.get(stance, [])
        gained = [c for c in after if c not in before]
        lost = [c for c in pa.get(stance, []) if renamed.get(c, c) not in after]
        if gained or lost:
            changes.append((stance, gained, lost))
    rating = (a.get("rating"), b.get("rating")) if a.get("rating") != b.get("rating") else None
    if changes or rating:
        return PointChange("changed", b.get("title", ""), b.get("url"), changes, rating=rating)
    return None


def _new_orphans(base: list[Any], head: list[Any]) -> list[dict[str, Any]]:
    """Editorial annotations that lost their target: entries of HEAD's "orphans" array that BASE did not have."""

    def key(entry: dict[str, Any]) -> tuple[str, str]:
        return (str(entry.get("file", "")), str(entry.get("message", "")))

    seen = {key(o) for o in base if isinstance(o, dict)}
    return [o for o in head if isinstance(o, dict) and key(o) not in seen]


def _broken_links(old: _Document, new: _Document, docs: dict[str, str], changed: list[TextChange]) -> tuple[list[BrokenLink], dict[str, int]]:
    """Links that would break: every sentence's anchor (and every source page) in BASE that HEAD no longer has.
    The anchors of a page that is gone are counted with it (the second value), and listed only when a hand-written
    page links to them."""
    links = _docs_links(docs)
    new_anchors = {f"{s.get('page', '')}#{x['id']}" for s in new.sources.values() for x in s.get("sentences", [])}
    new_pages = {s.get("page") for s in new.sources.values()}
    became = {change.before["id"]: change.after.get("url", "") for change in changed if change.before["id"] != change.after["id"]}
    broken: list[BrokenLink] = []
    pages_removed: dict[str, int] = {}
    for sid, s in old.sources.items():
        page = s.get("page", "")
        gone = bool(page) and page not in new_pages
        if gone:
            pages_removed[page] = len(s.get("sentences", []))
        for sentence in s.get("sentences", []):
            url = f"{page}#{sentence['id']}"
            linked = links.get((sid, sentence["id"]), [])
            if url not in new_anchors and (linked or not gone):
                broken.append(BrokenLink(url, sid, sentence.get("text"), linked, became.get(f"{sid}.{sentence['id']}", "")))
    broken.sort(key=lambda link: (not link.linked_from,))
    return broken, pages_removed


# ---------------------------------------------------------------------------
# The Markdown report.

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~@])")
# How much of each text a line of the report shows: enough to recognise it, short enough for a list.
TITLE_CHARS = 120  # a source's or a point's title
QUOTE_CHARS = 200  # a claim quoted in a list of claims
SHORT_QUOTE_CHARS = 120  # a claim quoted after other facts (a status, a link)
MESSAGE_CHARS = 300  # an orphaned annotation's message and fix
RATING_CHARS = 60  # an editor's rating
WORD_DIFF_CHARS = 600  # a reworded claim, its removed and added words marked


def md(text: str, limit: int = QUOTE_CHARS) -> str:
    """Text from a source, safe inside Markdown: one line, shortened, special characters escaped (no HTML, no mentions)."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return _MD_SPECIAL.sub(r"\\\1", text)


NOT_SHOWN = "*(not shown: its source is displayed as excerpts)*"


def quoted(text: str | None, limit: int = QUOTE_CHARS) -> str:
    """A sentence's text for the report, or a mark that its source's page does not show it (text null)."""
    return md(text, limit) if isinstance(text, str) else NOT_SHOWN


def _code(text: str) -> str:
    text = " ".join(str(text).split()).replace("`", "'")
    return f"`{text}`"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _limited(items: list[Any], limit: int) -> tuple[list[Any], int]:
    return items[:limit], max(0, len(items) - limit)


def _status(claim: dict[str, Any]) -> str:
    status = claim.get("status")
    return f" *{status}*" if status else ""


def _word_diff(before: str, after: str) -> str:
    """The edit, word by word: ~~removed~~ **added**."""
    a, b = before.split(), after.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(md(" ".join(a[i1:i2]), 10_000))
        else:
            if i2 > i1:
                out.append(f"~~{md(' '.join(a[i1:i2]), 10_000)}~~")
            if j2 > j1:
                out.append(f"**{md(' '.join(b[j1:j2]), 10_000)}**")
    text = " ".join(out)
    return text if len(text) <= WORD_DIFF_CHARS else text[: WORD_DIFF_CHARS - 1] + "…"


def _with_site(url: str | None, site: str) -> str:
    if not url:
        return ""
    return f"{site}{url}" if site else url


def _link(label: str, url: str | None, site: str) -> str:
    target = _with_site(url, site)
    return f"[{label}]({target})" if site and target else label


def _broken_total(diff: Diff) -> int:
    """Anchors that disappear: those listed, and those of removed pages that are not listed."""
    listed_on_removed = sum(1 for b in diff.broken if b.url.split("#")[0] in diff.pages_removed)
    return len(diff.broken) + sum(diff.pages_removed.values()) - listed_on_removed


def report(diff: Diff, *, site: str = "", limit: int = 50, title: str = "Claims report") -> str:
    """The Markdown report; ``site`` (a URL ending in /) turns claim and page URLs into links; each list shows ``limit`` items."""
    lines = [f"### {title}", "", f"Comparing {_code(diff.base)} with {_code(diff.head)}.", ""]
    if diff.empty:
        lines.append(f"{NO_CHANGES}.")
        return "\n".join(lines) + "\n"
    lines.append(_summary(diff))
    if diff.claims_unchanged:
        lines += ["", f"{NO_CHANGES}."]
    lines += _section("Sources", diff.sources, _source_line, limit)
    lines += _section("Claims added", diff.claims_added, lambda c: _claim_line(c, site), limit)
    lines += _section("Claims removed", diff.claims_removed, lambda c: _claim_line(c, site, live=False), limit)
    lines += _section("Claims whose text changed", diff.claims_changed, lambda change: _changed_line(change, site), limit)
    lines += _section("Changes of status", diff.statuses, lambda change: _status_line(change, site), limit)
    lines += _section("Contested points", diff.points, lambda point: _point_line(point, site), limit)
    lines += _section("Orphaned editorial annotations", diff.orphans, _orphan_line, limit)
    lines += _broken_section(diff, limit)
    return "\n".join(lines) + "\n"


def _summary(diff: Diff) -> str:
    """The counts, in one bold line: "2 sources added, 3 claims reworded, 1 link that would break."."""
    summary = []
    counts = {kind: sum(1 for s in diff.sources if s.kind == kind) for kind in ("added", "removed", "edited")}
    for kind, n in counts.items():
        if n:
            summary.append(f"{_plural(n, 'source')} {kind}")
    for n, what in (
        (len(diff.claims_added), "claim added|claims added"),
        (len(diff.claims_removed), "claim removed|claims removed"),
        (len(diff.claims_changed), "claim reworded|claims reworded"),
        (len(diff.statuses), "change of status|changes of status"),
        (sum(1 for p in diff.points if p.kind == "new"), "new contested point|new contested points"),
        (sum(1 for p in diff.points if p.kind != "new"), "contested point changed|contested points changed"),
        (len(diff.orphans), "orphaned annotation|orphaned annotations"),
        (_broken_total(diff), "link that would break|links that would break"),
    ):
        if n:
            one, many = what.split("|")
            summary.append(f"{n} {one if n == 1 else many}")
    return "**" + ", ".join(summary) + ".**"


def _section(heading: str, items: list[Any], render: Callable[[Any], str], limit: int) -> list[str]:
    """A heading with the count, and a line per item up to ``limit``."""
    if not items:
        return []
    shown, more = _limited(items, limit)
    lines = ["", f"#### {heading} ({len(items)})", ""]
    lines.extend(render(item) for item in shown)
    if more:
        lines.append(f"- … and {more} more")
    return lines


def _source_line(s: SourceChange) -> str:
    name = f"**{md(s.title, TITLE_CHARS)}** ({_code(s.id)}, {_code(s.file)})"
    if s.kind == "edited":
        return f"- Edited: {name}: {_plural(s.sentences_added, 'sentence')} added, {s.sentences_removed} removed"
    return f"- {s.kind.capitalize()}: {name} with {_plural(s.claims, 'claim')}"


def _claim_line(c: dict[str, Any], site: str, live: bool = True) -> str:
    """A claim added (linked to the site) or removed (``live`` false: its URL is gone)."""
    label = _code(c["id"])
    return f"- {_link(label, c.get('url'), site) if live else label}{_status(c)}: {quoted(c.get('text'), QUOTE_CHARS)}"


def _changed_line(change: TextChange, site: str) -> str:
    a, b = change.before, change.after
    ids = _link(_code(b["id"]), b.get("url"), site)
    if a["id"] != b["id"]:
        ids = f"{_code(a['id'])} → {ids}"
    if not (isinstance(a.get("text"), str) and isinstance(b.get("text"), str)):
        return f"- {ids}: {quoted(a.get('text'), QUOTE_CHARS)} → {quoted(b.get('text'), QUOTE_CHARS)}"
    return f"- {ids}: {_word_diff(a['text'], b['text'])}"


def _status_line(change: StatusChange, site: str) -> str:
    c = change.claim
    before = change.before or "none"
    after = change.after or "none"
    what = f"{before} → **{after}**" if before != after else f"{after}"
    if change.origins_before != change.origins_after and change.origins_after is not None:
        what += f" ({change.origins_before} → {_plural(change.origins_after, 'independent origin')})"
    return f"- {_link(_code(c['id']), c.get('url'), site)}: {what}: {quoted(c.get('text'), SHORT_QUOTE_CHARS)}"


def _point_line(p: PointChange, site: str) -> str:
    name = _link(f"“{md(p.title, TITLE_CHARS)}”", p.url, site)
    if p.kind in ("new", "resolved"):
        held = ", ".join(f"{stance} {n}" for stance, n in p.counts.items())
        lead = "New" if p.kind == "new" else "No longer contested"
        return f"- {lead}: {name} ({held})"
    parts = []
    for stance, gained, lost in p.positions:
        if gained:
            parts.append(f"*{stance}* gains {', '.join(_code(c) for c in gained)}")
        if lost:
            parts.append(f"*{stance}* loses {', '.join(_code(c) for c in lost)}")
    if p.rating:
        parts.append(f"rating {md(str(p.rating[0] or 'none'), RATING_CHARS)} → **{md(str(p.rating[1] or 'none'), RATING_CHARS)}**")
    return f"- {name}: {'; '.join(parts)}"


def _orphan_line(o: dict[str, Any]) -> str:
    where = f"{o.get('file', '?')}:{o.get('line', '?')}"
    fix = f" ({md(o['fix'], MESSAGE_CHARS)})" if o.get("fix") else ""
    return f"- {_code(where)}: {md(o.get('message', ''), MESSAGE_CHARS)}{fix}"


def _broken_line(b: BrokenLink) -> str:
    linked = f" — **linked from** {', '.join(_code(w) for w in b.linked_from)}" if b.linked_from else ""
    now = f" (reworded: now {_code(b.now)})" if b.now else ""
    return f"- {_code(b.url)}{linked}{now}: {quoted(b.text, SHORT_QUOTE_CHARS)}"


def _broken_section(diff: Diff, limit: int) -> list[str]:
    """The pages removed with their anchors, and the anchors that disappear, those linked from a page first."""
    if not (diff.broken or diff.pages_removed):
        return []
    lines = ["", f"#### Links that would break ({_broken_total(diff)})", ""]
    if diff.pages_removed:
        pages = ", ".join(f"{_code(p)} ({_plural(n, 'sentence anchor')})" for p, n in diff.pages_removed.items())
        lines.append(f"Pages removed, with every anchor on them: {pages}.")
        lines.append("")
    if diff.broken:
        where = f"{_code(diff.base)} and not in {_code(diff.head)}"
        lines.append(f"These anchors exist in {where}: links to them, from this site or elsewhere, would break.")
        lines.append("")
        shown, more = _limited(diff.broken, limit)
        lines.extend(_broken_line(b) for b in shown)
        if more:
            lines.append(f"- … and {more} more")
    return lines


def run(
    base: str,
    head: str | None,
    project: Path,
    layout: Layout = DEFAULT_LAYOUT,
    *,
    site: str = "",
    limit: int = 50,
    names: tuple[str, str] = ("", ""),
) -> tuple[Diff, str]:
    """Load both sides, compare them and write the report; ``names`` replace the sides' labels in it."""
    old, new = load(base, project, layout), load(head, project, layout)
    old.label, new.label = names[0] or old.label, names[1] or new.label
    result = compare(old, new)
    return result, report(result, site=site, limit=limit)
