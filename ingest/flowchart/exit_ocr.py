"""OCR the decision exit labels of scanned pages: the scan pipeline does not read the actor lanes
(their drawings would only give noise), so the small text around each diamond is read here.

One sparse-text OCR pass (PSM 11) per diamond on a window around it, with the diamond itself
(its question) and the table rulings painted white so that only the exit labels are left to read.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import cv2
import numpy as np

from ingest.flowchart.labels import when_of_label
from ingest.flowchart.masks import LaneRegion
from ingest.flowchart.symbols import FoundSymbol
from ingest.page import Word
from models.geometry import BBox

if TYPE_CHECKING:  # ingest.ocr imports ingest.settings, which imports this package
    from ingest.ocr.base import OcrEngine

SPARSE_TEXT_PSM = 11
UPSCALE = 2.0
PAD_PX = 10
MIN_LABEL_CONFIDENCE = 0.3


@functools.cache
def label_engine() -> OcrEngine:
    """One engine per process (tesserocr keeps its API object), with the pipeline's defaults."""
    from ingest.ocr.base import make_engine
    from ingest.settings import OcrSettings  # here: ingest.settings imports this package

    return make_engine(OcrSettings())


def _window(box: BBox, gray: np.ndarray, text_height: float) -> tuple[int, int, int, int]:
    """Around the diamond (page pixels): labels sit beside the side vertices and below the
    bottom one, and may run past the lane border."""
    reach_x, reach_y = 5.0 * text_height, 1.6 * text_height
    height, width = gray.shape
    return (max(int(box.left - reach_x), 0), max(int(box.top - reach_y), 0),
            min(int(box.right + reach_x), width), min(int(box.bottom + reach_y), height))  # fmt: skip


def _crop(gray: np.ndarray, region: LaneRegion, item: FoundSymbol,
          window: tuple[int, int, int, int]) -> np.ndarray:  # fmt: skip
    """The page without the diamond (its question) and the connector lines. Rulings stay: a
    label may straddle one, and Tesseract keeps a ruling apart as '|'."""
    left, top, right, bottom = window
    crop = gray[top:bottom, left:right].copy()
    # Only the diamond's inside goes (its question): its outline is grown for the arrow stage
    # and would cut off a label written close to a vertex.
    shrink = np.ones((2 * round(2 * region.stroke_px + 2) + 1,) * 2, np.uint8)
    inside = cv2.erode(_painted(item, region.ink.shape), shrink)
    erase = inside
    x0, y0 = region.offset_x, region.offset_y
    sub = erase[max(top - y0, 0) : max(bottom - y0, 0), max(left - x0, 0) : max(right - x0, 0)]
    dy, dx = max(y0 - top, 0), max(x0 - left, 0)
    target = crop[dy : dy + sub.shape[0], dx : dx + sub.shape[1]]
    target[sub[: target.shape[0], : target.shape[1]] > 0] = 255
    return crop


def _painted(item: FoundSymbol, shape: tuple[int, ...]) -> np.ndarray:
    mask = np.zeros(shape[:2], np.uint8)
    part = item.mask[: shape[0] - item.y, : shape[1] - item.x]
    mask[item.y : item.y + part.shape[0], item.x : item.x + part.shape[1]] = part
    return mask


def _long_lines(strokes: np.ndarray, stroke: float) -> np.ndarray:
    """The connector lines in the window (straight runs far longer than a letter), slightly
    grown: Tesseract reads a line beside a label as 'l' or '|' and splits the word."""
    length = max(round(8 * stroke), 20)
    lines = np.zeros_like(strokes)
    for kernel in (np.ones((1, length), np.uint8), np.ones((length, 1), np.uint8)):
        lines |= cv2.morphologyEx(strokes, cv2.MORPH_OPEN, kernel)
    return lines


def _to_page(word: Word, left: float, top: float) -> Word:
    assert word.bbox is not None
    box = word.bbox
    return word.model_copy(update={"bbox": BBox(
        left=(box.left - PAD_PX) / UPSCALE + left, right=(box.right - PAD_PX) / UPSCALE + left,
        top=(box.top - PAD_PX) / UPSCALE + top, bottom=(box.bottom - PAD_PX) / UPSCALE + top)})  # fmt: skip


def read_exit_labels(gray: np.ndarray, region: LaneRegion, found: list[FoundSymbol],
                     engine: OcrEngine, text_height: float) -> list[Word]:  # fmt: skip
    """Exit label words (Ya/Tidak/Y/T/Lengkap...) around every diamond, in page pixels."""
    words: list[Word] = []
    for item in found:
        if item.symbol.shape != "decision":
            continue
        window = _window(item.symbol.bbox, gray, text_height)
        crop = _crop(gray, region, item, window)
        if crop.size == 0:
            continue
        big = cv2.resize(crop, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
        padded = cv2.copyMakeBorder(big, PAD_PX, PAD_PX, PAD_PX, PAD_PX, cv2.BORDER_CONSTANT,
                                    value=255)  # fmt: skip
        left, top = window[0], window[1]
        for word in engine.read(padded, psm=SPARSE_TEXT_PSM):
            if word.bbox is None or word.confidence < MIN_LABEL_CONFIDENCE:
                continue
            if when_of_label(word.text) is not None:
                words.append(_to_page(word, left, top))
    return words
