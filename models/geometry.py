"""Geometry with named fields: every box in the project is a `BBox`, never a bare tuple."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class BBox(BaseModel):
    """An axis-aligned box in page coordinates (pixels for images, points for PDFs), y down."""

    model_config = ConfigDict(frozen=True)

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def area(self) -> float:
        return max(self.width, 0.0) * max(self.height, 0.0)

    def union(self, other: BBox) -> BBox:
        return BBox(
            left=min(self.left, other.left),
            top=min(self.top, other.top),
            right=max(self.right, other.right),
            bottom=max(self.bottom, other.bottom),
        )

    def intersection_area(self, other: BBox) -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0.0) * max(height, 0.0)

    def contains_point(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def scaled(self, factor: float) -> BBox:
        return BBox(
            left=self.left * factor,
            top=self.top * factor,
            right=self.right * factor,
            bottom=self.bottom * factor,
        )
