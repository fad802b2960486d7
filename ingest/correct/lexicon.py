"""The lexicon: general Indonesian words with frequencies, the domain lexicon, canonical headers.

Loading reads corpus/lexicon/ once; everything after that is in-memory look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from symspellpy import SymSpell, Verbosity

from ingest.correct.errors import LexiconMissingError
from ingest.correct.morphology import is_inflected_form

LEXICON_DIR = Path(__file__).resolve().parents[2] / "corpus" / "lexicon"
GENERAL_FILE = "general_id.tsv"
DOMAIN_FILE = "domain_words.txt"
HEADERS_FILE = "headers.txt"
# Domain words are at least as likely as a common general word: they are what SOPs say.
DOMAIN_ZIPF = 4.5
MAX_EDIT = 2


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


@dataclass
class Lexicon:
    """Word frequencies (Zipf), domain words, headers, and a symspell index for candidates."""

    zipf: dict[str, float]
    domain: set[str]
    headers: list[str]
    _known_cache: dict[str, bool] = field(default_factory=dict, repr=False)
    _index: SymSpell | None = field(default=None, repr=False)

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> Lexicon:
        zipf = read_general(directory / GENERAL_FILE)
        domain = read_domain(directory / DOMAIN_FILE)
        for word in domain:
            zipf[word] = max(zipf.get(word, 0.0), DOMAIN_ZIPF)
        return cls(zipf=zipf, domain=domain, headers=_read_lines(directory / HEADERS_FILE))

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

    def nearby(self, word: str, max_edit: int = MAX_EDIT, limit: int = 10) -> list[str]:
        """Up to `limit` lexicon words within `max_edit` plain edits (symspell), closest and most
        frequent first. When nothing is within one edit only the closest words are wanted, and
        symspell can prune (5x faster)."""
        index = self.index()
        found = index.lookup(word, Verbosity.ALL, max_edit_distance=1)
        if max_edit > 1:
            verbosity = Verbosity.ALL if found else Verbosity.CLOSEST
            found = index.lookup(word, verbosity, max_edit_distance=max_edit)
        ranked = sorted(found, key=lambda item: (item.distance, -item.count))
        return [item.term for item in ranked[:limit]]

    def index(self) -> SymSpell:
        """The symspell candidate index, built on first use (about 3 s for 31k words)."""
        if self._index is None:
            index = SymSpell(max_dictionary_edit_distance=MAX_EDIT, prefix_length=7)
            for word, zipf in self.zipf.items():
                index.create_dictionary_entry(word, max(1, int(10**zipf)))
            self._index = index
        return self._index
