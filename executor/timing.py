"""Actual against standard time (Mutu Baku waktu), per completed step and per actor. Pure.

Each time is measured on the clock of its standard (see executor.calendar): a "2 jam" step ready
at 15:00 and done at 09:00 the next working day took 2 working hours, on time.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from pydantic import BaseModel

from executor.calendar import CalendarSettings, Clock, clock_of, elapsed_seconds
from executor.engine import Event
from executor.flow import Flow


class StepTiming(BaseModel):
    instance_id: str
    step: int
    kegiatan: str | None
    actor: str | None
    ready_at: datetime
    completed_at: datetime
    deadline: datetime | None
    waktu: str | None
    clock: Clock
    standard_seconds: float | None
    actual_seconds: float
    on_time: bool | None


class ActorTiming(BaseModel):
    actor: str
    steps: int
    on_time: int
    late: int
    actual_seconds: float
    standard_seconds: float


def step_timings(flow: Flow, events: list[Event], settings: CalendarSettings) -> list[StepTiming]:
    """One row per completed step of one instance's events (a step done twice gives two rows)."""
    ready: dict[int, Event] = {}  # the deadline is recorded once, when the step becomes ready
    rows = []
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind == "ready" and event.step is not None:
            ready[event.step] = event
        if event.kind != "completed" or event.step is None or event.step not in ready:
            continue
        became_ready = ready.pop(event.step)
        started, due = became_ready.at, became_ready.deadline
        waktu = flow.steps[event.step].step.waktu
        clock: Clock = clock_of(waktu) if waktu else "calendar"
        standard = None
        if due is not None:
            standard = elapsed_seconds(started, due, clock, settings)
        rows.append(
            StepTiming(
                instance_id=event.instance_id, step=event.step,
                kegiatan=flow.steps[event.step].step.kegiatan, actor=event.actor,
                ready_at=started, completed_at=event.at, deadline=due,
                waktu=waktu.text if waktu else None, clock=clock, standard_seconds=standard,
                actual_seconds=elapsed_seconds(started, event.at, clock, settings),
                on_time=None if due is None else event.at <= due,
            )
        )  # fmt: skip
    return rows


def actor_timings(rows: list[StepTiming]) -> list[ActorTiming]:
    """Per actor: steps done, on time and late (steps without a standard count in neither)."""
    grouped: dict[str, list[StepTiming]] = defaultdict(list)
    for row in rows:
        grouped[row.actor or "?"].append(row)
    return [
        ActorTiming(
            actor=actor, steps=len(done),
            on_time=sum(1 for r in done if r.on_time is True),
            late=sum(1 for r in done if r.on_time is False),
            actual_seconds=sum(r.actual_seconds for r in done),
            standard_seconds=sum(r.standard_seconds or 0.0 for r in done),
        )
        for actor, done in grouped.items()
    ]  # fmt: skip
