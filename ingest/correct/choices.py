"""Tesseract's character alternatives as evidence for the review.

With `lstm_choice_mode=2` Tesseract reports, per printed character, the characters its LSTM
weighed there with their confidences ('drah': the 'h' was 0.90 h, 0.48 t, 0.34 f). A candidate
reached by swapping printed letters for such alternatives ('draf'+t) is what the page more
likely says than one needing letters Tesseract never considered. `choice_cost` is that
candidate's edit cost when a swap to an alternative costs less the closer its confidence was to
the printed letter's."""

from __future__ import annotations

from ingest.correct.words import SplitToken, normalise_glyphs, without_stray_marks
from ingest.page import CharChoices

# Per letter of a printed word (lower-case): (character, confidence 0..1), the printed one first.
Choices = tuple[tuple[tuple[str, float], ...], ...]
# A swap to an alternative as sure as the printed letter still costs this much.
MIN_SWAP_COST = 0.1


def printed_choices(token: str, alternatives: list[CharChoices] | None) -> Choices | None:
    """The alternatives of the letters of a token's printed word (its core, lower-case), or
    None when they do not line up with it (ligatures folded, stray marks dropped)."""
    if alternatives is None or len(alternatives) != len(token) or normalise_glyphs(token) != token:
        return None
    split = SplitToken.of(token)
    word = split.core.lower()
    if len(word) != len(split.core) or without_stray_marks(word) != word:  # 'İ' lowers to two
        return None
    start = len(split.lead)
    return tuple(
        tuple((char.lower(), confidence) for char, confidence in letter) or ((printed, 0.5),)
        for printed, letter in zip(word, alternatives[start : start + len(word)], strict=True)
    )


def choice_cost(printed: str, choices: Choices, word: str) -> float:
    """Edit cost from `printed` to `word` where changing a letter to one of its alternatives
    costs 1 - (its confidence / the printed letter's), at least MIN_SWAP_COST; any other
    change, insertion or deletion costs 1."""
    previous = [float(j) for j in range(len(word) + 1)]
    for i, letter in enumerate(choices, start=1):
        near = dict(letter)
        top = max(letter[0][1], 0.01)
        current = [float(i)] + [0.0] * len(word)
        for j, char in enumerate(word, start=1):
            if char == printed[i - 1]:
                swap = 0.0
            elif char in near:
                swap = max(MIN_SWAP_COST, 1.0 - near[char] / top)
            else:
                swap = 1.0
            current[j] = min(previous[j] + 1.0, current[j - 1] + 1.0, previous[j - 1] + swap)
        previous = current
    return previous[-1]


def weakest_letter(choices: Choices) -> float:
    """The confidence of the least sure printed letter."""
    return min(letter[0][1] for letter in choices)
