"""Reader for photos and scans (JPG/PNG/TIFF...): one Page per frame, dimensions checked first.

The size is read from the file header before any pixel is decoded, so a decompression bomb (a
small file that decodes to gigapixels) is refused without allocating it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ingest.errors import InputTooLargeError, UnreadableInputError
from ingest.page import Page
from ingest.settings import ImageSettings

_MAX_FRAMES = 50


def check_dimensions(path: Path, width: int, height: int, settings: ImageSettings) -> None:
    if width * height > settings.max_pixels:
        raise InputTooLargeError(
            f"{path}: the image is too large ({width}x{height} pixels, limit "
            f"{settings.max_pixels:,}; a decompression bomb or an extreme scan); scale it down to "
            "about 300 dpi."
        )
    if min(width, height) < settings.min_side:
        raise UnreadableInputError(
            f"{path}: {width}x{height} pixels is too small to hold a readable SOP table; "
            f"scan or photograph the page at a higher resolution (at least {settings.min_side} "
            "pixels on the short side)."
        )


def _frame_to_gray(frame: Image.Image) -> np.ndarray:
    """Grey is all the steps use (sheet, rulings, OCR); a JPEG decoded as luminance only skips
    chroma upsampling and colour conversion (measured 39 ms -> 5 ms for a 2.7 Mpx photo)."""
    if frame.format == "JPEG":
        frame.draft("L", frame.size)
    return np.ascontiguousarray(ImageOps.exif_transpose(frame).convert("L"))


def read_image(path: Path, settings: ImageSettings) -> list[Page]:
    """Each frame as a grey Page image; rectification happens in the page steps."""
    if path.stat().st_size == 0:
        raise UnreadableInputError(f"{path}: the file is empty; scan or export the page again.")
    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                check_dimensions(path, image.width, image.height, settings)
                frames = [_frame_to_gray(f) for f in ImageSequence.Iterator(image)][:_MAX_FRAMES]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InputTooLargeError(
            f"{path}: the image is too large to decode safely ({error}); scale it down to about "
            "300 dpi."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UnreadableInputError(
            f"{path}: not a readable image ({type(error).__name__}); re-save it as JPG or PNG."
        ) from error
    return [Page(number=i + 1, source=str(path), image=frame) for i, frame in enumerate(frames)]
