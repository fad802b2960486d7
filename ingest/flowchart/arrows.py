"""Follow the connector lines between symbols; arrowheads give each line its direction.

Works on the stroke mask of a lane region (rulings removed, crossings bridged). Symbols are cut
out of it; what is left is lines, arrowheads and label glyphs. A line component that touches two
or more symbols (or one symbol and the top/bottom of the table body) is an arrow. At each end the
ink near the contact point tells a bare line end from an arrowhead.
"""

from __future__ import annotations

import cv2
import numpy as np
from pydantic import BaseModel

from ingest.flowchart.masks import LaneRegion
from ingest.flowchart.settings import FlowchartSettings
from ingest.flowchart.symbols import FoundSymbol


class Contact(BaseModel):
    symbol: int
    x: float
    y: float
    head_score: float

    def is_head(self, settings: FlowchartSettings) -> bool:
        return self.head_score >= settings.head_mass_ratio


class EdgeEnd(BaseModel):
    """Where a line leaves the table body (page coordinates of the lane region crop)."""

    side: str
    x: float


class Line(BaseModel):
    contacts: list[Contact]
    ends: list[EdgeEnd]


class Arrow(BaseModel):
    """A directed link between two found symbols (indices into the found list)."""

    source: int
    target: int
    exit_x: float
    exit_y: float
    confidence: float


class Dangling(BaseModel):
    symbol: int
    direction: str
    side: str
    x: float
    confidence: float


def _paint(found: list[FoundSymbol], shape: tuple[int, int], grow: int) -> np.ndarray:
    """Label image: symbol index + 1 where the (grown) symbol lies."""
    labels = np.zeros(shape, np.int32)
    kernel = np.ones((2 * grow + 1, 2 * grow + 1), np.uint8) if grow else None
    for index, item in enumerate(found):
        mask = cv2.dilate(item.mask, kernel) if kernel is not None else item.mask
        window = labels[item.y : item.y + mask.shape[0], item.x : item.x + mask.shape[1]]
        cropped = mask[: window.shape[0], : window.shape[1]] > 0
        window[cropped & (window == 0)] = index + 1
    return labels


def _head_score(component: np.ndarray, x: float, y: float, radius: int, stroke: float) -> float:
    top, left = max(int(y) - radius, 0), max(int(x) - radius, 0)
    window = component[top : int(y) + radius + 1, left : int(x) + radius + 1]
    ys, xs = np.nonzero(window)
    near = (xs + left - x) ** 2 + (ys + top - y) ** 2 <= radius**2
    return float(np.count_nonzero(near)) / (radius * max(stroke, 1.0))


def find_lines(
    region: LaneRegion, found: list[FoundSymbol], settings: FlowchartSettings
) -> list[Line]:
    stroke = region.stroke_px
    body = _paint(found, region.strokes.shape, 1)
    ring = _paint(found, region.strokes.shape, max(2, round(stroke / 2) + 2))
    free = np.where(body > 0, 0, region.strokes).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(free, connectivity=8)
    touching = (labels > 0) & (ring > 0)
    pairs = (
        np.unique(np.stack([labels[touching], ring[touching]]), axis=1) if touching.any() else []
    )
    by_component: dict[int, list[int]] = {}
    for component, symbol in np.asarray(pairs).T if len(pairs) else []:
        by_component.setdefault(int(component), []).append(int(symbol) - 1)
    height = region.strokes.shape[0]
    tolerance = settings.page_edge_tolerance_px + int(stroke)
    radius = max(8, round(4 * stroke))
    lines: list[Line] = []
    for component in range(1, count):
        x, y, w, h, _area = stats[component]
        ends = _edge_ends(labels, component, (x, y, w, h), height, tolerance)
        symbols = by_component.get(component, [])
        if len(symbols) + len(ends) < 2 or not symbols:
            continue
        mask = (labels[y : y + h, x : x + w] == component).astype(np.uint8)
        full_ring = ring[y : y + h, x : x + w]
        contacts = []
        for symbol in symbols:
            ys, xs = np.nonzero(mask & (full_ring == symbol + 1))
            cx, cy = float(xs.mean()), float(ys.mean())
            score = _head_score(mask, cx, cy, radius, stroke)
            contacts.append(Contact(symbol=symbol, x=cx + x, y=cy + y, head_score=score))
        lines.append(Line(contacts=contacts, ends=ends))
    return lines


def _edge_ends(labels: np.ndarray, component: int, stats: tuple[int, int, int, int], height: int,
               tolerance: int) -> list[EdgeEnd]:  # fmt: skip
    x, y, w, h = stats
    ends = []
    if y <= tolerance:
        xs = np.nonzero(labels[y, x : x + w] == component)[0]
        ends.append(EdgeEnd(side="top", x=float(xs.mean() + x) if xs.size else x + w / 2))
    if y + h >= height - tolerance:
        xs = np.nonzero(labels[y + h - 1, x : x + w] == component)[0]
        ends.append(EdgeEnd(side="bottom", x=float(xs.mean() + x) if xs.size else x + w / 2))
    return ends


def _reading_order(found: list[FoundSymbol], contact: Contact) -> tuple[float, float]:
    box = found[contact.symbol].symbol.bbox
    return (box.center_y, box.center_x)


def lines_to_arrows(lines: list[Line], found: list[FoundSymbol],
                    settings: FlowchartSettings) -> tuple[list[Arrow], list[Dangling]]:  # fmt: skip
    arrows: list[Arrow] = []
    dangling: list[Dangling] = []
    for line in lines:
        heads = [c for c in line.contacts if c.is_head(settings)]
        tails = [c for c in line.contacts if not c.is_head(settings)]
        certain = bool(heads and tails) or (bool(heads) and bool(line.ends))
        if not certain and len(line.contacts) >= 2:
            # No readable arrowhead: assume the flow runs down the table (its usual direction).
            ordered = sorted(line.contacts, key=lambda c: _reading_order(found, c))
            tails, heads = ordered[:1], ordered[1:]
        confidence = 0.9 if certain and len(heads) * len(tails) == 1 else (0.7 if certain else 0.4)
        for tail in tails:
            for head in heads:
                if tail.symbol != head.symbol:
                    arrows.append(Arrow(source=tail.symbol, target=head.symbol, exit_x=tail.x,
                                        exit_y=tail.y, confidence=confidence))  # fmt: skip
        for end in line.ends:
            for contact in line.contacts:
                direction = "in" if contact.is_head(settings) else "out"
                dangling.append(Dangling(symbol=contact.symbol, direction=direction, side=end.side,
                                         x=end.x, confidence=0.8 if heads or tails else 0.5))  # fmt: skip
    return arrows, dangling
