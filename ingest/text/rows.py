"""Rows of the procedure table from plain text: anchored on the printed step numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.page import ColumnRole
from ingest.text.cells import (
    assign_cells,
    row_pieces,
    second_row_start,
    split_kegiatan_kelengkapan,
    split_waktu,
    strip_decision_labels,
)
from ingest.text.header import is_header_words_line
from ingest.text.lines import TextLine, segments_of
from ingest.text.vocabulary import WAKTU, is_decision_label_line, starts_with_verb

_ANCHOR = re.compile(r"^\s*\|?\s*(?P<no>\d{1,2})(?=\s|\||$)\s*\|?\s*(?P<rest>.*)$")
_STARTS_WITH_UNIT = re.compile(r"^(?:x\s*\d|menit|mnt|jam|hari|minggu|bulan|tahun)\b", re.I)
_MAX_STEP_NUMBER = 60
_JUNK = re.compile(r"[A-Za-z]{3,}")
# Share of anchor lines holding a duration above which each row is printed on its anchor line.
_ANCHOR_LINE_SHARE = 0.6
_LOWERCASE_SPLIT_PENALTY = 3


@dataclass
class RawRow:
    """One table row before normalisation: printed number and raw text per column role."""

    printed: str | None
    page: int
    cells: dict[str, str] = field(default_factory=dict)
    text: str = ""
    scattered: set[str] = field(default_factory=set)
    labelled: bool = False  # Ya/Tidak labels were printed inside the row


def anchor_of(line: TextLine) -> tuple[str, str] | None:
    """(number, rest) when the line starts a numbered row; '3 hari' is a waktu, not row 3."""
    match = _ANCHOR.match(line.text)
    if match is None or int(match["no"]) > _MAX_STEP_NUMBER:
        return None
    if _STARTS_WITH_UNIT.match(match["rest"]):
        return None
    return match["no"], match["rest"]


def is_skippable(line: TextLine) -> bool:
    text = line.stripped
    return is_header_words_line(text) or is_decision_label_line(text)


def is_anchor_line_style(anchors: list[tuple[int, str]], double_spaced: bool) -> bool:
    if double_spaced or not anchors:
        return False
    with_waktu = sum(1 for _index, rest in anchors if WAKTU.search(rest))
    return with_waktu / len(anchors) >= _ANCHOR_LINE_SHARE


def find_anchors(lines: list[TextLine]) -> list[tuple[int, str]]:
    anchors = []
    for index, line in enumerate(lines):
        found = anchor_of(line)
        if found:
            anchors.append((index, found[0]))
    return anchors


# ------------------------------------------------------------------ segment style (seed 000)
def segment_rows(
    lines: list[TextLine], anchors: list[int], roles: list[ColumnRole], double_spaced: bool
) -> list[RawRow]:
    rows: list[RawRow] = []
    for position, start in enumerate(anchors):
        end = anchors[position + 1] if position + 1 < len(anchors) else len(lines)
        number, rest = anchor_of(lines[start]) or ("", "")
        first = TextLine(text=rest + (" " if lines[start].wraps else ""), page=lines[start].page)
        group = [first] + [line for line in lines[start + 1 : end] if not is_skippable(line)]
        segments = [segment.text for segment in segments_of(group, double_spaced=double_spaced)]
        pieces = row_pieces(segments)
        split_at = second_row_start(pieces)
        parts = [pieces] if split_at is None else [pieces[:split_at], pieces[split_at:]]
        for part_index, part in enumerate(parts):
            rows.append(_row_from_pieces(number if part_index == 0 else None, part, roles, first))
    return rows


def _row_from_pieces(
    printed: str | None, pieces: list[str], roles: list[ColumnRole], first: TextLine
) -> RawRow:
    labelled = False
    if pieces:
        pieces[0], labelled = strip_decision_labels(pieces[0])
    cells = assign_cells(pieces, roles, split_first=True)
    return RawRow(printed=printed, page=first.page, cells=cells, text=" ".join(pieces),
                  labelled=labelled)  # fmt: skip


# ------------------------------------------------------------------ anchor-line style
def _split_cost(gap: list[TextLine], split: int) -> int:
    if split >= len(gap):
        return 0
    return _LOWERCASE_SPLIT_PENALTY if gap[split].stripped[:1].islower() else 0


def distribute_gaps(gaps: list[list[TextLine]], above_first: int) -> list[int]:
    """For each gap between two anchors, how many lines go below the earlier row.

    A step number is printed at the middle of its row, so rows are balanced: about as many
    lines above the anchor as below. A line starting in lower case rarely starts a row.
    """
    best: dict[int, tuple[int, list[int]]] = {above_first: (0, [])}
    for gap in gaps:
        following: dict[int, tuple[int, list[int]]] = {}
        for above, (cost, splits) in best.items():
            for split in range(len(gap) + 1):
                total = cost + abs(split - above) + _split_cost(gap, split)
                next_above = len(gap) - split
                if next_above not in following or total < following[next_above][0]:
                    following[next_above] = (total, [*splits, split])
        best = following
    return min(best.values(), key=lambda item: item[0])[1] if gaps else []


def anchor_line_rows(
    lines: list[TextLine], anchors: list[int], roles: list[ColumnRole]
) -> tuple[list[RawRow], list[TextLine]]:
    """Rows printed on their anchor lines; returns the rows and any trailing (scattered) lines."""
    content = [
        index for index, line in enumerate(lines)
        if not line.blank and not is_skippable(line) and _JUNK.search(line.stripped)
    ]  # fmt: skip
    bounds = [*anchors, len(lines)]
    gaps = [
        [lines[i] for i in content if bounds[k] < i < bounds[k + 1]]
        for k in range(len(anchors) - 1)
    ]
    compact = all(not gap for gap in gaps)
    before_first = [lines[i] for i in content if i < anchors[0]]
    after_last = [line for line in lines[anchors[-1] + 1 :]]
    splits = distribute_gaps(gaps, len(before_first))
    rows: list[RawRow] = []
    above = before_first
    for position, start in enumerate(anchors):
        if position < len(gaps):
            below, next_above = (
                gaps[position][: splits[position]],
                gaps[position][splits[position] :],
            )
        else:
            below = [] if compact else [line for line in after_last if line in
                                        [lines[i] for i in content]]  # fmt: skip
            next_above = []
        rows.append(_anchor_row(lines[start], above, below, roles, compact))
        above = next_above
    return rows, (after_last if compact else [])


def _anchor_row(
    anchor: TextLine,
    above: list[TextLine],
    below: list[TextLine],
    roles: list[ColumnRole],
    compact: bool,
) -> RawRow:
    number, rest = anchor_of(anchor) or ("", "")
    parts = split_waktu(rest)
    before, waktu, after = parts if parts else (rest, "", "")
    before, labelled_inline = strip_decision_labels(before)
    cells: dict[str, str] = {}
    kegiatan_lines = [line.stripped for line in above]
    if compact and before:
        role = "kegiatan" if starts_with_verb(before) else _first_after_kegiatan(roles)
        cells[role] = before
    elif before:
        kegiatan, kelengkapan = split_kegiatan_kelengkapan(before)
        kegiatan_lines.append(kegiatan)
        if kelengkapan:
            cells["kelengkapan"] = kelengkapan
    kegiatan_lines += [line.stripped for line in below]
    if kegiatan_lines:
        cells["kegiatan"], labelled = strip_decision_labels(" ".join(kegiatan_lines))
    else:
        labelled = False
    labelled = labelled or labelled_inline
    if waktu:
        cells["waktu"] = waktu
    if after:
        cells[_first_after(roles, "waktu")] = after
    text = " ".join([*kegiatan_lines, rest])
    return RawRow(printed=number, page=anchor.page, cells=cells, text=text, labelled=labelled)


def _first_after_kegiatan(roles: list[ColumnRole]) -> ColumnRole:
    return next((role for role in roles if role not in ("kegiatan", "waktu")), "kelengkapan")


def _first_after(roles: list[ColumnRole], role: ColumnRole) -> ColumnRole:
    index = roles.index(role) if role in roles else len(roles) - 1
    return next((other for other in roles[index + 1 :] if other != "keterangan"), "output")
