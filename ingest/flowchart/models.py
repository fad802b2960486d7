"""What the flowchart reader hands to the table-to-SOP step: per-step flow facts with confidences."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ingest.page import Symbol
from models.sop import StepKind, Transition


class StepRowRef(BaseModel):
    """Where a numbered step sits: page number, table index on that page, row index in the table."""

    model_config = ConfigDict(frozen=True)

    no: int
    page: int = Field(description="Page.number of the page holding the row.")
    table: int = Field(description="Index into Page.tables.")
    row: int = Field(description="TableRow.index of the step's row.")


class StepFlow(BaseModel):
    """The flowchart facts of one step, read from the drawing."""

    pelaksana: list[int] = Field(
        default_factory=list,
        description="TableColumn.index of the lanes holding the step's symbols.",
    )
    kind: StepKind = "process"
    next: list[Transition] = Field(default_factory=list)
    symbols: list[Symbol] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    problems: list[str] = Field(default_factory=list)
