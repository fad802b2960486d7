"""The symmetric-delete search of index.py, compiled with numba.

A query's look-up was ~30 Python set and dict operations (its deletions, their word lists, the
distance check of each word found): most of the corrector's candidate search. Here every
deletion is a 64-bit FNV-1a hash of its code points, the index is a sorted array of (hash, word)
pairs, and the optimal-string-alignment check runs compiled. A hash shared by two different
strings only adds a word to check: the exact distance check decides, so the words found are the
ones the string index finds (bar a 64-bit collision that also lands within the distance).
"""

from __future__ import annotations

import numpy as np
from numba import njit

_OFFSET = np.uint64(0xCBF29CE484222325)
_PRIME = np.uint64(0x100000001B3)
_NONE = -1


@njit(cache=True)
def _hash(codes: np.ndarray, skip_a: int, skip_b: int) -> np.uint64:
    """FNV-1a over the code points, leaving out positions `skip_a` and `skip_b` (-1: none)."""
    value = _OFFSET
    for position in range(len(codes)):
        if position == skip_a or position == skip_b:  # noqa: SIM109 (plain compares compile best)
            continue
        value = (value ^ np.uint64(codes[position])) * _PRIME
    return value


@njit(cache=True)
def _deletion_count(length: int, depth: int) -> int:
    """How many position subsets of size <= depth (at most 2) a prefix of `length` has."""
    count = 1 + length
    if depth >= 2:
        count += length * (length - 1) // 2
    return count


@njit(cache=True)
def _deletion_hashes(codes: np.ndarray, depth: int, out: np.ndarray, at: int) -> int:
    """Write the hash of `codes` with every subset of at most `depth` (1 or 2) positions
    deleted into `out` from `at`; returns the next free slot."""
    out[at] = _hash(codes, _NONE, _NONE)
    at += 1
    for first in range(len(codes)):
        out[at] = _hash(codes, first, _NONE)
        at += 1
        if depth >= 2:
            for second in range(first + 1, len(codes)):
                out[at] = _hash(codes, first, second)
                at += 1
    return at


@njit(cache=True)
def build_pairs(
    packed: np.ndarray, ends: np.ndarray, depth: int, prefix: int
) -> tuple[np.ndarray, np.ndarray]:
    """(deletion hash, word number) for every deletion of every word's first `prefix` glyphs,
    sorted by hash (then word)."""
    total = 0
    begin = 0
    for number in range(len(ends)):
        total += _deletion_count(min(ends[number] - begin, prefix), depth)
        begin = ends[number]
    hashes = np.empty(total, dtype=np.uint64)
    words = np.empty(total, dtype=np.int64)
    at = 0
    begin = 0
    for number in range(len(ends)):
        stop = min(ends[number], begin + prefix)
        after = _deletion_hashes(packed[begin:stop], depth, hashes, at)
        words[at:after] = number
        at = after
        begin = ends[number]
    order = np.argsort(hashes, kind="mergesort")  # stable: words stay in order per hash
    return hashes[order], words[order]


@njit(cache=True)
def osa_within(left: np.ndarray, right: np.ndarray, depth: int, rows: np.ndarray) -> bool:
    """Whether the optimal string alignment distance (insert, delete, substitute, swap two
    neighbours, each 1; no substring edited twice; rapidfuzz's OSA.distance) is at most
    `depth`. `rows` is scratch space: three rows at least len(right) + 1 long."""
    cols = len(right) + 1
    if abs(len(left) - len(right)) > depth:
        return False  # each edit changes the length by at most one
    before, above, current = rows[0], rows[1], rows[2]
    for j in range(cols):
        above[j] = j
    # A cell is at least the smaller of the row above's least cell and the least cell two rows
    # up plus one (a swap): once two rows in a row exceed `depth`, every later row does too,
    # the last cell included, so most words sharing a deletion are turned down in a few rows.
    above_least = 0
    for i in range(1, len(left) + 1):
        current[0] = i
        least = i
        for j in range(1, cols):
            cost = 0 if left[i - 1] == right[j - 1] else 1
            best = min(above[j] + 1, current[j - 1] + 1, above[j - 1] + cost)
            if (
                i > 1
                and j > 1
                and left[i - 1] == right[j - 2]
                and left[i - 2] == right[j - 1]
                and before[j - 2] + 1 < best
            ):
                best = before[j - 2] + 1
            current[j] = best
            least = min(least, best)
        if least > depth and above_least > depth:
            return False
        above_least = least
        before, above, current = above, current, before
    return above[cols - 1] <= depth


@njit(cache=True)
def lookup_many(
    queries: np.ndarray,
    query_ends: np.ndarray,
    depth: int,
    prefix: int,
    index: tuple,
    marks: np.ndarray,
    stamp: int,
) -> np.ndarray:
    """The numbers of the words within `depth` OSA edits of a query that share a deletion with
    it, and the number of that query (a word once per query), in no set order. `index`
    is (hashes, pair words, packed words, word ends, longest word, where each run of hashes
    with the same top bits starts, how far to shift for them); `marks` (one per word)
    remembers which words a query has reached, by `stamp` + the query's number."""
    hashes, pair_words, packed, ends, longest, buckets, shift = index
    rows = np.empty((3, longest + 1), dtype=np.int64)
    found = np.empty((16, 2), dtype=np.int64)
    count = 0
    begin = 0
    for number in range(len(query_ends)):
        query = queries[begin : query_ends[number]]
        begin = query_ends[number]
        head = query[:prefix]
        own = np.empty(_deletion_count(len(head), depth), dtype=np.uint64)
        _deletion_hashes(head, depth, own, 0)
        mark = stamp + number
        for value in own:
            bucket = value >> shift
            at = buckets[bucket]
            stop = buckets[bucket + 1]
            while at < stop and hashes[at] != value:
                at += 1
            while at < stop and hashes[at] == value:
                word = pair_words[at]
                at += 1
                if marks[word] == mark:
                    continue
                marks[word] = mark
                start = ends[word - 1] if word > 0 else 0
                if osa_within(query, packed[start : ends[word]], depth, rows):
                    if count == len(found):
                        found = np.concatenate((found, np.empty((count, 2), dtype=np.int64)))
                    found[count, 0] = word
                    found[count, 1] = number
                    count += 1
    return found[:count]
