"""OCR the decision exit labels of scanned pages: the scan pipeline does not read the actor lanes
(their drawings would only give noise), so the small text around each diamond is read here.

A sparse-text pass over a window around the diamond read nothing on most scans: the connector
lines and the diamond's outline beside the labels defeat Tesseract's layout analysis. So the
labels are found as glyphs first: in the stroke mask (rulings already removed) around each
diamond, the long straight runs (connector lines) and the symbols are taken away; what is left
is letters, grouped into words. Each word is read alone (one text line, upscaled, lines painted
white) and its reading is matched to the exit vocabulary (Ya/Tidak/Y/T/Lengkap...), allowing an
OCR slip or two ('TIDAX', 'Tldak').
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import cv2
import numpy as np
from pydantic import BaseModel

from ingest.flowchart.labels import label_of_reading
from ingest.flowchart.masks import LaneRegion
from ingest.flowchart.symbols import FoundSymbol
from ingest.page import Word
from models.geometry import BBox

if TYPE_CHECKING:  # ingest.ocr imports ingest.settings, which imports this package
    from ingest.ocr.base import OcrEngine

SINGLE_LINE_PSM = 7
UPSCALE = 3.0
PAD_PX = 12
MIN_GLYPH_SHARE_OF_TEXT = 0.3
FAINT_INK_CONTRAST = 45
"""Grey levels below the paper that count as label ink (text on scans is light and soft)."""
"""A glyph component is at least this share of a text height tall (dots, specks are not)."""


class _Box(BaseModel):
    left: int
    top: int
    right: int
    bottom: int


@functools.cache
def label_engine() -> OcrEngine:
    """One engine per process (tesserocr keeps its API object), with the pipeline's defaults."""
    from ingest.ocr.base import make_engine
    from ingest.settings import OcrSettings  # here: ingest.settings imports this package

    return make_engine(OcrSettings())


def _window(box: BBox, region: LaneRegion, text_height: float) -> _Box:
    """Around the diamond (lane-region pixels): labels sit beside the side vertices and below
    the bottom one; a label may run past the lane border, so the window is not clipped to it."""
    reach_x, reach_y = 5.0 * text_height, 1.6 * text_height
    height, width = region.strokes.shape
    return _Box(
        left=max(int(box.left - region.offset_x - reach_x), 0),
        top=max(int(box.top - region.offset_y - reach_y), 0),
        right=min(int(box.right - region.offset_x + reach_x), width),
        bottom=min(int(box.bottom - region.offset_y + reach_y), height),
    )


def _painted(found: list[FoundSymbol], shape: tuple[int, ...]) -> np.ndarray:
    mask = np.zeros(shape[:2], np.uint8)
    for item in found:
        part = item.mask[: shape[0] - item.y, : shape[1] - item.x]
        window = mask[item.y : item.y + part.shape[0], item.x : item.x + part.shape[1]]
        np.maximum(window, part, out=window)
    return mask


def long_lines(strokes: np.ndarray, text_height: float) -> np.ndarray:
    """Straight runs clearly longer than a letter is tall (vertical) or than a blurred word's
    solid middle band is long (horizontal): connector lines, not glyphs."""
    tall, wide = max(round(1.6 * text_height), 12), max(round(3.5 * text_height), 24)
    lines = cv2.morphologyEx(strokes, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    return lines | cv2.morphologyEx(strokes, cv2.MORPH_OPEN, np.ones((1, wide), np.uint8))


def _faint_ink(gray: np.ndarray, region: LaneRegion) -> np.ndarray:
    """Ink of the lane region by a looser test than the stroke mask: small grey label text on a
    phone scan falls apart in the stroke mask, and a word must be found whole to be read."""
    height, width = region.strokes.shape
    crop = gray[
        region.offset_y : region.offset_y + height, region.offset_x : region.offset_x + width
    ]
    paper = float(np.median(crop))
    return np.where(crop < paper - FAINT_INK_CONTRAST, 255, 0).astype(np.uint8)


def glyph_words(glyphs: np.ndarray, text_height: float) -> list[_Box]:
    """Letters (ink components of about a text height) joined into words by their spacing."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(glyphs, connectivity=8)
    letters = np.zeros_like(glyphs)
    for x, y, w, h, _area in stats[1:count]:
        # Letters, or whole words where the blur joined them.
        if MIN_GLYPH_SHARE_OF_TEXT * text_height <= h <= 1.6 * text_height and w <= 8 * text_height:
            letters[y : y + h, x : x + w] = 255
    gap = max(round(0.6 * text_height), 3)  # a ruling painted out of a word leaves such a gap
    joined = cv2.dilate(letters, np.ones((1, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    return [
        _Box(left=x + gap // 2, top=y, right=x + w - gap // 2, bottom=y + h)
        for x, y, w, h, _area in stats[1:count]
        if w <= 8 * text_height
    ]


def _read_word(gray: np.ndarray, cleaned: np.ndarray, box: _Box, region: LaneRegion,
               engine: OcrEngine) -> Word | None:  # fmt: skip
    """One word's pixels (lines and symbols painted white), upscaled, read as one text line."""
    margin = 2
    top, left = max(box.top - margin, 0), max(box.left - margin, 0)
    bottom, right = box.bottom + margin + 1, box.right + margin + 1
    page_top, page_left = top + region.offset_y, left + region.offset_x
    crop = gray[page_top : page_top + bottom - top, page_left : page_left + right - left].copy()
    crop[cleaned[top:bottom, left:right][: crop.shape[0], : crop.shape[1]] > 0] = 255
    if crop.size == 0:
        return None
    big = cv2.resize(crop, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
    padded = cv2.copyMakeBorder(big, PAD_PX, PAD_PX, PAD_PX, PAD_PX, cv2.BORDER_CONSTANT,
                                value=255)  # fmt: skip
    read = engine.read(padded, psm=SINGLE_LINE_PSM)
    text = " ".join(w.text for w in read).strip()
    label = label_of_reading(text)
    if label is None:
        return None
    confidence = min((w.confidence for w in read), default=0.0)
    bbox = BBox(left=box.left + region.offset_x, top=box.top + region.offset_y,
                right=box.right + region.offset_x, bottom=box.bottom + region.offset_y)  # fmt: skip
    return Word(text=label, bbox=bbox, confidence=round(max(confidence, 0.0), 3))


def read_exit_labels(gray: np.ndarray, region: LaneRegion, found: list[FoundSymbol],
                     engine: OcrEngine, text_height: float) -> list[Word]:  # fmt: skip
    """Exit label words (Ya/Tidak/Y/T/Lengkap...) around every diamond, in page pixels; the text
    is the vocabulary word the reading matched ('TIDAX' -> 'TIDAK')."""
    decisions = [item for item in found if item.symbol.shape == "decision"]
    if not decisions:
        return []
    symbols = _painted(found, region.strokes.shape)
    lines = long_lines(region.strokes, text_height)
    grow = np.ones((3, 3), np.uint8)
    not_text = cv2.bitwise_or(symbols, cv2.dilate(lines, grow))
    cleaned = cv2.bitwise_or(not_text, cv2.dilate(region.rulings, grow))
    glyphs = cv2.bitwise_and(_faint_ink(gray, region), cv2.bitwise_not(cleaned))
    words: list[Word] = []
    seen: set[tuple[int, int]] = set()
    for item in decisions:
        window = _window(item.symbol.bbox, region, text_height)
        part = glyphs[window.top : window.bottom, window.left : window.right]
        for box in glyph_words(part, text_height):
            placed = _Box(left=box.left + window.left, top=box.top + window.top,
                          right=box.right + window.left, bottom=box.bottom + window.top)  # fmt: skip
            if (placed.left, placed.top) in seen:
                continue
            seen.add((placed.left, placed.top))
            word = _read_word(gray, cleaned, placed, region, engine)
            if word is not None:
                words.append(word)
    return words
