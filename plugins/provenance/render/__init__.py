"""Turn the pipeline's records into HTML fragments (pure functions, no MkDocs)."""
