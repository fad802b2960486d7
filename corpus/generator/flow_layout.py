"""Place flowchart symbols in their rows and lanes, and route the arrows between them (pure)."""

from __future__ import annotations

import itertools
import random

from pydantic import BaseModel, ConfigDict

from corpus.generator.flow import FlowStep
from corpus.generator.sheet import FlowLine, FlowSymbol, Item, Point, TextBlock
from corpus.generator.style import Style
from corpus.generator.typeset import text_width
from models.geometry import BBox
from models.sop import Step

CONNECTOR_HEIGHT = 13.0
MIN_TEXT_SIZE = 3.5


class Lane(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    actor: str
    left: float
    right: float

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


class RowGeom(BaseModel):
    """Where a step's row sits, and the off-page connector letters drawn in it."""

    model_config = ConfigDict(frozen=True)

    no: int
    page: int
    top: float
    bottom: float
    conn_in: str | None = None
    conn_out: str | None = None


class SymbolSize(BaseModel):
    model_config = ConfigDict(frozen=True)

    width: float
    height: float


def gap(style: Style) -> float:
    return max(8.0, style.arrow_size + 5.0)


def symbol_sizes(flow: FlowStep, lane_width: float, style: Style, rng: random.Random) -> SymbolSize:
    """One size for all of a step's symbols, jittered per step so sizes vary down the page."""
    jitter = rng.uniform(0.88, 1.12)
    width = lane_width * style.symbol_width_fraction * jitter
    height = style.symbol_height * jitter
    if flow.kind == "decision":
        return SymbolSize(width=min(lane_width * 0.66, width * 1.15), height=height * 1.35)
    if flow.kind in ("start", "end"):
        return SymbolSize(width=width, height=height * 0.9)
    return SymbolSize(width=width, height=height)


def row_flow_height(size: SymbolSize, conn_in: bool, conn_out: bool, style: Style) -> float:
    connectors = (int(conn_in) + int(conn_out)) * (CONNECTOR_HEIGHT + gap(style) * 0.6)
    return size.height + 2 * gap(style) + connectors


def _text_size(text: str | None, shape: str, width: float, style: Style) -> float:
    if not text:
        return style.body_size
    room = width * (0.5 if shape == "decision" else 0.85)
    return max(
        MIN_TEXT_SIZE, min(style.body_size - 2, room / max(text_width(text, style.font, 1), 1))
    )


def place_row(
    step: Step, flow: FlowStep, size: SymbolSize, row: RowGeom, lanes: list[Lane], style: Style
) -> list[FlowSymbol]:
    """The symbols of one row; off-page connectors above/below the first/last lane's symbol."""
    area_top = row.top + (CONNECTOR_HEIGHT + gap(style) * 0.6 if row.conn_in else 0)
    area_bottom = row.bottom - (CONNECTOR_HEIGHT + gap(style) * 0.6 if row.conn_out else 0)
    center_y = (area_top + area_bottom) / 2
    shape = step.symbols[0].shape
    placed = []
    for lane_index in flow.lanes:
        lane = lanes[lane_index]
        box = BBox(
            left=lane.center - size.width / 2,
            top=center_y - size.height / 2,
            right=lane.center + size.width / 2,
            bottom=center_y + size.height / 2,
        )
        text = flow.symbol_text
        placed.append(
            FlowSymbol(
                shape=shape,
                box=box,
                width=style.flow_width,
                step_no=step.no,
                actor=lane.actor,
                text=text,
                font=style.font,
                size=_text_size(text, shape, size.width, style),
            )
        )
    for letter, lane, top in (
        (row.conn_in, lanes[flow.lanes[0]], row.top + gap(style) * 0.5),
        (row.conn_out, lanes[flow.lanes[-1]], row.bottom - gap(style) * 0.5 - CONNECTOR_HEIGHT),
    ):
        if letter:
            half = min(8.0, (lane.right - lane.left) * 0.2)
            box = BBox(
                left=lane.center - half,
                top=top,
                right=lane.center + half,
                bottom=top + CONNECTOR_HEIGHT,
            )
            placed.append(
                FlowSymbol(
                    shape="off_page_connector",
                    box=box,
                    width=style.flow_width,
                    step_no=step.no,
                    actor=lane.actor,
                    text=letter,
                    font=style.font_bold,
                    size=6.5,
                )
            )
    return placed


def _line(points: list[tuple[float, float]], style: Style, arrow: bool = True) -> FlowLine:
    return FlowLine(
        points=tuple(Point(x=x, y=y) for x, y in points),
        width=style.flow_width,
        arrow=arrow,
        arrow_size=style.arrow_size,
    )


def _label(text: str, x: float, y: float, style: Style, right_aligned: bool = False) -> TextBlock:
    size = max(5.0, style.body_size - 1.5)
    width = text_width(text, style.font, size) + 1
    left = x - width if right_aligned else x
    return TextBlock(
        lines=(text,),
        font=style.font,
        size=size,
        box=BBox(left=left, top=y, right=left + width, bottom=y + size * 1.2),
    )


def joint_lines(symbols: list[FlowSymbol], style: Style) -> list[Item]:
    """Plain lines joining the symbols of one step drawn in several lanes."""
    ordered = sorted(symbols, key=lambda symbol: symbol.box.left)
    return [
        _line([(a.box.right, a.box.center_y), (b.box.left, b.box.center_y)], style, arrow=False)
        for a, b in itertools.pairwise(ordered)
    ]


def sequential(
    source: FlowSymbol,
    target: FlowSymbol,
    row: RowGeom,
    style: Style,
    label: str | None,
    sides_taken: bool = False,
) -> list[Item]:
    """An arrow to the next row: straight down, or across then down (from the side or below).
    `sides_taken`: a loop enters the source from the side, so this arrow leaves from below."""
    sx, tx = source.box.center_x, target.box.center_x
    items: list[Item] = []
    if abs(sx - tx) < 1:
        items.append(_line([(sx, source.box.bottom), (tx, target.box.top)], style))
    elif style.side_exits and source.shape != "decision" and not sides_taken:
        side = source.box.right if tx > sx else source.box.left
        items.append(
            _line(
                [(side, source.box.center_y), (tx, source.box.center_y), (tx, target.box.top)],
                style,
            )
        )
    else:
        middle = (source.box.bottom + row.bottom) / 2
        items.append(
            _line(
                [(sx, source.box.bottom), (sx, middle), (tx, middle), (tx, target.box.top)], style
            )
        )
    if label:
        items.append(_label(label, sx + 2, source.box.bottom + 0.5, style))
    return items


def to_connector(
    source: FlowSymbol, connector: FlowSymbol, style: Style, label: str | None
) -> list[Item]:
    """Down from a symbol into the off-page connector below it (same lane), or out of one above."""
    x = connector.box.center_x
    if connector.box.top >= source.box.bottom:
        items: list[Item] = [_line([(x, source.box.bottom), (x, connector.box.top)], style)]
        if label:
            items.append(_label(label, x + 2, source.box.bottom + 0.5, style))
        return items
    return [_line([(x, connector.box.bottom), (x, source.box.top)], style)]


def channel(
    source: FlowSymbol,
    target: FlowSymbol,
    lane: Lane,
    widest: float,
    offset: float,
    style: Style,
    label: str,
) -> list[Item]:
    """A no-exit routed along the lane's edge channel back (loop) or down (skip) to its target."""
    rightwards = (
        target.box.center_x >= source.box.center_x
        if target.box.center_x != source.box.center_x
        else lane.index % 2 == 0
    )
    free = max((lane.right - lane.left - widest) / 2, 2.0)
    if rightwards:
        x_channel, x_exit = lane.right - free * offset, source.box.right
    else:
        x_channel, x_exit = lane.left + free * offset, source.box.left
    y_exit, y_target = source.box.center_y, target.box.center_y
    entry = target.box.right if target.box.center_x < x_channel else target.box.left
    line = _line(
        [(x_exit, y_exit), (x_channel, y_exit), (x_channel, y_target), (entry, y_target)], style
    )
    size = max(5.0, style.body_size - 1.5)
    label_y = y_exit - size * 1.2 - 0.5
    tag = _label(
        label,
        x_exit + 1 if rightwards else x_exit - 1,
        label_y,
        style,
        right_aligned=not rightwards,
    )
    return [line, tag]


def pick_pair(
    sources: list[FlowSymbol], targets: list[FlowSymbol]
) -> tuple[FlowSymbol, FlowSymbol]:
    """For steps drawn in several lanes: the closest pair of symbols carries the arrow."""
    return min(
        ((s, t) for s in sources for t in targets),
        key=lambda pair: abs(pair[0].box.center_x - pair[1].box.center_x),
    )
