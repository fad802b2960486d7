"""Where a value came from: page, box, raw text before cleaning, confidence, and every correction."""

from __future__ import annotations

from pydantic import BaseModel, Field

from models.geometry import BBox


class Correction(BaseModel):
    """One change the pipeline made to extracted text; kept so a reviewer can undo it."""

    raw: str
    corrected: str
    score: float = Field(ge=0.0, le=1.0, description="How sure the corrector was (1 = certain).")
    rule: str = Field(description="Which rule made the change, e.g. 'lexicon', 'waktu_grammar'.")


class Provenance(BaseModel):
    """Traceability of one extracted value."""

    raw: str | None = Field(default=None, description="Text as extracted, before any cleaning.")
    page: int | None = Field(default=None, description="1-based page number in the source file.")
    bbox: BBox | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    corrections: list[Correction] = Field(default_factory=list)
