"""``python -m provenance.cli``."""

from .commands import main

raise SystemExit(main())
