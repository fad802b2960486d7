"""Procedure table -> step rows: one per cell of the No column, merged body cells shared."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from ingest.page import Cell, Table, TokenChoices
from models.geometry import BBox

# OCR reads digits as look-alike letters in the narrow No column.
_DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5",
                                   "B": "8", "Z": "2", "z": "2", "g": "9"})  # fmt: skip


class CellRef(BaseModel):
    """The text of one role in one step, with where it came from."""

    text: str
    bbox: BBox
    confidence: float
    # OCR confidence per whitespace token of text; empty when not known for every cell.
    word_confidences: list[float] = Field(default_factory=list)
    # OCR character alternatives per whitespace token (None where unknown); empty when not
    # known for every cell.
    word_choices: TokenChoices = Field(default_factory=list)


class StepRow(BaseModel):
    """One step's row(s) of a procedure table, by column role."""

    no: int | None
    no_text: str
    table: int
    rows: list[int]
    fields: dict[str, CellRef] = Field(default_factory=dict)
    lanes: dict[int, CellRef] = Field(default_factory=dict, description="Actor column -> cell.")

    @property
    def is_empty(self) -> bool:
        return not self.no_text.strip() and not any(f.text.strip() for f in self.fields.values())


def parse_step_number(text: str) -> int | None:
    """'1', '1.', '(1)', 'l' (OCR) -> 1; anything else None."""
    candidate = text.strip().strip("().").translate(_DIGIT_LOOKALIKES).strip()
    return int(candidate) if re.fullmatch(r"\d{1,3}", candidate) else None


def _cells_over(cells: list[Cell], col: int, rows: range) -> list[Cell]:
    """Cells of a column that overlap the given rows (a merged Waktu cell serves both steps)."""
    return sorted(
        (c for c in cells
         if c.col <= col < c.col + c.col_span
         and c.row < rows.stop and rows.start < c.row + c.row_span),
        key=lambda c: c.row,
    )  # fmt: skip


def _ref(cells: list[Cell]) -> CellRef | None:
    if not cells:
        return None
    bbox = cells[0].bbox
    for cell in cells[1:]:
        bbox = bbox.union(cell.bbox)
    filled = [c for c in cells if c.text.strip()]
    known = all(len(c.word_confidences) == len(c.text.split()) for c in filled)
    chosen = all(len(c.word_choices) == len(c.text.split()) for c in filled)
    return CellRef(text="\n".join(c.text for c in filled), bbox=bbox,
                   confidence=min(c.confidence for c in cells),
                   word_confidences=[v for c in filled for v in c.word_confidences] if known else [],
                   word_choices=[v for c in filled for v in c.word_choices] if chosen else [])  # fmt: skip


def table_to_step_rows(table: Table, table_index: int) -> list[StepRow]:
    """Body rows grouped by the No column's cells (a step whose No cell spans two rows is one)."""
    body = [r.index for r in table.rows if not r.is_header]
    if not body:
        return []
    no_col = next((c.index for c in table.columns if c.role == "no"), 0)
    no_cells = [c for c in _cells_over(table.cells, no_col, range(body[0], body[-1] + 1))
                if c.row >= body[0]]  # fmt: skip
    steps = []
    for no_cell in no_cells:
        rows = range(no_cell.row, no_cell.row + no_cell.row_span)
        step = StepRow(no=parse_step_number(no_cell.text), no_text=no_cell.text,
                       table=table_index, rows=list(rows))  # fmt: skip
        for column in table.columns:
            ref = _ref(_cells_over(table.cells, column.index, rows))
            if ref is None or column.role in ("no", "unknown"):
                continue
            if column.role == "actor":
                step.lanes[column.index] = ref
            elif column.role not in step.fields:
                step.fields[column.role] = ref
        if not step.is_empty:
            steps.append(step)
    return steps
