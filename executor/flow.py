"""An SOP as a runnable graph: each step with its exits resolved. Shared by the executor and the
BPMN export, so both walk the same path.

Rules (the `sop/1` JSON often comes from text exports with few arrows):
- The first step in table order is where an instance starts (the start terminator is a real task).
- A step is a decision when its kind is `decision` or any of its transitions has `when`.
  Its `ya` exit is the transition with when="ya"; its `tidak` exit the one with when="tidak";
  unlabelled transitions fill a missing exit (a forward target is `ya`, a backward one `tidak`);
  an exit still missing goes to the next step in table order (or the end after the last step).
- Any other step goes to its one unconditional transition, else to the next step in table order;
  an `end` step without transitions, or the last step, goes to the end.
- Several unconditional exits (parallel branches) are refused: SOP flowcharts are sequential.
- A step's lane is its first pelaksana; a step with no pelaksana has no lane (any actor may
  complete it, and the BPMN export puts it in a "Pelaksana tidak tercantum" lane).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from executor.errors import DecisionError, UnrunnableSopError, WrongActorError
from models.normalise import make_actor, slug
from models.sop import Actor, Sop, Step, Transition

Exit = Literal["ya", "tidak"]
_YA_WORDS = {"ya", "y", "yes", "iya", "setuju", "sesuai", "benar", "lengkap", "ok", "sah"}
_TIDAK_WORDS = {"tidak", "t", "no", "n", "tdk", "tolak", "salah", "kurang", "belum"}


class Edge(BaseModel):
    """Where the flow goes after a step; `to` None is the end of the procedure."""

    model_config = ConfigDict(frozen=True)

    to: int | None
    when: Exit | None = None
    label: str | None = None


class FlowStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: Step
    edges: tuple[Edge, ...]
    lane: str | None

    @property
    def no(self) -> int:
        return self.step.no

    @property
    def is_decision(self) -> bool:
        return any(edge.when for edge in self.edges)

    def edge(self, when: Exit | None) -> Edge:
        return next(edge for edge in self.edges if edge.when == when)


class Flow(BaseModel):
    model_config = ConfigDict(frozen=True)

    sop: Sop
    steps: dict[int, FlowStep]

    @property
    def first(self) -> int:
        return next(iter(self.steps))

    def actor(self, actor_id: str) -> Actor | None:
        return next((actor for actor in self.sop.actors if actor.id == actor_id), None)


def build_flow(sop: Sop) -> Flow:
    if not sop.steps:
        raise UnrunnableSopError(f"SOP {sop.id!r} has no steps: nothing to run.")
    numbers = [step.no for step in sop.steps]
    repeated = sorted({no for no in numbers if numbers.count(no) > 1})
    if repeated:
        raise UnrunnableSopError(
            f"SOP {sop.id!r} repeats step numbers {repeated}: renumber the steps in the JSON so "
            "each `no` is unique (transitions point at step numbers)."
        )
    following = dict(zip(numbers, [*numbers[1:], None], strict=True))
    flow_steps = {}
    for step in sop.steps:
        for transition in step.next:
            if transition.to not in following:
                raise UnrunnableSopError(
                    f"SOP {sop.id!r} step {step.no} points at step {transition.to}, which does "
                    "not exist: fix the transition in the JSON."
                )
        edges = _edges(step, following[step.no], sop.id)
        lane = step.pelaksana[0] if step.pelaksana else None
        flow_steps[step.no] = FlowStep(step=step, edges=edges, lane=lane)
    return Flow(sop=sop, steps=flow_steps)


def _edges(step: Step, sequence_next: int | None, sop_id: str) -> tuple[Edge, ...]:
    if step.kind == "decision" or any(t.when for t in step.next):
        return _decision_edges(step, sequence_next)
    unconditional = [t for t in step.next if t.when is None]
    if len({t.to for t in unconditional}) > 1:
        raise UnrunnableSopError(
            f"SOP {sop_id!r} step {step.no} has several unconditional exits "
            f"{[t.to for t in unconditional]}: parallel branches are not supported. Mark a "
            "decision's exits with when='ya'/'tidak', or keep one transition."
        )
    if unconditional:
        return (Edge(to=unconditional[0].to, label=unconditional[0].label),)
    return (Edge(to=None if step.kind == "end" else sequence_next),)


def _decision_edges(step: Step, sequence_next: int | None) -> tuple[Edge, ...]:
    chosen: dict[Exit, Transition | None] = {
        "ya": next((t for t in step.next if t.when == "ya"), None),
        "tidak": next((t for t in step.next if t.when == "tidak"), None),
    }
    for transition in (t for t in step.next if t.when is None):
        slot: Exit = "ya" if transition.to > step.no else "tidak"
        if chosen[slot] is None:
            chosen[slot] = transition
    edges = []
    for when in ("ya", "tidak"):
        transition = chosen[when]
        to = transition.to if transition else sequence_next
        label = transition.label if transition and transition.label else when.capitalize()
        edges.append(Edge(to=to, when=when, label=label))
    return tuple(edges)


def parse_decision(flow_step: FlowStep, text: str | None) -> Exit | None:
    """'ya'/'tidak' (or y/t), or a printed exit label ('Lengkap', 'Setuju?'), to the exit taken."""
    if not flow_step.is_decision:
        if text is not None:
            raise DecisionError(
                f"Step {flow_step.no} is no decision: complete it without --decision."
            )
        return None
    labels = {edge.when: edge.label for edge in flow_step.edges}
    if text is None:
        raise DecisionError(
            f"Step {flow_step.no} is a decision: give --decision ya ({labels['ya']}) or "
            f"--decision tidak ({labels['tidak']})."
        )
    wanted = _word(text)
    for edge in flow_step.edges:
        if edge.label and _word(edge.label) == wanted:
            return edge.when
    if wanted in _YA_WORDS:
        return "ya"
    if wanted in _TIDAK_WORDS:
        return "tidak"
    raise DecisionError(
        f"--decision {text!r} is no exit of step {flow_step.no}: use ya, tidak, "
        f"{labels['ya']!r} or {labels['tidak']!r}."
    )


def _word(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", text.lower()).strip()


def resolve_actor(flow: Flow, flow_step: FlowStep, given: str) -> str:
    """The actor id completing the step. Matches an id, a printed label or an expanded title
    ('Kasubag Umum' = 'Kepala Sub Bagian Umum'). A step without pelaksana accepts anyone."""
    if given in flow_step.step.pelaksana:  # the common case: the id as `sop run show` prints it
        return given
    candidates = _actor_candidates(given)
    known = {actor.id for actor in flow.sop.actors}
    matched = next((a.id for a in flow.sop.actors if candidates & {a.id, slug(a.label)}), None)
    if not flow_step.step.pelaksana:
        return matched or slug(given) or given
    if matched in flow_step.step.pelaksana:
        return matched
    allowed = ", ".join(_actor_name(flow, actor_id) for actor_id in flow_step.step.pelaksana)
    who = "an actor not in this SOP" if matched is None or matched not in known else matched
    raise WrongActorError(
        f"Step {flow_step.no} is done by {allowed}; {given!r} is {who}. "
        "Pass one of them with --as (id, label or title)."
    )


@lru_cache(maxsize=1024)
def _actor_candidates(given: str) -> frozenset[str]:
    return frozenset({slug(given), make_actor(given).id})


def _actor_name(flow: Flow, actor_id: str) -> str:
    actor = flow.actor(actor_id)
    return f"{actor.label} ({actor_id})" if actor else actor_id
