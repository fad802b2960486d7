"""`step_flows`: the flowchart graph read per step -> pelaksana, kind, next, with confidences."""

from __future__ import annotations

from collections import deque

from ingest.flowchart.decisions import settle_decision
from ingest.flowchart.graph import CONNECTORS, Graph, Link, Node, build_graph
from ingest.flowchart.labels import when_of_label
from ingest.flowchart.models import StepFlow, StepRowRef
from ingest.page import Page
from models.sop import StepKind, Transition

SEQUENCE_CONFIDENCE = 0.3


def _step_of_nodes(graph: Graph, steps: list[StepRowRef]) -> dict[Node, int]:
    """A step may span several grid rows (wrapped kegiatan, a connector under the symbol): a
    symbol belongs to the nearest step row at or above its own row on the same page and table."""
    starts: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ref in steps:
        starts.setdefault((ref.page, ref.table), []).append((ref.row, ref.no))
    owners: dict[Node, int] = {}
    for node, symbol in graph.symbols.items():
        if symbol.table is None or symbol.row is None:
            continue
        above = [
            (row, no) for row, no in starts.get((node[0], symbol.table), []) if row <= symbol.row
        ]
        if above:
            owners[node] = max(above)[1]
    return owners


def _targets(graph: Graph, start: list[Node], owners: dict[Node, int], no: int) -> list[Transition]:
    """Follow links out of the step's symbols through connectors and unnumbered rows until a
    symbol of another step is reached."""
    found: dict[int, Transition] = {}
    queue: deque[tuple[Node, Link | None, float]] = deque((node, None, 1.0) for node in start)
    seen = set(start)
    while queue:
        node, first, confidence = queue.popleft()
        for link in graph.links.get(node, []):
            exit_link = first if first is not None and first.exit_label_of else link
            strength = min(confidence, link.confidence)
            target = link.target
            owner = owners.get(target)
            passes = graph.symbols[target].shape in CONNECTORS or owner is None or owner == no
            if not passes and owner is not None:
                label = exit_link.label if exit_link.exit_label_of else None
                previous = found.get(owner)
                if previous is None or previous.confidence < strength:
                    found[owner] = Transition(to=owner, when=when_of_label(label), label=label,
                                              source="layout", confidence=round(strength, 3))  # fmt: skip
            elif target not in seen:
                seen.add(target)
                queue.append((target, exit_link if exit_link.exit_label_of else first, strength))
    return sorted(found.values(), key=lambda t: t.to)


def _kind(shapes: list[str], has_incoming: bool, has_next: bool, first: bool) -> StepKind:
    if "decision" in shapes:
        return "decision"
    if "terminator" in shapes:
        if first or not has_incoming:
            return "start"
        if not has_next:
            return "end"
        # Reached and left again: a box whose corners the scan rounded, not an end.
    return "process"


def _kegiatan(pages: dict[int, Page], ref: StepRowRef) -> str | None:
    page = pages.get(ref.page)
    if page is None or ref.table >= len(page.tables):
        return None
    table = page.tables[ref.table]
    columns = {c.index for c in table.columns if c.role == "kegiatan"}
    texts = [c.text for c in table.cells if c.row == ref.row and c.col in columns]
    return " ".join(texts) or None


def step_flows(pages: list[Page], steps: list[StepRowRef]) -> dict[int, StepFlow]:
    graph = build_graph(pages)
    owners = _step_of_nodes(graph, steps)
    by_page = {page.number: page for page in pages}
    ordered = sorted(steps, key=lambda ref: (ref.page, ref.table, ref.row))
    nodes_of: dict[int, list[Node]] = {}
    for node, no in owners.items():
        nodes_of.setdefault(no, []).append(node)
    nexts = {
        ref.no: _targets(graph, sorted(nodes_of.get(ref.no, [])), owners, ref.no) for ref in ordered
    }
    reached = {t.to for transitions in nexts.values() for t in transitions}
    flows: dict[int, StepFlow] = {}
    for position, ref in enumerate(ordered):
        following = ordered[position + 1].no if position + 1 < len(ordered) else None
        flows[ref.no] = _flow(graph, nodes_of.get(ref.no, []), nexts[ref.no], ref, following,
                              ref.no in reached, position == 0, by_page)  # fmt: skip
    return flows


def _flow(graph: Graph, nodes: list[Node], transitions: list[Transition], ref: StepRowRef,
          following: int | None, has_incoming: bool, first: bool,
          pages: dict[int, Page]) -> StepFlow:  # fmt: skip
    symbols = [graph.symbols[node] for node in sorted(nodes)]
    main = [s for s in symbols if s.shape not in CONNECTORS] or symbols
    problems: list[str] = []
    if not symbols:
        problems.append(
            f"step {ref.no}: no flowchart symbol found in its row; pelaksana and kind unknown"
        )
    kind = _kind([s.shape for s in main], has_incoming, bool(transitions), first)
    if kind == "decision":
        transitions, notes = settle_decision(ref.no, transitions, _kegiatan(pages, ref), following)
        problems += notes
    if not transitions and kind != "end" and following is not None:
        problems.append(
            f"step {ref.no}: no arrow out of the step could be followed; assumed step {following}"
        )
        transitions = [Transition(to=following, source="sequence", confidence=SEQUENCE_CONFIDENCE)]
    lanes = sorted({s.col for s in main if s.col is not None})
    confidences = [s.confidence for s in main] + [t.confidence for t in transitions]
    confidence = min(confidences) if symbols else 0.0
    return StepFlow(pelaksana=lanes, kind=kind, next=transitions, symbols=symbols,
                    confidence=round(confidence, 3), problems=problems)  # fmt: skip
