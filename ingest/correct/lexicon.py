"""The lexicon: general Indonesian words with frequencies, the domain lexicon, canonical headers.

Loading reads corpus/lexicon/ once; everything after that is in-memory look-ups.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ingest.correct.errors import LexiconMissingError
from ingest.correct.index import CandidateIndex
from ingest.correct.morphology import is_inflected_form

LEXICON_DIR = Path(__file__).resolve().parents[2] / "corpus" / "lexicon"
GENERAL_FILE = "general_id.tsv"
DOMAIN_FILE = "domain_words.txt"
HEADERS_FILE = "headers.txt"
BIGRAM_FILE = "bigrams.tsv"
# Words of the SOP phrase pairs join the domain from this length on (shorter ones are
# function words, common enough already).
PHRASE_WORD_MIN_LENGTH = 5
# Domain words are at least as likely as a common general word: they are what SOPs say.
DOMAIN_ZIPF = 4.5


def _read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise LexiconMissingError(path)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        content = line.split("#", 1)[0].strip()
        if content:
            lines.append(content)
    return lines


def read_general(path: Path) -> dict[str, float]:
    words: dict[str, float] = {}
    for line in _read_lines(path):
        word, _, zipf = line.partition("\t")
        words[word] = float(zipf or 3.0)
    return words


def read_domain(path: Path) -> set[str]:
    return {word.lower() for line in _read_lines(path) for word in line.split()}


def read_phrase_words(path: Path) -> set[str]:
    """The words of the SOP phrase pairs (bigrams.tsv: word, next word, count)."""
    if not path.is_file():
        return set()
    return {
        word
        for line in _read_lines(path)
        for word in line.split("\t")[:2]
        if len(word) >= PHRASE_WORD_MIN_LENGTH
    }


@dataclass
class Lexicon:
    """Word frequencies (Zipf), domain words, headers, and the candidate index."""

    zipf: dict[str, float]
    domain: set[str]
    headers: list[str]
    # Where the files came from (the bigram model beside them is loaded on demand).
    directory: Path = LEXICON_DIR
    _known_cache: dict[str, bool] = field(default_factory=dict, repr=False)
    # Candidate words per (printed word, settings), filled by the corrector.
    candidate_cache: dict = field(default_factory=dict, repr=False)
    _index: CandidateIndex | None = field(default=None, repr=False)
    _sorted_common: list[str] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> Lexicon:
        zipf = read_general(directory / GENERAL_FILE)
        domain = read_domain(directory / DOMAIN_FILE) | read_phrase_words(directory / BIGRAM_FILE)
        for word in domain:
            zipf[word] = max(zipf.get(word, 0.0), DOMAIN_ZIPF)
        return cls(
            zipf=zipf,
            domain=domain,
            headers=_read_lines(directory / HEADERS_FILE),
            directory=directory,
        )

    def is_root(self, word: str) -> bool:
        return word in self.zipf

    def is_known(self, word: str) -> bool:
        """A lexicon word, or an inflected/reduplicated form of one (lower-case input)."""
        cached = self._known_cache.get(word)
        if cached is None:
            cached = word in self.zipf or is_inflected_form(word, self.is_root)
            self._known_cache[word] = cached
        return cached

    def frequency(self, word: str) -> float:
        return self.zipf.get(word, 0.0)

    def index(self) -> CandidateIndex:
        """The candidate index, built on first use (about a second)."""
        if self._index is None:
            self._index = CandidateIndex(self.zipf, self.domain)
            # The lexicon and its index (~120,000 objects) live as long as the process: out of
            # the collector's sight, a full collection no longer walks them (~60 ms a pause,
            # about one per 25,000 tokens corrected). Objects stay freed by reference counting.
            gc.freeze()
        return self._index

    def starts_longer_word(self, prefix: str, min_zipf: float) -> bool:
        """Whether a longer domain word, or general word at least `min_zipf` common, begins with
        `prefix` (lower-case): a cell border may have cut that word ('pelap' of pelaporan)."""
        if self._sorted_common is None:
            self._sorted_common = sorted(
                word for word, zipf in self.zipf.items() if zipf >= min_zipf or word in self.domain
            )
        words = self._sorted_common
        at = bisect_right(words, prefix)
        return at < len(words) and words[at].startswith(prefix)
