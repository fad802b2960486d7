"""Stage tests: ink mask -> rulings (arrows rejected) -> grid -> cells (merged cells kept)."""

import cv2
import numpy as np

from ingest.settings import TableSettings
from ingest.table.grid import grid_to_cells, rulings_to_grids
from ingest.table.rulings import mask_to_rulings

XS = [100, 160, 500, 700, 900, 1100]
YS = [100, 160, 300, 440, 580]


def _table_mask(*, merged_last_column: bool = False) -> np.ndarray:
    """A 4x5 table; an arrow goes from a symbol in row 2 down into a symbol in row 3."""
    mask = np.zeros((700, 1200), np.uint8)
    for y in YS:
        right = XS[-2] if merged_last_column and y == YS[3] else XS[-1]
        cv2.line(mask, (XS[0], y), (right, y), 255, 2)
        if merged_last_column and y == YS[3]:
            cv2.line(mask, (XS[-1] - 2, y), (XS[-1], y), 255, 2)
    for x in XS:
        cv2.line(mask, (x, YS[0]), (x, YS[-1]), 255, 2)
    cv2.rectangle(mask, (560, 200), (640, 250), 255, 2)  # process symbol, row 2, lane 3
    cv2.rectangle(mask, (560, 350), (640, 400), 255, 2)  # process symbol, row 3
    cv2.line(mask, (600, 250), (600, 350), 255, 2)  # the arrow crosses the row ruling at y=300
    cv2.line(mask, (640, 375), (860, 375), 255, 2)  # a horizontal arrow crossing column x=700
    return mask


def test_arrows_crossing_borders_are_not_rulings() -> None:
    rulings = mask_to_rulings(_table_mask(), TableSettings())
    vertical = sorted(round(r.position) for r in rulings if r.orientation == "vertical")
    horizontal = sorted(round(r.position) for r in rulings if r.orientation == "horizontal")
    assert len(vertical) == len(XS) and all(
        abs(a - b) <= 2 for a, b in zip(vertical, XS, strict=True)
    )
    assert len(horizontal) == len(YS) and all(
        abs(a - b) <= 2 for a, b in zip(horizontal, YS, strict=True)
    )


def test_grid_has_one_cell_per_slot_and_a_merged_cell_where_a_border_is_missing() -> None:
    rulings = mask_to_rulings(_table_mask(merged_last_column=True), TableSettings())
    (grid,) = rulings_to_grids(rulings, tolerance=6)
    cells = grid_to_cells(grid, tolerance=6)
    merged = [c for c in cells if c.row_span > 1]
    assert len(merged) == 1 and (merged[0].row, merged[0].col, merged[0].row_span) == (2, 4, 2)
    assert len(cells) == (len(YS) - 1) * (len(XS) - 1) - 1
