"""The labelled set's token alignment (bench/data/correct/build_set.py's `align`): what the
corrector is scored against, so its pairings are checked like code."""

from __future__ import annotations

from bench.data.correct.build_set import align


def _aligned(gold: str, ocr: str) -> list[tuple[str, str, str]]:
    words = [(word, 0.5, 0) for word in ocr.split()]
    return [(r["raw"], r["gold"], r["kind"]) for r in align(gold.split(), words)]


def test_a_count_printed_inside_a_glued_token_is_not_lost() -> None:
    assert _aligned("3 hari", "3han") == [("3han", "3 hari", "glued")]


def test_a_lost_count_is_not_taken_for_glue() -> None:
    # '7 Menyusun' read as 'Menyumun': the 7 is missing, the word garbled
    assert _aligned("7 Menyusun laporan", "Menyumun laporan") == [
        ("Menyumun", "Menyusun", "garbled"),
        ("laporan", "laporan", "correct"),
    ]


def test_a_word_cut_before_its_suffix_is_a_fragment() -> None:
    assert _aligned("Mengarsipkan berkas", "Mengarupk an berkas") == [
        ("Mengarupk", "Mengarsipkan", "fragment"),
        ("an", "Mengarsipkan", "fragment"),
        ("berkas", "berkas", "correct"),
    ]
