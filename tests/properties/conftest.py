"""Hypothesis profiles for the property tests.

``ci`` (the default) runs few examples so the suite stays fast; ``deep`` hunts for new failures
(``HYPOTHESIS_PROFILE=deep .venv/bin/python -m pytest tests/properties``). Both have no deadline
(a loaded machine must not fail a test for being slow: hangs are caught by the tests' own sizes)
and no example database (tests never write into the checkout; a failure prints its reproduction).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=60, **_COMMON)
settings.register_profile("deep", max_examples=3000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
