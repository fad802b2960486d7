"""The engine-neutral OCR interface, availability checks, and the engine factory."""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np

from ingest.errors import ToolMissingError
from ingest.page import Word
from ingest.settings import OcrSettings

# Tesseract's OpenMP threads fight over the cores when several workers run (measured: 8 pages took
# 14 s instead of 3 s with two workers). Set before any engine loads libtesseract.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class OcrEngine(Protocol):
    """Reads one image (a cell or a page, grey or binary uint8) into Words in that image's pixels."""

    name: str

    def read(self, image: np.ndarray, *, psm: int) -> list[Word]: ...

    def close(self) -> None: ...


def engine_status() -> dict[str, str | None]:
    """Which engines can run here and their Tesseract versions (None = not available)."""
    from ingest.ocr import pytesseract_engine, tesserocr_engine

    return {
        "tesserocr": tesserocr_engine.version(),
        "pytesseract": pytesseract_engine.version(),
    }


def make_engine(settings: OcrSettings) -> OcrEngine:
    """The engine the settings ask for; 'auto' prefers the in-process tesserocr."""
    from ingest.ocr import pytesseract_engine, tesserocr_engine

    if settings.engine in ("auto", "tesserocr") and tesserocr_engine.version():
        return tesserocr_engine.TesserocrEngine(settings)
    if settings.engine == "tesserocr":
        raise ToolMissingError(
            "tesserocr is not installed; run `pip install tesserocr` or set the OCR engine to "
            "'pytesseract'."
        )
    if pytesseract_engine.version():
        return pytesseract_engine.PytesseractEngine(settings)
    raise ToolMissingError(
        "Tesseract is not installed; install it with `apt-get install tesseract-ocr "
        "tesseract-ocr-ind` (or `make setup`)."
    )
