"""Line wrapping and text block sizes with reportlab's font metrics (pure)."""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from corpus.generator.sheet import TextBlock
from models.geometry import BBox

LEADING = 1.18
MIN_SIZE = 4.5


def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of `text` no wider than `width` (a word longer than the width keeps its own line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(simpleSplit(paragraph, font, size, width) or [""])
    return tuple(lines)


def block_height(lines: tuple[str, ...], size: float) -> float:
    return len(lines) * size * LEADING


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def fit_text(
    text: str, font: str, size: float, box: BBox, pad: float, **options: bool
) -> TextBlock:
    """A TextBlock wrapping `text` inside `box` minus `pad` on every side."""
    inner = BBox(
        left=box.left + pad, top=box.top + pad, right=box.right - pad, bottom=box.bottom - pad
    )
    longest = max((text_width(word, font, 1.0) for word in text.split()), default=0.0)
    if longest * size > inner.width:  # a single word wider than the cell: print it smaller
        size = max(MIN_SIZE, inner.width / max(longest, 1e-6))
    lines = wrap(text, font, size, inner.width)
    align = "center" if options.get("center") else "left"
    return TextBlock(
        lines=lines,
        font=font,
        size=size,
        box=inner,
        align=align,
        middle=bool(options.get("middle")),
    )
