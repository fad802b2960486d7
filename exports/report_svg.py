"""Inline SVG charts for the archive report: no script, no external asset, readable offline."""

from __future__ import annotations

from html import escape

_BAR = "#2f6f9f"
_AXIS = "#555"


def histogram_svg(labels: list[str], counts: list[int], *, title: str) -> str:
    """Vertical bars, one per label (score bins)."""
    width, height, left, bottom, top = 640, 260, 40, 40, 20
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(counts, default=0) or 1
    slot = plot_w / max(len(counts), 1)
    parts = [_frame(width, height, title)]
    for index, (label, count) in enumerate(zip(labels, counts, strict=True)):
        bar_h = plot_h * count / peak
        x = left + index * slot
        y = top + plot_h - bar_h
        parts.append(
            f'<rect x="{x + 3:.1f}" y="{y:.1f}" width="{slot - 6:.1f}" height="{bar_h:.1f}" fill="{_BAR}"><title>{escape(label)}: {count}</title></rect>'
        )
        if count:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">{count}</text>'
            )
        parts.append(
            f'<text x="{x + slot / 2:.1f}" y="{top + plot_h + 16:.1f}" text-anchor="middle" font-size="11">{escape(label)}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="{_AXIS}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)  # fmt: skip


def bar_chart_svg(items: list[tuple[str, int]], *, title: str) -> str:
    """Horizontal bars, one per (label, count), in the given order."""
    row_h, label_w, width, top = 22, 260, 640, 10
    height = top + row_h * max(len(items), 1) + 10
    peak = max((count for _, count in items), default=0) or 1
    plot_w = width - label_w - 50
    parts = [_frame(width, height, title)]
    if not items:
        parts.append(f'<text x="10" y="{top + 15}" font-size="12">Tidak ada temuan.</text>')
    for index, (label, count) in enumerate(items):
        y = top + index * row_h
        bar_w = plot_w * count / peak
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="11">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w:.1f}" height="{row_h - 6}" fill="{_BAR}"><title>{escape(label)}: {count}</title></rect>'
        )
        parts.append(
            f'<text x="{label_w + bar_w + 4:.1f}" y="{y + 15}" font-size="11">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)  # fmt: skip


def _frame(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif"><title>{escape(title)}</title>'
    )
