"""A hard shadow across the sheet: the outline must follow the paper's edges, not the shadow."""

import cv2
import numpy as np

from ingest.image.sheet import find_sheet
from ingest.image.sheet_edges import refine_sheet_corners

TRUE_CORNERS = np.float32([[150, 90], [1850, 140], [1820, 1330], [110, 1290]])


def shadowed_photo() -> np.ndarray:
    """Grey desk, a sheet with a ruled table, and light falling off to 45% across the photo."""
    rng = np.random.default_rng(7)
    height, width = 1440, 1960
    photo = np.full((height, width), 95, np.float32) + rng.normal(0, 4, (height, width))
    flat = np.full((1200, 1700), 235, np.uint8)
    for y in range(150, 1101, 95):
        cv2.line(flat, (120, y), (1580, y), 30, 2)
    for x in (120, 220, 800, 1100, 1580):
        cv2.line(flat, (x, 150), (x, 1100), 30, 2)
    source = np.float32([[0, 0], [1700, 0], [1700, 1200], [0, 1200]])
    matrix = cv2.getPerspectiveTransform(source, TRUE_CORNERS)
    sheet = cv2.warpPerspective(flat, matrix, (width, height)).astype(np.float32)
    mask = cv2.warpPerspective(np.full(flat.shape, 255, np.uint8), matrix, (width, height))
    photo[mask > 127] = sheet[mask > 127]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    photo *= 1 - 0.55 * (1 - (xs / width + ys / height) / 2) ** 1.5  # dark top-left corner
    photo = cv2.GaussianBlur(photo, (0, 0), 1.2)
    return np.clip(photo, 0, 255).astype(np.uint8)


def test_sheet_corners_follow_the_paper_edge_under_a_strong_shadow() -> None:
    photo = shadowed_photo()
    corners = find_sheet(photo, 0.2)
    assert corners is not None
    refined = refine_sheet_corners(photo, corners, 0.02)
    errors = np.linalg.norm(refined - TRUE_CORNERS, axis=1)
    assert errors.max() <= 3.0, (refined, errors)


def test_refinement_keeps_good_corners_where_they_are() -> None:
    photo = shadowed_photo()
    refined = refine_sheet_corners(photo, TRUE_CORNERS + 6, 0.02)
    assert np.linalg.norm(refined - TRUE_CORNERS, axis=1).max() <= 3.0
