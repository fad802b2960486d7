"""Cells a plain export printed after the rows (seeds 001, 002) put back into their rows.

pdftotext writes the one-line cells of each row on the row's line, then the multi-line cells
of the whole table as paragraphs, still in row order. Walking both in order, each kegiatan
paragraph goes to the next row without a kegiatan, each other paragraph to the next row (at or
after the last kegiatan placed) without a value in the column being filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.page import ColumnRole
from ingest.text.header import is_actor_line, is_header_words_line
from ingest.text.lines import TextLine, segments_of
from ingest.text.rows import RawRow
from ingest.text.vocabulary import (
    header_role,
    is_decision_label_line,
    is_title_head,
    starts_with_verb,
)

_MAX_ACTOR_WORDS = 4


@dataclass
class Reassembly:
    actor_labels: list[str] = field(default_factory=list)
    placed: int = 0
    unplaced: list[str] = field(default_factory=list)
    decision_labels: int = 0


def _is_actor_piece(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_ACTOR_WORDS
        and is_title_head(words[0])
        and is_actor_line(text, fragments=False)
    )


def _named_role(text: str, rows: list[RawRow]) -> ColumnRole | None:
    """The last column a repeated header names that still has empty rows ('Mutu Baku Ket Output')."""
    named = [role for word in text.split() if (role := header_role(word))]
    for role in reversed(named):
        if any(role not in row.cells for row in rows):
            return role
    return None


def _first_missing(rows: list[RawRow], role: str, start: int) -> int | None:
    return next((i for i in range(start, len(rows)) if role not in rows[i].cells), None)


def reassemble(rows: list[RawRow], lines: list[TextLine], roles: list[ColumnRole]) -> Reassembly:
    result = Reassembly()
    other_role: ColumnRole = next(
        (role for role in roles if role not in ("kegiatan", "waktu")
         and any(role not in row.cells for row in rows)),
        "kelengkapan",
    )  # fmt: skip
    kegiatan_from = other_from = 0
    for segment in segments_of(lines, double_spaced=False):
        text = segment.text
        if is_header_words_line(text):
            other_role, other_from = _named_role(text, rows) or other_role, 0
            continue
        if is_decision_label_line(text):
            result.decision_labels += 1
            continue
        if _is_actor_piece(text):
            result.actor_labels.append(text)
            continue
        is_kegiatan = starts_with_verb(text)
        role = "kegiatan" if is_kegiatan else other_role
        target = _first_missing(rows, role, kegiatan_from if is_kegiatan else other_from)
        if target is None:
            result.unplaced.append(text)
            continue
        rows[target].cells[role] = text
        rows[target].scattered.add(role)
        result.placed += 1
        if is_kegiatan:
            kegiatan_from, other_from = target + 1, target
        else:
            other_from, kegiatan_from = target + 1, max(kegiatan_from, target + 1)
    return result
