import pytest

from ingest.flowchart.labels import (
    label_of_reading,
    label_words,
    text_return_actor,
    text_says_no_exit,
    text_step_reference,
    when_of_label,
)
from ingest.page import Word
from models.geometry import BBox


@pytest.mark.parametrize(
    ("text", "when"),
    [("Ya", "ya"), ("Y", "ya"), ("YA", "ya"), ("Lengkap", "ya"), ("Setuju?", "ya"),
     ("Tidak", "tidak"), ("T", "tidak"), ("TIDAK", "tidak"), ("Tidak Lengkap", "tidak"),
     ("Disposisi", None), ("", None)],
)  # fmt: skip
def test_exit_words_map_to_when(text: str, when: str | None) -> None:
    assert when_of_label(text) == when


def test_kegiatan_text_names_the_no_exit() -> None:
    text = (
        "Memeriksa berkas, jika tidak lengkap dikembalikan kepada Staf untuk kembali ke langkah 2"
    )
    assert text_says_no_exit(text)
    assert text_step_reference(text) == 2
    assert text_return_actor("jika tidak setuju dikembalikan kepada Kasubag.") == "kasubag"
    assert not text_says_no_exit("Memeriksa berkas")
    assert text_step_reference("Memeriksa berkas langkah 2") is None


def _word(text: str, x: float, y: float) -> Word:
    return Word(text=text, bbox=BBox(left=x, top=y, right=x + 20, bottom=y + 10))


def test_each_exit_takes_the_nearest_label_and_ignores_words_inside_symbols() -> None:
    exits = [(100.0, 200.0), (150.0, 150.0)]
    diamond = BBox(left=60, top=110, right=140, bottom=190)
    words = [
        _word("Ya", 104, 204),
        _word("Tidak", 154, 136),
        _word("Setuju?", 85, 145),
        _word("x1", 100, 190),
    ]
    assert label_words(words, exits, reach=40, inside=[diamond]) == ["Ya", "Tidak"]
    assert label_words(words, exits, reach=2, inside=[diamond]) == [None, None]


@pytest.mark.parametrize(
    ("reading", "label"),
    [("TIDAK", "TIDAK"), ("TIDAX", "TIDAK"), ("Tldak", "Tidak"), ("Tiaa", "Tidak"),
     ("Lengkep", "Lengkap"), ("Setuiu", "Setuju"), ("Y", "Y"), ("T", "T"), ("Ya|", "Ya"),
     ("kei", None), ("Sub", None), ("Data", None), ("", None), ("1", None)],
)  # fmt: skip
def test_ocr_readings_of_exit_labels_match_the_exit_words(reading: str, label: str | None) -> None:
    assert label_of_reading(reading) == label
