"""Flowchart rules: targets exist, every step reachable, no dead end, loops exit, decisions branch."""

from __future__ import annotations

from models.quality.findings import FamilyResult, Finding, step_location, tally_by_rule
from models.quality.graph import edges, reachable, start_steps, steps_by_no, transitions
from models.quality.rules import finding
from models.sop import Sop

FLOW_RULES = [
    "flow_target_missing", "flow_unreachable", "flow_dead_end", "flow_loop_without_exit",
    "decision_exits", "decision_exit_unlabelled",
]  # fmt: skip


def _target_findings(sop: Sop) -> list[Finding]:
    known = steps_by_no(sop)
    return [
        finding("flow_target_missing", step_location(no),
                f"Panah dari langkah {no} menuju langkah {t.to} yang tidak ada.")
        for no, outgoing in transitions(sop).items() for t in outgoing if t.to not in known
    ]  # fmt: skip


def _reachability_findings(sop: Sop, graph: dict[int, list[int]]) -> list[Finding]:
    seen = reachable(graph, start_steps(sop))
    findings = [
        finding("flow_unreachable", step_location(step.no),
                f"Langkah {step.no} tidak dapat dicapai dari langkah awal; periksa panah alurnya.")
        for step in sop.steps if step.no not in seen
    ]  # fmt: skip
    last_no = sop.steps[-1].no
    by_no = steps_by_no(sop)
    for no, targets in graph.items():
        # The last row without an end symbol is reported by last_step_not_end.
        if not targets and by_no[no].kind != "end" and no != last_no:
            message = f"Langkah {no} tidak berlanjut ke langkah mana pun dan bukan simbol selesai."
            findings.append(finding("flow_dead_end", step_location(no), message))
    return findings


def _closed_loops(graph: dict[int, list[int]]) -> list[set[int]]:
    """Cycles (strongly connected groups) that no arrow leaves."""
    reach = {no: reachable(graph, graph[no]) for no in graph}
    loops: list[set[int]] = []
    for no in sorted(graph):
        if no not in reach[no] or any(no in loop for loop in loops):
            continue
        members = {other for other in reach[no] if no in reach[other]}
        if all(target in members for member in members for target in graph[member]):
            loops.append(members)
    return loops


def _loop_findings(graph: dict[int, list[int]]) -> list[Finding]:
    findings = []
    for loop in _closed_loops(graph):
        steps = ", ".join(str(no) for no in sorted(loop))
        message = f"Perulangan langkah {steps} tidak punya jalan keluar; tambahkan cabang lanjut."
        findings.append(finding("flow_loop_without_exit", step_location(min(loop)), message))
    return findings


def _decision_findings(sop: Sop, graph: dict[int, list[int]]) -> list[Finding]:
    findings = []
    exits = transitions(sop)
    for step in sop.steps:
        if step.kind != "decision" or step.no not in graph:
            continue
        location = step_location(step.no)
        if len(graph[step.no]) < 2:
            message = f"Keputusan di langkah {step.no} harus punya dua cabang (Ya/Tidak)."
            findings.append(finding("decision_exits", location, message))
        elif any(t.when is None and not t.label for t in exits[step.no]):
            message = f"Cabang keputusan di langkah {step.no} tidak berlabel (Ya/Tidak)."
            findings.append(finding("decision_exit_unlabelled", location, message))
    return findings


def check_flow(sop: Sop) -> FamilyResult:
    if not sop.steps:
        return tally_by_rule("flow", FLOW_RULES, [])
    graph = edges(sop)
    findings = _target_findings(sop) + _reachability_findings(sop, graph)
    findings += _loop_findings(graph) + _decision_findings(sop, graph)
    return tally_by_rule("flow", FLOW_RULES, findings)
