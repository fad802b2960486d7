"""Find flowchart symbols in the actor lanes: closed regions of paper inside an outline.

A symbol's outline encloses paper; so does every table cell, and so do the pockets an arrow cuts
out of a cell. Cells and pockets touch the table grid; symbol interiors do not, and they fit one of
the five templates. The text inside a symbol (OCR or text-layer words) is kept.
"""

from __future__ import annotations

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict

from ingest.flowchart.masks import LaneRegion
from ingest.flowchart.settings import FlowchartSettings
from ingest.flowchart.shapes import classify_region
from ingest.page import Symbol, Word
from models.geometry import BBox


class FoundSymbol(BaseModel):
    """A symbol with its filled mask (crop coordinates of the lane region) for the arrow stage."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    symbol: Symbol
    mask: np.ndarray
    """The symbol with its outline, filled; a window of the lane region starting at (x, y)."""
    x: int
    y: int


def _filled(component: np.ndarray) -> np.ndarray:
    """The region with the glyph holes (text inside the symbol) filled in."""
    contours, _ = cv2.findContours(component, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(component)
    cv2.drawContours(filled, contours, -1, 255, thickness=-1)
    return filled


def _touches_grid(filled: np.ndarray, rulings: np.ndarray, reach: int) -> bool:
    border = cv2.dilate(filled, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)) & ~filled
    on_grid = np.count_nonzero(border & rulings)
    return on_grid > 0.04 * max(np.count_nonzero(border), 1)


def _size_plausible(
    width: int, height: int, region: LaneRegion, settings: FlowchartSettings
) -> bool:
    lane_width = max(lane.right - lane.left for lane in region.lanes)
    row_height = max(row.bottom - row.top for row in region.rows)
    if min(width, height) < settings.min_symbol_px:
        return False
    if max(width, height) < settings.min_symbol_fraction_of_lane * lane_width:
        return False
    return (
        width <= 1.02 * lane_width and height <= (1 + 2 * settings.max_symbol_overflow) * row_height
    )


def _place(symbol: Symbol, region: LaneRegion) -> Symbol:
    """Row and lane of the symbol's centre, with a confidence that drops when it straddles a line."""
    box = symbol.bbox
    row = next((r for r in region.rows if r.top <= box.center_y < r.bottom), None)
    lane = next((c for c in region.lanes if c.left <= box.center_x < c.right), None)
    if row is None or lane is None:
        return symbol.model_copy(update={"confidence": symbol.confidence * 0.3})
    cell = BBox(left=lane.left, top=row.top, right=lane.right, bottom=row.bottom)
    inside = box.intersection_area(cell) / max(box.area, 1.0)
    placement = float(np.clip((inside - 0.5) / 0.4, 0.2, 1.0))
    return symbol.model_copy(update={"row": row.index, "col": lane.index,
                                     "confidence": round(symbol.confidence * placement, 3)})  # fmt: skip


def find_symbols(region: LaneRegion, settings: FlowchartSettings) -> list[FoundSymbol]:
    # Seal pinholes in scanned outlines so the inside of a symbol stays apart from the cell.
    walls = cv2.morphologyEx(region.ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    paper = cv2.bitwise_not(walls)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(paper, connectivity=4)
    found: list[FoundSymbol] = []
    for label in range(1, count):
        x, y, w, h, _area = stats[label]
        if not _size_plausible(w, h, region, settings):
            continue
        component = np.where(labels[y : y + h, x : x + w] == label, 255, 0).astype(np.uint8)
        filled = _filled(component)
        guess = classify_region(filled)
        if guess.fit < settings.min_shape_fit:
            continue
        window = _window(region, x, y, w, h)
        padded = np.zeros((window.bottom - window.top, window.right - window.left), np.uint8)
        padded[y - window.top : y - window.top + h, x - window.left : x - window.left + w] = filled
        rulings = region.rulings[window.top : window.bottom, window.left : window.right]
        if _touches_grid(padded, rulings, _reach(region)):
            continue
        found.append(
            _symbol_from(padded, window, (x, y, w, h), guess.shape, guess.confidence, region)
        )
    return found


class _Window(BaseModel):
    left: int
    top: int
    right: int
    bottom: int


def _reach(region: LaneRegion) -> int:
    return round(region.stroke_px) + 3


def _window(region: LaneRegion, x: int, y: int, w: int, h: int) -> _Window:
    pad = 2 * _reach(region) + 2
    height, width = region.ink.shape
    return _Window(left=max(x - pad, 0), top=max(y - pad, 0), right=min(x + w + pad, width),
                   bottom=min(y + h + pad, height))  # fmt: skip


def _symbol_from(filled: np.ndarray, window: _Window, stats: tuple[int, int, int, int], shape: str,
                 confidence: float, region: LaneRegion) -> FoundSymbol:  # fmt: skip
    x, y, w, h = stats
    pad = round(region.stroke_px) + 1
    pad_x, pad_y = _cover(shape, w, h, region.stroke_px) if shape == "decision" else (pad, pad)
    outline = cv2.dilate(filled, np.ones((2 * pad_y + 1, 2 * pad_x + 1), np.uint8))
    box = BBox(left=region.offset_x + x - pad, top=region.offset_y + y - pad,
               right=region.offset_x + x + w + pad, bottom=region.offset_y + y + h + pad)  # fmt: skip
    symbol = Symbol(shape=shape, bbox=box, confidence=confidence, table=region.table)  # type: ignore[arg-type]
    return FoundSymbol(symbol=_place(symbol, region), mask=outline, x=window.left, y=window.top)


def _cover(shape: str, width: int, height: int, stroke: float) -> tuple[int, int]:
    """A diamond's outline sticks out past its sharp vertices by pen / sin(half the vertex angle);
    covered, it does not stay behind as a stub on the exit line (a stub looks like a head)."""
    side_half_angle = np.arctan2(height, width)
    top_half_angle = np.arctan2(width, height)
    return (int(np.ceil(stroke / np.sin(side_half_angle))) + 1,
            int(np.ceil(stroke / np.sin(top_half_angle))) + 1)  # fmt: skip


def text_inside(symbol: Symbol, words: list[Word]) -> str | None:
    """Words whose centre lies inside the symbol, in reading order."""
    inner = [
        w for w in words if w.bbox and symbol.bbox.contains_point(w.bbox.center_x, w.bbox.center_y)
    ]
    inner.sort(key=lambda w: (round(w.bbox.center_y / max(w.bbox.height, 1)), w.bbox.left))  # type: ignore[union-attr]
    text = " ".join(w.text for w in inner).strip()
    return text or None
