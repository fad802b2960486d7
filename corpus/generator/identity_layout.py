"""Lay out the identity block (page 1 of each SOP): logo + unit, key/value rows, the sections."""

from __future__ import annotations

from corpus.generator.content import SopDraft
from corpus.generator.sheet import CellRule, Emblem, SheetPage
from corpus.generator.style import Style
from corpus.generator.typeset import block_height, fit_text, wrap
from models.geometry import BBox

_SIGNATURE_GAP_LINES = 3  # blank lines left for the signature / QR code


def _numbered(items: list[str], style: Style) -> str:
    if not items:
        return style.empty_mark or "-"
    if len(items) == 1 and not style.numbered_single_items:
        return items[0]
    return "\n".join(f"{index}. {item}" for index, item in enumerate(items, start=1))


def _key(text: str, style: Style) -> str:
    return f"{text} :" if style.identity_colons else text


def _key_values(draft: SopDraft, style: Style) -> list[tuple[str, str]]:
    sop = draft.sop
    short = style.short_identity_keys
    signer = "\n".join(
        [sop.disahkan_oleh or "", *[""] * _SIGNATURE_GAP_LINES, draft.signer_name, draft.signer_nip]
    )
    return [
        ("No. SOP" if short else "Nomor SOP", sop.nomor or ""),
        ("Tgl. Pembuatan" if short else "Tanggal Pembuatan", sop.tanggal_pembuatan or ""),
        ("Tgl. Revisi" if short else "Tanggal Revisi", sop.tanggal_revisi or style.empty_mark),
        ("Tgl. Efektif" if short else "Tanggal Efektif", sop.tanggal_efektif or ""),
        ("Disahkan oleh", signer),
        ("Nama SOP", sop.nama or ""),
    ]


def _sections(draft: SopDraft, style: Style) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    sop = draft.sop
    return [
        (
            ("Dasar Hukum", _numbered(sop.dasar_hukum, style)),
            ("Kualifikasi Pelaksana", _numbered(sop.kualifikasi_pelaksana, style)),
        ),
        (
            ("Keterkaitan", _numbered(sop.keterkaitan, style)),
            ("Peralatan/Perlengkapan", _numbered(sop.peralatan_perlengkapan, style)),
        ),
        (
            ("Peringatan", sop.peringatan or style.empty_mark),
            ("Pencatatan dan Pendataan", sop.pencatatan_pendataan or style.empty_mark),
        ),
    ]


class _Cursor:
    """Adds bordered text cells to a page; rows grow to fit their tallest cell."""

    def __init__(self, page: SheetPage, style: Style, size: float) -> None:
        self.page, self.style, self.size = page, style, size

    def row_height(self, cells: list[tuple[str, float, bool]], minimum: float) -> float:
        pad = self.style.cell_pad
        heights = [
            block_height(wrap(text, self.font(bold), self.size, width - 2 * pad), self.size)
            for text, width, bold in cells
        ]
        return max(minimum, max(heights) + 2 * pad + 1)

    def font(self, bold: bool) -> str:
        return self.style.font_bold if bold else self.style.font

    def cell(self, text: str, box: BBox, bold: bool = False, shade: bool = False) -> None:
        fill = 0.9 if shade else None
        self.page.items.append(CellRule(box=box, width=self.style.rule_width, fill_gray=fill))
        if text:
            self.page.items.append(
                fit_text(text, self.font(bold), self.size, box, self.style.cell_pad)
            )


def _logo_cell(cursor: _Cursor, draft: SopDraft, box: BBox) -> None:
    cursor.page.items.append(CellRule(box=box, width=cursor.style.rule_width))
    side = min(56.0, box.height * 0.4)
    emblem = BBox(
        left=box.center_x - side / 2,
        top=box.top + 8,
        right=box.center_x + side / 2,
        bottom=box.top + 8 + side,
    )
    cursor.page.items.append(Emblem(box=emblem, width=cursor.style.rule_width))
    lines = (draft.regency, draft.org_name)
    text_box = BBox(left=box.left, top=emblem.bottom + 6, right=box.right, bottom=box.bottom)
    block = fit_text("\n".join(lines), cursor.style.font, cursor.size, text_box, 4, center=True)
    cursor.page.items.append(block)
    unit_top = block.box.top + block_height(block.lines, cursor.size) + 4
    unit_box = BBox(left=box.left, top=unit_top, right=box.right, bottom=box.bottom)
    unit = fit_text(
        draft.sop.unit or "", cursor.style.font_bold, cursor.size + 1, unit_box, 4, center=True
    )
    cursor.page.items.append(unit)


def _layout_at(draft: SopDraft, style: Style, size: float) -> tuple[SheetPage, float]:
    width, height = style.page_size
    page = SheetPage(width=width, height=height)
    cursor = _Cursor(page, style, size)
    left, right, top = style.margin, width - style.margin, style.margin
    split = left + (right - left) * 0.4
    key_right = split + (right - split) * 0.32
    y = top
    for key, value in _key_values(draft, style):
        cells = [
            (_key(key, style), key_right - split, False),
            (value, right - key_right, key == "Nama SOP"),
        ]
        row = cursor.row_height(cells, size * 2.2)
        cursor.cell(cells[0][0], BBox(left=split, top=y, right=key_right, bottom=y + row))
        cursor.cell(
            value, BBox(left=key_right, top=y, right=right, bottom=y + row), bold=key == "Nama SOP"
        )
        y += row
    _logo_cell(cursor, draft, BBox(left=left, top=top, right=split, bottom=y))
    middle = (left + right) / 2
    for pair in _sections(draft, style):
        label_row = cursor.row_height([(_key(pair[0][0], style), middle - left, True)], size * 2)
        content_row = cursor.row_height(
            [(text, middle - left, False) for _, text in pair], size * 2.4
        )
        for (label, text), (x0, x1) in zip(pair, ((left, middle), (middle, right)), strict=True):
            cursor.cell(
                _key(label, style),
                BBox(left=x0, top=y, right=x1, bottom=y + label_row),
                bold=True,
                shade=True,
            )
            cursor.cell(
                text, BBox(left=x0, top=y + label_row, right=x1, bottom=y + label_row + content_row)
            )
        y += label_row + content_row
    return page, y


def layout_identity(draft: SopDraft, style: Style) -> SheetPage:
    """The identity page; the font shrinks until the block fits above the bottom margin."""
    size = style.body_size + 0.5
    page, bottom = _layout_at(draft, style, size)
    while bottom > page.height - style.margin and size > 5:
        size -= 0.5
        page, bottom = _layout_at(draft, style, size)
    return page
