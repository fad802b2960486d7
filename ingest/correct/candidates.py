"""One garbled word -> its correction, or None when the evidence is not strong enough.

Candidates come from the symspell index (plain edit distance <= 2, on the printed word and on a
reading with digits as letters); each is ranked by the OCR-weighted distance minus a small
frequency bonus. The best must be cheap enough for the word's length and clearly ahead of the
runner-up, otherwise nothing changes: a wrong correction is worse than a missed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.correct.distance import ocr_distance
from ingest.correct.lexicon import Lexicon
from ingest.correct.settings import CorrectorSettings
from ingest.correct.words import digits_as_letters, is_all_caps, without_stray_marks


@dataclass(frozen=True)
class WordFix:
    """A lower-case replacement for one word, how sure we are, and which rule made it."""

    corrected: str
    score: float
    rule: str


def _budget(
    length: int, confidence: float | None, caps: bool, settings: CorrectorSettings
) -> float:
    budget = min(settings.max_cost, settings.max_cost_per_letter * length)
    if caps:
        budget = min(budget, settings.caps_max_cost)
    if confidence is not None and confidence >= settings.trusted_confidence:
        budget = min(budget, settings.trusted_max_cost)
    elif confidence is not None and confidence < settings.doubtful_confidence:
        budget *= settings.doubtful_factor
    return budget


def _ranked(
    printed: str, lexicon: Lexicon, settings: CorrectorSettings
) -> list[tuple[float, float, str]]:
    """(adjusted cost, raw cost, word) for each candidate, best first."""
    queries = {printed, digits_as_letters(printed)}
    candidates = {word for query in queries for word in lexicon.nearby(query)}
    ranked = []
    for word in candidates:
        cost = ocr_distance(printed, word)
        bonus = settings.zipf_weight * (lexicon.frequency(word) - 3.0)
        ranked.append((cost - bonus, cost, word))
    ranked.sort()
    return ranked


def correct_word(
    core: str, lexicon: Lexicon, settings: CorrectorSettings, confidence: float | None = None
) -> WordFix | None:
    """The fix for one word without edge punctuation, or None to leave it as printed."""
    lowered = core.lower()
    if lexicon.is_known(lowered):
        return None
    cleaned = without_stray_marks(lowered)
    if cleaned != lowered and len(cleaned) >= 3 and lexicon.is_known(cleaned):
        return WordFix(cleaned, 0.95, "stray_marks")
    if len(cleaned) < settings.min_length:
        return None
    ranked = _ranked(cleaned, lexicon, settings)
    if not ranked:
        return None
    adjusted, cost, word = ranked[0]
    budget = _budget(len(word), confidence, is_all_caps(core), settings)
    if cost > budget:
        return None
    if len(ranked) > 1 and ranked[1][0] - adjusted < settings.min_margin:
        return None
    score = max(0.0, min(1.0, 1.0 - cost / max(len(word), 1)))
    return WordFix(word, round(score, 3), "lexicon")


def split_glued(core: str, lexicon: Lexicon, settings: CorrectorSettings) -> WordFix | None:
    """'kinerjapegawai' -> 'kinerja pegawai' when exactly one split gives two known words."""
    lowered = core.lower()
    if not lowered.isalpha() or len(lowered) < 2 * settings.min_glued_part:
        return None
    splits = [
        (lowered[:cut], lowered[cut:])
        for cut in range(settings.min_glued_part, len(lowered) - settings.min_glued_part + 1)
        if lexicon.is_known(lowered[:cut]) and lexicon.is_known(lowered[cut:])
    ]
    if len(splits) != 1:
        return None
    left, right = splits[0]
    return WordFix(f"{left} {right}", 0.8, "glued_words")
