"""Provenance: tie every claim of a set of source documents to the exact passage that makes it.

The package is a pure-Python core (everything except :mod:`provenance.plugin` and
:mod:`provenance.config`) plus a thin MkDocs plugin. The core never imports MkDocs.
"""

__version__ = "0.1.0"
