"""Sharpen a rough sheet outline to the paper's true edges, at full resolution.

The outline from `find_sheet` comes from a thresholded 800-px copy: a shadow across the sheet
pulls the threshold inside the paper, and the polygon's corners are hull points a few work pixels
off. Warping to such corners keystones the table (measured on hard phone scans: rulings tilted by
up to 1 degree, the ruling finder lost whole tables). Here each side is searched for the
strongest paper-to-desk step along its outward normal and a straight line is fitted to the edge
points; the corners are where neighbouring lines meet.
"""

from __future__ import annotations

import cv2
import numpy as np

_SAMPLES_PER_SIDE = 48
_MIN_STEP = 12.0  # grey levels between paper and desk; less is no edge (noise, desk texture)
_MIN_EDGE_POINTS = 12


def _profiles(smooth: np.ndarray, starts: np.ndarray, normal: np.ndarray, reach: int) -> np.ndarray:
    """Grey values along the outward normal through each start point, offsets -reach..reach."""
    offsets = np.arange(-reach, reach + 1, dtype=np.float32)
    xs = starts[:, None, 0] + offsets[None, :] * normal[0]
    ys = starts[:, None, 1] + offsets[None, :] * normal[1]
    return cv2.remap(smooth, xs.astype(np.float32), ys.astype(np.float32), cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_REPLICATE)  # fmt: skip


def _step_offsets(profiles: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Per profile: where the mean of `window` values inside most exceeds the mean outside, and
    by how much. A window mean ignores thin dark table lines, which a plain derivative would not."""
    sums = np.concatenate([np.zeros((len(profiles), 1), np.float32),
                           np.cumsum(profiles, axis=1)], axis=1)  # fmt: skip
    positions = np.arange(window, profiles.shape[1] - window + 1)
    inside = (sums[:, positions] - sums[:, positions - window]) / window
    outside = (sums[:, positions + window] - sums[:, positions]) / window
    steps = inside - outside
    best = np.argmax(steps, axis=1)
    return positions[best], steps[np.arange(len(steps)), best]


def _edge_line(smooth: np.ndarray, start: np.ndarray, end: np.ndarray, centre: np.ndarray,
               reach: int) -> np.ndarray | None:  # fmt: skip
    """(vx, vy, x0, y0) of the paper edge near the side start->end, or None when unclear."""
    along = end - start
    length = float(np.linalg.norm(along))
    if length < 4 * reach:
        return None
    normal = np.float32([along[1], -along[0]]) / length
    if np.dot((start + end) / 2 - centre, normal) < 0:
        normal = -normal
    # Stay clear of the corners: there the search line crosses the neighbouring side.
    fractions = np.linspace(0.08, 0.92, _SAMPLES_PER_SIDE, dtype=np.float32)
    starts = start[None, :] + fractions[:, None] * along[None, :]
    inside = (
        (starts[:, 0] >= 0)
        & (starts[:, 0] < smooth.shape[1])
        & (starts[:, 1] >= 0)
        & (starts[:, 1] < smooth.shape[0])
    )
    offsets, strengths = _step_offsets(_profiles(smooth, starts, normal, reach),
                                       max(3, reach // 6))  # fmt: skip
    keep = inside & (strengths >= _MIN_STEP)
    if np.count_nonzero(keep) < _MIN_EDGE_POINTS:
        return None
    points = starts[keep] + (offsets[keep] - reach - 0.5)[:, None] * normal[None, :]
    return cv2.fitLine(points.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()


def _intersect(first: np.ndarray, second: np.ndarray) -> np.ndarray | None:
    (vx1, vy1, x1, y1), (vx2, vy2, x2, y2) = first, second
    determinant = vx1 * (-vy2) - vy1 * (-vx2)
    if abs(determinant) < 1e-6:
        return None
    t = ((x2 - x1) * (-vy2) - (y2 - y1) * (-vx2)) / determinant
    return np.float32([x1 + t * vx1, y1 + t * vy1])


def refine_sheet_corners(gray: np.ndarray, corners: np.ndarray, search_fraction: float) -> np.ndarray:  # fmt: skip
    """Corners (TL, TR, BR, BL) moved onto the fitted paper edges; the rough corners are kept
    when any side's edge is unclear or a corner would move further than the search reach."""
    reach = max(8, round(search_fraction * max(gray.shape)))
    smooth = cv2.GaussianBlur(gray, (0, 0), 1.5).astype(np.float32)
    centre = corners.mean(axis=0)
    lines = []
    for index in range(4):
        line = _edge_line(smooth, corners[index], corners[(index + 1) % 4], centre, reach)
        if line is None:
            return corners
        lines.append(line)
    refined = []
    for index in range(4):  # corner i lies on side i-1 (arriving) and side i (leaving)
        point = _intersect(lines[index - 1], lines[index])
        if point is None or np.linalg.norm(point - corners[index]) > 2 * reach:
            return corners
        refined.append(point)
    return np.float32(refined)


def edge_support(gray: np.ndarray, corners: np.ndarray, search_fraction: float) -> float:
    """Share of points along the weakest side of the outline that lie near a paper-to-desk step.

    A true sheet outline scores near 1 on every side; an outline that follows a shadow's edge
    (the bright part of a shadowed sheet) crosses smooth paper there and scores low.
    """
    reach = max(8, round(search_fraction * max(gray.shape)))
    smooth = cv2.GaussianBlur(gray, (0, 0), 1.5).astype(np.float32)
    centre = corners.mean(axis=0)
    shares = []
    for index in range(4):
        start, end = corners[index], corners[(index + 1) % 4]
        along = end - start
        length = float(np.linalg.norm(along))
        if length < 4 * reach:
            return 0.0
        normal = np.float32([along[1], -along[0]]) / length
        if np.dot((start + end) / 2 - centre, normal) < 0:
            normal = -normal
        fractions = np.linspace(0.08, 0.92, _SAMPLES_PER_SIDE, dtype=np.float32)
        starts = start[None, :] + fractions[:, None] * along[None, :]
        _, strengths = _step_offsets(_profiles(smooth, starts, normal, reach), max(3, reach // 6))
        shares.append(float(np.mean(strengths >= _MIN_STEP)))
    return min(shares)
