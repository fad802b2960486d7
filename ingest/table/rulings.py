"""Ink mask -> straight segments -> the rulings of tables (flowchart arrows rejected).

A flowchart arrow crosses cell borders and looks like a ruling to a line finder. What tells them
apart: a table ruling ends on perpendicular rulings (the frame, a row or column border), while an
arrow ends on a symbol in the middle of a cell. Rulings are therefore grown from long horizontal
seeds (the table frame and full-width row borders), accepting a segment only when both its ends
touch already accepted perpendicular rulings, until nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np

from ingest.page import Orientation, Ruling
from ingest.settings import TableSettings

# A line-finder component thicker than this share of the page side is a filled blob, not a line.
_MAX_THICKNESS_FRACTION = 0.012


def mask_to_segments(mask: np.ndarray, orientation: Orientation, *, min_length: int,
                     join_gap: int) -> list[Ruling]:  # fmt: skip
    """Straight runs of ink at least `min_length` long, pieces with small gaps joined."""
    horizontal = orientation == "horizontal"
    bridge = cv2.getStructuringElement(
        cv2.MORPH_RECT, (join_gap, 1) if horizontal else (1, join_gap)
    )
    line = cv2.getStructuringElement(
        cv2.MORPH_RECT, (min_length, 1) if horizontal else (1, min_length)
    )
    # Open first: closing first would bridge the letters of a text line into a bar.
    opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, line)
    closed = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, bridge)
    max_thickness = max(3, int(max(mask.shape) * _MAX_THICKNESS_FRACTION))
    segments: list[Ruling] = []
    for left, top, width, height in component_boxes(closed):
        thickness, start, length = (height, left, width) if horizontal else (width, top, height)
        if thickness > max_thickness:
            continue
        position = (top + height / 2) if horizontal else (left + width / 2)
        segments.append(Ruling(orientation=orientation, position=float(position),
                               start=float(start), end=float(start + length),
                               thickness=float(thickness)))  # fmt: skip
    return join_collinear(segments, gap=join_gap, tolerance=max(2.0, join_gap / 2))


def component_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(left, top, width, height) of every 8-connected ink component. The outer contours of a
    two-level contour tree are exactly the components; on a sparse line mask tracing them is
    ten times faster than labelling every pixel (measured 1.6 ms vs 19 ms on an A4 page)."""
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    return [cv2.boundingRect(contour) for contour, links in zip(contours, hierarchy[0],
                                                                    strict=True) if links[3] == -1]  # fmt: skip


def join_collinear(segments: Iterable[Ruling], *, gap: float, tolerance: float) -> list[Ruling]:
    """Segments on one line (positions within `tolerance`) with gaps up to `gap` become one."""
    joined: list[Ruling] = []
    for segment in sorted(segments, key=lambda s: (round(s.position / tolerance), s.start)):
        last = joined[-1] if joined else None
        if (
            last is not None
            and abs(last.position - segment.position) <= tolerance
            and segment.start <= last.end + gap
            # Sorted by position band first: a piece of another line in the band may lie left.
            and last.start <= segment.end + gap
            # A faint 1-px run beside a heavy ruling (blurred text baseline) is not part of it.
            and max(last.thickness, segment.thickness) <= 3 * min(last.thickness, segment.thickness)
        ):
            joined[-1] = last.model_copy(
                update={"start": min(last.start, segment.start), "end": max(last.end, segment.end),
                        "position": (last.position + segment.position) / 2,
                        "thickness": max(last.thickness, segment.thickness)}
            )  # fmt: skip
        else:
            joined.append(segment)
    return joined


def touches(end: float, across: float, ruling: Ruling, tolerance: float) -> bool:
    """Does a segment ending at `end` (along its axis), lying at `across`, end on `ruling`?

    The gap along the axis must be small: table lines are drawn joined, while a symbol edge
    parallel to a ruling stops a few pixels short of the lane borders.
    """
    gap = min(tolerance, max(3.0, ruling.thickness + 3.0))
    return (
        abs(ruling.position - end) <= gap
        and ruling.start - tolerance <= across <= ruling.end + tolerance
    )


def _ends_on(segment: Ruling, accepted: list[Ruling], tolerance: float) -> bool:
    return all(
        any(touches(end, segment.position, other, tolerance) for other in accepted)
        for end in (segment.start, segment.end)
    )


def segments_to_table_rulings(horizontal: list[Ruling], vertical: list[Ruling], *,
                              seed_length: float, tolerance: float) -> list[Ruling]:  # fmt: skip
    """Grow the set of table rulings from long horizontal seeds; arrows never join it."""
    accepted_h = [s for s in horizontal if s.end - s.start >= seed_length]
    accepted_v: list[Ruling] = []
    pending_h = [s for s in horizontal if s not in accepted_h]
    pending_v = list(vertical)
    changed = True
    while changed:
        new_v = [s for s in pending_v if _ends_on(s, accepted_h, tolerance)]
        accepted_v += new_v
        pending_v = [s for s in pending_v if s not in new_v]
        new_h = [s for s in pending_h if _ends_on(s, accepted_v, tolerance)]
        accepted_h += new_h
        pending_h = [s for s in pending_h if s not in new_h]
        changed = bool(new_v or new_h)
    seeds_framed = [s for s in accepted_h if _ends_on(s, accepted_v, tolerance)]
    return seeds_framed + accepted_v


def mask_to_rulings(mask: np.ndarray, settings: TableSettings) -> list[Ruling]:
    """Table rulings of a binary ink mask (ink = 255)."""
    side = max(mask.shape)
    min_length = max(10, int(side * settings.min_segment_fraction))
    join_gap = max(2, int(side * settings.join_gap_fraction))
    horizontal = mask_to_segments(mask, "horizontal", min_length=min_length, join_gap=join_gap)
    vertical = mask_to_segments(mask, "vertical", min_length=min_length, join_gap=join_gap)
    return segments_to_table_rulings(
        horizontal, vertical,
        seed_length=mask.shape[1] * settings.seed_fraction,
        tolerance=max(3.0, side * settings.end_tolerance_fraction),
    )  # fmt: skip
