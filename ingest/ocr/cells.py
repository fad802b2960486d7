"""OCR table cells one by one (PSM 6 per cell): a whole-page pass drops isolated row numbers and
reads rulings as '|'; per-cell reading on the rectified page recovers every cell."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from ingest.ocr.base import OcrEngine
from ingest.page import Cell, Page, Ruling, Table, Word
from ingest.settings import OcrSettings

CellFilter = Callable[[Table, Cell], bool]
_INK_CONTRAST = 60  # grey levels below the paper that count as ink
_PAD = 10  # white border around a crop: Tesseract misreads text touching the edge


def without_rulings(gray: np.ndarray, rulings: list[Ruling]) -> np.ndarray:
    """The page with the table rulings painted white, so OCR never reads a border as '|'.

    Only the found rulings are erased: a generic line filter also ate the baselines of bold
    words ('Kegiatan' read as 'Kanintan').
    """
    cleaned = gray.copy()
    for ruling in rulings:
        half = ruling.thickness / 2 + 2
        low, high = int(ruling.position - half), int(ruling.position + half + 1)
        start, end = int(ruling.start), int(ruling.end) + 1
        if ruling.orientation == "horizontal":
            cleaned[max(0, low) : high, max(0, start) : end] = 255
        else:
            cleaned[max(0, start) : end, max(0, low) : high] = 255
    return cleaned


def _crop(image: np.ndarray, cell: Cell, margin: int) -> tuple[np.ndarray, int, int]:
    top = max(0, int(cell.bbox.top) + margin)
    left = max(0, int(cell.bbox.left) + margin)
    bottom = min(image.shape[0], int(cell.bbox.bottom) - margin)
    right = min(image.shape[1], int(cell.bbox.right) - margin)
    return image[top : max(top, bottom), left : max(left, right)], left, top


def _ink(crop: np.ndarray) -> np.ndarray:
    """Ink pixels relative to the paper: light, blurred phone-scan text never reaches pure dark."""
    if crop.size == 0:
        return np.zeros(crop.shape, bool)
    return crop < float(np.median(crop)) - _INK_CONTRAST


def _to_page(word: Word, scale: float, left: int, top: int) -> Word:
    """A word read on a padded, scaled crop, back in page pixels."""
    assert word.bbox is not None
    box = word.bbox.model_copy(update={
        "left": (word.bbox.left - _PAD) / scale + left, "right": (word.bbox.right - _PAD) / scale + left,
        "top": (word.bbox.top - _PAD) / scale + top, "bottom": (word.bbox.bottom - _PAD) / scale + top,
    })  # fmt: skip
    return word.model_copy(update={"bbox": box})


def read_cells(image: np.ndarray, cells: list[Cell], engine: OcrEngine,
               settings: OcrSettings) -> list[Word]:  # fmt: skip
    """Words of the given cells in page pixels; cells with (almost) no ink are not read.

    Crops are enlarged by `settings.upscale`: phone-scan cell text is often under 20 px high,
    below what Tesseract's models were trained on.
    """
    words: list[Word] = []
    scale = settings.upscale
    for cell in cells:
        crop, left, top = _crop(image, cell, settings.cell_margin_px)
        ink = _ink(crop)
        if crop.size == 0 or np.count_nonzero(ink) < settings.min_ink_share * crop.size:
            continue
        if scale != 1:
            crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
            ink = _ink(crop)
        padded = cv2.copyMakeBorder(crop, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=255)
        found = _best_reading(padded, ink, engine, settings)
        words += [_to_page(w, scale, left, top) for w in found]
    return words


def _coverage(words: list[Word], ink: np.ndarray) -> float:
    """Share of the ink's columns that the read words cover (0 when nothing was read)."""
    columns = np.flatnonzero(ink.any(axis=0))
    if not words or columns.size == 0:
        return 0.0
    covered = np.zeros(ink.shape[1], bool)
    for word in words:
        assert word.bbox is not None
        covered[max(0, int(word.bbox.left) - _PAD) : max(0, int(word.bbox.right) - _PAD + 1)] = True
    return float(np.count_nonzero(covered[columns])) / columns.size


def _best_reading(padded: np.ndarray, ink: np.ndarray, engine: OcrEngine,
                  settings: OcrSettings) -> list[Word]:  # fmt: skip
    """PSM 6 (block); when it leaves ink unread, PSM 7 (one line) too, keeping the better one.
    PSM 6 alone dropped a lone '1' and the number of '1 jam'; PSM 7 alone garbles two lines."""
    block = engine.read(padded, psm=settings.cell_psm)
    block_coverage = _coverage(block, ink)
    if block_coverage >= settings.min_coverage:
        return block
    line = engine.read(padded, psm=settings.line_psm)

    def score(words: list[Word], coverage: float) -> float:
        return coverage * (sum(w.confidence for w in words) / len(words) if words else 0.0)

    return line if score(line, _coverage(line, ink)) > score(block, block_coverage) else block


def _holds_any(cell: Cell, points: np.ndarray) -> bool:
    box = cell.bbox
    xs, ys = points[:, 0], points[:, 1]
    return bool(np.any((xs >= box.left) & (xs <= box.right) & (ys >= box.top) & (ys <= box.bottom)))


def ocr_cells(page: Page, engine: OcrEngine, settings: OcrSettings, select: CellFilter) -> Page:
    """Page.words extended with the words of the selected cells not read before."""
    assert page.image is not None
    done = np.array([(w.bbox.center_x, w.bbox.center_y) for w in page.words if w.bbox is not None],
                    float).reshape(-1, 2)  # fmt: skip
    chosen = [
        cell for table in page.tables for cell in table.cells
        if select(table, cell) and not _holds_any(cell, done)
    ]  # fmt: skip
    if not chosen:
        return page
    image = without_rulings(page.image, page.rulings)
    return page.model_copy(update={"words": page.words + read_cells(image, chosen, engine,
                                                                     settings)})  # fmt: skip


def _ink_share(image: np.ndarray, cell: Cell, margin: int) -> float:
    crop, _, _ = _crop(image, cell, margin)
    return np.count_nonzero(_ink(crop)) / crop.size if crop.size else 0.0


def reading_confidence(image: np.ndarray, cells: list[Cell], engine: OcrEngine,
                       settings: OcrSettings) -> float:  # fmt: skip
    """Mean confidence of the words read in `cells`, weighted by word length (0 if none)."""
    words = read_cells(image, cells, engine, settings)
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def upside_down_by_reading(image: np.ndarray, cells: list[Cell], engine: OcrEngine,
                           settings: OcrSettings, sample: int = 4) -> bool:  # fmt: skip
    """Read the inkiest wide cells as they are and turned by 180 degrees; upright text reads with
    far higher confidence. (Tesseract's OSD guessed on noisy phone scans; this does not.)
    A confident upright reading settles it without the second pass."""
    wide = [c for c in cells if c.bbox.width > 2 * c.bbox.height]
    chosen = sorted(wide, key=lambda c: -_ink_share(image, c, settings.cell_margin_px))[:sample]
    if not chosen:
        return False
    upright = reading_confidence(image, chosen, engine, settings)
    if upright >= settings.upright_confidence:
        return False
    height, width = image.shape[:2]
    turned = [c.model_copy(update={"bbox": c.bbox.model_copy(update={
        "left": width - c.bbox.right, "right": width - c.bbox.left,
        "top": height - c.bbox.bottom, "bottom": height - c.bbox.top})}) for c in chosen]  # fmt: skip
    flipped = reading_confidence(np.ascontiguousarray(image[::-1, ::-1]), turned, engine, settings)
    return flipped > upright + 0.1
