"""Cells keep one OCR confidence per whitespace token of their text (the corrector uses them)."""

from __future__ import annotations

from ingest.page import Cell, Word
from ingest.table.rows import _ref
from ingest.table.words import words_to_cells
from models.geometry import BBox


def _word(text: str, left: float, top: float, confidence: float) -> Word:
    return Word(text=text, bbox=BBox(left=left, top=top, right=left + 40, bottom=top + 10),
                confidence=confidence)  # fmt: skip


def test_tokens_and_confidences_line_up_across_a_hyphenated_line_break() -> None:
    cell = Cell(row=0, col=0, bbox=BBox(left=0, top=0, right=200, bottom=100))
    words = [_word("Menyusun", 0, 0, 0.9), _word("lapo-", 50, 0, 0.8),
             _word("ran", 0, 20, 0.3), _word("kinerja", 50, 20, 0.95)]  # fmt: skip
    [filled] = words_to_cells([cell], words)
    assert filled.text == "Menyusun lapo-ran kinerja"
    assert filled.word_confidences == [0.9, 0.3, 0.95]  # the joined word takes its lower half


def test_a_step_field_over_two_cells_concatenates_their_confidences() -> None:
    box = BBox(left=0, top=0, right=10, bottom=10)
    cells = [Cell(row=0, col=0, bbox=box, text="Menyiapkan surat", word_confidences=[0.9, 0.5]),
             Cell(row=1, col=0, bbox=box, text=""),
             Cell(row=2, col=0, bbox=box, text="undangan", word_confidences=[0.7])]  # fmt: skip
    ref = _ref(cells)
    assert ref is not None
    assert ref.text == "Menyiapkan surat\nundangan"
    assert ref.word_confidences == [0.9, 0.5, 0.7]
    # A text-layer cell has no word confidences: the field has none either.
    cells[2] = cells[2].model_copy(update={"word_confidences": []})
    assert _ref(cells).word_confidences == []  # type: ignore[union-attr]
