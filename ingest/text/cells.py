"""From the pieces of one row's text to its cells (kegiatan, kelengkapan, waktu, output, ket)."""

from __future__ import annotations

import re

from ingest.page import ColumnRole
from ingest.text.vocabulary import WAKTU, is_title_head, is_waktu_piece, starts_with_verb

# Words after which a sentence goes on: a capital word after them is no new cell.
_LINKING = {"ke", "kepada", "dengan", "dari", "oleh", "untuk", "di", "dan", "serta", "atau",
            "pada", "bagi", "melalui", "yang", "tentang", "sdh", "telah"}  # fmt: skip
# Title heads that need the next word ("Kepala Bidang"): no cell starts after them.
_QUALIFIED_HEADS = {"kepala", "sub", "jabatan", "pejabat"}
_LABEL_WORDS = re.compile(r"(?<![.\w])(?:Ya|Tidak)(?=\s|$)")


def split_waktu(text: str) -> tuple[str, str, str] | None:
    """'Data kinerja 30 Menit Laporan final' -> ('Data kinerja', '30 Menit', 'Laporan final')."""
    match = WAKTU.search(text)
    if match is None:
        return None
    return text[: match.start()].strip(" |"), match.group(0), text[match.end() :].strip(" |")


def strip_decision_labels(text: str) -> tuple[str, bool]:
    """Flowchart exit labels that the export put inside the kegiatan ('diperbaiki. Ya Tidak')."""
    stripped = _LABEL_WORDS.sub("", text)
    return " ".join(stripped.split()), stripped != text


def split_kegiatan_kelengkapan(text: str) -> tuple[str, str | None]:
    """A kegiatan and the kelengkapan printed after it on the same line.

    The kelengkapan starts at the last capitalised word that follows a lower-case word not
    linking a sentence ('... menyusun konsep laporan | Data kinerja'); None when there is none.
    """
    words = text.split()
    for index in range(len(words) - 1, 1, -1):
        word, before = words[index], words[index - 1]
        if not word[:1].isupper() or not any(char.islower() for char in word):
            continue
        if before.lower() in _LINKING or is_title_head(word) or before.endswith("&"):
            continue
        if before.lower() in _QUALIFIED_HEADS:
            continue
        return " ".join(words[:index]), " ".join(words[index:])
    return text, None


def assign_cells(
    pieces: list[str], roles: list[ColumnRole], *, split_first: bool
) -> dict[str, str]:
    """Pieces in printed order (one holding the waktu) -> text per column role."""
    waktu_at = next((i for i, piece in enumerate(pieces) if is_waktu_piece(piece)), None)
    if waktu_at is None:
        before, waktu, after = pieces, None, []
    else:
        before, waktu, after = pieces[:waktu_at], pieces[waktu_at], pieces[waktu_at + 1 :]
    data_roles = [role for role in roles if role != "waktu"]
    waktu_index = roles.index("waktu") if "waktu" in roles else len(roles)
    before_roles = [role for role in data_roles if roles.index(role) < waktu_index]
    after_roles = [role for role in data_roles if roles.index(role) > waktu_index]
    if waktu is None:
        before_roles, after_roles = data_roles, []
    cells: dict[str, str] = {}
    if waktu is not None:
        cells["waktu"] = waktu
    if split_first and waktu is not None and len(before) == 1 and len(before_roles) > 1:
        kegiatan, kelengkapan = split_kegiatan_kelengkapan(before[0])
        before = [kegiatan] + ([kelengkapan] if kelengkapan else [])
    _fill(cells, before, before_roles)
    _fill(cells, after, after_roles)
    return cells


def _fill(cells: dict[str, str], pieces: list[str], roles: list[ColumnRole]) -> None:
    """First pieces one per role; what is left joins the last role."""
    for index, piece in enumerate(pieces):
        if not roles:
            return
        role = roles[min(index, len(roles) - 1)]
        cells[role] = f"{cells[role]} {piece}" if role in cells else piece


def row_pieces(segments: list[str]) -> list[str]:
    """Cut each segment at its duration so the waktu stands as a piece of its own."""
    pieces: list[str] = []
    for segment in segments:
        parts = split_waktu(segment)
        if parts is None:
            pieces.append(segment)
            continue
        before, waktu, after = parts
        pieces.extend(piece for piece in (before, waktu, after) if piece)
    return pieces


def second_row_start(pieces: list[str]) -> int | None:
    """Where an unnumbered row begins inside a numbered row's pieces (a second waktu)."""
    waktu_positions = [i for i, piece in enumerate(pieces) if is_waktu_piece(piece)]
    if len(waktu_positions) < 2:
        return None
    first, second = waktu_positions[0], waktu_positions[1]
    for index in range(first + 1, second):
        if starts_with_verb(pieces[index]):
            return index
    return min(first + 2, second)
