"""The OCR-weighted edit distance table, compiled with numba.

The corrector scores every candidate of every unknown word with this distance; in pure Python
the table was ~40% of the corrector's time (~75 us a pair). Compiled it is ~1 us, so the cost
tables of distance.py can stay rich. Strings travel as arrays of code points; glyph costs are
looked up through a compact class per code point (glyphs the cost tables name get a class,
every other glyph shares class 0, where a substitution costs the full 1.0).
"""

from __future__ import annotations

from itertools import accumulate

import numpy as np
from numba import njit

# Code points above this have no class (they cost full edits), which keeps the lookup small.
CLASS_LIMIT = 0x10000
NO_CLASS = 0


class CostTables:
    """The cost tables of distance.py as arrays the compiled table reads."""

    def __init__(
        self,
        confusions: tuple[tuple[str, str, float], ...],
        stray_marks: frozenset[str],
        thin_glyphs: frozenset[str],
        delete_stray: float,
        insert_thin: float,
        delete_costs: dict[str, float] | None = None,
        insert_costs: dict[str, float] | None = None,
    ) -> None:
        """`delete_costs` / `insert_costs` (per glyph) override the stray and thin defaults."""
        delete_costs, insert_costs = delete_costs or {}, insert_costs or {}
        glyphs = sorted(
            {c for printed, true, _ in confusions for c in printed + true}
            | stray_marks
            | thin_glyphs
            | set(delete_costs)
            | set(insert_costs)
        )
        self.classes = np.zeros(CLASS_LIMIT, dtype=np.int32)
        for number, glyph in enumerate(glyphs, start=1):
            self.classes[ord(glyph)] = number
        size = len(glyphs) + 1
        self.substitute = np.ones((size, size), dtype=np.float64)
        self.delete = np.ones(size, dtype=np.float64)
        self.insert = np.ones(size, dtype=np.float64)
        for glyph in stray_marks:
            self.delete[self.classes[ord(glyph)]] = delete_stray
        for glyph in thin_glyphs:
            self.insert[self.classes[ord(glyph)]] = insert_thin
        for glyph, cost in delete_costs.items():
            self.delete[self.classes[ord(glyph)]] = cost
        for glyph, cost in insert_costs.items():
            self.insert[self.classes[ord(glyph)]] = cost
        multi = [entry for entry in confusions if len(entry[0]) > 1 or len(entry[1]) > 1]
        for printed, true, cost in confusions:
            if len(printed) == 1 and len(true) == 1:
                self.substitute[self.classes[ord(printed)], self.classes[ord(true)]] = cost
        width = max(max(len(printed), len(true)) for printed, true, _ in multi)
        self.multi_printed = np.zeros((len(multi), width), dtype=np.int32)
        self.multi_true = np.zeros((len(multi), width), dtype=np.int32)
        self.multi_printed_length = np.array([len(p) for p, _, _ in multi], dtype=np.int64)
        self.multi_true_length = np.array([len(t) for _, t, _ in multi], dtype=np.int64)
        self.multi_cost = np.array([cost for _, _, cost in multi], dtype=np.float64)
        for row, (printed, true, _) in enumerate(multi):
            self.multi_printed[row, : len(printed)] = [ord(c) for c in printed]
            self.multi_true[row, : len(true)] = [ord(c) for c in true]
        # What the compiled table reads, in one argument (order: see weighted_table).
        self.arrays = (
            self.classes, self.substitute, self.delete, self.insert, self.multi_printed,
            self.multi_printed_length, self.multi_true, self.multi_true_length, self.multi_cost,
        )  # fmt: skip

    def distances(self, printed: str, candidates: list[str], trim_margin: int) -> list[float]:
        """The distance from `printed` to each candidate, in one compiled call."""
        if not candidates:
            return []
        packed = codes("".join(candidates))
        # (np.cumsum on a list costs ~3 us a call, a third of a short call's time)
        ends = np.fromiter(accumulate(map(len, candidates)), dtype=np.int64, count=len(candidates))
        return many_distances(codes(printed), packed, ends, trim_margin, self.arrays).tolist()

    def grouped(self, groups: list[tuple[str, list[str]]], trim_margin: int) -> list[list[float]]:
        """`distances` for each (printed word, candidates) pair, in one compiled call."""
        candidates = [word for _, words in groups for word in words]
        if not candidates:
            return [[] for _ in groups]
        printed_ends = np.fromiter(accumulate(len(printed) for printed, _ in groups),
                                   dtype=np.int64, count=len(groups))  # fmt: skip
        ends = np.fromiter(accumulate(map(len, candidates)), dtype=np.int64, count=len(candidates))
        group_ends = np.fromiter(accumulate(len(words) for _, words in groups),
                                 dtype=np.int64, count=len(groups))  # fmt: skip
        found = grouped_distances(
            codes("".join(printed for printed, _ in groups)), printed_ends,
            codes("".join(candidates)), ends, group_ends, trim_margin, self.arrays,
        ).tolist()  # fmt: skip
        starts = [0, *group_ends.tolist()]
        return [found[starts[g] : starts[g + 1]] for g in range(len(groups))]


def codes(text: str) -> np.ndarray:
    """The code points of `text` (UTF-32 is one unit per code point)."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


@njit(cache=True, inline="always")
def _class_of(code: int, classes: np.ndarray) -> int:
    return classes[code] if code < CLASS_LIMIT else NO_CLASS


@njit(cache=True, inline="always")
def _ends_with(text: np.ndarray, end: int, pattern: np.ndarray, length: int) -> bool:
    if length > end:
        return False
    for k in range(length):  # noqa: SIM110 (a plain loop compiles to the tightest code)
        if text[end - length + k] != pattern[k]:
            return False
    return True


@njit(cache=True)
def many_distances(
    printed: np.ndarray,
    packed: np.ndarray,
    ends: np.ndarray,
    trim_margin: int,
    arrays: tuple,
) -> np.ndarray:
    """weighted_table from `printed` to each candidate (packed end to end, `ends` after each).
    A shared prefix and suffix cost nothing and are trimmed first, keeping `trim_margin` glyphs
    on each side so a multi-glyph confusion starting inside the shared part is still seen."""
    found = np.empty(len(ends))
    scratch = _scratch(len(printed), ends, arrays)
    begin = 0
    for number in range(len(ends)):
        found[number] = _trimmed_distance(
            printed, packed[begin : ends[number]], trim_margin, arrays, scratch
        )
        begin = ends[number]
    return found


@njit(cache=True)
def grouped_distances(
    printed_packed: np.ndarray,
    printed_ends: np.ndarray,
    packed: np.ndarray,
    ends: np.ndarray,
    group_ends: np.ndarray,
    trim_margin: int,
    arrays: tuple,
) -> np.ndarray:
    """many_distances for several printed words at once: printed word g against the candidates
    numbered up to group_ends[g] (all candidates packed end to end, `ends` after each)."""
    found = np.empty(len(ends))
    longest_printed = 0
    printed_begin = 0
    for group in range(len(printed_ends)):
        longest_printed = max(longest_printed, printed_ends[group] - printed_begin)
        printed_begin = printed_ends[group]
    scratch = _scratch(longest_printed, ends, arrays)
    begin = 0
    number = 0
    printed_begin = 0
    for group in range(len(group_ends)):
        printed = printed_packed[printed_begin : printed_ends[group]]
        printed_begin = printed_ends[group]
        while number < group_ends[group]:
            true = packed[begin : ends[number]]
            found[number] = _trimmed_distance(printed, true, trim_margin, arrays, scratch)
            begin = ends[number]
            number += 1
    return found


@njit(cache=True)
def _scratch(longest_printed: int, ends: np.ndarray, arrays: tuple) -> tuple:
    """What every table of a call reuses: one buffer big enough for the largest table, the
    list of confusions active on a row, and the multi-glyph confusions grouped by the class of
    their last printed glyph (only those can end where a row's glyph is)."""
    classes, delete, multi_printed, multi_printed_length = (
        arrays[0],
        arrays[2],
        arrays[4],
        arrays[5],
    )
    longest_true = 0
    begin = 0
    for number in range(len(ends)):
        longest_true = max(longest_true, ends[number] - begin)
        begin = ends[number]
    table = np.empty((longest_printed + 1) * (longest_true + 1))
    active = np.empty(len(multi_printed_length), dtype=np.int64)
    last_class = np.empty(len(multi_printed_length), dtype=np.int64)
    for m in range(len(multi_printed_length)):
        last_class[m] = _class_of(multi_printed[m, multi_printed_length[m] - 1], classes)
    order = np.argsort(last_class, kind="mergesort")
    starts = np.searchsorted(last_class[order], np.arange(len(delete) + 1))
    return table, active, order, starts


@njit(cache=True, inline="always")
def _trimmed_distance(
    printed: np.ndarray, true: np.ndarray, trim_margin: int, arrays: tuple, scratch: tuple
) -> float:
    shortest = min(len(printed), len(true))
    start = 0
    while start < shortest and printed[start] == true[start]:
        start += 1
    start = max(0, start - trim_margin)
    end = 0
    while end < shortest - start and printed[-1 - end] == true[-1 - end]:
        end += 1
    end = max(0, end - trim_margin)
    return weighted_table(
        printed[start : len(printed) - end], true[start : len(true) - end], arrays, scratch
    )


@njit(cache=True)
def weighted_table(printed: np.ndarray, true: np.ndarray, arrays: tuple, scratch: tuple) -> float:
    """Weighted Damerau-Levenshtein distance with multi-glyph confusions ('rn' -> 'm'), in the
    scratch table of `_scratch` (its cells are all written before they are read)."""
    (classes, substitute, delete, insert, multi_printed, multi_printed_length, multi_true,
     multi_true_length, multi_cost) = arrays  # fmt: skip
    buffer, active, by_last, last_starts = scratch
    rows, cols = len(printed) + 1, len(true) + 1
    table = buffer[: rows * cols].reshape((rows, cols))
    table[0, 0] = 0.0
    for i in range(1, rows):
        table[i, 0] = table[i - 1, 0] + delete[_class_of(printed[i - 1], classes)]
    for j in range(1, cols):
        table[0, j] = table[0, j - 1] + insert[_class_of(true[j - 1], classes)]
    for i in range(1, rows):
        char = printed[i - 1]
        char_class = _class_of(char, classes)
        removed = delete[char_class]
        count = 0
        for position in range(last_starts[char_class], last_starts[char_class + 1]):
            m = by_last[position]
            if _ends_with(printed, i, multi_printed[m], multi_printed_length[m]):
                active[count] = m
                count += 1
        for j in range(1, cols):
            wanted = true[j - 1]
            best = table[i - 1, j] + removed
            inserted = table[i, j - 1] + insert[_class_of(wanted, classes)]
            if inserted < best:
                best = inserted
            if char == wanted:
                swap = 0.0
            else:
                wanted_class = _class_of(wanted, classes)
                swap = 1.0
                if char_class != NO_CLASS and wanted_class != NO_CLASS:
                    swap = substitute[char_class, wanted_class]
            if table[i - 1, j - 1] + swap < best:
                best = table[i - 1, j - 1] + swap
            if i > 1 and j > 1 and char == true[j - 2] and printed[i - 2] == wanted:
                best = min(best, table[i - 2, j - 2] + 1.0)
            for k in range(count):
                m = active[k]
                if _ends_with(true, j, multi_true[m], multi_true_length[m]):
                    previous = table[i - multi_printed_length[m], j - multi_true_length[m]]
                    best = min(best, previous + multi_cost[m])
            table[i, j] = best
    return table[rows - 1, cols - 1]
