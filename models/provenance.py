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


class Doubt(BaseModel):
    """A word left as printed that no lexicon knows: the corrector could not settle it, so a
    person should read it against the source (its best reading, when it had one, is given)."""

    raw: str
    suggestion: str | None = Field(
        default=None, description="The corrector's best reading, too unsure to print."
    )
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="The learned review's probability for it."
    )


class Provenance(BaseModel):
    """Traceability of one extracted value."""

    raw: str | None = Field(default=None, description="Text as extracted, before any cleaning.")
    page: int | None = Field(default=None, description="1-based page number in the source file.")
    bbox: BBox | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    corrections: list[Correction] = Field(default_factory=list)
    doubts: list[Doubt] = Field(
        default_factory=list, description="Unknown words left as printed: read them first."
    )
