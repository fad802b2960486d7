"""The instance state machine: pure functions from (flow, state, command, time) to (state, events).

An instance holds *tokens*: the steps ready to be done, each with the time it became ready and its
deadline. SOP flowcharts are sequential, so there is one token at a time; the list keeps the shape
open. Every change is described by events (the audit trail), numbered by `seq`; the store uses
`seq` to refuse a second writer that started from the same state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from executor.calendar import CalendarSettings, deadline
from executor.errors import EventBeforeReadyError, InstanceFinishedError, StepNotReadyError
from executor.flow import Exit, Flow, parse_decision, resolve_actor

EventKind = Literal["started", "ready", "completed", "finished"]
Status = Literal["running", "finished"]


class Token(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: int
    ready_at: datetime
    deadline: datetime | None = None


class InstanceState(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    sop_key: str
    sop_id: str
    status: Status = "running"
    seq: int = 0
    started_at: datetime
    finished_at: datetime | None = None
    ready: tuple[Token, ...] = ()


class Event(BaseModel):
    """One line of the audit trail."""

    model_config = ConfigDict(frozen=True)

    instance_id: str
    seq: int
    at: datetime
    kind: EventKind
    step: int | None = None
    actor: str | None = None
    decision: Exit | None = None
    note: str | None = None
    deadline: datetime | None = None


def start(
    flow: Flow, instance_id: str, sop_key: str, now: datetime, settings: CalendarSettings
) -> tuple[InstanceState, list[Event]]:
    state = InstanceState(id=instance_id, sop_key=sop_key, sop_id=flow.sop.id, started_at=now)
    started = Event(instance_id=instance_id, seq=1, at=now, kind="started")
    return _advance(flow, state.model_copy(update={"seq": 1}), flow.first, now, settings, [started])


def complete(
    flow: Flow,
    state: InstanceState,
    step_no: int,
    actor: str,
    now: datetime,
    settings: CalendarSettings,
    decision: str | None = None,
    note: str | None = None,
) -> tuple[InstanceState, list[Event]]:
    """Complete a ready step as `actor`; refuses wrong actor, out of turn or a missing exit."""
    if state.status == "finished":
        raise InstanceFinishedError(
            f"Instance {state.id} is finished: nothing left to complete. Start a new one with "
            "`sop run start`."
        )
    token = next((t for t in state.ready if t.step == step_no), None)
    if token is None:
        ready = ", ".join(str(t.step) for t in state.ready)
        raise StepNotReadyError(
            f"Step {step_no} of instance {state.id} is not ready (ready: {ready}). Complete the "
            "ready step first; `sop run show` lists it."
        )
    if now < token.ready_at:
        raise EventBeforeReadyError(
            f"Step {step_no} of instance {state.id} became ready at {token.ready_at.isoformat()}; "
            f"it cannot be completed at {now.isoformat()}. Check the --at time."
        )
    flow_step = flow.steps[step_no]
    actor_id = resolve_actor(flow, flow_step, actor)
    exit_taken = parse_decision(flow_step, decision)
    seq = state.seq + 1
    done = Event(
        instance_id=state.id, seq=seq, at=now, kind="completed", step=step_no, actor=actor_id,
        decision=exit_taken, note=note,
    )  # fmt: skip
    remaining = tuple(t for t in state.ready if t is not token)
    state = state.model_copy(update={"seq": seq, "ready": remaining})
    return _advance(flow, state, flow_step.edge(exit_taken).to, now, settings, [done])


def _advance(
    flow: Flow,
    state: InstanceState,
    target: int | None,
    now: datetime,
    settings: CalendarSettings,
    events: list[Event],
) -> tuple[InstanceState, list[Event]]:
    seq = state.seq + 1
    if target is None:
        finished = Event(instance_id=state.id, seq=seq, at=now, kind="finished")
        update = {"seq": seq, "status": "finished", "finished_at": now}
        return state.model_copy(update=update), [*events, finished]
    due = deadline(now, flow.steps[target].step.waktu, settings)
    token = Token(step=target, ready_at=now, deadline=due)
    ready = Event(instance_id=state.id, seq=seq, at=now, kind="ready", step=target, deadline=due)
    return state.model_copy(update={"seq": seq, "ready": (*state.ready, token)}), [*events, ready]


def overdue_tokens(state: InstanceState, now: datetime) -> list[Token]:
    return [t for t in state.ready if t.deadline is not None and t.deadline < now]
