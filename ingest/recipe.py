"""The page steps of the PDF/image branch, each `(Page, PipelineSettings) -> Page` filling one slot.

`ingest/pipeline.py` lists them as two recipes: pages with a text layer, and scans.
"""

from __future__ import annotations

import functools

from ingest.flowchart import read_flowchart
from ingest.identity import is_identity_table
from ingest.image.binarise import flatten_illumination, ink_mask, to_gray
from ingest.image.deskew import rotate, skew_angle, text_runs_vertical, turn
from ingest.image.sheet import (
    find_sheet,
    find_table_frame,
    is_keystoned,
    resize_long_side,
    warp_around_frame,
    warp_sheet,
)
from ingest.image.sheet_edges import refine_sheet_corners
from ingest.ocr import OcrEngine, make_engine
from ingest.ocr.cells import CellFilter, ocr_cells, upside_down_by_reading, without_rulings
from ingest.page import Cell, Page, Table
from ingest.settings import OcrSettings, PipelineSettings
from ingest.table import build
from ingest.table.header import first_body_row
from ingest.table.rulings import mask_to_rulings


@functools.cache
def ocr_engine(settings: OcrSettings) -> OcrEngine:
    """One engine per process and settings: tesserocr's API object is reused for every cell."""
    return make_engine(settings)


def rectify(page: Page, settings: PipelineSettings) -> Page:
    """Image: the sheet cut out of the photo and seen from above, grey, OCR-sized."""
    assert page.image is not None
    gray = to_gray(page.image)  # warping one channel instead of three: a third of the time
    corners = find_sheet(gray, settings.cleanup.min_sheet_area)
    long_side = settings.cleanup.sheet_long_side
    if corners is not None:
        corners = refine_sheet_corners(gray, corners, settings.cleanup.sheet_edge_search)
        return page.model_copy(update={"image": warp_sheet(gray, corners, long_side)})
    # No sheet outline (the paper fills or runs off the photo): the table frame's perspective.
    frame = find_table_frame(gray, settings.cleanup.min_frame_area)
    if frame is not None and is_keystoned(frame, settings.cleanup.max_frame_corner_degrees):
        margin = settings.cleanup.frame_margin
        return page.model_copy(update={"image": warp_around_frame(gray, frame, long_side, margin)})
    return page.model_copy(update={"image": resize_long_side(gray, long_side)})


def turn_upright(page: Page, settings: PipelineSettings) -> Page:
    """Image: a page lying on its side turned by 90 degrees (text lines must run left to right);
    whether it is then upside down is decided by reading, once the cells are known."""
    assert page.image is not None
    if not text_runs_vertical(page.image):
        return page
    return page.model_copy(update={"image": turn(page.image, 1)})


def reads_as_sop_table(page: Page, settings: PipelineSettings) -> bool:
    """The page as it stands already reads as an SOP table: a procedure header with a Kegiatan
    column or an identity block, in confident words. Upside-down text never matches the header
    variants, so this settles the orientation of most pages without reading anything twice."""
    known = any(
        (t.kind == "procedure" and any(c.role == "kegiatan" for c in t.columns))
        or (t.kind == "identity" and is_identity_table(t))
        for t in page.tables
    )  # fmt: skip
    letters = sum(len(w.text) for w in page.words)
    confidence = sum(w.confidence * len(w.text) for w in page.words) / letters if letters else 0.0
    return known and confidence >= settings.ocr.upright_header_confidence


def turn_if_upside_down(page: Page, settings: PipelineSettings) -> Page:
    """Image, rulings, tables (and their words): turned by 180 degrees when the page does not
    read as an SOP table and its cells read better that way; the header is then read again."""
    assert page.image is not None
    if not page.tables or reads_as_sop_table(page, settings):
        return page
    cells = [cell for table in page.tables for cell in table.cells]
    without = without_rulings(page.image, page.rulings)
    if not upside_down_by_reading(without, cells, ocr_engine(settings.ocr), settings.ocr):
        return page
    turned = page.model_copy(update={"image": turn(page.image, 2), "words": []})
    for step in (find_rulings, find_tables, ocr_first_column, ocr_header_rows, read_headers):
        turned = step(turned, settings)
    return turned


def deskew(page: Page, settings: PipelineSettings) -> Page:
    """Image: residual tilt of the table lines removed."""
    assert page.image is not None
    angle = skew_angle(page.image, settings.cleanup.max_deskew_degrees)
    if abs(angle) < 0.1:
        return page
    return page.model_copy(update={"image": rotate(page.image, angle)})


def flatten_light(page: Page, settings: PipelineSettings) -> Page:
    """Image: shadows and uneven light evened out to white paper."""
    assert page.image is not None
    flat = flatten_illumination(page.image, settings.cleanup.background_kernel_fraction)
    return page.model_copy(update={"image": flat})


def find_rulings(page: Page, settings: PipelineSettings) -> Page:
    """Rulings: table lines, flowchart arrows rejected."""
    assert page.image is not None
    return page.model_copy(update={"rulings": mask_to_rulings(ink_mask(page.image),
                                                              settings.table)})  # fmt: skip


def find_tables(page: Page, settings: PipelineSettings) -> Page:
    return build.find_tables(page, settings.table)


def fill_cells(page: Page, settings: PipelineSettings) -> Page:
    return build.fill_cells(page, settings.table)


def read_headers(page: Page, settings: PipelineSettings) -> Page:
    return build.read_headers(page, settings.table)


def _ocr(page: Page, settings: PipelineSettings, select: CellFilter) -> Page:
    engine = ocr_engine(settings.ocr)
    read = ocr_cells(page, engine, settings.ocr, select)
    return build.fill_cells(read, settings.table)


def ocr_first_column(page: Page, settings: PipelineSettings) -> Page:
    """Words: the first column, which tells header rows (no number) from step rows."""
    return _ocr(page, settings, lambda table, cell: cell.col == 0)


def ocr_header_rows(page: Page, settings: PipelineSettings) -> Page:
    """Words: every cell above the first numbered row (all of an identity table)."""

    def in_header(table: Table, cell: Cell) -> bool:
        body = first_body_row(table.cells, len(table.rows))
        return body is None or cell.row < body

    return _ocr(page, settings, in_header)


def ocr_body_cells(page: Page, settings: PipelineSettings) -> Page:
    """Words: step cells except the actor lanes (their drawings belong to the flowchart)."""

    def wanted(table: Table, cell: Cell) -> bool:
        role = table.columns[cell.col].role
        return table.kind == "procedure" and role not in ("actor", "unknown")

    return _ocr(page, settings, wanted)


def flowchart(page: Page, settings: PipelineSettings) -> Page:
    """Symbols and edges in the actor lanes of procedure tables."""
    if not any(t.kind == "procedure" for t in page.tables):
        return page
    return read_flowchart(page, settings.flowchart)
