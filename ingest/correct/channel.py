"""The learned OCR channel: edit costs from how Tesseract garbled the fitting pages.

distance.py's costs are set by hand from glyph shapes; these come from counts
(bench/data/correct/fit_channel.py -> corpus/lexicon/channel.json): a glyph confusion costs
-ln of its odds against the glyph printed right, so the distance ranks candidates by how likely
this OCR engine was to print what it printed. The learned review weighs both distances. Glyph
pairs too rare to count cost a full edit; a glyph pair or stray mark distance.py lists costs at
most its hand cost; the multi-glyph confusions (rn -> m, cl -> d) keep their hand costs, which
single-glyph counts cannot see.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ingest.correct.distance import CONFUSIONS, DELETE_STRAY, STRAY_MARKS
from ingest.correct.distance_kernel import CLASS_LIMIT, CostTables
from ingest.correct.errors import LexiconMissingError

CHANNEL_FILE = "channel.json"
_TRIM_MARGIN = 2  # as in distance.py: keeps a multi-glyph confusion at a shared edge visible


def channel_digest(path: Path) -> str:
    """The SHA-256 of a channel file: the review model records the one it was fitted on."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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

        # The hand costs stay a ceiling: the fitting pages are synthetic, and a confusion of
        # real phone scans they rarely show (l/i in 'dlberlkan') must stay cheap. Multi-glyph
        # confusions (rn -> m) keep their hand costs: single-glyph counts cannot see them.
        confusions = {(printed, true): cost for printed, true, cost in CONFUSIONS}
        for printed, true, cost in data["substitutions"]:
            if usable(printed + true):
                confusions[printed, true] = min(float(cost), confusions.get((printed, true), 1.0))
        deletions = {glyph: min(float(cost), DELETE_STRAY if glyph in STRAY_MARKS else 1.0)
                     for glyph, cost in data["deletions"].items() if usable(glyph)}  # fmt: skip
        tables = CostTables(
            tuple((printed, true, cost) for (printed, true), cost in confusions.items()),
            STRAY_MARKS,  # rarely counted inside words: their hand cost stands
            frozenset(),  # lost glyphs are counted, thin or not
            delete_stray=DELETE_STRAY,
            insert_thin=1.0,
            delete_costs=deletions,
            insert_costs={g: float(c) for g, c in data["insertions"].items() if usable(g)},
        )
        return cls(tables)

    def distances(self, printed: str, candidates: list[str]) -> list[float]:
        """The learned-channel distance from the printed word to each candidate (lower-case)."""
        return self._tables.distances(printed, candidates, _TRIM_MARGIN)

    def grouped_distances(self, groups: list[tuple[str, list[str]]]) -> list[list[float]]:
        """`distances` for each (printed word, candidates) pair, in one compiled call."""
        return self._tables.grouped(groups, _TRIM_MARGIN)
