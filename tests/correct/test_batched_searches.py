"""The batched searches document mode uses answer exactly what the one-word searches answer."""

from __future__ import annotations

import random

from ingest.correct.context import DocumentVocabulary
from ingest.correct.distance import confusion_readings, ocr_distance_groups, ocr_distances
from ingest.correct.index import nearest_within
from ingest.correct.lexicon import Lexicon
from ingest.correct.review import (
    ReviewInput,
    ReviewModel,
    _domain_by_channel,
    _search_domain_by_channel,
)
from ingest.correct.settings import CorrectorSettings
from ingest.correct.words import digits_as_letters


def _garbled(words: list[str], count: int, seed: int) -> list[str]:
    """Listed words with up to three OCR-like slips each (and a few edge cases)."""
    rng = random.Random(seed)
    found = ["", "a", "rn", "x" * 25]
    for _ in range(count):
        letters = list(rng.choice(words))
        for _ in range(rng.randint(0, 3)):
            position = rng.randrange(len(letters) + 1)
            letters.insert(position, rng.choice("aeiklnorst15|"))
            if rng.random() < 0.5 and len(letters) > 2:
                del letters[rng.randrange(len(letters))]
        found.append("".join(letters))
    return found


def test_index_searches_of_many_words_equal_one_by_one(lexicon: Lexicon) -> None:
    index = lexicon.index()
    words = _garbled(sorted(lexicon.zipf), 600, seed=1)
    readings = [{word, digits_as_letters(word), *confusion_readings(word)} for word in words]
    assert index.general_each(readings) == [index.general(each) for each in readings]
    assert index.domain_each(readings) == [index.domain(each) for each in readings]
    assert index.general_near_each(words, 3.0, 7) == [
        index.general_near(word, 3.0, 7) for word in words
    ]


def test_domain_and_document_neighbours_of_many_words_equal_one_by_one(lexicon: Lexicon) -> None:
    index = lexicon.index()
    words = _garbled(sorted(lexicon.domain), 400, seed=2)
    scored = index.domain_near_many(words, 0.5)
    for word, found in zip(words, scored, strict=True):
        assert found == index.domain_near_scored(word, 0.5)
        for share, limit in ((0.4, 3), (0.5, 4)):
            assert nearest_within(found, share, limit) == index.domain_near(word, share, limit)
    # the first `limit` of each (ties at the cut ranked as in the full lists)
    for limit in (0, 1, 3, 20, 600):
        assert index.domain_near_many(words, 0.7, limit) == [
            found[:limit] for found in index.domain_near_many(words, 0.7)
        ]
    document = DocumentVocabulary.of([" ".join(sorted(lexicon.domain)[::3])], lexicon, min_length=5)
    nearest = document.nearest_many(words, 3, 0.6)
    assert nearest == [document.nearest(word, 3, 0.6) for word in words]


def test_grouped_distances_equal_one_word_at_a_time(lexicon: Lexicon) -> None:
    rng = random.Random(3)
    listed = sorted(lexicon.zipf)
    groups = [
        (word, rng.sample(listed, rng.randint(0, 9))) for word in _garbled(listed, 300, seed=3)
    ]
    assert ocr_distance_groups(groups) == [ocr_distances(word, found) for word, found in groups]


def test_channel_ranked_domain_words_of_many_equal_one_by_one(lexicon: Lexicon) -> None:
    settings, channel = CorrectorSettings(), ReviewModel.load().channel
    words = _garbled(sorted(lexicon.domain), 150, seed=4)
    items = [ReviewInput(word, None, None, None, None, caps=False) for word in words]
    lexicon.candidate_cache.clear()
    _search_domain_by_channel(items, lexicon, channel, settings)
    batched = {word: lexicon.candidate_cache["domain_channel", word] for word in words}
    lexicon.candidate_cache.clear()
    assert batched == {word: _domain_by_channel(word, lexicon, channel, settings) for word in words}
