"""One phrasing per fact kind, behind one interface (`base.Phrasing`), as `export/` has one
module per format: the words live in the template files, the grammar here."""
from __future__ import annotations

from . import date, meeting, quantity, quote, role, stance, visit
from .base import Phrasing

PHRASINGS: dict[str, Phrasing] = {module.PHRASING.fact_type: module.PHRASING
                                  for module in (role, meeting, quantity, date, stance, visit, quote)}
DERIVED: tuple[str, ...] = tuple(sorted({d for p in PHRASINGS.values() for d in p.derived}))

__all__ = ["PHRASINGS", "DERIVED", "Phrasing"]
