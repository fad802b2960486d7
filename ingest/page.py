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


class Word(BaseModel):
    """One word with its box (None for text exports) and confidence in 0..1."""

    text: str
    bbox: BBox | None = None
    confidence: float = 1.0
    line: int = Field(default=0, description="Index of the text line the word belongs to.")


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


class Symbol(BaseModel):
    """A flowchart symbol found on the page."""

    shape: SymbolShape
    bbox: BBox
    text: str | None = None
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
    symbols: list[Symbol] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)
