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
from ingest.flowchart.segments import UnionFind, joined, near_run, straight_runs
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


def head_blobs(free: np.ndarray, stroke: float) -> tuple[np.ndarray, float]:
    """What survives an opening with a disc wider than the pen: filled arrowheads (and very thick
    ink), never plain lines, bends, or label glyphs touching a line. Returns the mask and the disc
    area."""
    diameter = round(1.5 * stroke) + 1
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (diameter, diameter))
    return cv2.morphologyEx(free, cv2.MORPH_OPEN, disc), float(np.count_nonzero(disc))


def _contacts(free: np.ndarray, ring: np.ndarray, heads: np.ndarray, disc_area: float,
              radius: int) -> list[Contact]:  # fmt: skip
    """Each separate spot where line ink meets a symbol's rim is one contact; its head score is
    how many head-sized discs of ink sit next to it."""
    spots = ((free > 0) & (ring > 0)).astype(np.uint8)
    count, labels, _, centroids = cv2.connectedComponentsWithStats(spots, connectivity=8)
    contacts = []
    for label in range(1, count):
        x, y = (float(v) for v in centroids[label])
        symbol = int(np.bincount(ring[labels == label]).argmax()) - 1
        top, left = max(int(y) - radius, 0), max(int(x) - radius, 0)
        near = np.count_nonzero(heads[top : int(y) + radius + 1, left : int(x) + radius + 1])
        contacts.append(Contact(symbol=symbol, x=x, y=y, head_score=near / disc_area))
    return contacts


def find_lines(
    region: LaneRegion, found: list[FoundSymbol], settings: FlowchartSettings
) -> list[Line]:
    stroke = region.stroke_px
    body = _paint(found, region.strokes.shape, 1)
    ring = _paint(found, region.strokes.shape, max(2, round(stroke / 2) + 2))
    free = np.where(body > 0, 0, region.strokes).astype(np.uint8)
    heads, disc_area = head_blobs(free, stroke)
    radius = max(6, round(3 * stroke))
    contacts = _contacts(free, ring, heads, disc_area, radius)
    runs = straight_runs(free, stroke)
    slack = 2 * stroke + 2
    groups = UnionFind(len(runs) + len(contacts))
    for a in range(len(runs)):
        for b in range(a + 1, len(runs)):
            if joined(runs[a], runs[b], slack):
                groups.union(a, b)
    for index, contact in enumerate(contacts):
        for r, run in enumerate(runs):
            if near_run(run, contact.x, contact.y, slack + 2):
                groups.union(len(runs) + index, r)
    height = region.strokes.shape[0]
    tolerance = settings.page_edge_tolerance_px + int(stroke)
    lines: dict[int, Line] = {}
    for index, contact in enumerate(contacts):
        root = groups.find(len(runs) + index)
        lines.setdefault(root, Line(contacts=[], ends=[])).contacts.append(contact)
    for r, run in enumerate(runs):
        root = groups.find(r)
        if root in lines and not run.horizontal:
            if run.start <= tolerance:
                lines[root].ends.append(EdgeEnd(side="top", x=run.middle))
            if run.end >= height - 1 - tolerance:
                lines[root].ends.append(EdgeEnd(side="bottom", x=run.middle))
    return [line for line in lines.values() if len(line.contacts) + len(line.ends) >= 2]


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


def _merged(contacts: list[Contact]) -> list[Contact]:
    """One contact per symbol: a rim met in two spots (either side of a vertex) is one end."""
    best: dict[int, Contact] = {}
    for contact in contacts:
        if contact.symbol not in best or contact.head_score > best[contact.symbol].head_score:
            best[contact.symbol] = contact
    return list(best.values())


def _split_heads(
    contacts: list[Contact], settings: FlowchartSettings
) -> tuple[list[Contact], list[Contact]]:
    """Heads are clearly fatter than the line; with several ends, also close to the fattest one."""
    top = max((c.head_score for c in contacts), default=0.0)
    floor = (
        max(settings.head_mass_ratio, 0.75 * top) if len(contacts) > 1 else settings.head_mass_ratio
    )
    heads = [c for c in contacts if c.head_score >= floor]
    return heads, [c for c in contacts if c not in heads]


def lines_to_arrows(
    lines: list[Line], found: list[FoundSymbol], settings: FlowchartSettings
) -> tuple[list[Arrow], list[Dangling]]:
    arrows: list[Arrow] = []
    dangling: list[Dangling] = []
    for line in lines:
        contacts = _merged(line.contacts)
        heads, tails = _split_heads(contacts, settings)
        certain = bool(heads and tails) or (bool(heads) and bool(line.ends))
        if not certain and len(contacts) >= 2:
            # No readable arrowhead: assume the flow runs down the table (its usual direction).
            ordered = sorted(contacts, key=lambda c: _reading_order(found, c))
            tails, heads = ordered[:1], ordered[1:]
        confidence = 0.9 if certain and len(heads) * len(tails) == 1 else (0.7 if certain else 0.4)
        for tail in tails:
            for head in heads:
                if tail.symbol != head.symbol:
                    arrows.append(Arrow(source=tail.symbol, target=head.symbol, exit_x=tail.x,
                                        exit_y=tail.y, confidence=confidence))  # fmt: skip
        for end in line.ends:
            for contact in contacts:
                direction = "in" if contact in heads else "out"
                dangling.append(Dangling(symbol=contact.symbol, direction=direction, side=end.side,
                                         x=end.x, confidence=0.8 if certain else 0.5))  # fmt: skip
    return _continue_through_heads(arrows, lines, found, settings), dangling


def _continue_through_heads(arrows: list[Arrow], lines: list[Line], found: list[FoundSymbol],
                            settings: FlowchartSettings) -> list[Arrow]:  # fmt: skip
    """A loop-back often enters a symbol where that symbol's own exit leaves: the shared line then
    shows two heads and no exit. A symbol left without any way out takes the next head down."""
    has_exit = {a.source for a in arrows}
    extra = []
    for line in lines:
        heads, _ = _split_heads(_merged(line.contacts), settings)
        for head in heads:
            if head.symbol in has_exit:
                continue
            below = [h for h in heads if _reading_order(found, h) > _reading_order(found, head)]
            if below:
                target = min(below, key=lambda h: _reading_order(found, h))
                extra.append(Arrow(source=head.symbol, target=target.symbol, exit_x=head.x,
                                   exit_y=head.y, confidence=0.5))  # fmt: skip
                has_exit.add(head.symbol)
    return arrows + extra
