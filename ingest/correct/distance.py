"""OCR-aware weighted edit distance: glyph confusions and stray marks cost less than other edits.

Both strings are compared lower-cased; the first is what OCR printed, the second a lexicon word.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.correct.distance_kernel import CostTables

# (printed by OCR, true text, cost). Shapes Tesseract confuses on phone scans of Latin print.
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("l", "i", 0.3), ("1", "i", 0.3), ("1", "l", 0.3), ("i", "l", 0.35), ("|", "l", 0.3),
    ("|", "i", 0.3), ("!", "i", 0.3), ("j", "i", 0.5), ("t", "i", 0.6), ("f", "t", 0.5),
    ("t", "f", 0.5), ("0", "o", 0.3), ("o", "0", 0.3), ("5", "s", 0.3), ("s", "5", 0.3),
    ("2", "z", 0.4), ("z", "2", 0.4), ("8", "b", 0.5), ("6", "b", 0.5), ("9", "g", 0.5),
    ("q", "g", 0.5), ("c", "e", 0.4), ("e", "c", 0.4), ("a", "o", 0.6), ("o", "a", 0.6),
    ("n", "u", 0.5), ("u", "n", 0.5), ("h", "b", 0.5), ("b", "h", 0.5), ("v", "y", 0.5),
    ("y", "v", 0.5), ("v", "w", 0.6), ("r", "n", 0.6), ("n", "r", 0.6), ("m", "n", 0.6),
    ("n", "m", 0.6), ("k", "x", 0.6), ("b", "d", 0.6), ("d", "b", 0.6), ("p", "g", 0.6),
    ("rn", "m", 0.3), ("m", "rn", 0.3), ("m", "rr", 0.4), ("nn", "m", 0.4), ("m", "nn", 0.4),
    ("cl", "d", 0.3), ("d", "cl", 0.3), ("li", "h", 0.3), ("h", "li", 0.3), ("lı", "h", 0.3),
    ("vv", "w", 0.3), ("w", "vv", 0.3), ("ri", "n", 0.4), ("n", "ri", 0.4), ("ni", "m", 0.4),
    ("in", "m", 0.4), ("m", "in", 0.4), ("iu", "m", 0.5), ("tf", "u", 0.5),
    ("\\{v", "w", 0.3), ("{v", "w", 0.3), ("l<", "k", 0.3), ("lc", "k", 0.4), ("ii", "u", 0.5),
    ("u", "ii", 0.5), ("rt", "n", 0.5), ("ln", "h", 0.4), ("fl", "fi", 0.3), ("f", "k", 0.6),
    ("lf", "k", 0.4), ("ti", "h", 0.5), ("o", "e", 0.5), ("e", "o", 0.5), ("a", "e", 0.5),
    ("e", "a", 0.5), ("u", "e", 0.6), ("e", "u", 0.6), ("tt", "d", 0.5), ("ts", "n", 0.6),
    ("o", "u", 0.6), ("u", "o", 0.6), ("a", "u", 0.6), ("u", "a", 0.6), ("e", "i", 0.6),
    ("i", "e", 0.6), ("#", "e", 0.4), ("@", "d", 0.5), ("@", "a", 0.5),
)  # fmt: skip
# Marks OCR sprinkles into words: deleting one is nearly free.
STRAY_MARKS = frozenset("\\{}[]_|'’‘`\".,:;^~*")
# Thin glyphs that blur away: restoring one costs less than a full insertion.
THIN_GLYPHS = frozenset("iltfrj")

# Deleting a stray mark, and restoring a thin glyph.
DELETE_STRAY, INSERT_THIN = 0.2, 0.7

_TABLES = CostTables(
    CONFUSIONS, STRAY_MARKS, THIN_GLYPHS, delete_stray=DELETE_STRAY, insert_thin=INSERT_THIN
)
# Multi-glyph confusions, for the readings below, by the first glyph of what OCR printed.
_MULTI: dict[str, list[tuple[str, str]]] = {}
for _printed, _true, _ in CONFUSIONS:
    if len(_printed) > 1 or len(_true) > 1:
        _MULTI.setdefault(_printed[0], []).append((_printed, _true))


# Glyphs kept on each side of a trimmed common prefix/suffix, so a multi-glyph confusion
# ('rn' -> 'm', 'l<' -> 'k') that starts inside the shared part is still seen.
_TRIM_MARGIN = 2


@lru_cache(maxsize=65536)
def ocr_distance(printed: str, true: str) -> float:
    """Weighted Damerau-Levenshtein distance from the OCR text to a candidate (both lower-case)."""
    return _TABLES.distances(printed, [true], _TRIM_MARGIN)[0]


def ocr_distances(printed: str, candidates: list[str]) -> list[float]:
    """`ocr_distance` to each candidate in one compiled call (the corrector's hot path). A
    shared prefix and suffix cost nothing and are trimmed first: the table shrinks by half for
    most garble ('mungundung' / 'mengundang')."""
    return _TABLES.distances(printed, candidates, _TRIM_MARGIN)


def ocr_distance_groups(groups: list[tuple[str, list[str]]]) -> list[list[float]]:
    """`ocr_distances` of each (printed word, candidates) pair, all in one compiled call."""
    return _TABLES.grouped(groups, _TRIM_MARGIN)


def confusion_readings(printed: str) -> set[str]:
    """The printed word with one multi-glyph confusion undone ('yarig' -> 'yang', 'clan' -> 'dan'):
    these are two plain edits away but one glyph confusion, so they are looked up directly."""
    readings = set()
    for glyph in set(printed).intersection(_MULTI):  # only confusions whose glyphs occur
        for source, target in _MULTI[glyph]:
            start = printed.find(source)
            while start >= 0:
                readings.add(printed[:start] + target + printed[start + len(source) :])
                start = printed.find(source, start + 1)
    return readings
