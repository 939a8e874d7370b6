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

FORMAT = 3  # bump when the pickled records change shape (2: editors' decisions are records; 3: sources keep their
# share of the corpus-level step, records have slots, generated pages are cached)


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
    """Generated pages' HTML, compressed, one file per page keyed by the hash of exactly the inputs it is
    made from (:func:`provenance.render.site.page_inputs`) and the cache's salt (plugin version and code,
    configuration). Only the pages of the last build are kept (:meth:`PageCache.prune`)."""

    def __init__(self, cache: Cache, settings: str = "") -> None:
        self.cache = cache
        # Every option of the plugin (one that changes how pages read changes every key), and the version of
        # Python-Markdown, which renders editors' notes inside the pages.
        self.settings = f"{settings} markdown={_version('markdown')}"
        self.folder = cache.folder / "pages"
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def html(self, inputs: str | None | Callable[[], str | None], render: Callable[[], str], quick: str | None = None) -> str:
        """The page's HTML: from the cache when a page with these inputs was rendered before, else ``render()``.

        ``quick`` is a fingerprint that is cheap to compute and changes more often than ``inputs`` (the
        whole result's): looked up first, so a build where nothing changed never computes ``inputs``,
        which may be given as a function for that reason. The entry under ``quick`` names the entry of
        ``inputs`` (an alias), so both stay used and the HTML is stored once."""
        quick_key = self.cache.key("page", self.settings, "quick", quick) if quick is not None else None
        if quick_key is not None:
            self.used.add(quick_key)
            alias = self._alias(quick_key)
            found = self._read(alias) if alias else None
            if found is not None:
                self.hits += 1
                return found
        precise = inputs() if callable(inputs) else inputs
        if precise is None:
            return render()
        key = self.cache.key("page", self.settings, precise)
        found = self._read(key)
        if found is None:
            self.misses += 1
            found = render()
            self._write(f"{key}.html.z", zlib.compress(found.encode("utf-8"), 6))
        else:
            self.hits += 1
        if quick_key is not None:
            self._write(f"{quick_key}.alias", key.encode())
        return found

    def _alias(self, quick_key: str) -> str | None:
        try:
            return (self.folder / f"{quick_key}.alias").read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def _read(self, key: str) -> str | None:
        self.used.add(key)
        try:
            return zlib.decompress((self.folder / f"{key}.html.z").read_bytes()).decode("utf-8")
        except (OSError, zlib.error, UnicodeDecodeError):
            return None

    def _write(self, name: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, delete=False) as handle:
                handle.write(data)
            os.replace(handle.name, self.folder / name)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Remove the pages this build did not use (pages of earlier builds' inputs)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.split(".", 1)[0] not in self.used:
                path.unlink(missing_ok=True)
