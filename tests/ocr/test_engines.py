import cv2
import numpy as np
import pytest

from ingest.ocr import engine_status, make_engine
from ingest.settings import OcrSettings


def _line_image(text: str) -> np.ndarray:
    image = np.full((70, 520), 255, np.uint8)
    cv2.putText(image, text, (8, 45), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 2)
    return image


@pytest.mark.parametrize("engine_name", ["tesserocr", "pytesseract"])
def test_each_engine_reads_a_line_into_words_with_boxes(engine_name: str) -> None:
    assert engine_status()[engine_name], f"{engine_name} is a declared dependency: set-up broke"
    engine = make_engine(OcrSettings(engine=engine_name))  # type: ignore[arg-type]
    words = engine.read(_line_image("Menyusun laporan 12"), psm=6)
    assert [w.text for w in words] == ["Menyusun", "laporan", "12"]
    assert all(w.bbox is not None and 0 < w.confidence <= 1 for w in words)
    assert words[0].bbox.left < words[1].bbox.left < words[2].bbox.left  # type: ignore[union-attr]


def test_the_default_engine_is_the_in_process_one() -> None:
    # tesserocr is a declared dependency: a silent fall-back to pytesseract would cost 8x per cell.
    assert make_engine(OcrSettings()).name == "tesserocr"
