import cv2
import numpy as np
import pytest

from ingest.flowchart.masks import binarise
from ingest.flowchart.shapes import classify_region, corner_gap
from models.geometry import BBox
from tests.flowchart.drawing import draw_symbol

KINDS = {"process": "process", "start": "terminator", "decision": "decision",
         "off_page": "off_page_connector", "connector": "connector"}  # fmt: skip


def _interior(kind: str, width: int, height: int, line: int) -> np.ndarray:
    """Draw the outline, then take the paper enclosed by it, as the symbol finder does."""
    canvas = np.full((height + 40, width + 40), 255, np.uint8)
    draw_symbol(canvas, kind, BBox(left=20, top=20, right=20 + width, bottom=20 + height), line)
    paper = np.where(canvas > 128, 255, 0).astype(np.uint8)
    _, labels = cv2.connectedComponents(paper, connectivity=4)
    inside = np.where(labels == labels[20 + height // 2, 20 + width // 2], 255, 0).astype(np.uint8)
    ys, xs = np.nonzero(inside)
    return inside[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(("width", "line"), [(120, 1), (90, 2), (60, 3)])
def test_drawn_outlines_are_named_by_their_shape(kind: str, width: int, line: int) -> None:
    height = {"connector": width // 2, "off_page": width // 2}.get(kind, width * 2 // 5)
    width = height if kind == "connector" else width
    guess = classify_region(_interior(kind, width, height, line))
    assert guess.shape == KINDS[kind]
    assert guess.confidence > 0.5


def test_sharp_corners_have_no_gap_and_round_corners_do() -> None:
    assert corner_gap(np.full((30, 80), 255, np.uint8)) == 0.0
    assert corner_gap(_interior("start", 80, 30, 2)) > 0.3


def test_a_ragged_blob_is_not_a_confident_symbol() -> None:
    rng = np.random.default_rng(3)
    blob = (rng.random((40, 90)) > 0.45).astype(np.uint8) * 255
    guess = classify_region(blob)
    assert guess.fit < 0.6 or guess.confidence < 0.3


def _scanned_interior(width: int, height: int, line: int, sigma: float, radius: int) -> np.ndarray:
    """A box with corner `radius` (0: sharp), blurred like a phone scan, binarised and sealed the
    way the symbol finder does, then the paper enclosed by it."""
    canvas = np.full((height + 60, width + 60), 255, np.uint8)
    left, top, right, bottom = 30, 30, 30 + width, 30 + height
    if radius == 0:
        cv2.rectangle(canvas, (left, top), (right, bottom), 0, line)
    else:
        for (x0, y0), (x1, y1) in (((left + radius, top), (right - radius, top)),
                                   ((left + radius, bottom), (right - radius, bottom)),
                                   ((left, top + radius), (left, bottom - radius)),
                                   ((right, top + radius), (right, bottom - radius))):  # fmt: skip
            cv2.line(canvas, (x0, y0), (x1, y1), 0, line)
        for cx, cy, angle in ((left + radius, top + radius, 180), (right - radius, top + radius, 270),
                              (right - radius, bottom - radius, 0), (left + radius, bottom - radius, 90)):  # fmt: skip
            cv2.ellipse(canvas, (cx, cy), (radius, radius), 0, angle, angle + 90, 0, line)
    ink = binarise(cv2.GaussianBlur(canvas, (0, 0), sigma))
    paper = cv2.bitwise_not(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8)))
    _, labels = cv2.connectedComponents(paper, connectivity=4)
    inside = np.where(labels == labels[30 + height // 2, 30 + width // 2], 255, 0).astype(np.uint8)
    ys, xs = np.nonzero(inside)
    return inside[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


@pytest.mark.parametrize(
    ("width", "height", "line", "sigma"), [(110, 38, 2, 2.5), (96, 25, 2, 1.5), (60, 40, 3, 2.0)]
)
def test_a_scan_blurred_box_is_still_a_process(width: int, height: int, line: int,
                                               sigma: float) -> None:  # fmt: skip
    assert classify_region(_scanned_interior(width, height, line, sigma, 0)).shape == "process"


@pytest.mark.parametrize(("height", "radius"), [(36, 18), (36, 9), (24, 12)])
def test_scan_blurred_capsules_and_rounded_boxes_are_terminators(height: int, radius: int) -> None:
    region = _scanned_interior(90, height, 2, 1.5, radius)
    assert classify_region(region).shape == "terminator"
