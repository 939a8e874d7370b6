"""What leaves the site as data.

- :mod:`.export`: ``provenance.json`` and ``annotations.jsonld`` (schema in docs/reference/export.md);
- :mod:`.diff`: ``provenance diff``, what a change does to the claims, from two ``provenance.json``.
"""
