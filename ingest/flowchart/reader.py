"""`read_flowchart`: page image -> symbols, arrows and loose ends on the `Page`."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from ingest.flowchart.arrows import Arrow, Dangling, Line, find_lines, lines_to_arrows
from ingest.flowchart.exit_ocr import label_engine, read_exit_labels
from ingest.flowchart.labels import label_words
from ingest.flowchart.masks import LaneRegion, lane_region, to_gray
from ingest.flowchart.settings import FlowchartSettings
from ingest.flowchart.symbols import FoundSymbol, find_symbols, text_inside
from ingest.page import Edge, LooseEnd, Page, Symbol, Word

if TYPE_CHECKING:  # ingest.ocr imports ingest.settings, which imports this package
    from ingest.ocr.base import OcrEngine

DEFAULT_TEXT_HEIGHT_PX = 14.0


def _text_height(words: list[Word]) -> float:
    heights = [w.bbox.height for w in words if w.bbox is not None and w.bbox.height > 0]
    return statistics.median(heights) if heights else DEFAULT_TEXT_HEIGHT_PX


def _in_region(words: list[Word], region: LaneRegion) -> list[Word]:
    return [w for w in words
            if w.bbox is not None and region.box.contains_point(w.bbox.center_x, w.bbox.center_y)]  # fmt: skip


def _labelled_edges(arrows: list[Arrow], found: list[FoundSymbol], offset: int, words: list[Word],
                    reach: float, region: LaneRegion) -> list[Edge]:  # fmt: skip
    """Edges in page indices; a decision's exits get the label word nearest to each exit."""
    labels: dict[int, str | None] = {}
    inside = [item.symbol.bbox for item in found]
    by_source: dict[int, list[int]] = {}
    for index, arrow in enumerate(arrows):
        if found[arrow.source].symbol.shape == "decision":
            by_source.setdefault(arrow.source, []).append(index)
    for indices in by_source.values():
        exits = [(arrows[i].exit_x + region.offset_x, arrows[i].exit_y + region.offset_y)
                 for i in indices]  # fmt: skip
        for index, label in zip(indices, label_words(words, exits, reach, inside), strict=True):
            labels[index] = label
    return [Edge(source=offset + arrow.source, target=offset + arrow.target,
                 label=labels.get(index), confidence=arrow.confidence)
            for index, arrow in enumerate(arrows)]  # fmt: skip


def _mark_labelled_exits(lines: list[Line], found: list[FoundSymbol], words: list[Word],
                         reach: float, region: LaneRegion) -> None:  # fmt: skip
    """A decision's line end with an exit label printed beside it is where a line leaves: on
    heavy lines with small heads the label is a surer sign of the direction than the head."""
    ends = [
        c for line in lines for c in line.contacts if found[c.symbol].symbol.shape == "decision"
    ]
    if not ends:
        return
    exits = [(c.x + region.offset_x, c.y + region.offset_y) for c in ends]
    inside = [item.symbol.bbox for item in found]
    for contact, label in zip(ends, label_words(words, exits, reach, inside), strict=True):
        contact.labelled = label is not None


def _loose_ends(dangling: list[Dangling], found: list[FoundSymbol], offset: int,
                region: LaneRegion) -> list[LooseEnd]:  # fmt: skip
    ends = []
    for item in dangling:
        x = item.x + region.offset_x
        lane = next((c.index for c in region.lanes if c.left <= x < c.right), None)
        ends.append(
            LooseEnd(
                symbol=offset + item.symbol,
                direction=item.direction,  # type: ignore[arg-type]
                side=item.side,
                x=x,
                col=lane,
                confidence=item.confidence,
            )
        )  # type: ignore[arg-type]
    return ends


def read_flowchart(
    page: Page, settings: FlowchartSettings, engine: OcrEngine | None = None
) -> Page:
    """Fill `symbols`, `edges` and `loose_ends` from the actor lanes of the page's tables.
    `engine` reads the decision exit labels of pages without text in the lanes (scans); by
    default the pipeline's OCR engine."""
    if page.image is None or not page.tables:
        return page
    gray = to_gray(page.image)
    symbols: list[Symbol] = list(page.symbols)
    edges: list[Edge] = list(page.edges)
    loose: list[LooseEnd] = list(page.loose_ends)
    problems: list[str] = []
    for index, table in enumerate(page.tables):
        region = lane_region(gray, index, table, settings) if table.kind == "procedure" else None
        if region is None:
            continue
        found = find_symbols(region, settings)
        if not found:
            problems.append(
                f"page {page.number} table {index + 1}: no flowchart symbol found in the actor lanes"
            )
            continue
        words = _in_region(page.words, region)
        text_height = _text_height(words or page.words)
        reach = settings.label_search_factor * text_height
        if not words and not page.has_text_layer and settings.ocr_exit_labels:
            # Scans: the actor lanes were not OCR'd; read the labels around the diamonds here.
            words = read_exit_labels(gray, region, found, engine or label_engine(), text_height)
        lines = find_lines(region, found, settings)
        _mark_labelled_exits(lines, found, words, reach, region)
        arrows, dangling = lines_to_arrows(lines, found, settings)
        offset = len(symbols)
        symbols += [item.symbol.model_copy(update={"text": text_inside(item.symbol, words)})
                    for item in found]  # fmt: skip
        edges += _labelled_edges(arrows, found, offset, words, reach, region)
        loose += _loose_ends(dangling, found, offset, region)
    return page.model_copy(update={"symbols": symbols, "edges": edges, "loose_ends": loose,
                                   "problems": page.problems + problems})  # fmt: skip
