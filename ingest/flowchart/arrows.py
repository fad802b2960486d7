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
from ingest.flowchart.segments import UnionFind, across, joined, near_run, straight_runs
from ingest.flowchart.settings import FlowchartSettings
from ingest.flowchart.symbols import FoundSymbol


class Contact(BaseModel):
    symbol: int
    x: float
    y: float
    head_score: float
    """How far the ink flares on both sides of the line just outside the symbol (`end_flare`)."""
    off_axis: float = 0.0
    """Distance across from the nearest straight run of the line (a label glyph touching the
    symbol's rim is off the axis; the line's real end is on it)."""
    labelled: bool = False
    """A decision exit label (Ya/Tidak...) is printed next to this end: it is where a line leaves."""
    on_top: bool = False
    """The line meets the symbol on its top side (for a diamond: the top vertex)."""
    decision: bool = False
    """The symbol is a diamond: only its top vertex takes flow in; the flare at a side or bottom
    vertex is the label or the vertex itself, not a head."""

    def is_head(self, settings: FlowchartSettings) -> bool:
        return self.head_score >= settings.head_flare_px


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


def _reaches_outline(strokes: np.ndarray, body: np.ndarray, spot: np.ndarray, symbol: int,
                     stats: np.ndarray, region: LaneRegion) -> bool:  # fmt: skip
    """Is the spot's ink joined to the symbol's own outline by ink (no paper between)?"""
    x, y, w, h = (int(v) for v in stats[:4])
    margin = round(3 * region.stroke_px) + 6
    top, left = max(y - margin, 0), max(x - margin, 0)
    bottom, right = y + h + margin, x + w + margin
    own = body[top:bottom, left:right] == symbol
    near_spot = spot[top:bottom, left:right]
    ink = ((strokes[top:bottom, left:right] > 0) & (own | near_spot)).astype(np.uint8)
    _, parts = cv2.connectedComponents(ink, connectivity=8)
    spot_parts = np.unique(parts[near_spot & (ink > 0)])
    return bool(np.isin(parts[own & (ink > 0)], spot_parts[spot_parts > 0]).any())


def _contacts(free: np.ndarray, ring: np.ndarray, body: np.ndarray, strokes: np.ndarray,
              found: list[FoundSymbol], region: LaneRegion) -> list[Contact]:  # fmt: skip
    """Each separate spot where line ink meets a symbol's rim is one contact, placed where the
    ink touches the symbol (a line bending close to the rim would pull a centroid off the line);
    its head score is the flare of the ink there."""
    spots = ((free > 0) & (ring > 0)).astype(np.uint8)
    touching = cv2.dilate((body > 0).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(spots, connectivity=8)
    contacts = []
    for label in range(1, count):
        pixels = labels == label
        ys, xs = np.nonzero(pixels & touching)
        x, y = (
            (float(xs.mean()), float(ys.mean()))
            if xs.size
            else (float(v) for v in centroids[label])
        )
        symbol = int(np.bincount(ring[pixels]).argmax()) - 1
        if not _reaches_outline(strokes, body, pixels, symbol + 1, stats[label], region):
            continue  # a line passing close by (a loop channel beside a box), not ending here
        box = found[symbol].symbol.bbox
        crop_box = (box.left - region.offset_x, box.top - region.offset_y,
                    box.right - region.offset_x, box.bottom - region.offset_y)  # fmt: skip
        away = outward(crop_box, x, y)
        flare = end_flare(strokes, body, x, y, away, region.stroke_px)
        decision = found[symbol].symbol.shape == "decision"
        contacts.append(Contact(symbol=symbol, x=x, y=y, head_score=flare, on_top=away == (0, -1),
                                decision=decision))  # fmt: skip
    return contacts


def find_lines(
    region: LaneRegion, found: list[FoundSymbol], settings: FlowchartSettings
) -> list[Line]:
    stroke = region.stroke_px
    body = _paint(found, region.strokes.shape, 1)
    ring = _paint(found, region.strokes.shape, max(2, round(stroke / 2) + 2))
    free = np.where(body > 0, 0, region.strokes).astype(np.uint8)
    contacts = _contacts(free, ring, body, region.strokes, found, region)
    runs = straight_runs(free, stroke)
    slack = 2 * stroke + 2
    groups = UnionFind(len(runs) + len(contacts))
    for a in range(len(runs)):
        for b in range(a + 1, len(runs)):
            if joined(runs[a], runs[b], slack):
                groups.union(a, b)
    for index, contact in enumerate(contacts):
        near = [r for r, run in enumerate(runs) if near_run(run, contact.x, contact.y, slack + 2)]
        for r in near:
            groups.union(len(runs) + index, r)
        contact.off_axis = min((across(runs[r], contact.x, contact.y) for r in near), default=0.0)
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
    """One contact per symbol: a rim met in two spots (either side of a vertex, or a label glyph
    touching it) is one end, the spot on the line's axis."""
    best: dict[int, Contact] = {}
    labelled: set[int] = set()
    for contact in contacts:
        kept = best.get(contact.symbol)
        if contact.labelled:
            labelled.add(contact.symbol)
        if kept is None or (contact.off_axis, -contact.head_score) < (
            kept.off_axis,
            -kept.head_score,
        ):
            best[contact.symbol] = contact
    # A label beside either spot labels the end (its glyphs often make the off-axis spot).
    return [c.model_copy(update={"labelled": True}) if c.symbol in labelled and not c.labelled
            else c for c in best.values()]  # fmt: skip


def _split_heads(
    contacts: list[Contact], settings: FlowchartSettings
) -> tuple[list[Contact], list[Contact]]:
    """Heads flare clearly; with several ends, also comparably to the widest one. A labelled
    decision exit is never a head (the label glyphs touching the line are not a flare)."""
    candidates = [c for c in contacts if not c.labelled and not (c.decision and not c.on_top)]
    top = max((c.head_score for c in candidates), default=0.0)
    floor = max(settings.head_flare_px, settings.head_flare_share * top)
    heads = [c for c in candidates if c.head_score >= floor]
    return heads, [c for c in contacts if c not in heads]


def _direction(line: Line, found: list[FoundSymbol], settings: FlowchartSettings
               ) -> tuple[list[Contact], list[Contact], float]:  # fmt: skip
    """Tails, heads and how sure: read arrowheads; else a labelled decision exit is the tail;
    else the flow runs down the table (its usual direction)."""
    contacts = _merged(line.contacts)
    heads, tails = _split_heads(contacts, settings)
    labelled = [c for c in contacts if c.labelled]
    if heads and (tails or line.ends):
        return tails, heads, 0.9 if len(heads) * len(tails) == 1 else 0.7
    if labelled and len(contacts) > len(labelled):
        return labelled, [c for c in contacts if not c.labelled], 0.7
    exits = [c for c in contacts if _leaves_decision(found, c)]
    if len(exits) == 1 and len(contacts) > 1:
        return exits, [c for c in contacts if c is not exits[0]], 0.5
    ordered = sorted(contacts, key=lambda c: _reading_order(found, c))
    return ordered[:1], ordered[1:], 0.4


def _leaves_decision(found: list[FoundSymbol], contact: Contact) -> bool:
    """A line meeting a diamond at a side or the bottom vertex is one of its exits: flow comes
    into a decision at the top vertex (the drawing habit of SOP flowcharts)."""
    return contact.decision and not contact.on_top


def lines_to_arrows(
    lines: list[Line], found: list[FoundSymbol], settings: FlowchartSettings
) -> tuple[list[Arrow], list[Dangling]]:
    arrows: list[Arrow] = []
    dangling: list[Dangling] = []
    for line in lines:
        contacts = _merged(line.contacts)
        tails, heads, confidence = _direction(line, found, settings)
        certain = confidence > 0.5
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


def outward(box: tuple[float, float, float, float], x: float, y: float) -> tuple[int, int]:
    """The direction a line leaves a symbol at contact (x, y): away from the nearest box side
    (box = left, top, right, bottom in crop pixels)."""
    left, top, right, bottom = box
    gaps = {(-1, 0): abs(x - left), (1, 0): abs(x - right), (0, -1): abs(y - top),
            (0, 1): abs(y - bottom)}  # fmt: skip
    return min(gaps, key=lambda k: gaps[k])


def _run_across(strokes: np.ndarray, x: int, y: int, across: tuple[int, int], limit: int
                ) -> tuple[int, int]:  # fmt: skip
    """How far ink reaches from (x, y) on either side across the line (pixels, both >= 0)."""
    height, width = strokes.shape
    reach = []
    for sign in (1, -1):
        steps = 0
        while steps < limit:
            px, py = x + sign * across[0] * (steps + 1), y + sign * across[1] * (steps + 1)
            if not (0 <= px < width and 0 <= py < height) or not strokes[py, px]:
                break
            steps += 1
        reach.append(steps)
    return reach[0], reach[1]


def _nearest_ink(strokes: np.ndarray, x: int, y: int, across: tuple[int, int]
                 ) -> tuple[int, int] | None:  # fmt: skip
    for shift in (0, 1, -1, 2, -2):
        px, py = x + across[0] * shift, y + across[1] * shift
        if 0 <= px < strokes.shape[1] and 0 <= py < strokes.shape[0] and strokes[py, px]:
            return px, py
    return None


def end_flare(strokes: np.ndarray, symbols: np.ndarray, x: float, y: float,
              direction: tuple[int, int], stroke: float) -> float:  # fmt: skip
    """How much wider than the line itself the ink is just outside the symbol, on BOTH sides of
    the line (in pixels of width summed along the head's length). A filled head flares both ways;
    a label glyph touching the line sits on one side only; a bare line end does not flare."""
    ux, uy = direction
    across = (1, 0) if ux == 0 else (0, 1)
    cx, cy = round(x), round(y)
    # Back to the symbol's edge (the arrow tip touches it), then outwards along the line.
    for _ in range(round(4 * stroke) + 6):
        if (
            symbols[cy - uy, cx - ux]
            if 0 <= cy - uy < symbols.shape[0] and 0 <= cx - ux < symbols.shape[1]
            else True
        ):
            break
        cx, cy = cx - ux, cy - uy
    length = max(round(3 * stroke), 10)  # heads are 6-15 px long whatever the pen
    limit = round(3 * stroke) + 6
    profile = []
    for t in range(2 * length + 4):
        px, py = cx + ux * t, cy + uy * t
        if not (0 <= px < strokes.shape[1] and 0 <= py < strokes.shape[0]):
            break
        on_line = _nearest_ink(strokes, px, py, across)
        profile.append(_run_across(strokes, *on_line, across, limit) if on_line else (0, 0))
    if len(profile) < length + 2:
        return 0.0
    far = [min(a, b) for a, b in profile[length:] if a + b > 0]
    # A line bending soon after the symbol leaves no straight stretch to measure: use the pen.
    # The upper quartile: anti-aliased lines alternate between two widths.
    half = float(np.percentile(far, 75)) if len(far) >= 3 else round((stroke - 1) / 2)
    # One pixel of slack per side: rendering and binarising widen a line by a pixel here and there.
    return float(sum(max(min(a, b) - half - 1, 0.0) for a, b in profile[:length]))
