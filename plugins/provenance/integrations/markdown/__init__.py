"""Python-Markdown extensions: :mod:`.citations` resolves ``[@...]`` citations on hand-written pages
(named ``provenance.citations_md`` in ``markdown_extensions``, an old name kept by ``provenance.MOVED``);
:mod:`.footnote_roles` gives the notes their roles for screen readers."""
