"""Fuzzy correction of garbled Indonesian OCR text, field-aware and traceable."""

from ingest.correct.api import CorrectedText, Corrector, FieldKind

__all__ = ["CorrectedText", "Corrector", "FieldKind"]
