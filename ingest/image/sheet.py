"""Find the paper sheet on a darker background and undo the perspective."""

from __future__ import annotations

import cv2
import numpy as np

from ingest.image.binarise import ink_mask, to_gray
from ingest.image.sheet_edges import edge_support

_MAX_FRAME_CORNER_ERROR = 12.0  # degrees; phone perspective stays well under it
_WORK_SIDE = 800  # the outline is found on a small copy: fast, and text detail does not matter
_SUPPORT_SEARCH = 0.01  # share of the long side searched either side of an outline's side
_MIN_SUPPORT = 0.8  # share of the weakest side that must lie on a paper-to-desk step


def order_corners(points: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    points = points.reshape(4, 2).astype(np.float32)
    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.float32([points[np.argmin(sums)], points[np.argmin(diffs)],
                       points[np.argmax(sums)], points[np.argmax(diffs)]])  # fmt: skip


def _quad_of(mask: np.ndarray, min_area: float) -> np.ndarray | None:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        if cv2.contourArea(contour) < min_area:
            return None
        hull = cv2.convexHull(contour)
        for epsilon in (0.02, 0.04, 0.06):
            approx = cv2.approxPolyDP(hull, epsilon * cv2.arcLength(hull, True), True)
            if len(approx) == 4:
                return approx.reshape(4, 2).astype(np.float32)
    return None


def find_sheet(image: np.ndarray, min_area_share: float) -> np.ndarray | None:
    """The sheet's four corners in image pixels, or None when the photo is the sheet."""
    gray = to_gray(image)
    scale = _WORK_SIDE / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    min_area = min_area_share * small.size
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    quad = _quad_of(bright, min_area)
    if quad is None:
        edges = cv2.dilate(cv2.Canny(small, 40, 120), np.ones((5, 5), np.uint8))
        quad = _quad_of(edges, min_area)
    elif not _is_sheet(quad, small.shape):
        return None
    elif edge_support(gray, order_corners(quad / scale), _SUPPORT_SEARCH) < _MIN_SUPPORT:
        # A bright outline that follows a shadow across the paper: the edge map may do better.
        edges = cv2.dilate(cv2.Canny(small, 40, 120), np.ones((5, 5), np.uint8))
        quad = _better_outline(gray, scale, quad, _quad_of(edges, min_area))
    if quad is None or not _is_sheet(quad, small.shape):
        return None
    return order_corners(quad / scale)


def _is_sheet(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Not the whole photo (then the photo is the sheet) and not running off its edge."""
    return cv2.contourArea(quad) <= 0.98 * shape[0] * shape[1] and not _clipped(quad, shape)


def _better_outline(gray: np.ndarray, scale: float, *quads: np.ndarray | None) -> np.ndarray | None:
    """Of the candidate outlines (work-scale quads), the one whose sides follow paper edges best."""
    found = [quad for quad in quads if quad is not None]
    if not found:
        return None
    return max(found, key=lambda q: edge_support(gray, order_corners(q / scale), _SUPPORT_SEARCH))


def _clipped(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    """A corner on the photo's edge: the sheet runs out of the photo and the outline follows
    the frame, not the paper; warping to it would bend the table (measured: rulings lost)."""
    margin = 0.01 * max(shape[:2])
    on_edge = [
        x <= margin or y <= margin or x >= shape[1] - 1 - margin or y >= shape[0] - 1 - margin
        for x, y in quad.reshape(4, 2)
    ]
    return sum(on_edge) >= 1


def warp_sheet(image: np.ndarray, corners: np.ndarray, long_side: int) -> np.ndarray:
    """The sheet seen from straight above, resized so its long side is `long_side`."""
    tl, tr, br, bl = corners
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    scale = long_side / max(width, height)
    size = (round(width * scale), round(height * scale))
    target = np.float32([[0, 0], [size[0] - 1, 0], [size[0] - 1, size[1] - 1], [0, size[1] - 1]])
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(image, matrix, size, flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)  # fmt: skip


def resize_long_side(image: np.ndarray, long_side: int) -> np.ndarray:
    scale = long_side / max(image.shape[:2])
    if abs(scale - 1) < 0.05:
        return image
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)


def find_table_frame(gray: np.ndarray, min_area_share: float) -> np.ndarray | None:
    """The four outer corners of the biggest ruled table, in image pixels, or None.

    For photos where the paper runs off the edge there is no sheet outline to warp to; the table
    frame (its outer rulings) is drawn straight on the paper, so its quadrilateral carries the
    same perspective. The grid is one connected piece of ink; its convex hull is the frame.
    """
    scale = _WORK_SIDE / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    mask = ink_mask(small)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    biggest = max(contours, key=lambda c: cv2.contourArea(cv2.convexHull(c)))
    hull = cv2.convexHull(biggest)
    if cv2.contourArea(hull) < min_area_share * small.size:
        return None
    for epsilon in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, epsilon * cv2.arcLength(hull, True), True)
        if len(approx) == 4:
            corners = order_corners(approx.reshape(4, 2).astype(np.float32) / scale)
            # A hull bent by a logo or stamp touching the frame is no table outline.
            if _clipped(approx, small.shape) or corner_error(corners) > _MAX_FRAME_CORNER_ERROR:
                return None
            return corners
    return None


def corner_error(corners: np.ndarray) -> float:
    """How far (degrees) the quadrilateral's worst corner is from a right angle."""
    angles = []
    for index in range(4):
        before, at, after = corners[index - 1], corners[index], corners[(index + 1) % 4]
        first, second = before - at, after - at
        cosine = float(np.dot(first, second) / (np.linalg.norm(first) * np.linalg.norm(second)))
        angles.append(np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0))))
    return max(abs(angle - 90.0) for angle in angles)


def is_keystoned(corners: np.ndarray, max_degrees: float) -> bool:
    """Corners off a right angle by more than `max_degrees`: the table is seen in perspective,
    which deskew (a rotation keeps right angles) cannot straighten."""
    return corner_error(corners) > max_degrees


def warp_around_frame(image: np.ndarray, frame: np.ndarray, long_side: int,
                      margin: float) -> np.ndarray:  # fmt: skip
    """The photo seen from straight above, the table frame made a rectangle; the page around
    the table is kept up to `margin` (share of the table's size) on every side."""
    tl, tr, br, bl = frame
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    pad_x, pad_y = margin * width, margin * height
    target = np.float32([[pad_x, pad_y], [pad_x + width, pad_y],
                         [pad_x + width, pad_y + height], [pad_x, pad_y + height]])  # fmt: skip
    matrix = cv2.getPerspectiveTransform(frame.astype(np.float32), target)
    photo = np.float32([[0, 0], [image.shape[1], 0], [image.shape[1], image.shape[0]],
                        [0, image.shape[0]]]).reshape(-1, 1, 2)  # fmt: skip
    seen = cv2.perspectiveTransform(photo, matrix).reshape(4, 2)
    left, top = max(0.0, seen[:, 0].min()), max(0.0, seen[:, 1].min())
    right = min(width + 2 * pad_x, seen[:, 0].max())
    bottom = min(height + 2 * pad_y, seen[:, 1].max())
    shift = np.float32([[1, 0, -left], [0, 1, -top], [0, 0, 1]])
    scale = long_side / max(right - left, bottom - top)
    resize = np.float32([[scale, 0, 0], [0, scale, 0], [0, 0, 1]])
    size = (round((right - left) * scale), round((bottom - top) * scale))
    return cv2.warpPerspective(image, resize @ shift @ matrix, size, flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)  # fmt: skip
