"""One flowchart graph over all pages: drawn edges, lines continued over page breaks, and
connectors (off-page pentagons, on-page circles) joined by their letter or, failing that, order."""

from __future__ import annotations

import itertools

from pydantic import BaseModel, Field

from ingest.page import LooseEnd, Page, Symbol

Node = tuple[int, int]  # (Page.number, index into Page.symbols)
CONNECTORS = ("off_page_connector", "connector")


class Link(BaseModel):
    target: tuple[int, int]
    label: str | None = None
    exit_label_of: tuple[int, int] | None = Field(default=None, description="Decision it leaves.")
    confidence: float = 1.0


class Graph(BaseModel):
    symbols: dict[Node, Symbol] = Field(default_factory=dict)
    links: dict[Node, list[Link]] = Field(default_factory=dict)

    def add(self, source: Node, link: Link) -> None:
        if link.target != source:
            self.links.setdefault(source, []).append(link)

    def incoming(self) -> dict[Node, int]:
        counts: dict[Node, int] = {}
        for links in self.links.values():
            for link in links:
                counts[link.target] = counts.get(link.target, 0) + 1
        return counts


def _pair_loose_ends(graph: Graph, pages: list[Page]) -> None:
    """A line leaving page p at the bottom goes on at the top of the next page (same lane if it
    can be told), and the other way round for a loop drawn upwards over a page break."""
    ordered = sorted(pages, key=lambda p: p.number)
    for before, after in itertools.pairwise(ordered):
        _pair(graph, before, [e for e in before.loose_ends if e.side == "bottom" and e.direction == "out"],
              after, [e for e in after.loose_ends if e.side == "top" and e.direction == "in"])  # fmt: skip
        _pair(graph, after, [e for e in after.loose_ends if e.side == "top" and e.direction == "out"],
              before, [e for e in before.loose_ends if e.side == "bottom" and e.direction == "in"])  # fmt: skip


def _pair(
    graph: Graph, out_page: Page, outs: list[LooseEnd], in_page: Page, ins: list[LooseEnd]
) -> None:
    remaining = list(ins)
    for out in outs:
        same_lane = [e for e in remaining if e.col is not None and e.col == out.col]
        match = (
            same_lane[0]
            if same_lane
            else (remaining[0] if len(outs) == len(ins) and remaining else None)
        )
        if match is None:
            continue
        remaining.remove(match)
        confidence = min(out.confidence, match.confidence) * (1.0 if same_lane else 0.7)
        graph.add((out_page.number, out.symbol),
                  Link(target=(in_page.number, match.symbol), confidence=confidence))  # fmt: skip


def _key(symbol: Symbol) -> str:
    return "".join(ch for ch in (symbol.text or "").casefold() if ch.isalnum())


def _pair_connectors(graph: Graph) -> None:
    """A connector with arrows into it and none out continues at a connector with the same
    letter (on another page for off-page pentagons) that has arrows out and none in."""
    incoming = graph.incoming()
    for shape in CONNECTORS:
        nodes = sorted(n for n, s in graph.symbols.items() if s.shape == shape)
        sinks = [n for n in nodes if incoming.get(n) and not graph.links.get(n)]
        sources = [n for n in nodes if graph.links.get(n) and not incoming.get(n)]
        for sink in sinks:
            later = [n for n in sources if n > sink]
            lettered = [n for n in later if _key(graph.symbols[n]) and
                        _key(graph.symbols[n]) == _key(graph.symbols[sink])]  # fmt: skip
            match = lettered[0] if lettered else (later[0] if later else None)
            if match is None:
                continue
            sources.remove(match)
            graph.add(sink, Link(target=match, confidence=0.9 if lettered else 0.6))


def build_graph(pages: list[Page]) -> Graph:
    graph = Graph()
    for page in pages:
        for index, symbol in enumerate(page.symbols):
            graph.symbols[(page.number, index)] = symbol
        for edge in page.edges:
            source = (page.number, edge.source)
            is_decision = page.symbols[edge.source].shape == "decision"
            graph.add(source, Link(target=(page.number, edge.target), label=edge.label,
                                   exit_label_of=source if is_decision else None,
                                   confidence=edge.confidence))  # fmt: skip
    _pair_loose_ends(graph, pages)
    _pair_connectors(graph)
    return graph
