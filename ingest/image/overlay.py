"""The debug overlay (`sop debug`): what the steps found, drawn over the page image.

Rulings red, cells grey with each column's role written above its header, words blue (orange
when read with low confidence), symbols green with their shape, edges magenta arrows with their
exit label, loose ends (lines running to another page) as magenta ticks. Pure: a Page in, a BGR
image of the same size out.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.page import Page, Table
from models.geometry import BBox

RULING = (0, 0, 220)
CELL = (150, 150, 150)
ROLE = (0, 110, 0)
WORD = (200, 90, 0)
LOW_CONFIDENCE_WORD = (0, 140, 255)
SYMBOL = (0, 170, 0)
EDGE = (200, 0, 200)
_FONT = cv2.FONT_HERSHEY_SIMPLEX
LOW_CONFIDENCE = 0.6


def _point(x: float, y: float) -> tuple[int, int]:
    return round(x), round(y)


def _box(canvas: np.ndarray, box: BBox, colour: tuple[int, int, int], width: int) -> None:
    cv2.rectangle(canvas, _point(box.left, box.top), _point(box.right, box.bottom), colour, width)


def _label(canvas: np.ndarray, text: str, x: float, y: float, colour: tuple[int, int, int],
           scale: float) -> None:  # fmt: skip
    """Text on a white patch so it stays readable over ink."""
    thickness = max(1, round(scale * 2))
    (width, height), base = cv2.getTextSize(text, _FONT, scale, thickness)
    left, bottom = round(x), round(max(y, height + base))
    cv2.rectangle(canvas, (left, bottom - height - base), (left + width, bottom + base),
                  (255, 255, 255), -1)  # fmt: skip
    cv2.putText(canvas, text, (left, bottom), _FONT, scale, colour, thickness, cv2.LINE_AA)


def _draw_table(canvas: np.ndarray, table: Table, scale: float) -> None:
    for cell in table.cells:
        _box(canvas, cell.bbox, CELL, 1)
    for column in table.columns:
        text = column.role if column.role != "actor" else f"actor:{column.label}"[:18]
        _label(canvas, text, column.left + 3, table.bbox.top - 4, ROLE, scale)
    _label(canvas, table.kind, table.bbox.left, table.bbox.top - 4 - 30 * scale, ROLE, scale)


def draw_overlay(page: Page) -> np.ndarray:
    """The page image (grey or colour) in colour with everything the steps found on it."""
    assert page.image is not None
    image = page.image
    canvas = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image[..., :3].copy()
    scale = max(0.35, max(canvas.shape[:2]) / 4000)
    for table in page.tables:
        _draw_table(canvas, table, scale)
    for ruling in page.rulings:
        start, end, at = ruling.start, ruling.end, ruling.position
        a, b = (
            ((start, at), (end, at))
            if ruling.orientation == "horizontal"
            else ((at, start), (at, end))
        )
        cv2.line(canvas, _point(*a), _point(*b), RULING, 2)
    for word in page.words:
        if word.bbox is not None:
            low = word.confidence < LOW_CONFIDENCE
            _box(canvas, word.bbox, LOW_CONFIDENCE_WORD if low else WORD, 1)
    for symbol in page.symbols:
        _box(canvas, symbol.bbox, SYMBOL, 3)
        _label(canvas, symbol.shape, symbol.bbox.left, symbol.bbox.top - 3, SYMBOL, scale)
    for edge in page.edges:
        source, target = page.symbols[edge.source].bbox, page.symbols[edge.target].bbox
        start = _point(source.center_x, source.center_y)
        end = _point(target.center_x, target.center_y)
        cv2.arrowedLine(canvas, start, end, EDGE, 2, cv2.LINE_AA, tipLength=0.04)
        if edge.label:
            middle = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
            _label(canvas, edge.label, middle[0] + 4, middle[1], EDGE, scale)
    for loose in page.loose_ends:
        symbol = page.symbols[loose.symbol].bbox
        y = symbol.top if loose.side == "top" else symbol.bottom
        cv2.line(canvas, _point(loose.x, y), _point(loose.x, y + (-40 if loose.side == "top" else 40)),
                 EDGE, 3)  # fmt: skip
    return canvas
