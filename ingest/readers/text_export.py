"""Reader for text exports (pdftotext, plain or -layout, or OCR text): bytes -> Pages of lines."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import UnreadableInputError
from ingest.page import Page
from ingest.settings import TextExportSettings

# A share of control characters above this means binary data, not text.
_MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes, *, source: str) -> str:
    """Decode a text export: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if not data.strip():
        raise UnreadableInputError(f"{source}: the file is empty; export the document again.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    replaced = text.count("\ufffd")
    if (controls + replaced) / len(text) > _MAX_CONTROL_SHARE:
        raise UnreadableInputError(
            f"{source}: this is not readable text (binary data or an unknown encoding); "
            "pass the original PDF or image instead, or re-export it as UTF-8 text."
        )
    return text


def read_text_export(path: Path, settings: TextExportSettings) -> list[Page]:
    """One Page per form feed (pdftotext's page break), lines kept as printed."""
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise UnreadableInputError(
            f"{path}: {size} bytes is too large for a text export (limit {settings.max_bytes})."
        )
    text = decode_text(path.read_bytes(), source=str(path))
    chunks = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    return [
        Page(number=index, source=str(path), lines=chunk.split("\n"))
        for index, chunk in enumerate(chunks, start=1)
        if chunk.strip() or index == 1
    ]
