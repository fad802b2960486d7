"""OCR engines behind one engine-neutral interface: an image in, `Word`s in image pixels out.

`make_engine(settings)` picks tesserocr (in-process, ~5 ms per cell) where it is installed and
falls back on pytesseract (one tesseract process per call, the client's original choice).
"""

from ingest.ocr.base import OcrEngine, engine_status, make_engine

__all__ = ["OcrEngine", "engine_status", "make_engine"]
