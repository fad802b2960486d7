"""Indonesian affix stripping so that inflected forms of lexicon roots count as known words.

A word is known when, after removing at most one particle/possessive (-nya, -lah, -kah, -pun,
-ku, -mu), one suffix (-kan, -an, -i) and up to two prefixes (me-, di-, pe-, ber-, ter-, ke-, se-,
per-, memper-, diper-) with nasal assimilation undone (menyusun -> susun, memeriksa -> periksa),
a root of at least three letters is in the lexicon. Reduplication (masing-masing, bermain-main)
is known when each part is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# Prefix -> letters the root may have started with (nasal assimilation drops them).
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)), ("diper", ("",)), ("menge", ("",)), ("penge", ("",)),
    ("meng", ("", "k")), ("meny", ("s",)), ("mem", ("", "p")), ("men", ("", "t")), ("me", ("",)),
    ("peng", ("", "k")), ("peny", ("s",)), ("pem", ("", "p")), ("pen", ("", "t")),
    ("per", ("",)), ("pe", ("",)), ("ber", ("",)), ("be", ("",)), ("bel", ("",)),
    ("ter", ("",)), ("te", ("",)), ("di", ("",)), ("ke", ("",)), ("se", ("",)),
)  # fmt: skip
_MIN_ROOT = 3


def _without_suffixes(word: str) -> Iterator[str]:
    yield word
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= _MIN_ROOT:
            stem = word[: -len(particle)]
            yield stem
            yield from _strip_suffix(stem)
    yield from _strip_suffix(word)


def _strip_suffix(word: str) -> Iterator[str]:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_ROOT:
            yield word[: -len(suffix)]


# The prefixes by first letter: a word is only tried against those it can start with.
_BY_INITIAL: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _prefix, _restorations in _PREFIXES:
    _BY_INITIAL.setdefault(_prefix[0], []).append((_prefix, _restorations))


def _has_root(stem: str, word: str, is_root: Callable[[str], bool], depth: int = 2) -> bool:
    """Whether `stem`, or what stripping up to `depth` prefixes from it leaves, is a root of
    at least three letters other than `word` itself."""
    if stem != word and len(stem) >= _MIN_ROOT and is_root(stem):
        return True
    if depth == 0:
        return False
    for prefix, restorations in _BY_INITIAL.get(stem[:1], ()):
        if not stem.startswith(prefix):
            continue
        rest = stem[len(prefix) :]
        for letter in restorations:
            root = letter + rest
            if len(root) >= _MIN_ROOT and _has_root(root, word, is_root, depth - 1):
                return True
    return False


def is_inflected_form(word: str, is_root: Callable[[str], bool]) -> bool:
    """True when `word` (lower-case) is a lexicon root with Indonesian affixes or reduplicated."""
    if "-" in word:
        parts = [part for part in word.split("-") if part]
        return bool(parts) and all(
            is_root(part) or is_inflected_form(part, is_root) for part in parts
        )
    return any(_has_root(stem, word, is_root) for stem in _without_suffixes(word))
