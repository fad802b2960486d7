"""Reader for PDFs: one Page per PDF page, words from the text layer or none (then OCR).

Coordinates: every box on a Page is in pixels of `Page.image`. Pages with a text layer are
rendered at `PdfSettings.render_dpi` and their pdfplumber words (PDF points, 1/72 inch) are
scaled by dpi/72; image-only pages (CamScanner exports) are rendered at `scan_dpi` for OCR.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2

from ingest.errors import UnreadableInputError
from ingest.page import Page, Word
from ingest.settings import PdfSettings
from models.geometry import BBox

POINTS_PER_INCH = 72.0


def text_layer_words(plumber_page: pdfplumber.page.Page, scale: float) -> list[Word]:
    """pdfplumber words, boxes scaled from points to rendered pixels."""
    words = []
    for raw in plumber_page.extract_words(keep_blank_chars=False, use_text_flow=False):
        bbox = BBox(left=raw["x0"], top=raw["top"], right=raw["x1"], bottom=raw["bottom"])
        words.append(Word(text=raw["text"], bbox=bbox.scaled(scale), confidence=1.0))
    return words


def render_gray(document: pypdfium2.PdfDocument, index: int, dpi: int) -> np.ndarray:
    """One page as a grey uint8 array (pdfium, no poppler needed)."""
    bitmap = document[index].render(scale=dpi / POINTS_PER_INCH)
    return np.asarray(bitmap.to_pil().convert("L"))


def _open_error(path: Path, error: Exception) -> UnreadableInputError:
    text = f"{type(error).__name__} {error}".lower()
    if "password" in text or "encrypt" in text:
        return UnreadableInputError(
            f"{path}: the PDF is password-protected; save an unprotected copy and ingest that."
        )
    return UnreadableInputError(
        f"{path}: the PDF is damaged or not a PDF ({type(error).__name__}); "
        "re-export or re-scan the document."
    )


def read_pdf(path: Path, settings: PdfSettings) -> list[Page]:
    """All pages (up to `max_pages`), each with its image and, when present, text-layer words."""
    try:
        rendered = pypdfium2.PdfDocument(str(path))
        plumber = pdfplumber.open(path)
    except Exception as error:  # pdfium and pdfminer raise many types for a bad file
        raise _open_error(path, error) from error
    with plumber:
        if len(plumber.pages) == 0:
            raise UnreadableInputError(f"{path}: the PDF has no pages.")
        pages = []
        for index, plumber_page in enumerate(plumber.pages[: settings.max_pages]):
            try:
                chars = len(plumber_page.chars)
            except Exception as error:  # a damaged content stream
                raise _open_error(path, error) from error
            has_text = chars >= settings.min_text_layer_chars
            dpi = settings.render_dpi if has_text else settings.scan_dpi
            words = text_layer_words(plumber_page, dpi / POINTS_PER_INCH) if has_text else []
            pages.append(Page(number=index + 1, source=str(path),
                              image=render_gray(rendered, index, dpi),
                              has_text_layer=has_text, words=words))  # fmt: skip
    rendered.close()
    return pages
