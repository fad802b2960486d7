"""The audit trail as an event log that process-mining tools read (XES attribute names).

One row per step event: `schedule` when a step becomes ready (org:resource is the lane's actor,
the one expected to do it), `complete` when an actor completes it. Instance start and finish are
case boundaries, implied by the first and last rows, so they are not rows.
"""

from __future__ import annotations

from collections.abc import Callable

from executor.engine import Event
from executor.flow import Flow

EVENT_LOG_COLUMNS = (
    "case:concept:name", "concept:name", "time:timestamp", "org:resource", "lifecycle:transition",
    "sop", "step", "decision", "deadline", "note",
)  # fmt: skip
_LIFECYCLE = {"ready": "schedule", "completed": "complete"}


def activity_name(flow: Flow, step_no: int) -> str:
    """'3. Memeriksa konsep' (the number keeps two identical kegiatan apart)."""
    kegiatan = flow.steps[step_no].step.kegiatan or "(kegiatan tidak tercantum)"
    return f"{step_no}. {kegiatan}"


def event_log_rows(
    events: list[Event], flow_of_instance: Callable[[str], Flow]
) -> list[dict[str, str]]:
    rows = []
    deadlines = {}  # (case, step) -> deadline of its latest ready event, shown on its completion
    for event in events:
        if event.kind not in _LIFECYCLE or event.step is None:
            continue
        if event.kind == "ready":
            deadlines[event.instance_id, event.step] = event.deadline
        due = deadlines.get((event.instance_id, event.step))
        flow = flow_of_instance(event.instance_id)
        resource = event.actor if event.kind == "completed" else flow.steps[event.step].lane
        rows.append(
            {
                "case:concept:name": event.instance_id,
                "concept:name": activity_name(flow, event.step),
                "time:timestamp": event.at.isoformat(),
                "org:resource": resource or "",
                "lifecycle:transition": _LIFECYCLE[event.kind],
                "sop": flow.sop.id,
                "step": str(event.step),
                "decision": event.decision or "",
                "deadline": due.isoformat() if due else "",
                "note": event.note or "",
            }
        )
    return rows
