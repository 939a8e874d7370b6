"""The MkDocs plugin (also run by ProperDocs): :mod:`.plugin`, its options (:mod:`.config`), the
corrections of Material's templates (:mod:`.theming`, with ``theme/``) and the active markup of
editorial notes (:mod:`.active_markup`)."""
