"""Rows of `pdftotext -layout` style exports: columns are the text between empty gutters.

Such exports keep each cell's horizontal position, so a character offset range that holds text in
the body is one column; the header words above it say which. Rows are then anchored on the step
numbers and the lines between two numbers are shared out like plain anchor-line exports.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.text.cells import split_waktu, strip_decision_labels
from ingest.text.header import Header
from ingest.text.lines import TextLine
from ingest.text.rows import RawRow, distribute_gaps, is_skippable
from ingest.text.vocabulary import header_role, is_header_word, is_title_head

_WORD = re.compile(r"\S+")
_NUMBER_CELL = re.compile(r"^\s*(\d{1,2})(?=\s{2,}|$)")
# A gutter: an offset where at most this share of body lines print a character.
_GUTTER_SHARE = 0.04
# Key for text that ran over from the column to the left.
_SPILL = "spill"


@dataclass(frozen=True)
class _Column:
    left: int
    right: int
    role: str | None
    # Header words inside one text range: columns printed too close for a gutter.
    starts: tuple[tuple[int, str], ...] = ()


def _columns(body: list[TextLine], header_lines: list[TextLine]) -> list[_Column]:
    texts = [line.text for line in body if not line.blank]
    width = max((len(text) for text in texts), default=0)
    filled = [sum(1 for text in texts if i < len(text) and text[i] != " ") for i in range(width)]
    limit = int(_GUTTER_SHARE * len(texts))
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for offset, count in enumerate([*filled, 0]):
        if count > limit and start is None:
            start = offset
        elif count <= limit and start is not None:
            ranges.append((start, offset))
            start = None
    return [_column(left, right, header_lines) for left, right in ranges]


def _column(left: int, right: int, header_lines: list[TextLine]) -> _Column:
    overlaps: dict[str, tuple[int, int]] = {}
    for line in header_lines:
        for match in _WORD.finditer(line.text):
            role = header_role(match.group(0))
            overlap = min(right, match.end()) - max(left, match.start())
            if role and overlap > 0 and overlap > overlaps.get(role, (0, 0))[0]:
                overlaps[role] = (overlap, match.start())
    if not overlaps:
        return _Column(left, right, None)
    best = max(overlaps, key=lambda role: overlaps[role][0])
    starts = tuple(sorted((start, role) for role, (_overlap, start) in overlaps.items()))
    return _Column(left, right, best, starts if len(starts) > 1 else ())


def _split_crowded(words: list[re.Match[str]], column: _Column) -> dict[str, str]:
    """Words of a range holding several columns: at the duration, else by header positions."""
    roles = [role for _start, role in column.starts]
    text = " ".join(word.group(0) for word in words)
    parts = split_waktu(text) if "waktu" in roles else None
    if parts is not None:
        before, waktu, after = parts
        index = roles.index("waktu")
        cells = {"waktu": waktu}
        if before:
            cells[roles[index - 1] if index > 0 else _SPILL] = before
        if after and index + 1 < len(roles):
            cells[roles[index + 1]] = after
        return cells
    cells: dict[str, str] = {}
    for word in words:
        role = column.starts[0][1]
        for start, candidate in column.starts:
            if word.start() + 1 >= start:
                role = candidate
        cells[role] = f"{cells.get(role, '')} {word.group(0)}".strip()
    return cells


def _cells_of(line: TextLine, columns: list[_Column]) -> dict[str, str]:
    by_column: dict[_Column, list[re.Match[str]]] = {}
    for match in _WORD.finditer(line.text):
        middle = (match.start() + match.end()) / 2
        column = min(columns, key=lambda c: 0 if c.left <= middle < c.right else
                     min(abs(middle - c.left), abs(middle - c.right)))  # fmt: skip
        by_column.setdefault(column, []).append(match)
    cells: dict[str, str] = {}
    last_role: str | None = None
    for column in sorted(by_column, key=lambda c: c.left):
        words = by_column[column]
        found = (
            _split_crowded(words, column) if column.starts
            else {column.role: " ".join(word.group(0) for word in words)}
            if column.role and column.role != "no" else {}
        )  # fmt: skip
        spill = found.pop(_SPILL, None)
        if spill and last_role:
            cells[last_role] = f"{cells[last_role]} {spill}"
        for role, text in found.items():
            cells[role] = f"{cells[role]} {text}" if role in cells else text
            last_role = role
    return cells


def actor_labels_by_position(header_lines: list[TextLine]) -> list[str]:
    """Wrapped lane labels ('Kasubag' over 'Program') joined by their horizontal overlap."""
    labels: list[tuple[int, int, list[str]]] = []
    for line in header_lines:
        previous: int | None = None
        for match in _WORD.finditer(line.text):
            word, left, right = match.group(0), match.start(), match.end()
            if is_header_word(word):
                previous = None
                continue
            overlapping = [i for i, (lo, hi, _w) in enumerate(labels) if lo < right and left < hi]
            centre = (left + right) / 2
            target = min(overlapping, default=None,
                         key=lambda i: abs((labels[i][0] + labels[i][1]) / 2 - centre))  # fmt: skip
            if target is None and previous is not None and not is_title_head(word):
                target = previous
            if target is None:
                labels.append((left, right, [word]))
                previous = len(labels) - 1
                continue
            lo, hi, words = labels[target]
            labels[target] = (min(lo, left), max(hi, right), [*words, word])
            previous = target
    return [" ".join(words) for _l, _r, words in sorted(labels)]


def layout_rows(body: list[TextLine], header: Header, header_lines: list[TextLine]) -> list[RawRow]:
    lines = [line for line in body if not line.blank and not is_skippable(line)]
    columns = _columns(lines, header_lines)
    anchors = [i for i, line in enumerate(lines) if _NUMBER_CELL.match(line.text)]
    if not anchors or not columns:
        return []
    gaps = [lines[a + 1 : b] for a, b in itertools.pairwise(anchors)]
    splits = distribute_gaps(gaps, anchors[0])
    rows: list[RawRow] = []
    above = lines[: anchors[0]]
    for position, anchor in enumerate(anchors):
        if position < len(gaps):
            below, following = (
                gaps[position][: splits[position]],
                gaps[position][splits[position] :],
            )
        else:
            below, following = lines[anchor + 1 :], []
        rows.append(_row(lines[anchor], [*above, lines[anchor], *below], columns))
        above = following
    return rows


def _row(anchor: TextLine, members: list[TextLine], columns: list[_Column]) -> RawRow:
    cells: dict[str, str] = {}
    for line in members:
        for role, text in _cells_of(line, columns).items():
            cells[role] = f"{cells[role]} {text}" if role in cells else text
    labelled = False
    if "kegiatan" in cells:
        cells["kegiatan"], labelled = strip_decision_labels(cells["kegiatan"])
    match = _NUMBER_CELL.match(anchor.text)
    return RawRow(
        printed=match.group(1) if match else None,
        page=anchor.page,
        cells=cells,
        text=" ".join(line.stripped for line in members),
        labelled=labelled,
    )
