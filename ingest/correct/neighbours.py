"""Neighbour context: which word fits between the words printed left and right of a garbled one.

Word-by-word correction declines when two lexicon words are about as close ('Keatja': kerja or
kinerja?) and cannot dare a bigger jump. The pairs of words SOPs print next to each other
(corpus/lexicon/bigrams.tsv, built from the project's domain phrases) settle both: 'laporan
Keatja' is 'laporan kinerja' because that pair is a known phrase and 'laporan kerja' is not; a
candidate that both neighbours support may be further away than spelling alone allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ingest.correct.candidates import WordFix, ranked_candidates
from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import ocr_distances
from ingest.correct.errors import LexiconMissingError
from ingest.correct.lexicon import BIGRAM_FILE, LEXICON_DIR, Lexicon
from ingest.correct.settings import CorrectorSettings

# The rule of a neighbour verdict that the word is too close to call: keep it as printed.
DOUBT = "neighbour_doubt"


@dataclass
class BigramModel:
    """Known word pairs (lower-case), with each word's successors and predecessors."""

    successors: dict[str, frozenset[str]]
    predecessors: dict[str, frozenset[str]]
    _near_cache: dict[tuple[str, str | None, str | None], list[str]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def load(cls, path: Path = LEXICON_DIR / BIGRAM_FILE) -> BigramModel:
        if not path.is_file():
            raise LexiconMissingError(path)
        after: dict[str, set[str]] = {}
        before: dict[str, set[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            left, right, _ = line.split("\t")
            after.setdefault(left, set()).add(right)
            before.setdefault(right, set()).add(left)
        return cls(
            successors={word: frozenset(words) for word, words in after.items()},
            predecessors={word: frozenset(words) for word, words in before.items()},
        )

    def support(self, left: str | None, word: str, right: str | None) -> int:
        """How many of the two neighbours form a known pair with `word` (0, 1 or 2)."""
        return (left is not None and word in self.successors.get(left, ())) + (
            right is not None and word in self.predecessors.get(right, ())
        )

    def near(
        self, printed: str, left: str | None, right: str | None, max_share: float
    ) -> list[str]:
        """Words that a neighbour pairs with and within `max_share` plain edits of `printed`."""
        key = (printed, left, right)
        cached = self._near_cache.get(key)
        if cached is None:
            pool = self.successors.get(left or "", frozenset()) | self.predecessors.get(
                right or "", frozenset()
            )
            found = process.extract(
                printed, pool, scorer=Levenshtein.normalized_distance,
                score_cutoff=max_share, limit=None,
            )  # fmt: skip
            cached = self._near_cache[key] = [word for word, _, _ in found]
        return cached


def phrase_score(
    word: str,
    cost: float,
    support: int,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    context: DocumentVocabulary,
) -> float:
    """OCR cost less the bonuses for frequency, a copy in the document and each neighbour that
    pairs with the word: lower is better."""
    frequency = settings.zipf_weight * (lexicon.frequency(word) - 3.0)
    return (
        cost - frequency - settings.context_bonus * (word in context)
    ) - settings.neighbour_bonus * support


def neighbour_fix(
    printed: str,
    left: str | None,
    right: str | None,
    *,
    lexicon: Lexicon,
    settings: CorrectorSettings,
    bigrams: BigramModel,
    context: DocumentVocabulary,
    strict: bool,
) -> WordFix | None:
    """The word between `left` and `right` that `printed` (lower-case core) stands for, when a
    neighbour supports it and no rival comes close; None leaves the first pass's decision."""
    # the spelling candidates' costs are known from pass 1; only the phrase partners are new
    costs = {word: cost for _, cost, word in ranked_candidates(printed, lexicon, settings, context)}
    extra = sorted(
        word for word in bigrams.near(printed, left, right, settings.neighbour_max_share)
        if word not in costs
    )  # fmt: skip
    costs.update(zip(extra, ocr_distances(printed, extra), strict=True))
    # phrase_score and BigramModel.support written out: this loop is hot
    after = bigrams.successors.get(left, ()) if left is not None else ()
    before = bigrams.predecessors.get(right, ()) if right is not None else ()
    zipf, copies = lexicon.zipf, context.counts
    weight, bonus, neighbour_bonus = (
        settings.zipf_weight,
        settings.context_bonus,
        settings.neighbour_bonus,
    )
    ranked = []
    for word, cost in costs.items():
        support = (word in after) + (word in before)
        score = (cost - weight * (zipf.get(word, 0.0) - 3.0) - bonus * (word in copies)) - (
            neighbour_bonus * support
        )
        ranked.append((score, cost, support, word))
    if not ranked:
        return None
    ranked.sort()
    adjusted, cost, support, word = ranked[0]
    if support == 0:
        return _doubt(printed, ranked, settings)
    per_letter = settings.neighbour_per_letter[support - 1]
    budget = min(settings.neighbour_max_cost, per_letter * len(word))
    if strict:
        budget = min(budget, settings.caps_max_cost)
    lead = ranked[1][0] - adjusted if len(ranked) > 1 else float("inf")
    if cost > budget or lead < max(
        settings.neighbour_min_lead, settings.neighbour_lead_per_cost * cost
    ):
        return WordFix(printed, 0.0, DOUBT)  # the phrase reading wins, not clearly: no change
    return WordFix(word, round(max(0.0, 1.0 - cost / len(word)), 3), "neighbour_words")


def _doubt(
    printed: str, ranked: list[tuple[float, float, int, str]], settings: CorrectorSettings
) -> WordFix | None:
    """The best reading has no neighbour behind it but a close rival has ('berang kepaiia
    Kepala': kepala by spelling, kepada by phrase): too close to call, leave the word as
    printed (rule DOUBT); None when no neighbour has an opinion."""
    best, best_cost, _, word = ranked[0]
    if any(support and adjusted - best < settings.neighbour_min_lead
           and cost - best_cost < settings.neighbour_doubt_max_gap
           and rival.replace("-", "") != word.replace("-", "")  # a spelling variant: no rival
           for adjusted, cost, support, rival in ranked[1:]):  # fmt: skip
        return WordFix(printed, 0.0, DOUBT)
    return None
