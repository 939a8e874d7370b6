"""The test suite. It never writes into the checkout (conftest.py fails a session that does): not
even Python's bytecode caches, for the test modules and for the builds and commands they start."""

import os
import sys

sys.dont_write_bytecode = True
os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
