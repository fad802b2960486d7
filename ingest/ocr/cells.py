"""OCR table cells one by one (PSM 6 per cell): a whole-page pass drops isolated row numbers and
reads rulings as '|'; per-cell reading on the rectified page recovers every cell."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from ingest.image.binarise import ink_mask
from ingest.ocr.base import OcrEngine
from ingest.page import Cell, Page, Table, Word
from ingest.settings import OcrSettings

CellFilter = Callable[[Table, Cell], bool]
_DARK = 128


def without_lines(gray: np.ndarray, min_length: int) -> np.ndarray:
    """The page with long straight strokes (rulings, arrows) painted white, so OCR sees text only."""
    mask = ink_mask(gray)
    lines = np.zeros_like(mask)
    for size in ((min_length, 1), (1, min_length)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        lines |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    cleaned = gray.copy()
    cleaned[lines > 0] = 255
    return cleaned


def _crop(image: np.ndarray, cell: Cell, margin: int) -> tuple[np.ndarray, int, int]:
    top = max(0, int(cell.bbox.top) + margin)
    left = max(0, int(cell.bbox.left) + margin)
    bottom = min(image.shape[0], int(cell.bbox.bottom) - margin)
    right = min(image.shape[1], int(cell.bbox.right) - margin)
    return image[top : max(top, bottom), left : max(left, right)], left, top


def read_cells(image: np.ndarray, cells: list[Cell], engine: OcrEngine,
               settings: OcrSettings) -> list[Word]:  # fmt: skip
    """Words of the given cells in page pixels; cells with (almost) no ink are not read."""
    words: list[Word] = []
    for cell in cells:
        crop, left, top = _crop(image, cell, settings.cell_margin_px)
        if crop.size == 0 or np.count_nonzero(crop < _DARK) < settings.min_ink_share * crop.size:
            continue
        padded = cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)
        for word in engine.read(padded, psm=settings.cell_psm):
            assert word.bbox is not None
            box = word.bbox.model_copy(update={
                "left": word.bbox.left + left - 10, "right": word.bbox.right + left - 10,
                "top": word.bbox.top + top - 10, "bottom": word.bbox.bottom + top - 10})  # fmt: skip
            words.append(word.model_copy(update={"bbox": box}))
    return words


def ocr_cells(page: Page, engine: OcrEngine, settings: OcrSettings, select: CellFilter,
              line_length: int) -> Page:  # fmt: skip
    """Page.words extended with the words of the selected cells not read before."""
    assert page.image is not None
    done = {(w.bbox.center_x, w.bbox.center_y) for w in page.words if w.bbox is not None}
    chosen = [
        cell for table in page.tables for cell in table.cells
        if select(table, cell)
        and not any(cell.bbox.contains_point(x, y) for x, y in done)
    ]  # fmt: skip
    if not chosen:
        return page
    image = without_lines(page.image, line_length)
    return page.model_copy(update={"words": page.words + read_cells(image, chosen, engine,
                                                                     settings)})  # fmt: skip
