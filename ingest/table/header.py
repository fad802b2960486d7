"""Header semantics: which grid rows are header, and what each column means (fuzzy-matched)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from ingest.correct.distance import ocr_distance
from ingest.correct.fields import actor_heads
from ingest.page import Cell, ColumnRole, TableColumn, TableRow
from models.normalise import fold_label

# Header wordings seen in archives (DOMAIN.md), OCR garble included where it is common.
ROLE_VARIANTS: dict[str, tuple[str, ...]] = {
    "no": ("no", "no.", "nomor", "nomer", "nu"),
    "kegiatan": ("kegiatan", "aktivitas", "uraian prosedur", "uraian kegiatan", "prosedur",
                 "uraian", "uraian aktivitas", "kegiatan/aktivitas"),
    "kelengkapan": ("kelengkapan", "persyaratan/kelengkapan", "persyaratan/perlengkapan",
                    "persyaratan", "perlengkapan", "kelengkapan/persyaratan",
                    "persyaratan / kelengkapan", "persyaratan / perlengkapan"),
    "waktu": ("waktu",),
    "output": ("output", "keluaran", "hasil", "output/hasil"),
    "keterangan": ("keterangan", "ket", "ket."),
}  # fmt: skip
PARENT_VARIANTS: dict[str, tuple[str, ...]] = {
    "pelaksana": ("pelaksana",),
    "mutu_baku": ("mutu baku", "mutu buku", "mutu"),
}
_NUMBER_CELL = re.compile(r"^\(?\s*\d{1,3}\s*[).]?$")
_GARBLED_NUMBER_LENGTH = 4  # '(12)': longer texts are words, not column numbers


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def normalise_header(text: str) -> str:
    text = re.sub(r"\s*/\s*", "/", fold_label(text).lower())
    return " ".join(re.sub(r"[^a-z0-9/. ]", " ", text).split()).strip(" .")


def _score(text: str, variant: str) -> float:
    """Whole-text ratio, or the ratio of the text's first words ('Waktu Penyelesaian' ~ waktu)."""
    head = " ".join(text.split()[: len(variant.split())])
    return max(fuzz.ratio(text, variant), fuzz.ratio(head, variant) - 5)


def best_match(text: str, variants: dict[str, tuple[str, ...]], min_score: float) -> str | None:
    """The key whose variant is closest to `text`, or None below `min_score` (0..100)."""
    normalised = normalise_header(text)
    if not normalised:
        return None
    choices = {variant: key for key, options in variants.items() for variant in options}
    found = process.extractOne(normalised, list(choices), scorer=lambda a, b, **_: _score(a, b),
                               score_cutoff=min_score)  # fmt: skip
    return choices[found[0]] if found else None


def is_number_text(text: str) -> bool:
    return bool(_NUMBER_CELL.match(text.strip()))


def row_cells(cells: list[Cell], row: int) -> list[Cell]:
    """Cells that start in `row`, left to right."""
    return sorted((c for c in cells if c.row == row), key=lambda c: c.col)


def is_column_number_row(cells: list[Cell], row: int) -> bool:
    """A row of column numbers '(1) (2) ... (n)' under the header. OCR garbles some of the
    small numbers ('(4)' -> '@', '6' -> '&'): short texts, most of them numbers, are enough."""
    texts = [c.text.strip() for c in row_cells(cells, row) if c.text.strip()]
    if len(texts) < 3:
        return False
    numbers = sum(map(is_number_text, texts))
    if numbers >= 0.8 * len(texts):
        return True
    return all(len(t) <= _GARBLED_NUMBER_LENGTH for t in texts) and numbers >= 0.5 * len(texts)


def _lost_number(text: str) -> bool:
    """A first cell whose step number OCR lost or garbled ('', 'l', '|', '“d')."""
    text = text.strip()
    return not text or (len(text) <= 2 and not is_number_text(text))


def first_body_row(cells: list[Cell], row_count: int) -> int | None:
    """The first step row: the first row whose leftmost cell holds a step number, moved up over
    rows whose number OCR lost (a first numbered row '3' means two step rows above it)."""
    for row in range(row_count):
        found = row_cells(cells, row)
        if found and is_number_text(found[0].text) and not is_column_number_row(cells, row):
            number = int(re.sub(r"\D", "", found[0].text) or 1)
            start = row
            while number > 1 and start > 0 and _unnumbered_step_row(cells, start - 1):
                start, number = start - 1, number - 1
            return start
    return None


def _unnumbered_step_row(cells: list[Cell], row: int) -> bool:
    """A row with an empty first cell, not the numbers row, holding some text: a step whose
    number was not read (header rows have their first cell spanning them, or text in it)."""
    found = row_cells(cells, row)
    return (
        bool(found) and _lost_number(found[0].text) and found[0].row_span == 1
        and not is_column_number_row(cells, row) and any(c.text.strip() for c in found[1:])
    )  # fmt: skip


def header_stack(cells: list[Cell], col: int, header_rows: int) -> list[Cell]:
    """Header cells covering a column, top to bottom, the numbers row left out."""
    stack = [
        c for c in cells
        if c.row < header_rows and c.col <= col < c.col + c.col_span and c.text.strip()
        and not is_column_number_row(cells, c.row)
    ]  # fmt: skip
    return sorted(stack, key=lambda c: c.row)


def _column_role(stack: list[Cell], min_score: float) -> tuple[ColumnRole, str]:
    """Role and label of one column from its header stack."""
    texts = [c.text for c in stack]
    parents = [best_match(t, PARENT_VARIANTS, min_score) for t in texts]
    if "pelaksana" in parents:
        below = texts[parents.index("pelaksana") + 1 :]
        # The actor's title is the lowest text with letters (a garbled column number is not).
        worded = [t for t in below if _letters(t) >= 2] or below
        return "actor", snap_title_head(fold_label(worded[-1])) if worded else ""
    for text in reversed(texts):
        role = best_match(text, ROLE_VARIANTS, min_score)
        if role:
            return role, fold_label(text)  # type: ignore[return-value]
    return "unknown", fold_label(texts[-1]) if texts else ""


_HEAD_MAX_COST = 1.0  # one OCR slip ('Statt', 'yF', 'JE'); larger garbles are the Corrector's
_HEAD_MIN_LEAD = 1.0  # ... and clearly nearer to that title than to any other


def snap_title_head(label: str) -> str:
    """'Statt' -> 'Staff', 'yF Perencana' -> 'JF Perencana': an actor label whose first word is
    one OCR slip away from a known title head (models.normalise's tables) gets that head, so the
    actor id is the title's. Titles are compared case-folded ('staff' and 'staf' are one)."""
    words = label.split(" ", 1)
    printed = words[0]
    token = "".join(ch for ch in printed.lower() if ch.isalnum())
    heads = actor_heads()
    if len(token) < 2 or token in heads:
        return label
    ranked = sorted(
        (ocr_distance(token, head), head) for head in heads if abs(len(head) - len(token)) <= 1
    )
    if not ranked:
        return label
    cost, best = ranked[0]
    title = heads[best].casefold()
    rival = next((c for c, h in ranked if heads[h].casefold() != title), cost + _HEAD_MIN_LEAD)
    if cost > _HEAD_MAX_COST or rival - cost < _HEAD_MIN_LEAD:
        return label
    snapped = best.upper() if len(best) <= 2 or printed.isupper() else best.capitalize()
    return " ".join([snapped, *words[1:]])


def cells_to_columns(cells: list[Cell], xs: list[float], header_rows: int,
                     min_score: float) -> list[TableColumn]:  # fmt: skip
    """One TableColumn per grid column; unmatched columns between Kegiatan and Mutu Baku are
    actors (tables that print the actor names without a 'Pelaksana' parent)."""
    columns = []
    for col in range(len(xs) - 1):
        role, label = _column_role(header_stack(cells, col, header_rows), min_score)
        columns.append(TableColumn(index=col, left=xs[col], right=xs[col + 1], role=role,
                                   label=label))  # fmt: skip
    roles = [c.role for c in columns]
    if "kegiatan" in roles and "actor" not in roles:
        start = roles.index("kegiatan") + 1
        for column in columns[start:]:
            if column.role != "unknown":
                break
            if column.label:
                column.role = "actor"
    return columns


def grid_to_rows(ys: list[float], header_rows: int) -> list[TableRow]:
    return [
        TableRow(index=i, top=ys[i], bottom=ys[i + 1], is_header=i < header_rows)
        for i in range(len(ys) - 1)
    ]
