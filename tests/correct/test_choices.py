"""Tesseract's character alternatives: read from real OCR, carried to the cell tokens, and
turned into the review's choice cost."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.correct import Corrector
from ingest.correct.choices import choice_cost, printed_choices
from ingest.correct.errors import ChoiceCountError, DocumentChoiceCountError
from ingest.correct.review import ReviewInput, ReviewModel
from ingest.ocr import make_engine
from ingest.page import Cell, Word
from ingest.settings import OcrSettings
from ingest.table.words import words_to_cells
from models.geometry import BBox

DRAH = [[("d", 0.84)], [("r", 0.93)], [("a", 0.92)], [("h", 0.90), ("t", 0.48), ("f", 0.34)]]


def test_tesseract_gives_every_letter_its_alternatives_and_the_same_text() -> None:
    image = np.full((70, 520), 255, np.uint8)
    cv2.putText(image, "Menyusun laporan", (8, 45), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 2)
    plain = make_engine(OcrSettings(character_choices=False)).read(image, psm=6)
    words = make_engine(OcrSettings()).read(image, psm=6)
    assert [w.text for w in words] == [w.text for w in plain] == ["Menyusun", "laporan"]
    assert all(w.choices is None for w in plain)
    for word in words:
        assert word.choices is not None and len(word.choices) == len(word.text)
        # the printed letter comes first, with a confidence in 0..1
        assert [letter[0][0] for letter in word.choices] == list(word.text)
        assert all(0 <= confidence <= 1 for letter in word.choices for _, confidence in letter)


def test_a_swap_to_a_near_alternative_costs_less_than_any_other_edit() -> None:
    choices = printed_choices("drah,", [*DRAH, [(",", 0.9)]])
    assert choices is not None and len(choices) == 4  # the trailing comma is not the word's
    assert choice_cost("drah", choices, "drah") == 0
    assert choice_cost("drah", choices, "draf") == pytest.approx(1 - 0.34 / 0.90)
    assert choice_cost("drah", choices, "drat") < choice_cost("drah", choices, "draf") < 1
    assert choice_cost("drah", choices, "dram") == 1  # 'm' was never weighed there
    # the cheapest path: insert the f, read the h as its near alternative t
    assert choice_cost("drah", choices, "draft") == pytest.approx(2 - 0.48 / 0.90)


def test_alternatives_that_do_not_line_up_with_the_printed_word_are_dropped() -> None:
    assert printed_choices("drah", DRAH[:3]) is None  # one letter short
    assert printed_choices("ﬂag", [[("ﬂ", 0.9)], [("a", 0.9)], [("g", 0.9)]]) is None  # ligature
    assert printed_choices("dr\\ah", [*DRAH[:2], [("\\", 0.5)], *DRAH[2:]]) is None  # stray mark


def test_cells_keep_each_tokens_alternatives_across_a_hyphenated_line_break() -> None:
    def word(text: str, left: float, top: float) -> Word:
        choices = [[(char, 0.9)] for char in text]
        return Word(text=text, bbox=BBox(left=left, top=top, right=left + 40, bottom=top + 10),
                    confidence=0.9, choices=choices)  # fmt: skip

    cell = Cell(row=0, col=0, bbox=BBox(left=0, top=0, right=200, bottom=100))
    words = [word("lapo-", 0, 0), word("ran", 0, 20), Word(text="kinerja",
             bbox=BBox(left=50, top=20, right=90, bottom=30))]  # fmt: skip
    [filled] = words_to_cells([cell], words)
    assert filled.text == "lapo-ran kinerja"
    printed = [None if c is None else "".join(a[0][0] for a in c) for c in filled.word_choices]
    assert printed == ["lapo-ran", None]


def test_the_review_weighs_a_token_with_its_own_letters_alternatives() -> None:
    corrector = Corrector(Corrector.default().lexicon)
    seen = []
    corrector.review_sink = lambda _text, _index, item, _context: seen.append(item)
    corrector.correct_document(
        [("Menyiapkan drah laporan", "text"), ("drah", "text")],
        word_choices=[[None, DRAH, None], None],
    )
    with_choices, without = seen  # the same word, read by OCR and from a text export
    assert with_choices.printed == without.printed == "drah"
    assert with_choices.choices == tuple(tuple(letter) for letter in DRAH)
    assert without.choices is None
    with pytest.raises(ChoiceCountError):
        corrector.correct("Menyiapkan drah", word_choices=[None])
    with pytest.raises(DocumentChoiceCountError):
        corrector.correct_document([("drah", "text")], word_choices=[None, None])


# Names the lexicon does not list (Wahyuningsih, Mardiyanto, Kaliwungu) among SOP words.
NAMES = [
    "Laporan disusun oleh Sutrisno dan Wahyuningsih di Purwokerto",
    "Surat diparaf Mardiyanto lalu dikirim ke Tulungagung dan Banjarnegara",
    "Dokumen diserahkan kepada Sumarsono untuk diteruskan ke Kecamatan Kaliwungu",
]


def _blurred_line(text: str) -> np.ndarray:
    image = Image.new("L", (1500, 70), 255)
    ImageDraw.Draw(image).text((10, 15), text, font=ImageFont.truetype("DejaVuSans.ttf", 30))
    small = cv2.resize(np.array(image), None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(
        ".jpg", cv2.GaussianBlur(small, (3, 3), 0.8), [cv2.IMWRITE_JPEG_QUALITY, 20]
    )
    assert ok
    return cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE)


def test_names_read_right_with_their_alternatives_are_kept() -> None:
    # Words read with alternatives have their own, laxer thresholds (the trees are surer of
    # them): unknown names Tesseract read right must still stay as printed.
    engine = make_engine(OcrSettings())
    read = [engine.read(_blurred_line(line), psm=7) for line in NAMES]
    assert all(word.choices is not None for words in read for word in words)
    texts = [(" ".join(word.text for word in words), "text") for words in read]
    results = Corrector.default().correct_document(
        texts,  # type: ignore[arg-type]
        word_confidences=[[word.confidence for word in words] for words in read],
        word_choices=[[word.choices for word in words] for words in read],
    )
    source = {word for line in NAMES for word in line.split()}
    read_right = {word.text for words in read for word in words} & source
    assert len({"Wahyuningsih", "Mardiyanto", "Kaliwungu"} & read_right) >= 2
    for result in results:
        assert not [change for change in result.corrections if change.raw in source]


def test_words_with_alternatives_are_judged_by_their_own_thresholds() -> None:
    model = ReviewModel.load()
    item = ReviewInput(printed="drah", left=None, right=None, confidence=0.5,
                       rule_choice=None, caps=False)  # fmt: skip
    assert model.thresholds(item) == model.plain
    with_choices = replace(item, choices=printed_choices("drah", DRAH))
    assert model.thresholds(with_choices) == model.with_choices
    assert model.with_choices != model.plain
    assert model.plain.of(agrees=True) == model.plain.rules_choice
    assert model.plain.of(agrees=False) == model.plain.accept
