"""Named defaults of the flowchart reader. Sizes are fractions of the page or of a cell so that the
same settings work for a 150-dpi phone scan and a 200-dpi PDF rendering."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class FlowchartSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_symbol_px: int = 10
    """A closed region narrower or lower than this (pixels) is a glyph hole, not a symbol."""
    min_symbol_fraction_of_lane: float = 0.12
    """A symbol is at least this wide relative to its lane (connector circles are the smallest)."""
    max_symbol_overflow: float = 0.25
    """How far (fraction of its own height) a symbol may stick out of its row band."""
    min_shape_fit: float = 0.55
    """Below this template agreement a closed region is not taken as a symbol."""
    ruling_min_fraction: float = 0.6
    """A straight run at least this fraction of the lane region's width/height is a ruling."""
    head_flare_px: float = 1.0
    """A line end whose ink flares past the line on both sides by at least this much (pixels of
    width summed along the head's length, one pixel of slack per side) carries an arrowhead.
    Measured on the train split: heads on 1-2 px lines 1-15, bare ends 0; heads of 3 pt on lines
    of 1.4 pt barely flare at 150 dpi (0-2), where labels and the table's order decide."""
    head_flare_share: float = 0.4
    """With several ends on one line, a head also flares at least this share of the widest."""
    label_search_factor: float = 3.5
    """Exit labels are looked for within this many stroke-free text heights of a decision exit."""
    page_edge_tolerance_px: int = 6
    """A line ending this close to the table body's top/bottom leaves the page there."""
    ocr_exit_labels: bool = True
    """On pages without text in the actor lanes (scans), OCR the labels around each diamond."""
