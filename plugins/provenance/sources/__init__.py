"""Sources as editors have them: web pages, saved pages and PDFs turned into source files.

Read in the order ``provenance add`` runs them:

- :mod:`.fetch`: one HTTP(S) request with limits (time, size, redirects), the only network access;
- :mod:`.webpage`: decoding a page (its charset from the headers or the page) and extracting the
  article's text and metadata with trafilatura; :mod:`.boilerplate` drops the lines it leaves
  behind (share prompts, "Read more" links, newsletter offers);
- :mod:`.pdf`: the text of a PDF, page by page, with pypdf;
- :mod:`.add`: the command itself: the text file, its sidecar and the kept original, written
  all at once or not at all;
- :mod:`.stray`: files in the seeds folder the build cannot read, named with the command that
  turns each into a source;
- :mod:`.excerpts`: which sentences a site shows of a source it may only quote.

Nothing here imports MkDocs; only :mod:`.fetch` touches the network, and only the command runs it.
"""
