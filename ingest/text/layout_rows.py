"""Rows of `pdftotext -layout` style exports: columns found from the header's positions."""

from __future__ import annotations

from ingest.text.header import Header
from ingest.text.lines import TextLine
from ingest.text.rows import RawRow


def layout_rows(lines: list[TextLine], header: Header) -> list[RawRow]:
    return []
