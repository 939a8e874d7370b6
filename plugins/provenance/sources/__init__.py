"""Sources: the source files read and cut into sentences, and source files made from web pages, saved
pages and PDFs.

The first stage of the pipeline (:mod:`provenance.pipeline` runs it):

- :mod:`.ingest`: a source file decoded, its metadata (the sidecar first, then the text's title
  line, byline and dateline), its readable id; the corpus of a seeds folder;
- :mod:`.sidecar`: the metadata file beside each source, read with :mod:`.yamlfile`, the one YAML
  reader of sidecars and editorial files;
- :mod:`.segment`: paragraphs, lines and sentences with exact offsets; :mod:`.roles`: the role of
  each sentence (title, byline, dateline, heading, body).

``provenance add``, in the order it runs:

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
