"""Words to read first: what the corrector left as printed although no lexicon knows it.

A missed correction costs less than a wrong one, so the corrector declines whatever it is not
sure of. The words it declines should not vanish into the output: each unknown word left as
printed becomes a Doubt in the value's provenance, with the learned review's best reading and
its probability when the review weighed it, so a reviewer reads those words against the scan.
So does a word known only through affix stripping ('mencan' = men+can, garble of rencana)
when the review found another reading likely.
"""

from __future__ import annotations

from ingest.correct.lexicon import Lexicon
from ingest.correct.review import Verdict
from ingest.correct.settings import CorrectorSettings
from ingest.correct.tokens import TokenFix
from ingest.correct.words import (
    SplitToken,
    apply_case,
    is_protected,
    normalise_glyphs,
    without_stray_marks,
)
from models.provenance import Doubt

# Shorter unknown bits ('ii', 'Rp' misread) are mostly cut pieces or marks, not words to check.
DOUBT_MIN_LETTERS = 3


def doubts_of(
    tokens: list[tuple[int, str]],
    fixes: list[TokenFix],
    readings: dict[int, Verdict],
    lexicon: Lexicon,
    settings: CorrectorSettings,
) -> list[Doubt]:
    """The Doubts of a text: of its unlisted `tokens` (number, printed token), those left as
    printed that are no number or code and either unknown, or known only as an inflected form
    while the review found another reading likely (`readings`: its declined verdicts, which
    become the suggestions)."""
    doubts: list[Doubt] = []
    for number, token in tokens:
        if fixes[number][1]:
            continue  # changed: its Correction records it
        core = SplitToken.of(token).core  # as printed, for the reader to find on the page
        word = without_stray_marks(normalise_glyphs(core).lower())
        if len(word) < DOUBT_MIN_LETTERS or is_protected(core):
            continue
        reading = readings.get(number)
        if lexicon.is_known(word) and (
            reading is None
            or reading.word in (None, word)
            or reading.probability < settings.doubt_rival_probability
        ):
            continue
        if reading is None or reading.word is None:
            doubts.append(Doubt(raw=core))
        else:
            suggestion = apply_case(core, reading.word)
            doubts.append(Doubt(raw=core, suggestion=suggestion, score=reading.probability))
    return doubts
