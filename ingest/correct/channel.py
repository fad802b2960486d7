"""The learned OCR channel: edit costs from how Tesseract garbled the fitting pages.

distance.py's costs are set by hand from glyph shapes; these come from counts
(bench/data/correct/fit_channel.py -> corpus/lexicon/channel.json): a glyph confusion costs
-ln of its odds against the glyph printed right, so the distance ranks candidates by how likely
this OCR engine was to print what it printed. The learned review weighs both distances. Glyph
pairs too rare to count cost a full edit; the multi-glyph confusions (rn -> m, cl -> d) keep
their hand costs, which single-glyph counts cannot see.
"""

from __future__ import annotations

import json
from pathlib import Path

from ingest.correct.distance import CONFUSIONS, STRAY_MARKS
from ingest.correct.distance_kernel import CLASS_LIMIT, CostTables
from ingest.correct.errors import LexiconMissingError

CHANNEL_FILE = "channel.json"
_TRIM_MARGIN = 2  # as in distance.py: keeps a multi-glyph confusion at a shared edge visible


class Channel:
    """The learned cost tables, compiled once."""

    def __init__(self, tables: CostTables) -> None:
        self._tables = tables

    @classmethod
    def load(cls, path: Path) -> Channel:
        if not path.is_file():
            raise LexiconMissingError(path)
        data = json.loads(path.read_text(encoding="utf-8"))

        def usable(glyphs: str) -> bool:
            return all(ord(glyph) < CLASS_LIMIT for glyph in glyphs)

        single = tuple(
            (printed, true, float(cost))
            for printed, true, cost in data["substitutions"]
            if usable(printed + true)
        )
        multi = tuple(entry for entry in CONFUSIONS if len(entry[0]) > 1 or len(entry[1]) > 1)
        tables = CostTables(
            single + multi,
            STRAY_MARKS,  # too rare inside words to count: their hand cost stands
            frozenset(),
            delete_stray=0.2,
            insert_thin=1.0,
            delete_costs={g: float(c) for g, c in data["deletions"].items() if usable(g)},
            insert_costs={g: float(c) for g, c in data["insertions"].items() if usable(g)},
        )
        return cls(tables)

    def distances(self, printed: str, candidates: list[str]) -> list[float]:
        """The learned-channel distance from the printed word to each candidate (lower-case)."""
        return self._tables.distances(printed, candidates, _TRIM_MARGIN)
