"""The compiled distance table gives exactly what the plain dynamic programme gives.

The reference below is the readable textbook form of the weighted table (the form the corrector
used before it was compiled); the kernel must agree with it on random OCR-like pairs.
"""

from __future__ import annotations

import random

import pytest

from ingest.correct.distance import (
    CONFUSIONS,
    STRAY_MARKS,
    THIN_GLYPHS,
    ocr_distance,
    ocr_distances,
)
from ingest.correct.lexicon import Lexicon

_SINGLE = {(p, t): c for p, t, c in CONFUSIONS if len(p) == 1 and len(t) == 1}
_MULTI = [(p, t, c) for p, t, c in CONFUSIONS if len(p) > 1 or len(t) > 1]


def reference(printed: str, true: str) -> float:
    rows, cols = len(printed) + 1, len(true) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        table[i][0] = table[i - 1][0] + (0.2 if printed[i - 1] in STRAY_MARKS else 1.0)
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + (0.7 if true[j - 1] in THIN_GLYPHS else 1.0)
    for i in range(1, rows):
        for j in range(1, cols):
            a, b = printed[i - 1], true[j - 1]
            options = [
                table[i - 1][j] + (0.2 if a in STRAY_MARKS else 1.0),
                table[i][j - 1] + (0.7 if b in THIN_GLYPHS else 1.0),
                table[i - 1][j - 1] + (0.0 if a == b else _SINGLE.get((a, b), 1.0)),
            ]
            if i > 1 and j > 1 and a == true[j - 2] and printed[i - 2] == b:
                options.append(table[i - 2][j - 2] + 1.0)
            for source, target, cost in _MULTI:
                if printed[:i].endswith(source) and true[:j].endswith(target):
                    options.append(table[i - len(source)][j - len(target)] + cost)
            table[i][j] = min(options)
    return table[-1][-1]


def garble(word: str, rng: random.Random) -> str:
    """A word with a few OCR-like edits: listed confusions, stray marks, drops, random glyphs."""
    glyphs = list(word)
    for _ in range(rng.randint(0, 4)):
        position = rng.randrange(len(glyphs) + 1)
        move = rng.random()
        if move < 0.4 and glyphs:
            source, target, _ = rng.choice(CONFUSIONS)
            text = "".join(glyphs)
            glyphs = list(text.replace(target, source, 1) if target in text else text)
        elif move < 0.6:
            glyphs.insert(position, rng.choice(sorted(STRAY_MARKS)))
        elif move < 0.8 and position < len(glyphs):
            del glyphs[position]
        else:
            glyphs.insert(position, rng.choice("abcdeéfghijklmnopqrstuvwxyz0123456789ﬂ—"))
    return "".join(glyphs)


def test_compiled_table_equals_the_reference_on_random_ocr_pairs() -> None:
    rng = random.Random(7)
    words = sorted(word for word in Lexicon.load().zipf if len(word) >= 3)
    pairs = []
    for _ in range(3000):
        true = rng.choice(words)
        printed = garble(true, rng) if rng.random() < 0.8 else rng.choice(words)
        pairs.append((printed, true))
    for printed, true in pairs:
        found = ocr_distances(printed, [true, printed])
        assert found[0] == pytest.approx(reference(printed, true), abs=1e-9)
        assert found[1] == 0.0


def test_a_call_reusing_its_scratch_table_equals_one_call_per_pair() -> None:
    """A call fills one scratch table for all its candidates (long and short ones mixed, each
    table smaller or larger than the last): every distance is the one a call of its own gives."""
    rng = random.Random(11)
    words = sorted(word for word in Lexicon.load().zipf if len(word) >= 2)
    for _ in range(200):
        printed = garble(rng.choice(words), rng)
        candidates = [garble(rng.choice(words), rng) for _ in range(rng.randint(1, 30))]
        alone = [ocr_distances(printed, [candidate])[0] for candidate in candidates]
        assert ocr_distances(printed, candidates) == alone


@pytest.mark.parametrize(
    ("printed", "true", "expected"),
    [
        ("kinerja", "kinerja", 0.0),
        ("rnemeriksa", "memeriksa", 0.3),  # rn -> m
        ("dlberlkan", "diberikan", 0.6),  # two l -> i
        ("pega\\{val", "pegawai", 0.6),  # \{v -> w, l -> i
        ("", "abc", 3.0),
        ("𝐤inerja", "kinerja", 1.0),  # a glyph outside the class table costs a full edit
    ],
)
def test_known_distances(printed: str, true: str, expected: float) -> None:
    assert ocr_distance(printed, true) == pytest.approx(expected)
    assert reference(printed, true) == pytest.approx(expected)
