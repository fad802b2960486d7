"""Ink masks of the actor lanes: binarise once, separate table rulings from flowchart strokes.

Everything here is pure numpy/OpenCV on the page image; geometry is in pixels of `Page.image`.
"""

from __future__ import annotations

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict

from ingest.flowchart.settings import FlowchartSettings
from ingest.page import Table, TableColumn, TableRow
from models.geometry import BBox


class LaneRegion(BaseModel):
    """The actor lanes of one table body on one page, with the masks the later stages share."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    table: int
    box: BBox
    lanes: list[TableColumn]
    rows: list[TableRow]
    ink: np.ndarray
    rulings: np.ndarray
    strokes: np.ndarray
    stroke_px: float

    @property
    def offset_x(self) -> int:
        return int(self.box.left)

    @property
    def offset_y(self) -> int:
        return int(self.box.top)


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image if image.dtype == np.uint8 else image.astype(np.uint8)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink = 255. Adaptive so that the shadows left on a phone scan do not turn into ink, and
    limited by Otsu so that paper grain in large blank cells stays paper."""
    block = max(15, (min(gray.shape[:2]) // 40) | 1)
    adaptive = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, block, 12
    )
    otsu_level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dark_enough = (gray < min(otsu_level + 30, 235)).astype(np.uint8) * 255
    return cv2.bitwise_and(adaptive, dark_enough)


def actor_box(table: Table) -> tuple[BBox, list[TableColumn], list[TableRow]] | None:
    lanes = sorted((c for c in table.columns if c.role == "actor"), key=lambda c: c.left)
    rows = sorted((r for r in table.rows if not r.is_header), key=lambda r: r.top)
    if not lanes or not rows:
        return None
    box = BBox(left=lanes[0].left, top=rows[0].top, right=lanes[-1].right, bottom=rows[-1].bottom)
    return box, lanes, rows


def stroke_width(ink: np.ndarray) -> float:
    """Typical pen width: twice the median distance-to-paper on the ridges of the ink."""
    if not ink.any():
        return 2.0
    distance = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    ridges = (distance > 0) & (distance >= cv2.dilate(distance, np.ones((3, 3), np.uint8)))
    values = distance[ridges]
    return float(np.clip(2 * np.median(values), 1.0, 12.0)) if values.size else 2.0


def _long_runs(ink: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    kernel_size = (max(length, 3), 1) if horizontal else (1, max(length, 3))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, kernel_size)
    # A one-pixel wiggle of a scanned ruling would break a strict run: let runs bend slightly.
    bridged = cv2.dilate(ink, np.ones((3, 1) if horizontal else (1, 3), np.uint8))
    runs = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, kernel)
    return cv2.bitwise_and(cv2.dilate(runs, np.ones((3, 3), np.uint8)), ink)


def _keep_near(mask: np.ndarray, positions: list[float], tolerance: float, axis: int) -> np.ndarray:
    """Keep only line components lying on a known grid line (arrows can be long too)."""
    count, labels, _stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    keep = np.zeros(count, dtype=bool)
    for label in range(1, count):
        centre = centroids[label][axis]
        keep[label] = any(abs(centre - position) <= tolerance for position in positions)
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def ruling_masks(ink: np.ndarray, region: BBox, lanes: list[TableColumn], rows: list[TableRow],
                 settings: FlowchartSettings) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Pixels of the table grid inside the crop (crop coordinates): horizontal, vertical."""
    height, width = ink.shape
    tolerance = max(6.0, 0.012 * max(width, height))
    row_lines = sorted({r.top - region.top for r in rows} | {r.bottom - region.top for r in rows})
    lane_lines = sorted(
        {c.left - region.left for c in lanes} | {c.right - region.left for c in lanes}
    )
    horizontal = _long_runs(ink, int(settings.ruling_min_fraction * width), horizontal=True)
    vertical = _long_runs(ink, int(settings.ruling_min_fraction * min_row_span(rows)), False)
    return (_keep_near(horizontal, row_lines, tolerance, axis=1),
            _keep_near(vertical, lane_lines, tolerance, axis=0))  # fmt: skip


def min_row_span(rows: list[TableRow]) -> float:
    return rows[-1].bottom - rows[0].top


def bridge_crossings(strokes: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray,
                     reach: int) -> np.ndarray:  # fmt: skip
    """Give back the ruling pixels an arrow passes through, so a line crossing a cell border stays
    one line: a horizontal ruling pixel with stroke ink just above and below it is stroke (and
    left/right for vertical rulings). Only across the ruling, and only as far as a ruling is
    thick: a loop channel running beside a lane border must not grow stubs along it."""
    reach = max(reach, 2)
    restored = np.zeros_like(strokes)
    for rulings, kernel_shape, anchors in ((horizontal, (reach, 1), ((0, 0), (0, reach - 1))),
                                           (vertical, (1, reach), ((0, 0), (reach - 1, 0)))):  # fmt: skip
        kernel = np.ones(kernel_shape, np.uint8)
        one_side = cv2.dilate(strokes, kernel, anchor=anchors[0])
        other_side = cv2.dilate(strokes, kernel, anchor=anchors[1])
        restored |= one_side & other_side & rulings
    return cv2.bitwise_or(strokes, restored)


def ruling_thickness(rulings: np.ndarray, horizontal: bool) -> float:
    """Median thickness of the ruling mask across its length (pixels): ink per column (row)
    divided by the number of rulings crossing it."""
    mask = (rulings > 0) if horizontal else (rulings > 0).T
    ink = np.count_nonzero(mask, axis=0)
    runs = np.count_nonzero(mask[1:] & ~mask[:-1], axis=0) + mask[0]
    crossed = runs > 0
    return float(np.median(ink[crossed] / runs[crossed])) if crossed.any() else 2.0


def lane_region(gray: np.ndarray, table_index: int, table: Table,
                settings: FlowchartSettings) -> LaneRegion | None:  # fmt: skip
    found = actor_box(table)
    if found is None:
        return None
    box, lanes, rows = found
    height, width = gray.shape
    left, top = max(int(box.left), 0), max(int(box.top), 0)
    right, bottom = min(int(np.ceil(box.right)), width), min(int(np.ceil(box.bottom)), height)
    if right - left < 8 or bottom - top < 8:
        return None
    box = BBox(left=left, top=top, right=right, bottom=bottom)
    ink = binarise(gray)[top:bottom, left:right].copy()
    horizontal, vertical = ruling_masks(ink, box, lanes, rows, settings)
    rulings = cv2.bitwise_or(horizontal, vertical)
    strokes = cv2.bitwise_and(ink, cv2.bitwise_not(rulings))
    stroke = stroke_width(strokes)
    # The gap a removed ruling leaves is at most as wide as its thickest run plus the bridging.
    gap = max(ruling_thickness(horizontal, True), ruling_thickness(vertical, False))
    strokes = bridge_crossings(strokes, horizontal, vertical, round(gap + stroke + 4))
    return LaneRegion(table=table_index, box=box, lanes=lanes, rows=rows, ink=ink,
                      rulings=rulings, strokes=strokes, stroke_px=stroke)  # fmt: skip
