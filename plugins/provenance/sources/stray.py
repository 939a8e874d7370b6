"""Files in the seeds folder that the build cannot read: each is named, with the command that
turns it into a source, instead of being silently ignored."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import Problem

ADDABLE = {".html", ".htm", ".xhtml", ".pdf"}  # `provenance add` reads these
OFFICE = {".docx", ".doc", ".odt", ".rtf", ".pages", ".epub", ".mhtml", ".mht", ".webarchive"}
IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".tif", ".tiff", ".heic", ".bmp", ".avif"}


def advice(shown: str, suffix: str) -> str:
    """How to turn the file ``shown`` (as named in messages) into a source."""
    if suffix in ADDABLE:
        return f"run 'provenance add {shlex.quote(shown)}' to extract its text into a source (the file then moves to originals/)"
    if suffix in OFFICE:
        return f"save it as PDF, then run 'provenance add' on the PDF (and move {shown} out of the seeds folder)"
    if suffix in IMAGES:
        return "a source is text: for a scanned page, run OCR on it (e.g. ocrmypdf) and 'provenance add' the PDF; otherwise move it out of the seeds folder"
    return "only .txt, .md and .text files and their .yml sidecars are read: convert it, or move it out of the seeds folder"


def problems(directory: Path, readable: Iterable[str], show: Callable[[Path], str]) -> list[Problem]:
    """A warning for each visible file at the top of ``directory`` whose suffix is not in ``readable``."""
    known = {s.lower() for s in readable}
    found = []
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix.lower() in known:
            continue
        shown = show(path)
        found.append(Problem(shown, None, "is not a source and is not read", advice(shown, path.suffix.lower()), "warning"))
    return found
