"""Text exports (lines in reading order, no geometry) -> SOP models."""

from ingest.text.parse import sops_from_text_pages

__all__ = ["sops_from_text_pages"]
