"""Hypothesis profiles for the property tests.

``ci`` (the default) runs few examples so the suite stays fast; ``deep`` hunts for new failures
(``HYPOTHESIS_PROFILE=deep .venv/bin/python -m pytest tests/properties``). Both have no deadline
(a loaded machine must not fail a test for being slow: hangs are caught by the tests' own sizes)
and no example database; Hypothesis' own caches (Unicode tables, constants) go to a temporary
folder: tests never write into the checkout. A failure prints its reproduction.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

_HOME = tempfile.mkdtemp(prefix="provenance-hypothesis-")
set_hypothesis_home_dir(_HOME)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=60, **_COMMON)
settings.register_profile("deep", max_examples=3000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
