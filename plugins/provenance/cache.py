"""The analysis cache on disk, in the manner of Material's social plugin: each output is keyed by
a hash of its inputs (content, plugin version, configuration), so unchanged inputs skip all work.

Two levels:
- **source**: one source read, split and analysed on its own (sentences, roles, attribution,
  hedges, stances), keyed by the bytes of the source and its sidecar;
- **corpus**: the whole result (corroboration, contested points, editorial layer), keyed by the
  keys of all sources and the bytes of the editorial files.
A rebuild where nothing changed loads the corpus entry and does no analysis; a rebuild where one
source changed reuses every other source's entry and redoes the cross-source stages.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 4  # bump when the pickled records change shape (2: editors' decisions are records; 3: sources keep their
# share of the corpus-level step, records have slots, generated pages are cached; 4: records pickle as tuples,
# pages in one pack)


def code_fingerprint() -> str:
    """A hash of the plugin's own code, so that a changed analysis never reuses old results, even
    between releases (editable installs, development)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def libraries() -> str:
    """Versions of the libraries whose output the analysis stores (a new segmenter splits differently)."""
    from importlib import metadata

    found = []
    for name in ("sentencex", "snowballstemmer", "python-dateutil", "rapidfuzz", "scipy"):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return ",".join(found)


class Cache:
    def __init__(self, folder: Path, config: str = "") -> None:
        self.folder = folder
        self.salt = f"provenance {__version__} code {code_fingerprint()} libraries {libraries()} format {FORMAT} {config}"
        self.hits = {"source": 0, "corpus": 0}
        self.misses = {"source": 0, "corpus": 0}

    def key(self, *parts: bytes | str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / f"{key}.pickle"

    def get(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)  # noqa: S301 (our own files, keyed by content hash)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.misses[kind] += 1
            return None
        self.hits[kind] += 1
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)  # atomic: a crash never leaves half a file
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self, kind: str, keep: set[str]) -> None:
        """Remove entries not used by the current build, so the folder does not grow without end."""
        folder = self.folder / kind
        if not folder.is_dir():
            return
        for path in folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)


def _version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


class PageCache:
    """Generated pages' HTML, compressed, keyed by the hash of exactly the inputs each is made from
    (:func:`provenance.render.site.page_inputs`) and the cache's salt (plugin version and code,
    configuration).

    Stored as one file, ``pages/pages.pack``: the compressed HTML of every page the last build used, one
    after the other, then an index (key -> offset and length; quick key -> key) and the index's offset.
    A build reads the entries it reuses from the last build's pack and writes its own pack as it goes
    (a page it reuses is copied as stored, without decompressing and compressing it again), then puts it
    in place of the old one with :meth:`PageCache.save`: one file written per build rather than one or two per page
    (on this project's machine, creating a file costs more than writing a page), and only the pages of
    the last build are ever kept. A build that stops before :meth:`PageCache.save` leaves the last pack as it was."""

    PACK = "pages.pack"
    MAGIC = b"provenance pages 1\n"
    LEVEL = 1  # zlib's fastest level: the pages are read back once per build, size matters less than time

    def __init__(self, cache: Cache, settings: str = "") -> None:
        self.cache = cache
        # Every option of the plugin (one that changes how pages read changes every key), and the version of
        # Python-Markdown, which renders editors' notes inside the pages.
        self.settings = f"{settings} markdown={_version('markdown')}"
        self.folder = cache.folder / "pages"
        self.hits = 0
        self.misses = 0
        self._old_file, self._old_index, self._old_aliases = _open_pack(self.folder / self.PACK, self.MAGIC)
        self._new_file: Any = None  # this build's pack, written as pages are used
        self._index: dict[str, tuple[int, int]] = {}  # key -> (offset, length) in this build's pack
        self._aliases: dict[str, str] = {}  # quick key -> key, for this build's pack

    def html(self, inputs: str | None | Callable[[], str | None], render: Callable[[], str], quick: str | None = None) -> str:
        """The page's HTML: from the cache when a page with these inputs was rendered before, else ``render()``.

        ``quick`` is a fingerprint that is cheap to compute and changes more often than ``inputs`` (the
        whole result's): looked up first, so a build where nothing changed never computes ``inputs``,
        which may be given as a function for that reason. The quick key names the entry of ``inputs``
        (an alias), so both stay used and the HTML is stored once."""
        quick_key = self.cache.key("page", self.settings, "quick", quick) if quick is not None else None
        if quick_key is not None:
            alias = self._aliases.get(quick_key) or self._old_aliases.get(quick_key)
            found = self._use(alias) if alias else None
            if found is not None:
                self.hits += 1
                self._aliases[quick_key] = alias
                return found
        precise = inputs() if callable(inputs) else inputs
        if precise is None:
            return render()
        key = self.cache.key("page", self.settings, precise)
        found = self._use(key)
        if found is None:
            self.misses += 1
            found = render()
            self._store(key, zlib.compress(found.encode("utf-8"), self.LEVEL))
        else:
            self.hits += 1
        if quick_key is not None:
            self._aliases[quick_key] = key
        return found

    def stored(self) -> set[str]:
        """The keys (and quick keys) of the pages in the pack on disk."""
        return set(self._old_index) | set(self._old_aliases)

    def _use(self, key: str) -> str | None:
        """The page stored under ``key`` (kept for this build's pack), or None."""
        data = self._blob(key)
        if data is None:
            return None
        try:
            html = zlib.decompress(data).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None
        self._store(key, data)
        return html

    def _blob(self, key: str) -> bytes | None:
        for file, index in ((self._new_file, self._index), (self._old_file, self._old_index)):
            place = index.get(key)
            if place is not None and file is not None:
                try:
                    data = os.pread(file.fileno(), place[1], place[0])
                except (OSError, ValueError):
                    return None
                return data if len(data) == place[1] else None
        return None

    def _store(self, key: str, data: bytes) -> None:
        if key in self._index:
            return
        try:
            if self._new_file is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._new_file = tempfile.NamedTemporaryFile("w+b", dir=self.folder, prefix=".pack-", delete=False)  # noqa: SIM115 (closed in save)
                self._new_file.write(self.MAGIC)
            offset = self._new_file.tell()
            self._new_file.write(data)
            self._new_file.flush()  # read back with pread when a page is used twice
            self._index[key] = (offset, len(data))
        except OSError:
            pass  # a cache that cannot be written only costs time

    def save(self) -> None:
        """Put this build's pack in place of the last one: only the pages this build used are kept."""
        new, self._new_file = self._new_file, None
        if self._old_file is not None:
            self._old_file.close()
            self._old_file = None
        if new is None:
            return
        try:
            offset = new.tell()
            new.write(pickle.dumps((self._index, self._aliases), protocol=pickle.HIGHEST_PROTOCOL))
            new.write(offset.to_bytes(8, "little"))
            new.close()
            os.replace(new.name, self.folder / self.PACK)  # atomic: a reader sees the old pack or the new one
        except OSError:
            new.close()
            Path(new.name).unlink(missing_ok=True)
        self._old_file, self._old_index, self._old_aliases = _open_pack(self.folder / self.PACK, self.MAGIC)
        self._index, self._aliases = {}, {}
        for stale in self.folder.glob(".pack-*"):  # left by builds that stopped half-way
            if stale.name != Path(new.name).name:
                stale.unlink(missing_ok=True)


def _open_pack(path: Path, magic: bytes) -> tuple[Any, dict[str, tuple[int, int]], dict[str, str]]:
    """The pack at ``path``, opened, with its index; or nothing, when it is missing or damaged."""
    try:
        file = path.open("rb")
    except OSError:
        return None, {}, {}
    try:
        size = file.seek(0, os.SEEK_END)
        file.seek(size - 8)
        offset = int.from_bytes(file.read(8), "little")
        file.seek(0)
        if file.read(len(magic)) != magic or not len(magic) <= offset < size - 8:
            raise ValueError("not a pack")
        file.seek(offset)
        index, aliases = pickle.loads(file.read(size - 8 - offset))  # noqa: S301 (our own file)
        if not isinstance(index, dict) or not isinstance(aliases, dict):
            raise ValueError("not a pack")
        return file, index, aliases
    except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
        file.close()
        return None, {}, {}
