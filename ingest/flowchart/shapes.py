"""Classify a closed region (the paper inside a symbol's outline) as one of the SOP symbols.

The region is compared with ideal templates drawn in its own bounding box; rectangles and rounded
terminators differ only in their corners, so that choice is made on how empty the corners are.
"""

from __future__ import annotations

import cv2
import numpy as np
from pydantic import BaseModel

from models.sop import SymbolShape

BOX_LIKE = "box"
CONNECTOR_MAX_ASPECT = 1.35
# Capsules leave ~0.8 of the corner squares empty, a rounded rectangle with a radius of a quarter
# of its height ~0.33; the blur of a phone scan rounds a sharp box's inner corners up to ~0.15
# (train split: process <= 0.148, terminators >= 0.76).
RECTANGLE_MAX_CORNER_GAP = 0.25


class ShapeGuess(BaseModel):
    shape: SymbolShape
    fit: float
    confidence: float


def _template(kind: str, width: int, height: int) -> np.ndarray:
    canvas = np.zeros((height, width), np.uint8)
    right, bottom = width - 1, height - 1
    if kind == BOX_LIKE:
        canvas[:] = 255
    elif kind == "ellipse":
        cv2.ellipse(canvas, (right // 2, bottom // 2), (max(right // 2, 1), max(bottom // 2, 1)),
                    0, 0, 360, 255, -1)  # fmt: skip
    elif kind == "capsule":
        radius = min(width, height) // 2
        cv2.rectangle(canvas, (radius, 0), (max(right - radius, radius), bottom), 255, -1)
        cv2.rectangle(canvas, (0, radius), (right, max(bottom - radius, radius)), 255, -1)
        for x in (radius, right - radius):
            for y in (radius, bottom - radius):
                cv2.circle(canvas, (x, y), radius, 255, -1)
    elif kind == "diamond":
        points = [(right // 2, 0), (right, bottom // 2), (right // 2, bottom), (0, bottom // 2)]
        cv2.fillPoly(canvas, [np.array(points, np.int32)], 255)
    else:  # pentagons pointing down ("home plate") with tips of different depths
        tip = float(kind.split(":")[1])
        shoulder = round(bottom * (1 - tip))
        points = [(0, 0), (right, 0), (right, shoulder), (right // 2, bottom), (0, shoulder)]
        cv2.fillPoly(canvas, [np.array(points, np.int32)], 255)
    return canvas


TEMPLATES = (
    BOX_LIKE,
    "capsule",
    "ellipse",
    "diamond",
    "pentagon:0.25",
    "pentagon:0.4",
    "pentagon:0.55",
)


def _iou(region: np.ndarray, template: np.ndarray) -> float:
    inter = np.count_nonzero(region & template)
    union = np.count_nonzero(region | template)
    return inter / union if union else 0.0


def corner_gap(region: np.ndarray) -> float:
    """Mean share of paper-outside-the-shape in the four corner squares (0 for a sharp box)."""
    height, width = region.shape
    side = max(2, round(0.2 * min(width, height)))
    corners = (region[:side, :side], region[:side, -side:], region[-side:, :side],
               region[-side:, -side:])  # fmt: skip
    return float(np.mean([1 - np.count_nonzero(c) / c.size for c in corners]))


def _name_box(region: np.ndarray, aspect: float) -> SymbolShape:
    if corner_gap(region) <= RECTANGLE_MAX_CORNER_GAP:
        return "process"
    return "connector" if aspect < CONNECTOR_MAX_ASPECT else "terminator"


def classify_region(region: np.ndarray) -> ShapeGuess:
    """`region` is a filled binary mask cropped to its bounding box (255 inside the symbol)."""
    height, width = region.shape
    fits = {kind: _iou(region > 0, _template(kind, width, height) > 0) for kind in TEMPLATES}
    aspect = max(width, height) / max(min(width, height), 1)
    names = {kind: _shape_of(kind, region, aspect) for kind in TEMPLATES}
    best_kind = max(fits, key=lambda k: fits[k])
    shape, best = names[best_kind], fits[best_kind]
    runner_up = max((fits[k] for k in TEMPLATES if names[k] != shape), default=0.0)
    # A clear fit (IoU ~0.95) well ahead of any other shape is certain; a ragged one is not.
    confidence = float(
        np.clip((best - 0.55) / 0.35, 0, 1) * np.clip((best - runner_up) / 0.08, 0, 1)
    )
    if best_kind == BOX_LIKE and shape != "connector":
        gap = corner_gap(region)
        confidence *= float(np.clip(abs(gap - RECTANGLE_MAX_CORNER_GAP) / 0.05, 0.3, 1))
    return ShapeGuess(shape=shape, fit=best, confidence=round(confidence, 3))


def _shape_of(kind: str, region: np.ndarray, aspect: float) -> SymbolShape:
    if kind == BOX_LIKE:
        return _name_box(region, aspect)
    if kind in ("ellipse", "capsule"):
        return "connector" if aspect < CONNECTOR_MAX_ASPECT else "terminator"
    return "decision" if kind == "diamond" else "off_page_connector"
