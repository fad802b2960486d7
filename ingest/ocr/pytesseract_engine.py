"""pytesseract: one `tesseract` process per call (the client's choice; ~45 ms per cell)."""

from __future__ import annotations

import functools

import numpy as np

from ingest.errors import ToolMissingError
from ingest.ocr.tsv import parse_tsv
from ingest.page import Word
from ingest.settings import OcrSettings


@functools.cache
def version() -> str | None:
    """Tesseract's version through pytesseract, or None when the binary is missing."""
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version())
    except Exception:  # missing module or binary: both mean "not available"
        return None


class PytesseractEngine:
    name = "pytesseract"

    def __init__(self, settings: OcrSettings) -> None:
        self._settings = settings

    def read(self, image: np.ndarray, *, psm: int) -> list[Word]:
        import pytesseract

        try:
            tsv = pytesseract.image_to_data(
                image,
                lang=self._settings.lang,
                config=f"--psm {psm} -c thresholding_method={self._settings.thresholding_method}",
                timeout=self._settings.timeout_seconds,
            )
        except pytesseract.TesseractNotFoundError as error:
            raise ToolMissingError(
                "tesseract is not on PATH; install tesseract-ocr and tesseract-ocr-ind."
            ) from error
        except RuntimeError:  # pytesseract's timeout: the region is recorded as unread
            return []
        return parse_tsv(tsv)

    def close(self) -> None:
        """Nothing held between calls."""
