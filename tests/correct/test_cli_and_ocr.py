"""`sop correct` end to end, and the corrector on real Tesseract output of a degraded render."""

from __future__ import annotations

import shutil

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageDraw, ImageFont
from typer.testing import CliRunner

from cli.main import app
from ingest.correct import Corrector
from tests.conftest import require_installed


def test_sop_correct_keeps_lines_and_explains_on_stderr() -> None:
    text = "Keglatan penguktfran\n\nPermenpan 35/2012 dan 1jam\nbokumen\n"
    result = CliRunner().invoke(app, ["correct", "--explain"], input=text)
    assert result.exit_code == 0
    assert result.stdout == "Kegiatan pengukuran\n\nPermenpan 35/2012 dan 1 jam\ndokumen\n"
    assert "'penguktfran' -> 'pengukuran' (lexicon" in result.stderr
    assert "line 4: 'bokumen' -> 'dokumen'" in result.stderr


def test_sop_correct_waktu_field_and_bad_field() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["correct", "--field", "waktu"], input="Zhar\n").stdout == "2 hari\n"
    assert runner.invoke(app, ["correct", "--field", "nope"], input="x\n").exit_code == 2


SOURCE = "Menyerahkan dokumen pengukuran kinerja kepada Kepala Dinas untuk ditandatangani"


def _degraded_render(text: str) -> np.ndarray:
    font = ImageFont.truetype("DejaVuSans.ttf", 30)
    image = Image.new("L", (1400, 70), 255)
    ImageDraw.Draw(image).text((10, 15), text, font=font, fill=0)
    small = cv2.resize(np.array(image), None, fx=0.36, fy=0.36, interpolation=cv2.INTER_AREA)
    blurred = cv2.GaussianBlur(small, (3, 3), 0.9)
    ok, encoded = cv2.imencode(".jpg", blurred, [cv2.IMWRITE_JPEG_QUALITY, 10])
    assert ok
    return cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE)


def test_real_tesseract_output_gets_closer_to_the_source() -> None:
    require_installed(shutil.which("tesseract") is not None, "tesseract-ocr")
    try:
        image = _degraded_render(SOURCE)
    except OSError:
        require_installed(False, "fonts-dejavu-core (DejaVuSans.ttf)")
    data = pytesseract.image_to_data(
        image, lang="ind", config="--psm 7", output_type=pytesseract.Output.DICT
    )
    words = [(w, float(c)) for w, c in zip(data["text"], data["conf"], strict=True) if w.strip()]
    printed = " ".join(word for word, _ in words)
    result = Corrector.default().correct(printed, word_confidences=[c for _, c in words])
    source_words = SOURCE.split()
    right_before = sum(word in source_words for word in printed.split())
    right_after = sum(word in source_words for word in result.text.split())
    assert right_after >= right_before
    # A word Tesseract already read right is never changed.
    for change in result.corrections:
        assert change.raw not in source_words


def test_sop_correct_document_mode_keeps_lines_and_records_the_review() -> None:
    text = "Menyerahkan dokumen kepada Sekretaris\nMemvoriikasi dokumen perjanjian\n\nSelesai\n"
    result = CliRunner().invoke(app, ["correct", "--document", "--explain"], input=text)
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    assert len(lines) == len(text.split("\n")) and lines[2] == ""
    expected = Corrector.default().correct_document([(line, "text") for line in text.splitlines()])
    assert lines[:4] == [value.text for value in expected]
