"""Drawing primitives of a laid-out page (points, y down from the top edge): pure data.

The layout fills these; `render.py` draws them with reportlab. Keeping them apart lets the
gold (symbol boxes, off-page connectors) and the tests read exactly what is drawn.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.geometry import BBox
from models.sop import SymbolShape


class Point(BaseModel):
    model_config = ConfigDict(frozen=True)

    x: float
    y: float


class TextBlock(BaseModel):
    """Wrapped lines inside `box`."""

    model_config = ConfigDict(frozen=True)

    lines: tuple[str, ...]
    font: str
    size: float
    box: BBox
    align: Literal["left", "center"] = "left"
    middle: bool = False  # centre vertically instead of top-aligning

    @property
    def leading(self) -> float:
        return self.size * 1.18


class CellRule(BaseModel):
    """A bordered table cell (its four sides are drawn)."""

    model_config = ConfigDict(frozen=True)

    box: BBox
    width: float
    fill_gray: float | None = None  # header shading, 1.0 = white


class FlowLine(BaseModel):
    """A connector polyline of the flowchart; `arrow` puts an arrowhead on its last point."""

    model_config = ConfigDict(frozen=True)

    points: tuple[Point, ...]
    width: float
    arrow: bool = True
    arrow_size: float = 4.0


class FlowSymbol(BaseModel):
    """A flowchart symbol placed in the row of step `step_no`, in the lane of `actor`."""

    model_config = ConfigDict(frozen=True)

    shape: SymbolShape
    box: BBox
    width: float
    step_no: int
    actor: str
    text: str | None = None
    font: str = "Helvetica"
    size: float = 5.5


class Emblem(BaseModel):
    """The logo placeholder of the identity block: a shield outline."""

    model_config = ConfigDict(frozen=True)

    box: BBox
    width: float


Item = TextBlock | CellRule | FlowLine | FlowSymbol | Emblem


class SheetPage(BaseModel):
    """One page: its size and everything drawn on it, plus where each step's cells are."""

    width: float
    height: float
    items: list[Item] = Field(default_factory=list)
    cells: dict[str, BBox] = Field(
        default_factory=dict, description="'<sop index>:<step no>:<role>' -> cell box (for tests)."
    )

    def symbols(self) -> list[FlowSymbol]:
        return [item for item in self.items if isinstance(item, FlowSymbol)]
