"""Draw SOP procedure tables with a flowchart in the actor lanes, with OpenCV, for the tests.

Builds the `Page` (image, tables with actor columns and rows, words for labels) directly, the way
the scan pipeline hands it over, and keeps the drawn truth (pelaksana, kind, next) beside it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import cv2
import numpy as np

from ingest.flowchart import StepRowRef
from ingest.page import Cell, Page, Table, TableColumn, TableRow, Word
from models.geometry import BBox

FONT = cv2.FONT_HERSHEY_SIMPLEX


@dataclass
class PlanStep:
    no: int
    kind: str  # start, process, decision, end
    lanes: tuple[int, ...]
    exits: tuple[tuple[int, str | None, str | None], ...] = ()  # (to, when, printed label)
    kegiatan: str = "Melakukan kegiatan"
    text: str | None = None


@dataclass
class Style:
    line: int = 2
    row_height: int = 110
    lane_width: int = 170
    symbol_scale: float = 1.0
    ruling: int = 2
    labels: bool = True
    jitter: int = 0
    seed: int = 0
    head: int = 0  # arrowhead length in pixels; 0: 4 * line + 6
    label_lift: int = 5  # pixels between a side label's baseline and the exit line (0: touching)
    channel_inset: int = 9  # loop channel's distance from the lane border


@dataclass
class Drawn:
    pages: list[Page]
    steps: list[StepRowRef]
    plan: list[PlanStep]
    boxes: dict[int, list[tuple[int, BBox]]] = field(default_factory=dict)


def _symbol_box(cell: BBox, kind: str, style: Style, rng: np.random.Generator) -> BBox:
    width = {"decision": 0.62, "start": 0.62, "end": 0.62}.get(kind, 0.66) * cell.width
    height = {"decision": 0.62, "start": 0.36, "end": 0.36}.get(kind, 0.42) * cell.height
    width, height = width * style.symbol_scale, height * style.symbol_scale
    dx, dy = rng.integers(-style.jitter, style.jitter + 1, 2) if style.jitter else (0, 0)
    cx, cy = cell.center_x + dx, cell.center_y + dy
    return BBox(
        left=cx - width / 2, top=cy - height / 2, right=cx + width / 2, bottom=cy + height / 2
    )


def draw_symbol(image: np.ndarray, kind: str, box: BBox, line: int) -> None:
    left, top, right, bottom = (round(v) for v in (box.left, box.top, box.right, box.bottom))
    cx, cy = (left + right) // 2, (top + bottom) // 2
    if kind == "process":
        cv2.rectangle(image, (left, top), (right, bottom), 0, line)
    elif kind in ("start", "end"):
        radius = (bottom - top) // 2
        cv2.line(image, (left + radius, top), (right - radius, top), 0, line)
        cv2.line(image, (left + radius, bottom), (right - radius, bottom), 0, line)
        cv2.ellipse(image, (left + radius, cy), (radius, radius), 0, 90, 270, 0, line)
        cv2.ellipse(image, (right - radius, cy), (radius, radius), 0, -90, 90, 0, line)
    elif kind == "decision":
        points = np.array([(cx, top), (right, cy), (cx, bottom), (left, cy)], np.int32)
        cv2.polylines(image, [points], True, 0, line)
    elif kind == "off_page":
        shoulder = top + int(0.6 * (bottom - top))
        points = np.array(
            [(left, top), (right, top), (right, shoulder), (cx, bottom), (left, shoulder)], np.int32
        )
        cv2.polylines(image, [points], True, 0, line)
    elif kind == "connector":
        cv2.circle(image, (cx, cy), (bottom - top) // 2, 0, line)


def draw_arrow(
    image: np.ndarray, points: list[tuple[int, int]], line: int, head: bool = True, size: int = 0
) -> None:
    for start, end in itertools.pairwise(points):
        cv2.line(image, start, end, 0, line)
    if not head:
        return
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = max(np.hypot(x1 - x0, y1 - y0), 1)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    size = size or 4 * line + 6
    base_x, base_y = x1 - ux * size, y1 - uy * size
    wing = [
        (base_x - uy * size * 0.45, base_y + ux * size * 0.45),
        (base_x + uy * size * 0.45, base_y - ux * size * 0.45),
    ]
    triangle = np.array([(x1, y1), *wing], np.int32)
    cv2.fillPoly(image, [triangle], 0)


def put_word(
    image: np.ndarray, words: list[Word], text: str, x: int, y: int, scale: float = 0.5
) -> None:
    """Write `text` with its lower-left corner at (x, y) and record the word box (text layer)."""
    (width, height), _ = cv2.getTextSize(text, FONT, scale, 1)
    cv2.putText(image, text, (x, y), FONT, scale, 0, 1, cv2.LINE_AA)
    words.append(Word(text=text, bbox=BBox(left=x, top=y - height, right=x + width, bottom=y + 2)))


@dataclass
class _Sheet:
    image: np.ndarray
    words: list[Word]
    table: Table
    cells: dict[tuple[int, int], BBox]  # (step no, lane) -> cell box
    rows: dict[int, TableRow]
    style: Style = field(default_factory=Style)


MARGIN, NO_WIDTH, KEGIATAN_WIDTH, WAKTU_WIDTH, HEADER_HEIGHT = 40, 60, 300, 110, 70


def _sheet(
    numbers: list[int | None], lanes: int, style: Style, steps: dict[int, PlanStep]
) -> _Sheet:
    width = MARGIN * 2 + NO_WIDTH + KEGIATAN_WIDTH + lanes * style.lane_width + WAKTU_WIDTH
    height = MARGIN * 2 + HEADER_HEIGHT + len(numbers) * style.row_height
    image = np.full((height, width), 255, np.uint8)
    words: list[Word] = []
    edges_x = [MARGIN, MARGIN + NO_WIDTH, MARGIN + NO_WIDTH + KEGIATAN_WIDTH]
    edges_x += [edges_x[-1] + style.lane_width * (i + 1) for i in range(lanes)]
    edges_x.append(edges_x[-1] + WAKTU_WIDTH)
    edges_y = [MARGIN, MARGIN + HEADER_HEIGHT] + [
        MARGIN + HEADER_HEIGHT + style.row_height * (i + 1) for i in range(len(numbers))
    ]
    for x in edges_x:
        cv2.line(image, (x, edges_y[0]), (x, edges_y[-1]), 0, style.ruling)
    for y in edges_y:
        cv2.line(image, (edges_x[0], y), (edges_x[-1], y), 0, style.ruling)
    roles = ["no", "kegiatan", *(["actor"] * lanes), "waktu"]
    labels = ["No", "Kegiatan", *(f"Aktor{i + 1}" for i in range(lanes)), "Waktu"]
    columns = [
        TableColumn(index=i, left=edges_x[i], right=edges_x[i + 1], role=role, label=label)  # type: ignore[arg-type]
        for i, (role, label) in enumerate(zip(roles, labels, strict=True))
    ]
    for column in columns:
        put_word(image, words, column.label, int(column.left) + 6, edges_y[1] - 25, 0.45)
    rows = [TableRow(index=0, top=edges_y[0], bottom=edges_y[1], is_header=True)]
    rows += [
        TableRow(index=i + 1, top=edges_y[i + 1], bottom=edges_y[i + 2])
        for i in range(len(numbers))
    ]
    cells: dict[tuple[int, int], BBox] = {}
    table_cells: list[Cell] = []
    by_row: dict[int, TableRow] = {}
    for row, number in zip(rows[1:], numbers, strict=True):
        if number is None:
            continue
        by_row[number] = row
        kegiatan = steps[number].kegiatan
        table_cells.append(
            Cell(
                row=row.index,
                col=1,
                bbox=BBox(left=edges_x[1], top=row.top, right=edges_x[2], bottom=row.bottom),
                text=kegiatan,
            )
        )
        put_word(image, words, str(number), edges_x[0] + 10, int(row.top) + 30)
        for lane in range(lanes):
            cells[(number, lane)] = BBox(
                left=edges_x[2 + lane], top=row.top, right=edges_x[3 + lane], bottom=row.bottom
            )
    box = BBox(left=edges_x[0], top=edges_y[0], right=edges_x[-1], bottom=edges_y[-1])
    table = Table(bbox=box, columns=columns, rows=rows, cells=table_cells)
    return _Sheet(image=image, words=words, table=table, cells=cells, rows=by_row, style=style)


def _pt(x: float, y: float) -> tuple[int, int]:
    return (round(x), round(y))


def _forward(sheet: _Sheet, source: BBox, target: BBox, line: int) -> None:
    """Down out of the source, across in the target's row, down into the target."""
    if abs(source.center_x - target.center_x) < 2:
        draw_arrow(
            sheet.image,
            [_pt(source.center_x, source.bottom), _pt(target.center_x, target.top)],
            line,
            size=sheet.style.head,
        )
        return
    elbow = target.top - 0.45 * (target.top - _row_top(sheet, target))
    draw_arrow(
        sheet.image,
        [
            _pt(source.center_x, source.bottom),
            _pt(source.center_x, elbow),
            _pt(target.center_x, elbow),
            _pt(target.center_x, target.top),
        ],
        line,
        size=sheet.style.head,
    )


def _row_top(sheet: _Sheet, box: BBox) -> float:
    return next(r.top for r in sheet.table.rows if r.top <= box.center_y < r.bottom)


def _channel(
    sheet: _Sheet, source: BBox, target: BBox, side: str, line: int, lane_box: BBox
) -> tuple[int, int]:
    """From the decision's side vertex to the lane edge channel, along it to the target's row,
    then across into the target's side. Returns the exit point."""
    inset = sheet.style.channel_inset
    channel_x = lane_box.right - inset if side == "right" else lane_box.left + inset
    exit_x = source.right if side == "right" else source.left
    end_x = target.right if channel_x > target.center_x else target.left
    points = [
        _pt(exit_x, source.center_y),
        _pt(channel_x, source.center_y),
        _pt(channel_x, target.center_y),
        _pt(end_x, target.center_y),
    ]
    draw_arrow(sheet.image, points, line, size=sheet.style.head)
    return points[0]


def _label(sheet: _Sheet, text: str | None, x: int, y: int, side: str) -> None:
    if not text:
        return
    if side == "bottom":
        put_word(sheet.image, sheet.words, text, x + 6, y + 16, 0.4)
    else:
        (width, _), _ = cv2.getTextSize(text, FONT, 0.4, 1)
        put_word(
            sheet.image,
            sheet.words,
            text,
            x + 3 if side == "right" else x - width - 3,
            y - sheet.style.label_lift,
            0.4,
        )


def _draw_step_exits(
    sheet: _Sheet, step: PlanStep, boxes: dict[int, list[tuple[int, BBox]]], style: Style
) -> None:
    for source_lane, source in boxes[step.no]:
        for to, when, label in step.exits:
            if to not in boxes:
                continue
            targets = boxes[to]
            if step.kind == "decision" and when == "tidak":
                lane_box = sheet.cells[(step.no, source_lane)]
                side = "right" if to < step.no else "left"
                exit_point = _channel(sheet, source, targets[0][1], side, style.line, lane_box)
                _label(sheet, label if style.labels else None, *exit_point, side)
                continue
            for _, target in targets:
                _forward(sheet, source, target, style.line)
            if step.kind == "decision":
                _label(
                    sheet,
                    label if style.labels else None,
                    *_pt(source.center_x, source.bottom),
                    "bottom",
                )


def _draw_symbols(sheet: _Sheet, plan: list[PlanStep], style: Style, rng: np.random.Generator,
                  boxes: dict[int, list[tuple[int, BBox]]]) -> None:  # fmt: skip
    for step in plan:
        if step.no not in sheet.rows:
            continue
        for lane in step.lanes:
            box = _symbol_box(sheet.cells[(step.no, lane)], step.kind, style, rng)
            draw_symbol(sheet.image, step.kind, box, style.line)
            boxes.setdefault(step.no, []).append((lane, box))
            if step.text:
                put_word(
                    sheet.image,
                    sheet.words,
                    step.text,
                    int(box.center_x - 20),
                    int(box.center_y + 5),
                    0.35,
                )


def _cross_page(
    before: _Sheet, after: _Sheet, source: BBox, target: BBox, style: Style, letter: str | None
) -> None:
    """A forward edge over a page break: a line to the table's bottom that goes on at the top of the
    next page, or (with `letter`) through a pair of off-page connectors in unnumbered rows."""
    bottom = before.table.rows[-1].bottom
    top = after.table.rows[1].top
    if letter is None:
        draw_arrow(
            before.image,
            [_pt(source.center_x, source.bottom), _pt(source.center_x, bottom)],
            style.line,
            head=False,
        )
        lane_x = source.center_x - before.table.bbox.left + after.table.bbox.left
        entry = BBox(left=lane_x - 1, top=top - 2, right=lane_x + 1, bottom=top)
        _forward(after, entry, target, style.line)
        return
    for sheet, anchor_x, row in (
        (before, source.center_x, before.table.rows[-1]),
        (after, target.center_x, after.table.rows[1]),
    ):
        size = 0.55 * (row.bottom - row.top)
        box = BBox(
            left=anchor_x - size / 2,
            top=row.top + 0.2 * (row.bottom - row.top),
            right=anchor_x + size / 2,
            bottom=row.top + 0.2 * (row.bottom - row.top) + size,
        )
        draw_symbol(sheet.image, "off_page", box, style.line)
        put_word(
            sheet.image,
            sheet.words,
            letter,
            int(box.center_x - 5),
            int(box.top + 0.45 * size),
            0.45,
        )
        if sheet is before:
            draw_arrow(
                sheet.image,
                [_pt(source.center_x, source.bottom), _pt(box.center_x, box.top)],
                style.line,
            )
        else:
            _forward(sheet, box, target, style.line)


def draw_plan(plan: list[PlanStep], lanes: int, style: Style | None = None,
              split: int | None = None, letter: str | None = None) -> Drawn:  # fmt: skip
    """Steps up to `split` on page 1, the rest on page 2 (one page without `split`); with
    `letter`, the flow crosses the break through off-page connectors in unnumbered rows."""
    style = style or Style()
    rng = np.random.default_rng(style.seed)
    steps = {step.no: step for step in plan}
    numbers = [s.no for s in plan]
    chunks: list[list[int | None]] = (
        [list(numbers)]
        if split is None
        else [[n for n in numbers if n <= split], [n for n in numbers if n > split]]
    )
    if split is not None and letter is not None:
        chunks[0].append(None)
        chunks[1].insert(0, None)
    sheets = [_sheet(chunk, lanes, style, steps) for chunk in chunks]
    boxes: list[dict[int, list[tuple[int, BBox]]]] = [{} for _ in sheets]
    for sheet, page_boxes in zip(sheets, boxes, strict=True):
        _draw_symbols(sheet, plan, style, rng, page_boxes)
    for sheet, page_boxes in zip(sheets, boxes, strict=True):
        for step in plan:
            if step.no in page_boxes:
                _draw_step_exits(sheet, step, page_boxes, style)
    if split is not None:
        for to, _, _ in steps[split].exits:
            if to == split + 1:
                _cross_page(
                    sheets[0], sheets[1], boxes[0][split][0][1], boxes[1][to][0][1], style, letter
                )
    pages = [
        Page(number=i + 1, source="drawn", image=s.image, words=s.words, tables=[s.table])
        for i, s in enumerate(sheets)
    ]
    refs = [
        StepRowRef(no=no, page=i + 1, table=0, row=row.index)
        for i, s in enumerate(sheets)
        for no, row in s.rows.items()
    ]
    merged = {no: b for page_boxes in boxes for no, b in page_boxes.items()}
    return Drawn(pages=pages, steps=refs, plan=plan, boxes=merged)


def linear_plan(count: int, lanes: list[int]) -> list[PlanStep]:
    kinds = ["start", *["process"] * (count - 2), "end"]
    return [PlanStep(no=i + 1, kind=kinds[i], lanes=(lanes[i],),
                     exits=((i + 2, None, None),) if i + 1 < count else ())
            for i in range(count)]  # fmt: skip
