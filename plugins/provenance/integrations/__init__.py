"""Everything that meets a site generator: the only code that may import MkDocs, ProperDocs, Zensical,
Jinja or Python-Markdown (tests/test_core_isolation.py).

- :mod:`.mkdocs`: the plugin, for MkDocs and ProperDocs, its options, the theme corrections and the
  theme files (``mkdocs/theme/``), the active markup of editorial notes;
- :mod:`.markdown`: the Python-Markdown extensions: citations on hand-written pages, the notes'
  roles for screen readers;
- :mod:`.pages`: ``provenance pages``, the generated pages written as files for engines without
  plugins (Zensical); :mod:`.site_config` reads ``mkdocs.yml`` without an engine;
- ``assets/``: the stylesheet every engine's site gets.

:mod:`.pages` and :mod:`.site_config` import no engine either; they live here because they know
``mkdocs.yml`` and where an engine picks files up.
"""
