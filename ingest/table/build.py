"""Page steps of the table chain: each takes a Page and fills one slot."""

from __future__ import annotations

from ingest.page import Page, Table, TableColumn, TableRow
from ingest.settings import TableSettings
from ingest.table.grid import grid_to_cells, rulings_to_grids
from ingest.table.header import cells_to_columns, first_body_row, grid_to_rows
from ingest.table.words import words_to_cells


def _tolerance(page: Page, settings: TableSettings) -> float:
    assert page.image is not None
    return max(3.0, max(page.image.shape[:2]) * settings.end_tolerance_fraction)


def find_tables(page: Page, settings: TableSettings) -> Page:
    """Page.rulings -> Page.tables: grids with (possibly merged) cells, columns and rows."""
    tolerance = _tolerance(page, settings)
    tables = []
    for grid in rulings_to_grids(page.rulings, tolerance):
        cells = grid_to_cells(grid, tolerance)
        columns = [TableColumn(index=i, left=grid.xs[i], right=grid.xs[i + 1])
                   for i in range(len(grid.xs) - 1)]  # fmt: skip
        rows = [TableRow(index=i, top=grid.ys[i], bottom=grid.ys[i + 1])
                for i in range(len(grid.ys) - 1)]  # fmt: skip
        tables.append(Table(bbox=grid.bbox, columns=columns, rows=rows, cells=cells))
    return page.model_copy(update={"tables": tables,
                                   "cells": [c for t in tables for c in t.cells]})  # fmt: skip


def fill_cells(page: Page, settings: TableSettings) -> Page:
    """Page.words -> the text of every table cell."""
    tables = [t.model_copy(update={"cells": words_to_cells(t.cells, page.words)})
              for t in page.tables]  # fmt: skip
    return page.model_copy(update={"tables": tables,
                                   "cells": [c for t in tables for c in t.cells]})  # fmt: skip


def header_row_count(table: Table) -> int:
    """Rows above the first numbered step; all rows when none is numbered (identity tables)."""
    body = first_body_row(table.cells, len(table.rows))
    return len(table.rows) if body is None else body


def read_headers(page: Page, settings: TableSettings) -> Page:
    """Column roles and actor labels from the header text; kind 'procedure' needs a Kegiatan."""
    tables = []
    for table in page.tables:
        headers = header_row_count(table)
        xs = [c.left for c in table.columns] + [table.columns[-1].right]
        ys = [r.top for r in table.rows] + [table.rows[-1].bottom]
        columns = cells_to_columns(table.cells, xs, headers, settings.header_match_score)
        roles = {c.role for c in columns}
        kind = "procedure" if "kegiatan" in roles and headers < len(table.rows) else "identity"
        tables.append(table.model_copy(update={
            "columns": columns, "rows": grid_to_rows(ys, headers), "kind": kind}))  # fmt: skip
    return page.model_copy(update={"tables": tables})
