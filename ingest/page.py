"""The internal, mutable object that travels through the pipeline: one `Page` per source page.

Each step fills one slot. Internal geometry lives here; public output lives in `models/`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from models.geometry import BBox
from models.sop import SymbolShape

Orientation = Literal["horizontal", "vertical"]
ColumnRole = Literal[
    "no", "kegiatan", "actor", "kelengkapan", "waktu", "output", "keterangan", "unknown"
]  # fmt: skip


# Per character of a word: the characters Tesseract's LSTM weighed there, best first, each with
# its confidence in 0..1 (`lstm_choice_mode=2`).
CharChoices = list[tuple[str, float]]
# Per whitespace token of a text: its characters' alternatives, or None where not known.
TokenChoices = list[list[CharChoices] | None]


class Word(BaseModel):
    """One word with its box (None for text exports) and confidence in 0..1."""

    text: str
    bbox: BBox | None = None
    confidence: float = 1.0
    line: int = Field(default=0, description="Index of the text line the word belongs to.")
    choices: list[CharChoices] | None = Field(
        default=None,
        description="Per character of text, the OCR's alternatives (None when not known).",
    )


class Ruling(BaseModel):
    """A straight table line. `position` is y for horizontal, x for vertical rulings."""

    orientation: Orientation
    position: float
    start: float
    end: float
    thickness: float = 1.0


class Cell(BaseModel):
    """A grid cell, possibly spanning rows/columns; `text` is filled by the OCR/words step."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    bbox: BBox
    text: str = ""
    confidence: float = 1.0
    word_confidences: list[float] = Field(
        default_factory=list,
        description="OCR confidence of each whitespace token of text; empty when not known.",
    )
    word_choices: TokenChoices = Field(
        default_factory=list,
        description="OCR character alternatives of each whitespace token; empty when not known.",
    )


class TableColumn(BaseModel):
    """A column of a procedure table and what it means (decided from its header text)."""

    index: int
    left: float
    right: float
    role: ColumnRole = "unknown"
    label: str = Field(default="", description="Header text; the actor's label for actor lanes.")


class TableRow(BaseModel):
    """A row band of a procedure table."""

    index: int
    top: float
    bottom: float
    is_header: bool = False


class Table(BaseModel):
    """One procedure (or identity) table on a page: grid, cells and column meanings."""

    kind: Literal["procedure", "identity"] = "procedure"
    bbox: BBox
    columns: list[TableColumn] = Field(default_factory=list)
    rows: list[TableRow] = Field(default_factory=list)
    cells: list[Cell] = Field(default_factory=list)


class Symbol(BaseModel):
    """A flowchart symbol found on the page, placed in a table row (step) and column (lane)."""

    shape: SymbolShape
    bbox: BBox
    text: str | None = None
    confidence: float = 1.0
    table: int | None = Field(default=None, description="Index into Page.tables.")
    row: int | None = Field(default=None, description="TableRow.index holding the symbol.")
    col: int | None = Field(default=None, description="TableColumn.index (actor lane).")


class Edge(BaseModel):
    """A flowchart arrow from one symbol to another (indices into Page.symbols)."""

    source: int
    target: int
    label: str | None = Field(default=None, description="Exit label as printed (Ya, Tidak, T...).")
    confidence: float = 1.0


class LooseEnd(BaseModel):
    """A flowchart line between a symbol and the top or bottom of the table body: it goes on on
    another page (the table continues there)."""

    symbol: int = Field(
        description="Index into Page.symbols of the symbol at the line's other end."
    )
    direction: Literal["out", "in"] = Field(description="out: leaves the symbol; in: points at it.")
    side: Literal["top", "bottom"]
    x: float
    col: int | None = Field(default=None, description="TableColumn.index of the lane it runs in.")
    confidence: float = 1.0


class Page(BaseModel):
    """One source page on its way through the steps."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    number: int = Field(description="1-based page number in the source file.")
    source: str
    image: np.ndarray | None = Field(default=None, exclude=True, repr=False)
    has_text_layer: bool = False
    lines: list[str] = Field(default_factory=list, description="Text in reading order (exports).")
    words: list[Word] = Field(default_factory=list)
    rulings: list[Ruling] = Field(default_factory=list)
    cells: list[Cell] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    symbols: list[Symbol] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    loose_ends: list[LooseEnd] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)
