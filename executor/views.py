"""What `sop run show/list/overdue` print: plain dicts built from the state and the SOP. Pure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from executor.engine import InstanceState, Token
from executor.flow import Flow
from executor.timing import StepTiming, actor_timings


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def actor_view(flow: Flow, actor_id: str) -> dict[str, str | None]:
    actor = flow.actor(actor_id)
    if actor is None:
        return {"id": actor_id, "label": actor_id, "jabatan": None}
    return {"id": actor.id, "label": actor.label, "jabatan": actor.jabatan}


def ready_step_view(flow: Flow, token: Token, now: datetime) -> dict[str, Any]:
    flow_step = flow.steps[token.step]
    step = flow_step.step
    return {
        "step": step.no,
        "kegiatan": step.kegiatan,
        "actors": [actor_view(flow, actor_id) for actor_id in step.pelaksana],
        "any_actor": not step.pelaksana,
        "lane": flow_step.lane,
        "kelengkapan": step.kelengkapan,
        "output": step.output,
        "waktu": step.waktu.text if step.waktu else None,
        "hari_kerja": step.waktu.hari_kerja if step.waktu else False,
        "ready_at": _iso(token.ready_at),
        "deadline": _iso(token.deadline),
        "overdue": token.deadline is not None and token.deadline < now,
        "decision": [
            {"when": edge.when, "label": edge.label, "to": edge.to}
            for edge in flow_step.edges
            if edge.when
        ],
    }


def instance_summary(flow: Flow, state: InstanceState) -> dict[str, Any]:
    return {
        "id": state.id,
        "sop_id": state.sop_id,
        "sop_nama": flow.sop.nama,
        "sop_key": state.sop_key,
        "status": state.status,
        "started_at": _iso(state.started_at),
        "finished_at": _iso(state.finished_at),
        "ready_steps": [token.step for token in state.ready],
    }


def instance_view(
    flow: Flow, state: InstanceState, timings: list[StepTiming], now: datetime
) -> dict[str, Any]:
    return {
        **instance_summary(flow, state),
        "ready": [ready_step_view(flow, token, now) for token in state.ready],
        "timings": [row.model_dump(mode="json") for row in timings],
        "actors": [row.model_dump(mode="json") for row in actor_timings(timings)],
    }
