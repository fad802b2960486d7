"""Project errors. Each message says what went wrong and what the user can do about it."""

from __future__ import annotations


class SopError(Exception):
    """Base class: a problem with one input file that stops its ingestion."""


class UnsupportedInputError(SopError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"{path}: {detail}. Supported inputs: text exports (.txt), PDFs (.pdf) and "
            "images (.jpg, .jpeg, .png, .tif, .tiff)."
        )


class UnreadableInputError(SopError):
    """The file exists but cannot be decoded (corrupt, encrypted, wrong encoding, empty)."""


class NotAnSopError(SopError):
    """The file was read but holds nothing that looks like an SOP."""


class InputTooLargeError(SopError):
    """The file would take more memory than allowed (e.g. an image decompression bomb)."""


class ToolMissingError(SopError):
    """An external program (tesseract) is not installed."""
