"""Problems found in the input, reported as ``file:line: message`` with a fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one input file.

    ``severity`` is ``"error"`` (the output would be wrong or misleading) or
    ``"warning"`` (the output is right but something needs an editor's look).
    Both fail ``mkdocs build --strict``.
    """

    file: str
    line: int | None
    message: str
    fix: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" (fix: {self.fix})"
        return text


class ProvenanceError(Exception):
    """Raised by the core when input cannot be used at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset (lines end in LF, CR LF or CR alone)."""
    end = max(0, offset)
    return text.count("\n", 0, end) + text.count("\r", 0, end) - text.count("\r\n", 0, end) + 1
