"""Candidate search: which lexicon words could a garbled word have been?

Two symmetric-delete indexes (the SymSpell idea: a word and a query within d edits share a
string reached by at most d deletions from each) keep the search both wide where it is safe and
fast:
- every general word under its *glyph-folded key* (l/1/|/I -> i, 0 -> o, 5 -> s, rn -> m, ...),
  one edit away: 'dlberlkan' folds to 'diberikan' and is found at distance 0, although it is
  two plain edits from the word;
- the domain lexicon (a few hundred SOP words), two edits away: only SOP vocabulary is worth a
  bigger jump, and a small dictionary keeps that search cheap; long words are also matched
  against every domain word by share of letters edited (rapidfuzz, in C).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate, count

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ingest.correct.delete_kernel import build_pairs, lookup_many
from ingest.correct.distance_kernel import codes

_FOLD_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_FOLD_SINGLE = str.maketrans({"l": "i", "1": "i", "|": "i", "!": "i", "ı": "i", "0": "o",
                              "5": "s"})  # fmt: skip


def fold(word: str) -> str:
    """The glyph-folded key of a lower-case word: shapes OCR confuses collapse to one letter."""
    for printed, true in _FOLD_MULTI:
        word = word.replace(printed, true)
    return word.translate(_FOLD_SINGLE)


# Deletions are taken from the first glyphs only (SymSpell's prefix trick: the index stays small
# and a query makes few look-ups); the full words are then checked with the real distance.
_PREFIX = 7
# Stamps a look-up call may use (one per query); a call's first is a multiple of this.
_CALL_STAMPS = 2**24


def nearest_within(scored: list[tuple[str, float]], max_share: float, limit: int) -> list[str]:
    """The first `limit` words of a closest-first `domain_near_scored` list within `max_share`:
    the same words a search with that cutoff and limit finds."""
    found = []
    for word, share in scored:  # closest first: the first share beyond ends the search
        if share > max_share or len(found) == limit:
            break
        found.append(word)
    return found


def _packed(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' code points end to end, and where each ends."""
    ends = np.fromiter(accumulate(map(len, texts)), dtype=np.int64, count=len(texts))
    return codes("".join(texts)), ends


def ranked_within(
    shares: np.ndarray, max_share: float, limit: int | None = None
) -> list[list[tuple[int, float]]]:
    """Per row of a query-by-choice matrix of shares: (choice number, share) of each choice at
    most `max_share` away, closest first, ties in choice order (as rapidfuzz's extract ranks
    them), sorted for all rows at once; only the first `limit` of each row when given."""
    if limit is not None and limit < 1:
        return [[] for _ in range(shares.shape[0])]
    cutoff = np.full(shares.shape[0], max_share)
    if limit is not None and limit < shares.shape[1]:
        # nothing above a row's limit-th smallest share can rank among its first `limit`:
        # sorting only the rest (ties at that share included, cut after) is far less to sort
        cutoff = np.minimum(cutoff, np.partition(shares, limit - 1, axis=1)[:, limit - 1])
    rows, choices = np.nonzero(shares <= cutoff[:, None])
    found = shares[rows, choices]
    order = np.lexsort((choices, found, rows))
    ranked = list(zip(choices[order].tolist(), found[order].tolist(), strict=True))
    bounds = np.searchsorted(rows[order], np.arange(shares.shape[0] + 1)).tolist()
    if limit is None:
        return [ranked[bounds[row] : bounds[row + 1]] for row in range(shares.shape[0])]
    return [ranked[bounds[row] : min(bounds[row + 1], bounds[row] + limit)]
            for row in range(shares.shape[0])]  # fmt: skip


class DeleteIndex:
    """Words within `depth` (1 or 2) edits (optimal string alignment: insert, delete,
    substitute, swap two neighbours) of a query. symspellpy does the same search with its
    checks in pure Python; here it runs compiled (delete_kernel.py), deletions as hashes."""

    def __init__(self, words: Iterable[str], depth: int) -> None:
        if depth not in (1, 2):
            raise ValueError(f"a delete index reaches 1 or 2 edits, not {depth}")
        self.depth = depth
        self._words = list(words)
        packed, ends = _packed(self._words)
        hashes, pair_words = build_pairs(packed, ends, depth, _PREFIX)
        longest = max(map(len, self._words), default=0)
        # a directory by the hashes' top bits (about four pairs a run): two memory reads find a
        # deletion's run, where a binary search over the whole array missed the cache each step
        bits = max(1, int(np.log2(max(len(hashes), 1) / 4)))
        shift = np.uint64(64 - bits)
        buckets = np.searchsorted(hashes >> shift, np.arange(2**bits + 1, dtype=np.uint64))
        self._index = (hashes, pair_words, packed, ends, longest, buckets, shift)
        # which words the current query reached (by stamp, so it is never cleared): each call
        # takes its own range of stamps from the counter (atomic under the GIL, which the
        # compiled search holds), so calls from several threads cannot mistake each other's
        self._marks = np.zeros(len(self._words), dtype=np.int64)
        self._calls = count(1)

    def lookup(self, query: str) -> set[str]:
        return self.lookup_any([query])

    def lookup_any(self, queries: list[str]) -> set[str]:
        """The words within reach of any of the queries (one compiled call)."""
        words = self._words
        return {words[number] for number, _ in self._found(queries)}

    def lookup_each(self, queries: list[str]) -> list[set[str]]:
        """The words within reach of each query (one compiled call)."""
        found: list[set[str]] = [set() for _ in queries]
        words = self._words
        for number, query in self._found(queries):
            found[query].add(words[number])
        return found

    def _found(self, queries: list[str]) -> list[list[int]]:
        """(word number, query number) of each word within reach of a query."""
        if not self._words or not queries:
            return []
        packed, ends = _packed(queries)
        if len(queries) >= _CALL_STAMPS:
            raise ValueError(f"at most {_CALL_STAMPS - 1} queries a call")
        stamp = next(self._calls) * _CALL_STAMPS
        found = lookup_many(packed, ends, self.depth, _PREFIX, self._index, self._marks, stamp)
        return found.tolist()


class CandidateIndex:
    """Folded general words (edit distance 1) plus domain words (edit distance 2)."""

    def __init__(self, zipf: dict[str, float], domain: set[str]) -> None:
        self._zipf = zipf
        self._domain_set = domain
        self._general_wide: dict[tuple[float, int], DeleteIndex] = {}
        by_key: dict[str, list[str]] = {}
        for word in zipf:
            by_key.setdefault(fold(word), []).append(word)
        # tuples, which the garbage collector stops tracking: every full collection was
        # walking these ~30,000 lists
        self._by_key = {key: tuple(words) for key, words in by_key.items()}
        self._general = DeleteIndex(self._by_key, depth=1)
        self._domain = DeleteIndex(domain, depth=2)
        self._domain_words = sorted(domain)

    def general(self, queries: set[str]) -> set[str]:
        """General words whose folded key is within one edit of a query's folded key."""
        words: set[str] = set()
        # readings often fold to one key (sorted: the same call whatever the set order)
        for found in self._general.lookup_any(sorted({fold(query) for query in queries})):
            words.update(self._by_key[found])
        return words

    def general_each(self, query_sets: list[set[str]]) -> list[set[str]]:
        """`general` of each set of queries, in one compiled call."""
        keys: list[str] = []
        owners: list[int] = []
        for owner, queries in enumerate(query_sets):
            folded = sorted({fold(query) for query in queries})
            keys += folded
            owners += [owner] * len(folded)
        words: list[set[str]] = [set() for _ in query_sets]
        for owner, found in zip(owners, self._general.lookup_each(keys), strict=True):
            for key in found:
                words[owner].update(self._by_key[key])
        return words

    def domain_each(self, query_sets: list[set[str]]) -> list[set[str]]:
        """`domain` of each set of queries, in one compiled call."""
        queries = [sorted(each) for each in query_sets]
        found = self._domain.lookup_each([query for each in queries for query in each])
        words: list[set[str]] = []
        start = 0
        for each in queries:
            words.append(set().union(*found[start : start + len(each)]))
            start += len(each)
        return words

    def domain(self, queries: set[str]) -> set[str]:
        """Domain words within two plain edits of a query."""
        return self._domain.lookup_any(sorted(queries))

    def domain_near(self, query: str, max_share: float, limit: int) -> list[str]:
        """The closest domain words by plain edits, at most `max_share` of the letters away: a
        long SOP word garbled in three or four places is beyond symspell's two edits."""
        return nearest_within(self.domain_near_scored(query, max_share), max_share, limit)

    def domain_near_scored(self, query: str, max_share: float) -> list[tuple[str, float]]:
        """Every domain word at most `max_share` of the letters away, with its share, closest
        first (ties in the domain list's order, as rapidfuzz ranks them): one search serves
        every narrower (share, limit) through `nearest_within`."""
        found = process.extract(
            query, self._domain_words, scorer=Levenshtein.normalized_distance,
            score_cutoff=max_share, limit=None,
        )  # fmt: skip
        return [(word, share) for word, share, _ in found]

    def domain_near_many(
        self, queries: list[str], max_share: float, limit: int | None = None
    ) -> list[list[tuple[str, float]]]:
        """`domain_near_scored` for each query (its first `limit` when given), in one matrix
        call (rapidfuzz compares many queries at once several times faster than one by one):
        the same shares, ranked the same way (closest first, ties in the domain list's order)."""
        shares = process.cdist(
            queries, self._domain_words, scorer=Levenshtein.normalized_distance,
            dtype=np.float64, score_cutoff=max_share,
        )  # fmt: skip
        words = self._domain_words
        return [[(words[number], share) for number, share in row]
                for row in ranked_within(shares, max_share, limit)]  # fmt: skip

    def general_near(self, query: str, min_zipf: float, min_length: int) -> set[str]:
        """General words (at least `min_zipf` common and `min_length` long) within two plain
        edits of a query: the learned review weighs them for long words ('pengukutar' ->
        pengukuran is two edits, beyond the folded one-edit search). Built on first use, once per
        (min_zipf, min_length)."""
        return self._wide(min_zipf, min_length).lookup(query)

    def general_near_each(
        self, queries: list[str], min_zipf: float, min_length: int
    ) -> list[set[str]]:
        """`general_near` of each query, in one compiled call."""
        return self._wide(min_zipf, min_length).lookup_each(queries)

    def _wide(self, min_zipf: float, min_length: int) -> DeleteIndex:
        index = self._general_wide.get((min_zipf, min_length))
        if index is None:
            words = [word for word, zipf in self._zipf.items()
                     if zipf >= min_zipf and len(word) >= min_length and word.isalpha()
                     and word not in self._domain_set]  # fmt: skip
            index = self._general_wide[(min_zipf, min_length)] = DeleteIndex(words, depth=2)
        return index
