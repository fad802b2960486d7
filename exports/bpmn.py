"""BPMN 2.0 export: one pool, a lane per actor, a user task per kegiatan, an exclusive gateway per
decision, start and end events, and diagram interchange laid out as the SOP's swim lanes.

The graph is `executor.flow` (the same exits the native executor follows). A decision task sets the
process variable `keputusan` to "ya" or "tidak"; the gateway's Ya flow is conditioned on
`keputusan == "ya"` (a Python expression, as SpiffWorkflow evaluates it) and the Tidak flow is the
gateway's default. Mutu Baku waktu is written as an ISO-8601 duration in the task's extension
element (`sop:mutuBaku waktu="P1D"`, with `hariKerja` for working days) and in its documentation.
Element ids avoid `Start`/`End`, which clash with SpiffWorkflow's own task names.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from executor.flow import Edge, Flow, FlowStep, build_flow
from models.sop import Sop, Waktu

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SOP_NS = "https://sop-digitiser/bpmn"
for _prefix, _uri in {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI,
                      "sop": SOP_NS}.items():  # fmt: skip
    ET.register_namespace(_prefix, _uri)

START_ID, END_ID = "start_event", "end_event"
DECISION_VARIABLE = "keputusan"
UNASSIGNED_LANE = "Pelaksana tidak tercantum"
_ISO_UNITS = {"menit": ("T", "M"), "jam": ("T", "H"), "hari": ("", "D"), "minggu": ("", "W"),
              "bulan": ("", "M")}  # fmt: skip

# Layout (pixels): columns left to right in table order, one row band per lane.
POOL_X, POOL_Y, POOL_HEADER, LANE_HEIGHT, COLUMN_WIDTH = 100, 60, 30, 150, 160
TASK_SIZE, GATEWAY_SIZE, EVENT_SIZE = (120, 80), (50, 50), (36, 36)


def iso_duration(waktu: Waktu | None) -> str | None:
    """'15 menit' -> PT15M, '1 hari kerja' -> P1D (hariKerja says which days count)."""
    if waktu is None or waktu.value is None or waktu.unit is None:
        return None
    time_marker, designator = _ISO_UNITS[waktu.unit]
    return f"P{time_marker}{waktu.value:g}{designator}"


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def _sub(parent: ET.Element, tag: str, namespace: str = BPMN, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, _q(namespace, tag), attributes)


def task_id(no: int) -> str:
    return f"step_{no}".replace("-", "m")


def gateway_id(no: int) -> str:
    return f"gateway_{no}".replace("-", "m")


def process_id(sop: Sop) -> str:
    return "sop_" + "".join(c if c.isalnum() else "_" for c in sop.id)


@dataclass
class _Node:
    id: str
    kind: str  # startEvent | userTask | exclusiveGateway | endEvent
    lane: str
    column: int
    name: str | None = None


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    name: str | None = None
    condition: str | None = None


def lane_names(flow: Flow) -> list[tuple[str, str]]:
    """(lane key, lane name) in the SOP's lane order; actor ids are the keys."""
    lanes = [(actor.id, actor.label) for actor in flow.sop.actors]
    known = {key for key, _ in lanes}
    for flow_step in flow.steps.values():
        if flow_step.lane is not None and flow_step.lane not in known:
            lanes.append((flow_step.lane, flow_step.lane))
            known.add(flow_step.lane)
    if any(flow_step.lane is None for flow_step in flow.steps.values()):
        lanes.append(("", UNASSIGNED_LANE))
    return lanes


def _graph(flow: Flow) -> tuple[list[_Node], list[_Flow]]:
    steps = list(flow.steps.values())
    nodes = [_Node(START_ID, "startEvent", steps[0].lane or "", 0, "Mulai")]
    flows = [_Flow(f"flow_start_{task_id(flow.first)}", START_ID, task_id(flow.first))]
    column = 1
    for flow_step in steps:
        lane = flow_step.lane or ""
        nodes.append(
            _Node(task_id(flow_step.no), "userTask", lane, column, flow_step.step.kegiatan)
        )
        column += 1
        if flow_step.is_decision:
            gateway = gateway_id(flow_step.no)
            nodes.append(_Node(gateway, "exclusiveGateway", lane, column, _question(flow_step)))
            flows.append(
                _Flow(f"flow_{task_id(flow_step.no)}_{gateway}", task_id(flow_step.no), gateway)
            )
            flows.extend(_exit_flow(gateway, flow_step.no, edge) for edge in flow_step.edges)
            column += 1
        else:
            flows.append(_exit_flow(task_id(flow_step.no), flow_step.no, flow_step.edges[0]))
    end_lane = next(
        (s.lane or "" for s in reversed(steps) if any(e.to is None for e in s.edges)), ""
    )
    nodes.append(_Node(END_ID, "endEvent", end_lane, column, "Selesai"))
    return nodes, flows


def _question(flow_step: FlowStep) -> str:
    labels = "/".join(edge.label or "" for edge in flow_step.edges)
    return f"{labels}?"


def _exit_flow(source: str, no: int, edge: Edge) -> _Flow:
    target = END_ID if edge.to is None else task_id(edge.to)
    if edge.when is None:
        return _Flow(f"flow_{source}_{target}", source, target, edge.label)
    condition = f'{DECISION_VARIABLE} == "ya"' if edge.when == "ya" else None
    return _Flow(f"flow_{no}_{edge.when}".replace("-", "m"), source, target, edge.label, condition)


def _documentation(flow: Flow, flow_step: FlowStep) -> str:
    step = flow_step.step
    actors = [flow.actor(a).label if flow.actor(a) else a for a in step.pelaksana]
    waktu = step.waktu
    lines = [
        f"{step.no}. {step.kegiatan or '(kegiatan tidak tercantum)'}",
        f"Pelaksana: {', '.join(actors) or 'tidak tercantum (siapa saja)'}",
        "Mutu Baku:",
        f"  Kelengkapan: {step.kelengkapan or '-'}",
        f"  Waktu: {waktu.text if waktu else '-'}"
        + (f" ({iso_duration(waktu)}{', hari kerja' if waktu.hari_kerja else ''})"
           if iso_duration(waktu) else ""),
        f"  Output: {step.output or '-'}",
    ]  # fmt: skip
    if step.keterangan:
        lines.append(f"Keterangan: {step.keterangan}")
    if flow_step.is_decision:
        ya, tidak = flow_step.edge("ya").label, flow_step.edge("tidak").label
        lines.append(f'Keputusan: set {DECISION_VARIABLE} = "ya" ({ya}) or "tidak" ({tidak}).')
    return "\n".join(lines)


def _mutu_baku(parent: ET.Element, flow_step: FlowStep) -> None:
    step = flow_step.step
    extension = _sub(parent, "extensionElements")
    attributes = {
        "kelengkapan": step.kelengkapan, "output": step.output,
        "waktu": iso_duration(step.waktu), "waktuText": step.waktu.text if step.waktu else None,
        "hariKerja": "true" if step.waktu and step.waktu.hari_kerja else None,
        "pelaksana": " ".join(step.pelaksana) or None,
    }  # fmt: skip
    _sub(extension, "mutuBaku", SOP_NS, **{k: v for k, v in attributes.items() if v is not None})
    if flow_step.is_decision:
        _sub(extension, "keputusan", SOP_NS, variable=DECISION_VARIABLE,
             ya=flow_step.edge("ya").label or "Ya", tidak=flow_step.edge("tidak").label or "Tidak")  # fmt: skip


def _process(root: ET.Element, flow: Flow, nodes: list[_Node], flows: list[_Flow]) -> None:
    process = _sub(root, "process", id=process_id(flow.sop), name=flow.sop.nama or flow.sop.id,
                   isExecutable="true")  # fmt: skip
    lane_set = _sub(process, "laneSet", id="lanes")
    for index, (key, name) in enumerate(lane_names(flow)):
        lane = _sub(lane_set, "lane", id=f"lane_{index}", name=name)
        for node in nodes:
            if node.lane == key:
                _sub(lane, "flowNodeRef").text = node.id
    defaults = {
        f.source: f.id for f in flows if f.source.startswith("gateway_") and not f.condition
    }
    for node in nodes:
        attributes = {"id": node.id, **({"name": node.name} if node.name else {})}
        if node.id in defaults:
            attributes["default"] = defaults[node.id]
        element = _sub(process, node.kind, **attributes)
        if node.kind == "userTask":
            flow_step = flow.steps[int(node.id.removeprefix("step_").replace("m", "-"))]
            _sub(element, "documentation").text = _documentation(flow, flow_step)
            _mutu_baku(element, flow_step)
        for f in flows:
            if f.target == node.id:
                _sub(element, "incoming").text = f.id
        for f in flows:
            if f.source == node.id:
                _sub(element, "outgoing").text = f.id
    for f in flows:
        attributes = {"id": f.id, "sourceRef": f.source, "targetRef": f.target}
        sequence_flow = _sub(
            process, "sequenceFlow", **({"name": f.name} if f.name else {}), **attributes
        )
        if f.condition:
            condition = _sub(sequence_flow, "conditionExpression")
            condition.set(_q(XSI, "type"), "bpmn:tFormalExpression")
            condition.text = f.condition


@dataclass
class _Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def center_x(self) -> float:
        return self.x + self.width / 2

    @property
    def center_y(self) -> float:
        return self.y + self.height / 2


def _boxes(nodes: list[_Node], lane_index: dict[str, int]) -> dict[str, _Box]:
    sizes = {"userTask": TASK_SIZE, "exclusiveGateway": GATEWAY_SIZE}
    boxes = {}
    for node in nodes:
        width, height = sizes.get(node.kind, EVENT_SIZE)
        center_x = POOL_X + POOL_HEADER + COLUMN_WIDTH * (node.column + 0.5)
        center_y = POOL_Y + LANE_HEIGHT * (lane_index[node.lane] + 0.5) + 10
        boxes[node.id] = _Box(center_x - width / 2, center_y - height / 2, width, height)
    return boxes


def _waypoints(source: _Box, target: _Box, back_index: int) -> list[tuple[float, float]]:
    """Forward: out of the right side, then down/up into the target. Back (a revision loop):
    out of the top, over the lanes, down into the target's top; successive loops run at
    different heights so that they stay apart."""
    if target.x > source.x:
        if abs(source.center_y - target.center_y) < 1:
            return [(source.x + source.width, source.center_y), (target.x, target.center_y)]
        entry_y = target.y if target.center_y > source.center_y else target.y + target.height
        return [(source.x + source.width, source.center_y), (target.center_x, source.center_y),
                (target.center_x, entry_y)]  # fmt: skip
    route_y = min(source.y, target.y) - 12 - 8 * (back_index % 3)
    return [(source.center_x, source.y), (source.center_x, route_y),
            (target.center_x, route_y), (target.center_x, target.y)]  # fmt: skip


def _bounds(parent: ET.Element, box: _Box) -> None:
    _sub(parent, "Bounds", DC, x=f"{box.x:g}", y=f"{box.y:g}", width=f"{box.width:g}",
         height=f"{box.height:g}")  # fmt: skip


def _diagram(root: ET.Element, flow: Flow, nodes: list[_Node], flows: list[_Flow]) -> None:
    lanes = lane_names(flow)
    lane_index = {key: index for index, (key, _) in enumerate(lanes)}
    boxes = _boxes(nodes, lane_index)
    columns = max(node.column for node in nodes) + 1
    width = POOL_HEADER + COLUMN_WIDTH * columns
    diagram = _sub(root, "BPMNDiagram", BPMNDI, id="diagram")
    plane = _sub(diagram, "BPMNPlane", BPMNDI, id="diagram_plane", bpmnElement="collaboration")
    pool = _sub(plane, "BPMNShape", BPMNDI, id="pool_di", bpmnElement="pool", isHorizontal="true")
    _bounds(pool, _Box(POOL_X, POOL_Y, width, LANE_HEIGHT * len(lanes)))
    for index in range(len(lanes)):
        shape = _sub(plane, "BPMNShape", BPMNDI, id=f"lane_{index}_di", bpmnElement=f"lane_{index}",
                     isHorizontal="true")  # fmt: skip
        _bounds(shape, _Box(POOL_X + POOL_HEADER, POOL_Y + LANE_HEIGHT * index,
                            width - POOL_HEADER, LANE_HEIGHT))  # fmt: skip
    for node in nodes:
        extra = {"isMarkerVisible": "true"} if node.kind == "exclusiveGateway" else {}
        shape = _sub(plane, "BPMNShape", BPMNDI, id=f"{node.id}_di", bpmnElement=node.id, **extra)
        _bounds(shape, boxes[node.id])
    back_edges = 0
    for f in flows:
        edge = _sub(plane, "BPMNEdge", BPMNDI, id=f"{f.id}_di", bpmnElement=f.id)
        source, target = boxes[f.source], boxes[f.target]
        back_edges += target.x <= source.x
        for x, y in _waypoints(source, target, back_edges):
            _sub(edge, "waypoint", DI, x=f"{x:g}", y=f"{y:g}")


def sop_to_bpmn(sop: Sop) -> str:
    """The SOP as a BPMN 2.0 XML document (raises UnrunnableSopError when it has no valid flow)."""
    flow = build_flow(sop)
    nodes, flows = _graph(flow)
    root = ET.Element(_q(BPMN, "definitions"), {
        "id": "definitions", "targetNamespace": SOP_NS, "exporter": "sop-digitiser",
        "exporterVersion": "1",
    })  # fmt: skip
    collaboration = _sub(root, "collaboration", id="collaboration")
    _sub(collaboration, "participant", id="pool", name=sop.nama or sop.id,
         processRef=process_id(sop))  # fmt: skip
    _process(root, flow, nodes, flows)
    _diagram(root, flow, nodes, flows)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
