"""OCR-aware weighted edit distance: glyph confusions and stray marks cost less than other edits.

Both strings are compared lower-cased; the first is what OCR printed, the second a lexicon word.
"""

from __future__ import annotations

from functools import lru_cache

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

_SINGLE: dict[tuple[str, str], float] = {}
# Multi-glyph confusions keyed by the last printed glyph, so each DP cell checks only a few.
_MULTI: dict[str, list[tuple[str, str, float]]] = {}
for _printed, _true, _cost in CONFUSIONS:
    if len(_printed) == 1 and len(_true) == 1:
        _SINGLE[(_printed, _true)] = _cost
    else:
        _MULTI.setdefault(_printed[-1], []).append((_printed, _true, _cost))


def _delete_cost(char: str) -> float:
    return 0.2 if char in STRAY_MARKS else 1.0


def _insert_cost(char: str) -> float:
    return 0.7 if char in THIN_GLYPHS else 1.0


# Glyphs kept on each side of a trimmed common prefix/suffix, so a multi-glyph confusion
# ('rn' -> 'm', 'l<' -> 'k') that starts inside the shared part is still seen.
_TRIM_MARGIN = 2


@lru_cache(maxsize=65536)
def ocr_distance(printed: str, true: str) -> float:
    """Weighted Damerau-Levenshtein distance from the OCR text to a candidate (both lower-case).
    A shared prefix and suffix cost nothing and are trimmed first: the table shrinks by half
    for most garble ('mungundung' / 'mengundang')."""
    start = 0
    shortest = min(len(printed), len(true))
    while start < shortest and printed[start] == true[start]:
        start += 1
    start = max(0, start - _TRIM_MARGIN)
    end = 0
    while end < shortest - start and printed[-1 - end] == true[-1 - end]:
        end += 1
    end = max(0, end - _TRIM_MARGIN)
    if start or end:
        return _table_distance(printed[start : len(printed) - end], true[start : len(true) - end])
    return _table_distance(printed, true)


def _table_distance(printed: str, true: str) -> float:
    rows, cols = len(printed) + 1, len(true) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        table[i][0] = table[i - 1][0] + _delete_cost(printed[i - 1])
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + _insert_cost(true[j - 1])
    inserts = [_insert_cost(char) for char in true]
    for i in range(1, rows):
        char, delete = printed[i - 1], _delete_cost(printed[i - 1])
        multi = _multi_ending_at(printed, i)
        row, above = table[i], table[i - 1]
        for j in range(1, cols):  # the hot loop: comparisons instead of min() calls
            wanted = true[j - 1]
            best = above[j] + delete
            inserted = row[j - 1] + inserts[j - 1]
            if inserted < best:
                best = inserted
            substituted = above[j - 1] + (
                0.0 if char == wanted else _SINGLE.get((char, wanted), 1.0)
            )
            if substituted < best:
                best = substituted
            if i > 1 and j > 1 and char == true[j - 2] and printed[i - 2] == wanted:
                best = min(best, table[i - 2][j - 2] + 1.0)
            for length, target, cost in multi:
                if true.endswith(target, 0, j):
                    best = min(best, table[i - length][j - len(target)] + cost)
            row[j] = best
    return table[-1][-1]


def _multi_ending_at(printed: str, i: int) -> list[tuple[int, str, float]]:
    """(printed length, true glyphs, cost) of the multi-glyph confusions printed[:i] ends with:
    found once per row instead of once per cell."""
    return [
        (len(source), target, cost)
        for source, target, cost in _MULTI.get(printed[i - 1], ())
        if len(source) <= i and printed.endswith(source, 0, i)
    ]


def confusion_readings(printed: str) -> set[str]:
    """The printed word with one multi-glyph confusion undone ('yarig' -> 'yang', 'clan' -> 'dan'):
    these are two plain edits away but one glyph confusion, so they are looked up directly."""
    readings = set()
    for pairs in _MULTI.values():
        for source, target, _ in pairs:
            start = printed.find(source)
            while start >= 0:
                readings.add(printed[:start] + target + printed[start + len(source) :])
                start = printed.find(source, start + 1)
    return readings
