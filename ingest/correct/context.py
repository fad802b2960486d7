"""Document-local vocabulary: words printed correctly elsewhere in the same document.

An SOP repeats its own words (kinerja, Sekretaris, dianalisis) across cells and pages; when one
copy is garbled beyond what spelling alone can fix ('Metivuritikail'), a copy read correctly
elsewhere in the document is strong evidence for what it meant. Only words the lexicon knows
count, so one garbled copy never vouches for another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ingest.correct.index import ranked_within
from ingest.correct.lexicon import Lexicon
from ingest.correct.words import core_of

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass
class DocumentVocabulary:
    """Counts of the known words (lower-case, at least `min_length` letters) of one document."""

    counts: Counter[str]
    # Every distinct whitespace token of the document, in first-seen order.
    printed: list[str] = field(default_factory=list)
    # Results of the per-document token corrections (they depend on the vocabulary).
    cache: dict = field(default_factory=dict, repr=False)
    # Ranked candidates per printed word (the neighbour pass looks at some words twice).
    ranked_cache: dict = field(default_factory=dict, repr=False)
    # Per-token views and neighbour words the corrector's passes share (see api.py).
    views: dict = field(default_factory=dict, repr=False)
    edges: dict = field(default_factory=dict, repr=False)
    _words: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, texts: Iterable[str], lexicon: Lexicon, min_length: int) -> DocumentVocabulary:
        """Listed words count at once; a word known only through affix stripping must occur
        twice, since garble often reads as an affixed nonsense root ('mencan' = men+can)."""
        printed = Counter(token for text in texts for token in text.split())
        seen: Counter[str] = Counter()
        for token, count in printed.items():  # each distinct token once (first-seen order)
            core = core_of(token).lower()
            if len(core) >= min_length and _LETTERS.fullmatch(core):
                seen[core] += count
        counts = Counter(
            {
                word: count
                for word, count in seen.items()
                if word in lexicon.zipf or (count >= 2 and lexicon.is_known(word))
            }
        )
        return cls(counts=counts, printed=list(printed), _words=sorted(counts))

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def nearest(self, word: str, limit: int, max_share: float) -> list[str]:
        """Up to `limit` document words within `max_share` plain edits per letter of `word`."""
        if not self._words:
            return []
        found = process.extract(
            word,
            self._words,
            scorer=Levenshtein.normalized_distance,
            score_cutoff=max_share,
            limit=limit,
        )
        return [match for match, _, _ in found]

    def nearest_many(self, words: list[str], limit: int, max_share: float) -> list[list[str]]:
        """`nearest` for each word, in one matrix call (the same words in the same order)."""
        if not self._words:
            return [[] for _ in words]
        shares = process.cdist(
            words, self._words, scorer=Levenshtein.normalized_distance, dtype=np.float64,
            score_cutoff=max_share,
        )  # fmt: skip
        words = self._words
        return [
            [words[number] for number, _ in row] for row in ranked_within(shares, max_share, limit)
        ]
