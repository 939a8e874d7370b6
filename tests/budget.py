"""Run a snippet in a fresh interpreter with a generous time limit, for work that must stay linear.

The sizes are chosen so that quadratic behaviour takes minutes and linear behaviour well under a
second: the limit is far from both, so a loaded machine cannot fail the test and a regression
cannot pass it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

GENEROUS = 60.0  # seconds; the linear work takes under a second, the quadratic several minutes


def finishes(code: str, seconds: float = GENEROUS) -> str:
    """Run ``code``; return what it prints, or fail the test if it is still running after ``seconds``."""
    try:
        done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"still running after {seconds:.0f} s: the work grows faster than the input") from exc
    assert done.returncode == 0, done.stderr
    return done.stdout
