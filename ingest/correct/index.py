"""Candidate search: which lexicon words could a garbled word have been?

Two symspell indexes keep the search both wide where it is safe and fast:
- every general word under its *glyph-folded key* (l/1/|/I -> i, 0 -> o, 5 -> s, rn -> m, ...),
  one edit away: 'dlberlkan' folds to 'diberikan' and is found at distance 0, although it is
  two plain edits from the word;
- the domain lexicon (a few hundred SOP words), two edits away: only SOP vocabulary is worth a
  bigger jump, and a small dictionary keeps that search cheap; long words are also matched
  against every domain word by share of letters edited (rapidfuzz, in C).
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from symspellpy import SymSpell, Verbosity

_FOLD_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_FOLD_SINGLE = str.maketrans({"l": "i", "1": "i", "|": "i", "!": "i", "ı": "i", "0": "o",
                              "5": "s"})  # fmt: skip


def fold(word: str) -> str:
    """The glyph-folded key of a lower-case word: shapes OCR confuses collapse to one letter."""
    for printed, true in _FOLD_MULTI:
        word = word.replace(printed, true)
    return word.translate(_FOLD_SINGLE)


class CandidateIndex:
    """Folded general words (edit distance 1) plus domain words (edit distance 2)."""

    def __init__(self, zipf: dict[str, float], domain: set[str]) -> None:
        self._by_key: dict[str, list[str]] = {}
        self._general = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
        for word, frequency in zipf.items():
            key = fold(word)
            if key not in self._by_key:
                self._general.create_dictionary_entry(key, max(1, int(10**frequency)))
            self._by_key.setdefault(key, []).append(word)
        self._domain = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in domain:
            self._domain.create_dictionary_entry(word, 1)
        self._domain_words = sorted(domain)

    def general(self, queries: set[str]) -> set[str]:
        """General words whose folded key is within one edit of a query's folded key."""
        words: set[str] = set()
        for key in {fold(query) for query in queries}:  # readings often fold to one key
            found = self._general.lookup(key, Verbosity.ALL, max_edit_distance=1)
            for item in found:
                words.update(self._by_key[item.term])
        return words

    def domain(self, queries: set[str]) -> set[str]:
        """Domain words within two plain edits of a query."""
        words: set[str] = set()
        for query in queries:
            found = self._domain.lookup(query, Verbosity.ALL, max_edit_distance=2)
            words.update(item.term for item in found)
        return words

    def domain_near(self, query: str, max_share: float, limit: int) -> list[str]:
        """The closest domain words by plain edits, at most `max_share` of the letters away: a
        long SOP word garbled in three or four places is beyond symspell's two edits."""
        found = process.extract(
            query, self._domain_words, scorer=Levenshtein.normalized_distance,
            score_cutoff=max_share, limit=limit,
        )  # fmt: skip
        return [word for word, _, _ in found]
