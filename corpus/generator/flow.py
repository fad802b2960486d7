"""Invent the flowchart of one SOP: lanes, kinds, decisions with loops and skips, joint steps."""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict, Field

from corpus.generator.vocabulary import (
    DECISION_LABELS,
    DECISION_SYMBOL_TEXT,
    PROCESS_SYMBOL_TEXT,
    TERMINATOR_TEXT,
)
from models.sop import StepKind


class Exit(BaseModel):
    """A decision exit: target step, yes/no and the label printed beside it."""

    model_config = ConfigDict(frozen=True)

    to: int
    when: str
    label: str


class FlowStep(BaseModel):
    """One row of the flowchart: which lanes hold a symbol, its kind and where it goes next."""

    model_config = ConfigDict(frozen=True)

    no: int
    kind: StepKind
    lanes: tuple[int, ...] = Field(description="Lane indexes holding a symbol, ascending.")
    exits: tuple[Exit, ...] = ()
    symbol_text: str | None = None
    skip: bool = False  # a decision whose no-exit jumps forward instead of looping back

    @property
    def is_joint(self) -> bool:
        return len(self.lanes) > 1


def _walk_lanes(rng: random.Random, steps: int, lanes: int) -> list[int]:
    """The lane of each step: top of the hierarchy first, then delegation down and reports up."""
    lane = rng.choice([0, 0, 0, 1]) if lanes > 2 else 0
    walk = [lane]
    for _ in range(steps - 1):
        lane = min(max(lane + rng.choice([1, 1, 2, -1, -1, -2, 0]), 0), lanes - 1)
        walk.append(lane)
    return walk


def _choose_decisions(rng: random.Random, steps: int) -> list[int]:
    """Decision step numbers: never first or last, never adjacent, room for the yes-exit."""
    wanted = rng.choice([0, 1, 1, 2, 2]) if steps >= 6 else rng.choice([0, 1])
    candidates = list(range(3, steps))
    rng.shuffle(candidates)
    chosen: list[int] = []
    for no in candidates:
        if len(chosen) == wanted:
            break
        if all(abs(no - other) > 2 for other in chosen):
            chosen.append(no)
    return sorted(chosen)


def _joint_lanes(rng: random.Random, lane: int, lanes: int, at_most: int) -> tuple[int, ...]:
    count = rng.randint(2, max(2, min(at_most, lanes)))
    others = [index for index in range(lanes) if index != lane]
    return tuple(sorted([lane, *rng.sample(others, count - 1)]))


def _decision_exits(
    rng: random.Random, no: int, steps: int, forbidden_targets: set[int]
) -> tuple[tuple[Exit, ...], bool]:
    yes_label, no_label = rng.choice(DECISION_LABELS)
    yes = Exit(to=no + 1, when="ya", label=yes_label)
    if no + 2 <= steps and no + 2 not in forbidden_targets and rng.random() < 0.25:
        return (yes, Exit(to=no + 2, when="tidak", label=no_label)), True
    targets = [t for t in range(max(2, no - 4), no) if t not in forbidden_targets]
    target = rng.choice(targets) if targets else no - 1
    return (yes, Exit(to=target, when="tidak", label=no_label)), False


def _symbol_text(rng: random.Random, kind: StepKind, skip: bool) -> str | None:
    if kind == "decision":
        if rng.random() < 0.35:
            return "Perlu disposisi?" if skip else rng.choice(DECISION_SYMBOL_TEXT[:4])
        return None
    if kind in TERMINATOR_TEXT:
        return rng.choice(TERMINATOR_TEXT[kind]) if rng.random() < 0.15 else None
    return rng.choice(PROCESS_SYMBOL_TEXT) if rng.random() < 0.06 else None


def plan_flow(rng: random.Random, steps: int, lanes: int) -> list[FlowStep]:
    """A flowchart of `steps` rows over `lanes` actors with every edge the drawing will show."""
    walk = _walk_lanes(rng, steps, lanes)
    decisions = _choose_decisions(rng, steps)
    free = [no for no in range(2, steps) if all(abs(no - d) > 1 for d in decisions)]
    joint = rng.choice(free) if free and rng.random() < 0.35 else None
    lane_sets: dict[int, tuple[int, ...]] = {no: (walk[no - 1],) for no in range(1, steps + 1)}
    if joint is not None:
        lane_sets[joint] = _joint_lanes(rng, walk[joint - 1], lanes, 4)
    if rng.random() < 0.15 and lanes > 1:
        lane_sets[1] = _joint_lanes(rng, walk[0], lanes, 2)
    if rng.random() < 0.2 and lanes > 1:
        lane_sets[steps] = _joint_lanes(rng, walk[-1], lanes, 3)
    joint_steps = {no for no, chosen in lane_sets.items() if len(chosen) > 1}
    plan: list[FlowStep] = []
    for no in range(1, steps + 1):
        kind: StepKind = "start" if no == 1 else "end" if no == steps else "process"
        exits: tuple[Exit, ...] = ()
        skip = False
        if no in decisions:
            kind = "decision"
            exits, skip = _decision_exits(rng, no, steps, joint_steps)
        elif no < steps:
            exits = (Exit(to=no + 1, when="", label=""),)
        plan.append(
            FlowStep(
                no=no,
                kind=kind,
                lanes=lane_sets[no] if kind != "decision" else (walk[no - 1],),
                exits=exits,
                symbol_text=_symbol_text(rng, kind, skip),
                skip=skip,
            )
        )
    return plan
