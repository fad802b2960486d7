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
    head_mass_ratio: float = 1.0
    """A line end next to at least this many pen-plus-half discs of solid ink carries an arrowhead
    (a filled head holds two or three; a bare line end none)."""
    label_search_factor: float = 3.5
    """Exit labels are looked for within this many stroke-free text heights of a decision exit."""
    page_edge_tolerance_px: int = 6
    """A line ending this close to the table body's top/bottom leaves the page there."""
