"""The ``provenance`` command line: :mod:`.commands` (every subcommand), :mod:`.check` (``provenance check``).
``python -m provenance.cli`` runs it too."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """``provenance.cli:main``, the script of installs made before the command moved to :mod:`.commands`."""
    from .commands import main as run

    return run(argv)
