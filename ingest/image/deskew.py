"""Small-angle deskew from the table's own long lines, and 90/180-degree turns."""

from __future__ import annotations

import math

import cv2
import numpy as np

from ingest.image.binarise import ink_mask


def skew_angle(gray: np.ndarray, max_degrees: float) -> float:
    """Tilt (degrees) of the long near-horizontal lines: table rulings and text baselines.

    Hough voting is restricted to angles within `max_degrees` of horizontal and runs on a
    half-size mask of short horizontal strokes only, which keeps it to tens of milliseconds.
    """
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    mask = ink_mask(small)
    # A short opening keeps strokes tilted up to ~8 degrees and drops letters' vertical parts.
    strokes = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, 9), np.uint8))
    spread = math.radians(max_degrees)
    lines = cv2.HoughLines(strokes, 1, math.pi / 1800, threshold=max(small.shape) // 8,
                           min_theta=math.pi / 2 - spread, max_theta=math.pi / 2 + spread)  # fmt: skip
    if lines is None:
        return 0.0
    thetas = lines.reshape(-1, 2)[:20, 1]
    return float(np.degrees(np.median(thetas)) - 90.0)


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate about the centre, white fill (paper), same size."""
    height, width = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderValue=255)  # fmt: skip


def turn(gray: np.ndarray, quarter_turns: int) -> np.ndarray:
    """Counter-clockwise by 90 degrees times `quarter_turns`."""
    return np.ascontiguousarray(np.rot90(gray, k=quarter_turns % 4))


def text_runs_vertical(gray: np.ndarray) -> bool:
    """True when text lines run top-to-bottom (the page lies on its side).

    Letters of one printed line, smeared along the line direction, become long thin bars; smeared
    across it they stay short. Compare how much ink survives a horizontal vs a vertical smear.
    """
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    mask = ink_mask(small)
    side = max(7, max(small.shape) // 150)
    # Remove rulings first: they are long both ways and would decide nothing but noise.
    lines = np.zeros_like(mask)
    for size in ((side * 6, 1), (1, side * 6)):
        lines |= cv2.morphologyEx(
            mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size)
        )
    text = cv2.subtract(mask, lines)
    scores = []
    for size in ((side, 1), (1, side)):
        smeared = cv2.morphologyEx(
            text, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, size)
        )
        long_size = (side * 4, 1) if size[0] > 1 else (1, side * 4)
        bars = cv2.morphologyEx(
            smeared, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, long_size)
        )
        scores.append(np.count_nonzero(bars))
    return scores[1] > 1.5 * scores[0]
