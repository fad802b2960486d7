"""The flowchart as a graph of step numbers. Pure helpers shared by the flow, time and continuity rules."""

from __future__ import annotations

from collections import deque

from models.sop import Sop, Step, Transition


def steps_by_no(sop: Sop) -> dict[int, Step]:
    """Step number -> step; with repeated numbers the first one wins (step_numbering reports it)."""
    by_no: dict[int, Step] = {}
    for step in sop.steps:
        by_no.setdefault(step.no, step)
    return by_no


def transitions(sop: Sop) -> dict[int, list[Transition]]:
    """Outgoing transitions per step. A step with no `next` falls through to the row below it
    (the table order is the default flow), except an end terminator."""
    result: dict[int, list[Transition]] = {}
    for index, step in enumerate(sop.steps):
        if step.no in result:
            continue
        if step.next:
            result[step.no] = list(step.next)
        elif step.kind != "end" and index + 1 < len(sop.steps):
            result[step.no] = [Transition(to=sop.steps[index + 1].no)]
        else:
            result[step.no] = []
    return result


def edges(sop: Sop) -> dict[int, list[int]]:
    """Targets per step, keeping only existing steps, without repeats."""
    known = steps_by_no(sop)
    return {
        no: list(dict.fromkeys(t.to for t in outgoing if t.to in known))
        for no, outgoing in transitions(sop).items()
    }


def reachable(graph: dict[int, list[int]], starts: list[int]) -> set[int]:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for target in graph.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def start_steps(sop: Sop) -> list[int]:
    """The first row and every start terminator."""
    if not sop.steps:
        return []
    return list(dict.fromkeys([sop.steps[0].no] + [s.no for s in sop.steps if s.kind == "start"]))


def is_back_edge(sop: Sop, source: int, target: int) -> bool:
    """True when the arrow goes to the same or an earlier row (a return for revision)."""
    order = {step.no: index for index, step in reversed(list(enumerate(sop.steps)))}
    return target in order and source in order and order[target] <= order[source]
