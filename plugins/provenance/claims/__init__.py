"""Sentences become claims, and passages are pointed at.

- :mod:`.claims`: which body sentences state something checkable, and their ids;
- :mod:`.anchor`: selectors (quote and position) that point at a passage, and re-anchoring them;
- :mod:`.cite`: the citation syntax of hand-written pages, resolved against the sources;
- :mod:`.pointers`: a pointer by claim id kept true when its sentence is edited, with
  :mod:`.memory`, the words of each claim earlier runs saw.
"""
