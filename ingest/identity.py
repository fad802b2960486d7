"""Identity block: the key/value table of an SOP (Nomor, Tanggal, Disahkan oleh, Nama, sections).

Keys are found by fuzzy matching each cell's text; a key's value is the cell to its right, or
the cell below when the key heads a section (Dasar Hukum over its numbered list), or the text
after a colon when key and value share one cell.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from ingest.page import Cell, Table
from models.normalise import clean_cell
from models.provenance import Provenance

KEY_VARIANTS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor sop", "no. sop", "no sop", "nomor"),
    "tanggal_pembuatan": ("tanggal pembuatan", "tgl. pembuatan", "tgl pembuatan"),
    "tanggal_revisi": ("tanggal revisi", "tgl. revisi", "tgl revisi"),
    "tanggal_efektif": ("tanggal efektif", "tgl. efektif", "tgl efektif"),
    "disahkan_oleh": ("disahkan oleh", "disahkan"),
    "nama": ("nama sop", "judul sop", "nama prosedur"),
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi"),
    "keterkaitan": ("keterkaitan",),
    "peralatan_perlengkapan": ("peralatan/perlengkapan", "peralatan / perlengkapan",
                               "peralatan dan perlengkapan", "peralatan", "perlengkapan"),
    "peringatan": ("peringatan",),
    "pencatatan_pendataan": ("pencatatan dan pendataan", "pencatatan/pendataan",
                             "pencatatan & pendataan", "pencatatan"),
}  # fmt: skip
LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan")
_MIN_KEY_SCORE = 82.0
# '1.' as printed, or as OCR reads it ('|.', 'l.', 'i.').
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[|Iil]\s*[.)]|[-•*])\s+")


class Identity(BaseModel):
    """Identity fields as extracted; list fields already split into items."""

    values: dict[str, str | list[str]] = Field(default_factory=dict)
    unit: str | None = None
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    ocr: bool = Field(default=False, description="Read by OCR (then worth correcting).")


def match_key(text: str) -> str | None:
    """The identity field a key cell names ('Tgl. Pembuatan' -> tanggal_pembuatan)."""
    head = " ".join(text.split(":")[0].lower().split())
    if not head or len(head) > 40:
        return None
    choices = {v: key for key, variants in KEY_VARIANTS.items() for v in variants}
    found = process.extractOne(head, list(choices), scorer=fuzz.ratio, score_cutoff=_MIN_KEY_SCORE)
    return choices[found[0]] if found else None


def split_items(text: str) -> list[str]:
    """'1. A\\n   wrapped\\n2. B' -> ['A wrapped', 'B']; unnumbered text is one item."""
    items: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _ITEM_START.match(line) or not items:
            items.append([_ITEM_START.sub("", line)])
        else:
            items[-1].append(line)
    cleaned = [clean_cell(" ".join(parts)) for parts in items]
    return [item for item in cleaned if item]


def _neighbour(cells: list[Cell], key: Cell, keys: set[tuple[int, int]]) -> Cell | None:
    right = [c for c in cells if c.row == key.row and c.col == key.col + key.col_span]
    if right and (right[0].row, right[0].col) not in keys:
        return right[0]
    below = [c for c in cells if c.row == key.row + key.row_span
             and c.col <= key.col < c.col + c.col_span]  # fmt: skip
    if below and (below[0].row, below[0].col) not in keys:
        return below[0]
    return None


def _value(field: str, raw: str) -> str | list[str] | None:
    if field in LIST_FIELDS:
        return split_items(raw)
    first_line = next((line for line in raw.splitlines() if line.strip()), "")
    text = first_line if field == "disahkan_oleh" else raw
    value = clean_cell(text)
    if field == "nama" and value:
        value = re.sub(r"^(?:sop|standar operasional prosedur)\b[\s:.-]*", "", value,
                       flags=re.IGNORECASE) or value  # fmt: skip
    return value


def table_to_identity(table: Table, page: int) -> Identity:
    """Identity fields of one key/value table; the unit is the last line of the logo cell."""
    keyed = {(c.row, c.col): match_key(c.text) for c in table.cells}
    keys = {slot for slot, field in keyed.items() if field}
    identity = Identity()
    used: set[tuple[int, int]] = set(keys)
    for cell in table.cells:
        field = keyed[(cell.row, cell.col)]
        if not field or field in identity.values:
            continue
        inline = cell.text.split(":", 1)[1] if ":" in cell.text else ""
        source = None if inline.strip() else _neighbour(table.cells, cell, keys)
        raw = inline if inline.strip() else (source.text if source else "")
        if source:
            used.add((source.row, source.col))
        value = _value(field, raw)
        if value is not None:
            identity.values[field] = value
            where = source or cell
            identity.provenance[field] = Provenance(raw=raw, page=page, bbox=where.bbox,
                                                    confidence=where.confidence)  # fmt: skip
    free = [c for c in table.cells if (c.row, c.col) not in used and c.text.strip()]
    if free and keys:
        logo = max(free, key=lambda c: c.row_span * c.bbox.area)
        identity.unit = clean_cell(logo.text.strip().splitlines()[-1])
    return identity


def is_identity_table(table: Table) -> bool:
    """At least two identity keys: enough to tell it from a stray bordered box."""
    return sum(1 for c in table.cells if match_key(c.text)) >= 2
