"""What editors add to the analysis.

- :mod:`.editorial`: the editorial files (corrections, notes, references, contested points, reviews),
  read and applied to the analysis;
- :mod:`.reviews`: whether an editor reviewed each link, point, status and hedge mark;
- :mod:`.review_queue`: ``provenance review``, the automatic marks that most need an editor.
"""
