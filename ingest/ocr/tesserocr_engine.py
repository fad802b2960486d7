"""tesserocr: libtesseract in-process (~5 ms per cell), one API object reused for every call."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image

from ingest.errors import ToolMissingError
from ingest.ocr.choices import read_choices, with_choices
from ingest.ocr.tsv import parse_tsv
from ingest.page import Word
from ingest.settings import OcrSettings

# The tesserocr wheel bundles its own libtesseract but no language data: use the system's.
_TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)


@functools.cache
def tessdata_dir(lang: str = "ind") -> str | None:
    """A folder holding `<lang>.traineddata`, found where distributions install it."""
    candidates = list(_TESSDATA_CANDIDATES)
    try:
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=10, check=False
        )
        first = (listing.stdout or listing.stderr).splitlines()[:1]
        if first and '"' in first[0]:
            candidates.insert(0, first[0].split('"')[1])
    except (OSError, subprocess.TimeoutExpired):
        pass
    for folder in candidates:
        if (Path(folder) / f"{lang}.traineddata").exists():
            return folder
    return None


@functools.cache
def version() -> str | None:
    """libtesseract's version through tesserocr, or None when tesserocr cannot be imported."""
    try:
        import tesserocr

        return tesserocr.tesseract_version().split()[1]
    except Exception:  # an ImportError or a broken wheel: both mean "not available"
        return None


class TesserocrEngine:
    name = "tesserocr"

    def __init__(self, settings: OcrSettings) -> None:
        import tesserocr

        folder = tessdata_dir(settings.lang)
        if folder is None:
            raise ToolMissingError(
                f"no {settings.lang}.traineddata found; install tesseract-ocr-{settings.lang}."
            )
        self._api = tesserocr.PyTessBaseAPI(path=folder, lang=settings.lang)
        self._api.SetVariable("tessedit_do_invert", "0")  # cells are dark ink on white: skip
        self._api.SetVariable("thresholding_method", str(settings.thresholding_method))
        self._timeout_ms = int(settings.timeout_seconds * 1000)
        self._choices = settings.character_choices
        if self._choices:  # alternatives per character, best first (the text is the same)
            self._api.SetVariable("lstm_choice_mode", "2")

    def read(self, image: np.ndarray, *, psm: int) -> list[Word]:
        self._api.SetPageSegMode(psm)
        self._api.SetImage(Image.fromarray(image))
        if not self._api.Recognize(self._timeout_ms):
            return []
        words = parse_tsv("header\n" + self._api.GetTSVText(0))
        return with_choices(words, read_choices(self._api)) if self._choices else words

    def close(self) -> None:
        self._api.End()
