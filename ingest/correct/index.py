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

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

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


def _deletions(word: str, depth: int) -> set[str]:
    """The word's prefix and every string made by deleting at most `depth` of its glyphs."""
    level = {word[:_PREFIX]}
    found = set(level)
    for _ in range(depth):
        level = {text[:i] + text[i + 1 :] for text in level for i in range(len(text))}
        found |= level
    return found


def nearest_within(
    scored: list[tuple[str, float]], max_share: float, limit: int
) -> list[str]:
    """The first `limit` words of a closest-first `domain_near_scored` list within `max_share`:
    the same words a search with that cutoff and limit finds."""
    return [word for word, share in scored if share <= max_share][:limit]


class DeleteIndex:
    """Words within `depth` edits (optimal string alignment: insert, delete, substitute, swap
    two neighbours) of a query. symspellpy does the same search with its checks in pure Python;
    here the check is rapidfuzz's C distance."""

    def __init__(self, words: Iterable[str], depth: int) -> None:
        self.depth = depth
        self._by_deletion: dict[str, list[str]] = {}
        for word in words:
            for deletion in _deletions(word, depth):
                self._by_deletion.setdefault(deletion, []).append(word)

    def lookup(self, query: str) -> set[str]:
        candidates = {
            word
            for deletion in _deletions(query, self.depth)
            for word in self._by_deletion.get(deletion, ())
        }
        depth = self.depth
        return {
            word for word in candidates if OSA.distance(query, word, score_cutoff=depth) <= depth
        }


class CandidateIndex:
    """Folded general words (edit distance 1) plus domain words (edit distance 2)."""

    def __init__(self, zipf: dict[str, float], domain: set[str]) -> None:
        self._zipf = zipf
        self._domain_set = domain
        self._general_wide: dict[tuple[float, int], DeleteIndex] = {}
        self._by_key: dict[str, list[str]] = {}
        for word in zipf:
            self._by_key.setdefault(fold(word), []).append(word)
        self._general = DeleteIndex(self._by_key, depth=1)
        self._domain = DeleteIndex(domain, depth=2)
        self._domain_words = sorted(domain)

    def general(self, queries: set[str]) -> set[str]:
        """General words whose folded key is within one edit of a query's folded key."""
        words: set[str] = set()
        for key in {fold(query) for query in queries}:  # readings often fold to one key
            for found in self._general.lookup(key):
                words.update(self._by_key[found])
        return words

    def domain(self, queries: set[str]) -> set[str]:
        """Domain words within two plain edits of a query."""
        words: set[str] = set()
        for query in queries:
            words.update(self._domain.lookup(query))
        return words

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

    def general_near(self, query: str, min_zipf: float, min_length: int) -> set[str]:
        """General words (at least `min_zipf` common and `min_length` long) within two plain
        edits of a query: the learned review weighs them for long words ('pengukutar' ->
        pengukuran is two edits, beyond the folded one-edit search). Built on first use, once per
        (min_zipf, min_length)."""
        index = self._general_wide.get((min_zipf, min_length))
        if index is None:
            words = [word for word, zipf in self._zipf.items()
                     if zipf >= min_zipf and len(word) >= min_length and word.isalpha()
                     and word not in self._domain_set]  # fmt: skip
            index = self._general_wide[(min_zipf, min_length)] = DeleteIndex(words, depth=2)
        return index.lookup(query)
