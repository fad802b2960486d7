"""How a document is printed: page, fonts, sizes, line widths, header wordings, column order.

Drawn from the seed independently of the content, so the same SOP can be re-styled.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Page sizes in points, landscape (width > height). F4 (folio) is 215 x 330 mm.
PAGE_SIZES = {"A4": (841.89, 595.28), "F4": (935.43, 609.45)}

_TTF_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
# (regular, bold): reportlab built-ins and TTFs from the fonts-dejavu-core / fonts-liberation
# packages (Makefile APT_PACKAGES). A missing TTF falls back to Helvetica so the rest of the
# style stays the same from the seed on any machine.
FONT_FAMILIES: tuple[tuple[str, str], ...] = (
    ("Helvetica", "Helvetica-Bold"),
    ("Times-Roman", "Times-Bold"),
    ("Courier", "Courier-Bold"),
    ("DejaVuSans", "DejaVuSans-Bold"),
    ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold"),
    ("DejaVuSerif", "DejaVuSerif-Bold"),
    ("LiberationSans-Regular", "LiberationSans-Bold"),
    ("LiberationSerif-Regular", "LiberationSerif-Bold"),
    ("LiberationSansNarrow-Regular", "LiberationSansNarrow-Bold"),
)
_BUILT_IN = {"Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Bold", "Courier", "Courier-Bold"}


def font_available(name: str) -> bool:
    """Register a TTF font with reportlab on first use; False when its file is not installed."""
    if name in _BUILT_IN or name in pdfmetrics.getRegisteredFontNames():
        return True
    for folder in _TTF_DIRS:
        path = folder / f"{name}.ttf"
        if path.exists():
            pdfmetrics.registerFont(TTFont(name, str(path)))
            return True
    return False


def usable_family(regular: str, bold: str) -> tuple[str, str]:
    if font_available(regular) and font_available(bold):
        return regular, bold
    return "Helvetica", "Helvetica-Bold"


class HeaderWords(BaseModel):
    """The header wordings of the procedure table (DOMAIN.md variants)."""

    model_config = ConfigDict(frozen=True)

    no: str = "No"
    kegiatan: str = "Kegiatan"
    pelaksana: str = "Pelaksana"
    mutu_baku: str = "Mutu Baku"
    kelengkapan: str = "Kelengkapan"
    waktu: str = "Waktu"
    output: str = "Output"
    keterangan: str = "Keterangan"


class Style(BaseModel):
    """Every printing choice of one document; `choose_style` draws one from a seed."""

    model_config = ConfigDict(frozen=True)

    page: Literal["A4", "F4"] = "A4"
    font: str = "Helvetica"
    font_bold: str = "Helvetica-Bold"
    body_size: float = 8.0
    header_size: float = 8.5
    rule_width: float = 0.8
    flow_width: float = 0.9
    margin: float = 36.0
    cell_pad: float = 3.0
    lane_width: float = 54.0
    symbol_height: float = 15.0
    symbol_width_fraction: float = 0.66
    arrow_size: float = 4.0
    words: HeaderWords = HeaderWords()
    output_before_waktu: bool = False
    number_row: bool = False
    number_row_parens: bool = True
    empty_mark: str = "-"
    middle_align: bool = False
    side_exits: bool = True  # process arrows leave from the symbol's side, else from its bottom
    table_title: Literal["none", "prosedur", "sop"] = "prosedur"
    identity_colons: bool = False
    short_identity_keys: bool = False  # "Tgl. Pembuatan" instead of "Tanggal Pembuatan"
    numbered_single_items: bool = True  # "1. X" even when a list holds one item

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]


def _header_words(rng: random.Random) -> HeaderWords:
    return HeaderWords(
        no=rng.choice(["No", "No.", "NO"]),
        kegiatan=rng.choice(
            ["Kegiatan", "Kegiatan", "Aktivitas", "Uraian Kegiatan", "Uraian Prosedur"]
        ),
        pelaksana=rng.choice(["Pelaksana", "Pelaksana", "PELAKSANA"]),
        mutu_baku=rng.choice(["Mutu Baku"] * 5 + ["Mutu Buku"]),
        kelengkapan=rng.choice(
            ["Kelengkapan", "Kelengkapan", "Persyaratan/ Kelengkapan", "Persyaratan/ Perlengkapan"]
        ),
        waktu=rng.choice(["Waktu", "Waktu", "Waktu Penyelesaian"]),
        output=rng.choice(["Output", "Output", "Hasil"]),
        keterangan=rng.choice(["Keterangan", "Keterangan", "Ket.", "Ket"]),
    )


def choose_style(seed: int) -> Style:
    rng = random.Random(f"sop-style-{seed}")
    font, font_bold = usable_family(*rng.choice(FONT_FAMILIES))
    body = rng.choice([7.0, 7.5, 8.0, 8.5, 9.0])
    return Style(
        page=rng.choice(["A4", "A4", "F4"]),
        font=font,
        font_bold=font_bold,
        body_size=body,
        header_size=body + rng.choice([0.0, 0.5, 1.0]),
        rule_width=rng.choice([0.4, 0.6, 0.8, 1.0, 1.2]),
        flow_width=rng.choice([0.5, 0.7, 0.9, 1.1, 1.4]),
        margin=rng.uniform(26, 46),
        cell_pad=rng.uniform(2.5, 4.0),
        lane_width=rng.uniform(46, 66),
        symbol_height=rng.uniform(12, 19),
        symbol_width_fraction=rng.uniform(0.55, 0.75),
        arrow_size=rng.uniform(3.0, 5.0),
        words=_header_words(rng),
        output_before_waktu=rng.random() < 0.2,
        number_row=rng.random() < 0.35,
        number_row_parens=rng.random() < 0.6,
        empty_mark=rng.choice(["-", "-", ""]),
        middle_align=rng.random() < 0.4,
        side_exits=rng.random() < 0.6,
        table_title=rng.choice(["none", "prosedur", "sop"]),
        identity_colons=rng.random() < 0.25,
        short_identity_keys=rng.random() < 0.3,
        numbered_single_items=rng.random() < 0.5,
    )
