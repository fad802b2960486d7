"""Lay out the procedure table of one SOP over one or more pages (pure).

Columns and header (merged cells, two-level actors, number row), body rows sized to their text
and symbols, pagination that keeps loops and merged Waktu cells on one page, and the page breaks
that get off-page connectors.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from corpus.generator.content import SopDraft
from corpus.generator.sheet import CellRule, SheetPage, TextBlock
from corpus.generator.style import Style
from corpus.generator.typeset import block_height, fit_text, text_width, wrap
from models.geometry import BBox
from models.sop import Step

MUTU_ROLES = ("kelengkapan", "waktu", "output")


class Column(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: str  # no, kegiatan, lane:<index>, kelengkapan, waktu, output, keterangan
    left: float
    right: float


class HeaderCell(BaseModel):
    """A header cell spanning leaf columns first..last and header levels top..bottom."""

    model_config = ConfigDict(frozen=True)

    text: str
    first: int
    last: int
    top: int
    bottom: int


def mutu_order(style: Style) -> tuple[str, ...]:
    return ("kelengkapan", "output", "waktu") if style.output_before_waktu else MUTU_ROLES


def table_columns(draft: SopDraft, style: Style) -> list[Column]:
    width, _ = style.page_size
    left, right = style.margin, width - style.margin
    pad = style.cell_pad
    no_width = text_width(style.words.no, style.font_bold, style.header_size) + 2 * pad + 6
    waktu_width = text_width("sesuai jadwal", style.font, style.body_size) + 2 * pad + 2
    lanes = len(draft.sop.actors)
    lane_width = min(style.lane_width, (right - left - no_width - waktu_width - 340) / lanes)
    rest = right - left - no_width - waktu_width - lanes * lane_width
    widths = {
        "no": no_width,
        "kegiatan": rest * 0.38,
        "kelengkapan": rest * 0.22,
        "waktu": waktu_width,
        "output": rest * 0.24,
        "keterangan": rest * 0.16,
    }
    roles = [
        "no",
        "kegiatan",
        *[f"lane:{i}" for i in range(lanes)],
        *mutu_order(style),
        "keterangan",
    ]
    columns, x = [], left
    for role in roles:
        step = lane_width if role.startswith("lane:") else widths[role]
        columns.append(Column(role=role, left=x, right=x + step))
        x += step
    return columns


def header_cells(
    draft: SopDraft, style: Style, columns: list[Column]
) -> tuple[list[HeaderCell], int]:
    """The merged header cells and the number of header levels (2, or 3 with actor groups)."""
    words = style.words
    index = {column.role: i for i, column in enumerate(columns)}
    lanes = len(draft.sop.actors)
    levels = 3 if draft.actor_groups else 2
    last = levels - 1
    mutu = [index[role] for role in MUTU_ROLES]
    cells = [
        HeaderCell(text=words.no, first=0, last=0, top=0, bottom=last),
        HeaderCell(text=words.kegiatan, first=1, last=1, top=0, bottom=last),
        HeaderCell(text=words.pelaksana, first=2, last=1 + lanes, top=0, bottom=0),
        HeaderCell(text=words.mutu_baku, first=min(mutu), last=max(mutu), top=0, bottom=0),
        HeaderCell(
            text=words.keterangan,
            first=index["keterangan"],
            last=index["keterangan"],
            top=0,
            bottom=last,
        ),
    ]
    for role in MUTU_ROLES:
        cells.append(
            HeaderCell(
                text=getattr(words, role), first=index[role], last=index[role], top=1, bottom=last
            )
        )
    grouped: dict[int, int] = {}
    for group in draft.actor_groups:
        cells.append(
            HeaderCell(
                text=group.label, first=2 + group.first, last=2 + group.last, top=1, bottom=1
            )
        )
        grouped.update({lane: 2 for lane in range(group.first, group.last + 1)})
    for lane, actor in enumerate(draft.sop.actors):
        top = grouped.get(lane, 1)
        cells.append(
            HeaderCell(text=actor.label, first=2 + lane, last=2 + lane, top=top, bottom=last)
        )
    return cells, levels


def _needed(cell: HeaderCell, columns: list[Column], style: Style) -> float:
    width = columns[cell.last].right - columns[cell.first].left - 2 * style.cell_pad
    lines = wrap(cell.text, style.font_bold, style.header_size, width)
    return block_height(lines, style.header_size) + 2 * style.cell_pad + 2


def level_heights(
    cells: list[HeaderCell], levels: int, columns: list[Column], style: Style
) -> list[float]:
    heights = [style.header_size * 2.0] * levels
    for cell in sorted(cells, key=lambda c: c.bottom - c.top):
        have = sum(heights[cell.top : cell.bottom + 1])
        heights[cell.bottom] += max(0.0, _needed(cell, columns, style) - have)
    return heights


def draw_header(
    page: SheetPage, top: float, draft: SopDraft, style: Style, columns: list[Column]
) -> float:
    """Header cells (and the column-number row) from `top`; returns the y below them."""
    cells, levels = header_cells(draft, style, columns)
    heights = level_heights(cells, levels, columns, style)
    offsets = [top + sum(heights[:level]) for level in range(levels + 1)]
    for cell in cells:
        box = BBox(
            left=columns[cell.first].left,
            top=offsets[cell.top],
            right=columns[cell.last].right,
            bottom=offsets[cell.bottom + 1],
        )
        page.items.append(
            CellRule(box=box, width=style.rule_width, fill_gray=0.92 if style.number_row else None)
        )
        page.items.append(
            fit_text(
                cell.text,
                style.font_bold,
                style.header_size,
                box,
                style.cell_pad,
                center=True,
                middle=True,
            )
        )
    bottom = offsets[-1]
    if style.number_row:
        row = style.body_size * 1.9
        for number, column in enumerate(columns, start=1):
            box = BBox(left=column.left, top=bottom, right=column.right, bottom=bottom + row)
            text = f"({number})" if style.number_row_parens else str(number)
            page.items.append(CellRule(box=box, width=style.rule_width))
            page.items.append(
                fit_text(
                    text, style.font, style.body_size - 0.5, box, 1.5, center=True, middle=True
                )
            )
        bottom += row
    return bottom


def cell_texts(step: Step, style: Style) -> dict[str, str]:
    empty = style.empty_mark
    return {
        "no": str(step.no),
        "kegiatan": step.kegiatan or "",
        "kelengkapan": step.kelengkapan or empty,
        "waktu": step.waktu.text if step.waktu else empty,
        "output": step.output or empty,
        "keterangan": step.keterangan or "",
    }


def text_height(step: Step, style: Style, columns: list[Column]) -> float:
    texts = cell_texts(step, style)
    heights = [
        block_height(
            wrap(texts[c.role], style.font, style.body_size, c.right - c.left - 2 * style.cell_pad),
            style.body_size,
        )
        for c in columns
        if c.role in texts
    ]
    return max(heights) + 2 * style.cell_pad + 2


def draw_row_cells(
    page: SheetPage,
    step: Step,
    top: float,
    bottom: float,
    merged_bottom: float | None,
    skip_waktu: bool,
    style: Style,
    columns: list[Column],
    key: str,
) -> None:
    """The bordered cells of one body row; a merged Waktu cell reaches down to `merged_bottom`."""
    texts = cell_texts(step, style)
    for column in columns:
        if column.role == "waktu" and skip_waktu:
            continue
        low = merged_bottom if column.role == "waktu" and merged_bottom else bottom
        box = BBox(left=column.left, top=top, right=column.right, bottom=low)
        page.items.append(CellRule(box=box, width=style.rule_width))
        page.cells[f"{key}:{step.no}:{column.role}"] = box
        text = texts.get(column.role)
        if text:
            centred = column.role in ("no", "waktu")
            page.items.append(
                fit_text(
                    text,
                    style.font,
                    style.body_size,
                    box,
                    style.cell_pad,
                    center=centred,
                    middle=style.middle_align or centred,
                )
            )


def title_block(draft: SopDraft, style: Style, top: float) -> TextBlock | None:
    nama = draft.sop.nama or ""
    if style.table_title == "none":
        return None
    text = f"Prosedur {nama}" if style.table_title == "prosedur" else f"SOP {nama.upper()}"
    width, _ = style.page_size
    size = style.header_size + 2
    box = BBox(left=style.margin, top=top, right=width - style.margin, bottom=top + size * 1.4)
    return TextBlock(lines=(text,), font=style.font_bold, size=size, box=box, align="center")
