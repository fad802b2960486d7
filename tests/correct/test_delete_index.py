"""The symmetric-delete index finds exactly the words a brute-force scan finds."""

from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import OSA

from ingest.correct.index import DeleteIndex
from ingest.correct.lexicon import Lexicon


@pytest.mark.parametrize("depth", [1, 2])
def test_lookup_equals_a_brute_force_scan(depth: int) -> None:
    rng = random.Random(depth)
    words = sorted(Lexicon.load().zipf)[::15]  # ~2,000 words keep the brute force quick
    index = DeleteIndex(words, depth)
    for _ in range(300):
        query = list(rng.choice(words))
        for _ in range(rng.randint(0, depth + 1)):  # up to one edit more than the index reaches
            position = rng.randrange(len(query) + 1)
            move = rng.random()
            if move < 0.3 and position < len(query):
                del query[position]
            elif move < 0.6:
                query.insert(position, rng.choice("aeiknrst"))
            elif position + 1 < len(query):
                query[position], query[position + 1] = query[position + 1], query[position]
        text = "".join(query)
        expected = {word for word in words if OSA.distance(text, word) <= depth}
        assert index.lookup(text) == expected, text
