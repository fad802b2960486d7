"""The corrector's fast paths answer exactly what their plain reference formulations answer."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from rapidfuzz.distance import OSA, Levenshtein

from bench.correct import ocr_documents
from ingest.correct import Corrector
from ingest.correct.choices import choice_cost
from ingest.correct.context import DocumentVocabulary
from ingest.correct.delete_kernel import osa_within
from ingest.correct.distance import CONFUSIONS, confusion_readings, ocr_distance
from ingest.correct.distance_kernel import codes
from ingest.correct.index import nearest_within
from ingest.correct.lexicon import Lexicon
from ingest.correct.neighbours import BigramModel
from ingest.correct.review import (
    FEATURES,
    Candidates,
    ReviewInput,
    ReviewModel,
    feature_matrix,
    review_candidates_many,
    review_words,
)
from ingest.correct.settings import CorrectorSettings


def _reference_rows(
    item: ReviewInput,
    found: Candidates,
    learned: list[float],
    lexicon: Lexicon,
    context: DocumentVocabulary,
) -> list[list[float]]:
    """FEATURES of one word's candidates, row by row in plain Python."""
    count = len(found.words)
    ordered = sorted(learned)
    base = found.base
    rivals = [base[1], *base[:1] * (count - 1)] if count > 1 else [base[0] + 3.0]
    confidence = 0.5 if item.confidence is None else item.confidence
    rows = []
    for position, word in enumerate(found.words):
        cost, channel = found.costs[position], learned[position]
        other = ordered[1] if channel == ordered[0] and count > 1 else ordered[0]
        length = max(len(word), 1)
        per_letter = cost / length
        values = {
            "cost": cost, "cost_per_letter": per_letter,
            "cost_per_letter_squared": per_letter * per_letter,
            "edit_share": Levenshtein.normalized_distance(item.printed, word),
            "zipf": lexicon.zipf.get(word, 0.0) - 3.0, "domain": word in lexicon.domain,
            "document_copies": math.log1p(context.counts.get(word, 0)),
            "support_left": found.after_left[position],
            "support_right": found.before_right[position],
            "confidence": confidence, "confidence_missing": item.confidence is None,
            "doubt_times_cost": (1.0 - confidence) * per_letter,
            "rule_choice": word == item.rule_choice, "rules_changed": item.rule_choice is not None,
            "length": len(item.printed) / 10,
            "length_gap": abs(len(item.printed) - len(word)) / length, "caps": item.caps,
            "first_same": item.printed[:1] == word[:1], "last_same": item.printed[-1:] == word[-1:],
            "margin": min(max(rivals[position] - base[position], -3.0), 3.0),
            "is_best": position == 0, "candidates": math.log(count),
            "channel_cost": channel, "channel_per_letter": channel / length,
            "channel_margin": min(max(other - channel, -3.0), 3.0) if count > 1 else 3.0,
            "printed_inflected": item.inflected,
            **_choice_values(item, word),
        }  # fmt: skip
        rows.append([float(values[name]) for name in FEATURES])
    return rows


def _choice_values(item: ReviewInput, word: str) -> dict[str, float]:
    plain = float(Levenshtein.distance(item.printed, word))
    length = max(len(word), 1)
    if item.choices is None:
        return {"choice_cost": plain, "choice_per_letter": plain / length, "choice_gain": 0.0,
                "choices_missing": 1.0, "weakest_letter": 1.0}  # fmt: skip
    cost = choice_cost(item.printed, item.choices, word)
    weakest = min(letter[0][1] for letter in item.choices)
    return {"choice_cost": cost, "choice_per_letter": cost / length, "choice_gain": plain - cost,
            "choices_missing": 0.0, "weakest_letter": weakest}  # fmt: skip


def _letters(word: str, rng: random.Random) -> tuple[tuple[tuple[str, float], ...], ...]:
    """Made-up alternatives for each letter of `word`: the letter, then one or two others."""
    others = "aeinrstu"
    return tuple(((char, rng.uniform(0.5, 1.0)),
                  *((rng.choice(others), rng.uniform(0.0, 0.5)) for _ in range(rng.randint(1, 2))))
                 for char in word)  # fmt: skip


def _document_items(lexicon: Lexicon) -> tuple[DocumentVocabulary, list[ReviewInput]]:
    """Doubtful words of a real OCR document, with and without confidences and rule choices."""
    documents = ocr_documents()[:30]
    lines = max(documents, key=len)
    context = DocumentVocabulary.of(lines, lexicon, CorrectorSettings().context_min_length)
    rng = random.Random(5)
    words = sorted({word.lower().strip(".,:;()") for lines in documents for line in lines
                    for word in line.split()})  # fmt: skip
    choices = [None, *sorted(context.counts)[:5]]
    items = [
        ReviewInput(
            word,
            rng.choice([None, "laporan", "kepala"]),
            None,
            rng.choice([None, 0.3, 0.95]),
            rng.choice(choices),
            rng.random() < 0.2,
            rng.random() < 0.2,
            _letters(word, rng) if rng.random() < 0.5 else None,
        )
        for word in words
        if len(word) >= 4 and word.isalpha() and word not in lexicon.zipf
    ]
    return context, items


def test_feature_matrix_equals_rows_built_one_by_one(lexicon: Lexicon) -> None:
    settings, model, bigrams = CorrectorSettings(), ReviewModel.load(), BigramModel.load()
    context, items = _document_items(lexicon)
    found = review_candidates_many(items, lexicon, settings, bigrams, context, model.channel)
    pending = [(item, each) for item, each in zip(items, found, strict=True) if each.words]
    assert len(pending) > 20
    matrix = feature_matrix(pending, lexicon, context, model.channel)
    expected = [
        row
        for item, each in pending
        for row in _reference_rows(
            item, each, model.channel.distances(item.printed, each.words), lexicon, context
        )
    ]
    assert matrix.shape == (len(expected), len(FEATURES))
    assert np.array_equal(matrix.view(np.uint64), np.asarray(expected).view(np.uint64))
    # the document's own verdicts, asked again, come from what the first call kept
    first = review_words(items, model, lexicon, settings, bigrams, context)
    assert review_words(items, model, lexicon, settings, bigrams, context) == first


def test_confusion_readings_equal_every_confusion_undone_in_turn() -> None:
    multi = [(p, t) for p, t, _ in CONFUSIONS if len(p) > 1 or len(t) > 1]
    rng = random.Random(3)
    glyphs = "".join(sorted({c for p, _ in multi for c in p})) + "aeiou"
    for _ in range(500):
        word = "".join(rng.choice(glyphs) for _ in range(rng.randint(0, 12)))
        expected = {
            word[:start] + true + word[start + len(printed) :]
            for printed, true in multi
            for start in range(len(word))
            if word.startswith(printed, start)
        }
        assert confusion_readings(word) == expected, word


def test_nearest_within_equals_the_filtered_prefix() -> None:
    rng = random.Random(4)
    for _ in range(300):
        shares = sorted(rng.choice([0.1, 0.25, 0.4, 0.5, 0.7]) for _ in range(rng.randint(0, 25)))
        scored = [(f"w{number}", share) for number, share in enumerate(shares)]
        share, limit = rng.choice([0.0, 0.25, 0.4, 0.7]), rng.randint(1, 22)
        expected = [word for word, value in scored if value <= share][:limit]
        assert nearest_within(scored, share, limit) == expected


@pytest.mark.parametrize("depth", [1, 2])
def test_osa_check_with_early_stop_equals_the_full_distance(depth: int) -> None:
    rng = random.Random(depth)
    rows = np.empty((3, 40), dtype=np.int64)
    for _ in range(3000):
        left = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 12)))
        right = "".join(rng.choice("abcde") for _ in range(rng.randint(0, 12)))
        within = osa_within(codes(left), codes(right), depth, rows)
        assert within == (OSA.distance(left, right) <= depth), (left, right)


def test_equal_settings_hash_alike_and_others_stay_unequal() -> None:
    assert hash(CorrectorSettings()) == hash(CorrectorSettings())
    assert {CorrectorSettings(): 1}[CorrectorSettings()] == 1
    assert CorrectorSettings(review_domain_pool=5) != CorrectorSettings()


def test_a_cleared_corrector_corrects_as_before_and_keeps_nothing(lexicon: Lexicon) -> None:
    """`clear_caches` (the bench's cold start) forgets every kept look-up and changes no
    answer."""
    corrector = Corrector(lexicon)
    texts = [("Keglatan dlberlkan pega\\{val intemnal", "text"), ("Zhar", "waktu")]
    before = corrector.correct_document(texts)
    assert lexicon.candidate_cache and ocr_distance.cache_info().currsize
    corrector.clear_caches()
    assert not lexicon.candidate_cache and not lexicon._known_cache
    assert ocr_distance.cache_info().currsize == 0
    assert corrector.correct_document(texts) == before
