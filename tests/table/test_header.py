"""Stage tests: header semantics on OCR'd header cells (garbled numbers row, lost step numbers,
slipped title heads) and the two-level actor header (a group printed over some lanes)."""

import cv2
import numpy as np

from ingest.page import Cell, Ruling
from ingest.settings import TableSettings
from ingest.table.grid import grid_to_cells, rulings_to_grids
from ingest.table.header import (
    cells_to_columns,
    first_body_row,
    is_column_number_row,
    snap_title_head,
)
from ingest.table.rulings import join_collinear, mask_to_rulings
from models.geometry import BBox

XS = [0.0, 50.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0]


def _cell(row: int, col: int, text: str, *, row_span: int = 1, col_span: int = 1) -> Cell:
    box = BBox(
        left=XS[col], top=row * 40.0, right=XS[col + col_span], bottom=(row + row_span) * 40.0
    )
    return Cell(row=row, col=col, row_span=row_span, col_span=col_span, bbox=box, text=text)


def _procedure_cells(numbers: list[str], first_step_number: str) -> list[Cell]:
    """No | Kegiatan | Pelaksana (3 lanes) | Waktu | Output, a numbers row, two step rows."""
    cells = [
        _cell(0, 0, "No", row_span=2), _cell(0, 1, "Kegiatan", row_span=2),
        _cell(0, 2, "Pelaksana", col_span=3), _cell(0, 5, "Waktu", row_span=2),
        _cell(0, 6, "Output", row_span=2),
        _cell(1, 2, "Kadis"), _cell(1, 3, "Statt"), _cell(1, 4, "yF Perencana"),
    ]  # fmt: skip
    cells += [_cell(2, col, text) for col, text in enumerate(numbers)]
    cells += [_cell(3, 0, first_step_number), _cell(3, 1, "Menerima berkas permohonan")]
    cells += [_cell(4, 0, "2"), _cell(4, 1, "Memeriksa kelengkapan berkas")]
    return cells


GARBLED_NUMBERS = ["“d", "2", "(3)", "@", "5)", "&", "7)"]


def test_a_numbers_row_with_garbled_numbers_is_still_the_numbers_row() -> None:
    cells = _procedure_cells(GARBLED_NUMBERS, "1")
    assert is_column_number_row(cells, 2)
    assert not is_column_number_row(cells, 3)  # a step row: its kegiatan is words


def test_actor_labels_are_the_titles_not_the_garbled_column_numbers() -> None:
    cells = _procedure_cells(GARBLED_NUMBERS, "1")
    body = first_body_row(cells, 5)
    assert body == 3
    columns = cells_to_columns(cells, [*XS, 900.0][: len(XS)], body, 70.0)
    actors = [c.label for c in columns if c.role == "actor"]
    assert actors == ["Kadis", "Staff", "JF Perencana"]


def test_a_first_step_whose_number_ocr_garbled_is_not_a_header_row() -> None:
    cells = _procedure_cells(["1", "2", "3", "4", "5", "6", "7"], "l")
    assert first_body_row(cells, 5) == 3


def test_title_heads_one_ocr_slip_away_are_snapped_others_kept() -> None:
    assert snap_title_head("Stafr") == "Staf"
    assert snap_title_head("JE Pranata Komputer") == "JF Pranata Komputer"
    for label in ("Sekretariat", "Ketua Tim", "Kasubag Evaluasi", "Seksi Umum", "Bidang"):
        assert snap_title_head(label) == label


def test_join_collinear_keeps_a_line_that_lies_left_of_a_short_piece_in_its_band() -> None:
    # Sorted by position band, the short piece at the right edge comes first.
    pieces = [
        Ruling(orientation="horizontal", position=255.0, start=2208, end=2268, thickness=4),
        Ruling(orientation="horizontal", position=256.5, start=888, end=1292, thickness=5),
    ]
    joined = join_collinear(pieces, gap=14, tolerance=7)
    assert sorted((r.start, r.end) for r in joined) == [(888, 1292), (2208, 2268)]


def test_join_collinear_leaves_a_faint_run_beside_a_heavy_ruling() -> None:
    pieces = [
        Ruling(orientation="horizontal", position=261.0, start=944, end=1042, thickness=1),
        Ruling(orientation="horizontal", position=255.5, start=1055, end=1334, thickness=6),
    ]
    joined = join_collinear(pieces, gap=14, tolerance=7)
    assert (1055, 1334) in {(r.start, r.end) for r in joined}


def test_two_level_actor_header_keeps_one_column_per_lane() -> None:
    """Pelaksana over five lanes; 'Sub Bagian' over the last two; neither a faint smudge beside
    the group's ruling (blurred text baseline) nor a short mark in its band may hide it."""
    xs, top = [40, 90, 400, 520, 640, 760, 880, 1000], 40
    mask = np.zeros((700, 1040), np.uint8)
    for y in (top, 620):
        cv2.line(mask, (xs[0], y), (xs[-1], y), 255, 5)
    for y in (90, 220, 350, 480):  # Pelaksana row bottom, header bottom, step rows
        left = xs[2] if y == 90 else xs[0]
        cv2.line(mask, (left, y), (xs[-1], y), 255, 5)
    for x in (*xs[:6], xs[7]):
        start = 90 if x in (xs[3], xs[4], xs[5], xs[6]) else top
        cv2.line(mask, (x, start), (x, 620), 255, 5)
    cv2.line(mask, (xs[5], 155), (xs[7], 155), 255, 5)  # the group's ruling
    cv2.line(mask, (xs[4] + 10, 160), (xs[5] - 12, 160), 255, 1)  # smudge in the next cell
    # A short mark right of the table, 2 px higher: sorted first in its position band.
    cv2.line(mask, (1018, 153), (1038, 153), 255, 3)
    cv2.line(mask, (xs[6], 155), (xs[6], 620), 255, 5)  # the border between grouped lanes
    rulings = mask_to_rulings(mask, TableSettings())
    (grid,) = rulings_to_grids(rulings, tolerance=6)
    assert len(grid.xs) == len(xs)
    cells = grid_to_cells(grid, tolerance=6)
    group = [c for c in cells if c.row == 1 and c.col == 5]
    assert group and group[0].col_span == 2 and group[0].row_span == 1
