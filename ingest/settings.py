"""Frozen settings, one model per step, with named defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ingest.flowchart.settings import FlowchartSettings


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextExportSettings(_Settings):
    max_bytes: int = 20_000_000
    """A text export larger than this is refused (archives hold pages, not books)."""


class PdfSettings(_Settings):
    render_dpi: int = 150
    """Pages with a text layer are rendered at this dpi only to find rulings and symbols."""
    scan_dpi: int = 200
    """Image-only pages (CamScanner PDFs) are rendered at this dpi for OCR."""
    min_text_layer_chars: int = 40
    """A page whose text layer holds fewer characters is treated as a scan."""
    max_pages: int = 300


class ImageSettings(_Settings):
    max_pixels: int = 60_000_000
    """Bigger images are refused before decoding (decompression bombs; a 600 dpi A3 is ~35 Mpx)."""
    min_side: int = 400
    """An image whose shorter side is below this holds no readable A4 table."""


class CleanupSettings(_Settings):
    sheet_long_side: int = 2400
    """Rectified scans are resized to this long side (about 200 dpi for A4): OCR-sized text."""
    min_sheet_area: float = 0.2
    """A sheet outline must cover this share of the photo, else the photo is the sheet."""
    sheet_edge_search: float = 0.02
    """The rough sheet outline is sharpened by searching this share of the long side either side
    of each edge for the paper-to-desk step (shadowed hard scans: corners off by ~20 px)."""
    max_deskew_degrees: float = 8.0
    min_frame_area: float = 0.15
    """Without a sheet outline, a table frame covering this share of the photo sets the
    perspective."""
    max_frame_corner_degrees: float = 1.0
    """A frame whose corners are off 90 degrees by more than this is warped square (less is left
    to deskew: a flat scan is never resampled for nothing)."""
    frame_margin: float = 0.12
    """Page kept around a warped table frame, as a share of the table's width and height."""
    background_kernel_fraction: float = 0.04
    """Shadow removal: background is estimated with a closing this share of the long side."""


class OcrSettings(_Settings):
    engine: Literal["auto", "tesserocr", "pytesseract"] = "auto"
    lang: str = "ind"
    cell_psm: int = 6
    """PSM 6 (one uniform block) per cell: a whole-page pass drops isolated row numbers."""
    thresholding_method: int = 2
    """Tesseract's binarisation: 2 = Sauvola (local). Global Otsu (0) dropped whole lines of
    unevenly lit phone-scan cells."""
    line_psm: int = 7
    """PSM 7 (one text line): tried when PSM 6 leaves part of a cell's ink unread."""
    upright_confidence: float = 0.8
    """Mean word confidence above which sample cells count as upright without reading them
    turned by 180 degrees too (upside-down text reads well below 0.6)."""
    upright_header_confidence: float = 0.6
    """A page whose header (or identity block) matches the SOP wordings with at least this mean
    word confidence is upright and is not read turned by 180 degrees."""
    min_coverage: float = 0.8
    """Share of a cell's ink columns the PSM 6 words must cover to be taken without a retry."""
    timeout_seconds: float = 30.0
    cell_margin_px: int = 4
    """Pixels cut from each cell side so rulings are not read as '|'."""
    upscale: float = 1.0
    """Cell crops are enlarged by this factor before OCR (small phone-scan text)."""
    min_ink_share: float = 0.002
    """A cell with less ink than this share of its area is empty and not OCRed."""
    character_choices: bool = True
    """Keep Tesseract's alternatives for each character (tesserocr engine): the corrector's
    review weighs them. Same text either way; reading them costs ~0.3 ms a cell."""


class TableSettings(_Settings):
    min_segment_fraction: float = 0.02
    """Line-finding kernels are this share of the page side: longer than letters."""
    seed_fraction: float = 0.3
    """Horizontal segments at least this share of the page width seed a table frame."""
    join_gap_fraction: float = 0.006
    """Collinear pieces closer than this share of the page side are one ruling."""
    end_tolerance_fraction: float = 0.008
    """A ruling 'ends on' a perpendicular one within this share of the page side."""
    header_match_score: float = 75.0
    """rapidfuzz score (0..100) above which a header text names a column role."""


class PipelineSettings(_Settings):
    text_export: TextExportSettings = TextExportSettings()
    pdf: PdfSettings = PdfSettings()
    image: ImageSettings = ImageSettings()
    cleanup: CleanupSettings = CleanupSettings()
    ocr: OcrSettings = OcrSettings()
    table: TableSettings = TableSettings()
    flowchart: FlowchartSettings = FlowchartSettings()
