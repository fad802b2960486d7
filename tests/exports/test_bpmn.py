"""BPMN 2.0 export: every SOP of the corpus (gold seeds + samples) passes the BPMN XSD that
SpiffWorkflow ships, runs in SpiffWorkflow with scripted decisions, and walks the same path, lane
by lane, as the native executor."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser, BpmnValidator
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from executor import engine
from executor.calendar import CalendarSettings
from executor.flow import build_flow
from executor.samples import linear_sop, revision_sop
from exports.bpmn import END_ID, START_ID, iso_duration, lane_names, sop_to_bpmn
from models.normalise import parse_waktu
from models.sop import Document, Sop

GOLD = Path(__file__).resolve().parents[1] / "golden" / "seeds"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC"}  # fmt: skip
CALENDAR = CalendarSettings()


def corpus() -> list[Sop]:
    sops = [revision_sop(), linear_sop()]
    for path in sorted(GOLD.glob("*.json")):
        sops += Document.model_validate_json(path.read_text(encoding="utf-8")).sops
    return sops


CORPUS = corpus()
VALIDATOR = BpmnValidator()  # BPMN20.xsd (+ DI, DC, Semantic) from SpiffWorkflow


def decide(visits: int) -> str:
    """The scripted decisions: tidak on a decision's first visit (a revision loop), then ya."""
    return "tidak" if visits == 1 else "ya"


def native_path(sop: Sop) -> list[tuple[int, str]]:
    flow = build_flow(sop)
    names = dict(lane_names(flow))
    state, _ = engine.start(flow, "i", "k", datetime(2026, 11, 23, 8, tzinfo=CALENDAR.tz), CALENDAR)
    path, visits = [], {}
    while state.status == "running":
        step = state.ready[0].step
        visits[step] = visits.get(step, 0) + 1
        flow_step = flow.steps[step]
        decision = decide(visits[step]) if flow_step.is_decision else None
        actor = flow_step.step.pelaksana[0] if flow_step.step.pelaksana else "siapa-saja"
        at = state.ready[0].ready_at + timedelta(minutes=5)
        state, _ = engine.complete(flow, state, step, actor, at, CALENDAR, decision)
        path.append((step, names[flow_step.lane or ""]))
    return path


def spiff_path(xml: str, process_id: str) -> list[tuple[int, str]]:
    parser = BpmnParser(validator=VALIDATOR)
    parser.add_bpmn_str(xml.encode())
    workflow = BpmnWorkflow(parser.get_spec(process_id))
    workflow.do_engine_steps()
    path, visits = [], {}
    for _ in range(500):
        if workflow.is_completed():
            return path
        (task,) = workflow.get_tasks(state=TaskState.READY, manual=True)
        step = int(task.task_spec.bpmn_id.removeprefix("step_"))
        visits[step] = visits.get(step, 0) + 1
        task.data["keputusan"] = decide(visits[step])  # ignored by the gateway-less tasks
        task.run()
        workflow.do_engine_steps()
        path.append((step, task.task_spec.lane))
    raise AssertionError("SpiffWorkflow did not complete in 500 tasks")


@pytest.mark.parametrize("sop", CORPUS, ids=[f"{s.id}-{len(s.steps)}" for s in CORPUS])
def test_export_passes_the_xsd_and_spiffworkflow_walks_the_native_path(sop):
    xml = sop_to_bpmn(sop)
    root = etree.fromstring(xml.encode())
    VALIDATOR.validate(root)
    process_id = root.find("bpmn:process", NS).get("id")
    assert spiff_path(xml, process_id) == native_path(sop)


def test_the_corpus_holds_gold_seeds_and_a_revision_loop():
    assert len(CORPUS) >= 4
    assert any(len(p) > len(set(p)) for p in map(native_path, CORPUS))


def test_the_xsd_check_is_real():
    broken = sop_to_bpmn(revision_sop()).replace('sourceRef="start_event" ', "", 1)
    with pytest.raises(Exception, match="sourceRef"):
        VALIDATOR.validate(etree.fromstring(broken.encode()))


def test_gateways_lanes_and_mutu_baku():
    root = etree.fromstring(sop_to_bpmn(revision_sop()).encode())
    ids = root.xpath("//@id")
    assert "Start" not in ids and "End" not in ids and {START_ID, END_ID} <= set(ids)
    gateway = root.find(".//bpmn:exclusiveGateway", NS)
    default = root.find(f".//bpmn:sequenceFlow[@id='{gateway.get('default')}']", NS)
    assert (default.get("targetRef"), default.get("name")) == ("step_2", "Tidak")
    conditioned = root.find(".//bpmn:sequenceFlow/bpmn:conditionExpression/..", NS)
    assert conditioned.get("targetRef") == "step_4"
    assert conditioned.find("bpmn:conditionExpression", NS).text == 'keputusan == "ya"'
    lanes = {lane.get("name"): [r.text for r in lane] for lane in root.iterfind(".//bpmn:lane", NS)}
    assert lanes["JF Perencana"] == ["step_2"]
    assert lanes["Pelaksana tidak tercantum"] == ["step_5", END_ID]
    task = root.find(".//bpmn:userTask[@id='step_2']", NS)
    assert "Waktu: 1 hari kerja (P1D, hari kerja)" in task.find("bpmn:documentation", NS).text
    mutu = task.find("bpmn:extensionElements", NS)[0]
    assert (mutu.get("waktu"), mutu.get("hariKerja"), mutu.get("kelengkapan")) == (
        "P1D",
        "true",
        "Data kinerja",
    )


def test_every_element_is_drawn_inside_its_lane():
    root = etree.fromstring(sop_to_bpmn(revision_sop()).encode())
    bounds = {
        shape.get("bpmnElement"): shape.find("dc:Bounds", NS).attrib
        for shape in root.iterfind(".//bpmndi:BPMNShape", NS)
    }
    edges = {edge.get("bpmnElement") for edge in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    assert edges == {flow.get("id") for flow in root.iterfind(".//bpmn:sequenceFlow", NS)}
    for lane in root.iterfind(".//bpmn:lane", NS):
        top = float(bounds[lane.get("id")]["y"])
        bottom = top + float(bounds[lane.get("id")]["height"])
        for ref in lane.iterfind("bpmn:flowNodeRef", NS):
            box = bounds[ref.text]
            assert top <= float(box["y"]) and float(box["y"]) + float(box["height"]) <= bottom


@pytest.mark.parametrize(
    ("text", "iso"),
    [("15 menit", "PT15M"), ("1jam", "PT1H"), ("1 x 24 Jam", "PT24H"), ("3 hari kerja", "P3D"),
     ("2 minggu", "P2W"), ("1 bulan", "P1M"), ("setengah hari", "P0.5D"), ("sesuai jadwal", None)],
)  # fmt: skip
def test_waktu_as_iso_8601_duration(text, iso):
    assert iso_duration(parse_waktu(text)) == iso
