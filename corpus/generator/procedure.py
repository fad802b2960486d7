"""The procedure table of one SOP as pages, and its final gold (symbols exactly as drawn)."""

from __future__ import annotations

import random
from collections.abc import Callable

from corpus.generator.content import SopDraft
from corpus.generator.flow import FlowStep
from corpus.generator.flow_layout import (
    Lane,
    RowGeom,
    SymbolSize,
    channel,
    joint_lines,
    pick_pair,
    place_row,
    row_flow_height,
    sequential,
    symbol_sizes,
    to_connector,
)
from corpus.generator.sheet import FlowSymbol, Item, SheetPage
from corpus.generator.style import Style
from corpus.generator.table_layout import (
    draw_header,
    draw_row_cells,
    table_columns,
    text_height,
    title_block,
)
from models.sop import Sop, StepSymbol

RowHeight = Callable[[int, bool, bool], float]


def keep_together(draft: SopDraft) -> list[list[int]]:
    """Runs of steps that must share a page: loops, skips and merged Waktu cells."""
    spans = [(no, no + 1) for no in draft.merged_waktu]
    for flow in draft.flow:
        for exit_ in flow.exits:
            if exit_.when == "tidak":
                spans.append((min(flow.no, exit_.to), max(flow.no, exit_.to)))
    blocks: list[list[int]] = []
    for no in range(1, len(draft.flow) + 1):
        joined = any(low < no <= high for low, high in spans)
        if blocks and joined:
            blocks[-1].append(no)
        else:
            blocks.append([no])
    return blocks


def paginate(
    blocks: list[list[int]], height: RowHeight, first_room: float, room: float
) -> list[list[int]]:
    """Greedy pages. Room for an outgoing connector is kept below every run (it may end a page),
    an incoming one above the first row of every page but the first. A block taller than a page
    is split into single rows (its loop then crosses a page; see `_retarget`)."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for block in blocks:
        runs = [[no] for no in block] if _run_height(block, height, True) > room else [block]
        for run in runs:
            starts_page = not pages[-1]
            limit = first_room if len(pages) == 1 else room
            if not starts_page and used + _run_height(run, height, False) > limit:
                pages.append([])
                used = 0.0
            conn_in = not pages[-1] and len(pages) > 1
            pages[-1].extend(run)
            used += sum(height(no, conn_in and i == 0, False) for i, no in enumerate(run))
    return pages


def _run_height(run: list[int], height: RowHeight, conn_in: bool) -> float:
    """Height of consecutive rows when the last one may carry an outgoing connector."""
    first_in = conn_in and len(run) == 1
    rows = sum(height(no, conn_in and i == 0, False) for i, no in enumerate(run[:-1]))
    return rows + height(run[-1], first_in, True)


def _row_geometry(
    pages: list[list[int]], height: RowHeight, tops: list[float]
) -> dict[int, RowGeom]:
    rows: dict[int, RowGeom] = {}
    for page_index, numbers in enumerate(pages):
        y = tops[page_index]
        for position, no in enumerate(numbers):
            conn_in = chr(ord("A") + page_index - 1) if position == 0 and page_index > 0 else None
            last_page = page_index == len(pages) - 1
            conn_out = (
                chr(ord("A") + page_index)
                if position == len(numbers) - 1 and not last_page
                else None
            )
            row_height = height(no, conn_in is not None, conn_out is not None)
            rows[no] = RowGeom(
                no=no,
                page=page_index,
                top=y,
                bottom=y + row_height,
                conn_in=conn_in,
                conn_out=conn_out,
            )
            y += row_height
    return rows


def _edges(
    draft: SopDraft,
    rows: dict[int, RowGeom],
    placed: dict[int, list[FlowSymbol]],
    lanes: list[Lane],
    style: Style,
) -> dict[int, list[Item]]:
    """Every arrow of the flowchart, per table page."""
    items: dict[int, list[Item]] = {}
    side_targets = {e.to for f in draft.flow for e in f.exits if e.when == "tidak"}
    main = {
        no: [s for s in symbols if s.shape != "off_page_connector"]
        for no, symbols in placed.items()
    }
    for index, flow in enumerate(draft.flow):
        row = rows[flow.no]
        page_items = items.setdefault(row.page, [])
        if len(main[flow.no]) > 1:
            page_items.extend(joint_lines(main[flow.no], style))
        for exit_ in flow.exits:
            label = exit_.label or None
            if exit_.when == "tidak":
                lane = lanes[flow.lanes[0]]
                span = range(min(flow.no, exit_.to), max(flow.no, exit_.to) + 1)
                widest = (
                    max(s.box.width for no in span for s in main[no] if s.actor == lane.actor)
                    if any(s.actor == lane.actor for no in span for s in main[no])
                    else 0.0
                )
                source, target = main[flow.no][0], pick_pair(main[flow.no], main[exit_.to])[1]
                page_items.extend(
                    channel(
                        source, target, lane, widest, 0.45 if index % 2 else 0.7, style, exit_.label
                    )
                )
            elif rows[exit_.to].page == row.page:
                source, target = pick_pair(main[flow.no], main[exit_.to])
                entered = flow.no in side_targets
                page_items.extend(sequential(source, target, row, style, label, entered))
            else:
                page_items.extend(
                    _across_pages(placed, flow.no, exit_.to, style, label, items, rows)
                )
    return items


def _across_pages(
    placed: dict[int, list[FlowSymbol]],
    source_no: int,
    target_no: int,
    style: Style,
    label: str | None,
    items: dict[int, list[Item]],
    rows: dict[int, RowGeom],
) -> list[Item]:
    """A -> B over a page break: down into connector X on one page, out of X on the next."""
    out = _connector(placed[source_no], rows[source_no].conn_out)
    source = next(
        s for s in placed[source_no] if s.shape != "off_page_connector" and s.actor == out.actor
    )
    inbound = _connector(placed[target_no], rows[target_no].conn_in)
    target = next(
        s for s in placed[target_no] if s.shape != "off_page_connector" and s.actor == inbound.actor
    )
    items.setdefault(rows[target_no].page, []).extend(to_connector(target, inbound, style, None))
    return to_connector(source, out, style, label)


def _connector(symbols: list[FlowSymbol], letter: str | None) -> FlowSymbol:
    return next(s for s in symbols if s.shape == "off_page_connector" and s.text == letter)


def _gold_symbols(symbols: list[FlowSymbol], page_number: int) -> list[StepSymbol]:
    return [
        StepSymbol(actor=s.actor, shape=s.shape, text=s.text, page=page_number, bbox=s.box)
        for s in symbols
    ]


def layout_procedure(
    draft: SopDraft, style: Style, rng: random.Random, first_page: int
) -> tuple[list[SheetPage], Sop]:
    """Table pages numbered from `first_page` (1-based in the file) and the SOP as drawn."""
    columns = table_columns(draft, style)
    lanes = [
        Lane(index=i, actor=a.id, left=c.left, right=c.right)
        for i, (a, c) in enumerate(
            zip(draft.sop.actors, [c for c in columns if c.role.startswith("lane:")], strict=True)
        )
    ]
    steps = {step.no: step for step in draft.sop.steps}
    flows: dict[int, FlowStep] = {flow.no: flow for flow in draft.flow}
    sizes: dict[int, SymbolSize] = {
        no: symbol_sizes(flows[no], lanes[0].right - lanes[0].left, style, rng) for no in flows
    }
    texts = {no: text_height(steps[no], style, columns) for no in steps}

    def height(no: int, conn_in: bool, conn_out: bool) -> float:
        return max(texts[no], row_flow_height(sizes[no], conn_in, conn_out, style))

    width, page_height = style.page_size
    title = title_block(draft, style, style.margin)
    first_top = style.margin + (title.box.height + 6 if title else 0)
    header = draw_header(SheetPage(width=width, height=page_height), 0.0, draft, style, columns)
    bottom = page_height - style.margin
    pages = paginate(
        keep_together(draft), height, bottom - first_top - header, bottom - style.margin - header
    )
    tops = [(first_top if index == 0 else style.margin) + header for index in range(len(pages))]
    rows = _row_geometry(pages, height, tops)
    sheets = [SheetPage(width=width, height=page_height) for _ in pages]
    if title:
        sheets[0].items.append(title)
    for index, sheet in enumerate(sheets):
        draw_header(sheet, tops[index] - header, draft, style, columns)
    placed: dict[int, list[FlowSymbol]] = {}
    for no, row in rows.items():
        merged = draft.merged_waktu and (no in draft.merged_waktu) and rows[no + 1].page == row.page
        skip = (no - 1) in draft.merged_waktu and rows[no - 1].page == row.page
        draw_row_cells(
            sheets[row.page],
            steps[no],
            row.top,
            row.bottom,
            rows[no + 1].bottom if merged else None,
            skip,
            style,
            columns,
            draft.sop.id,
        )
        placed[no] = place_row(steps[no], flows[no], sizes[no], row, lanes, style)
        sheets[row.page].items.extend(placed[no])
    for page_index, items in _edges(draft, rows, placed, lanes, style).items():
        sheets[page_index].items.extend(items)
    gold_steps = [
        steps[no].model_copy(
            update={"symbols": _gold_symbols(placed[no], first_page + rows[no].page)}
        )
        for no in sorted(steps)
    ]
    return sheets, draft.sop.model_copy(update={"steps": gold_steps})
