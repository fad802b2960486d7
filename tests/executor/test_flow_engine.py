from datetime import datetime, timedelta

import pytest

from executor import engine
from executor.calendar import CalendarSettings
from executor.errors import (
    DecisionError,
    EventBeforeReadyError,
    InstanceFinishedError,
    StepNotReadyError,
    UnrunnableSopError,
    WrongActorError,
)
from executor.flow import build_flow, parse_decision, resolve_actor
from executor.samples import linear_sop, revision_sop
from executor.timing import actor_timings, step_timings
from models.sop import Sop, Step, Transition

CALENDAR = CalendarSettings()
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=CALENDAR.tz)  # a Monday


def test_decision_exits_are_resolved_with_printed_labels():
    flow = build_flow(revision_sop())
    exits = {edge.when: (edge.to, edge.label) for edge in flow.steps[3].edges}
    assert exits == {"ya": (4, "Sesuai"), "tidak": (2, "Tidak")}
    assert flow.steps[5].edges[0].to is None  # the end step
    assert flow.steps[5].lane is None  # no pelaksana, no lane


def test_steps_without_arrows_follow_table_order():
    flow = build_flow(linear_sop())
    assert [flow.steps[no].edges[0].to for no in (1, 2, 3)] == [2, 3, None]


def test_unlabelled_decision_arrows_fill_the_exits_by_direction():
    steps = [
        Step(no=1, kegiatan="a"),
        Step(no=2, kegiatan="b", kind="decision", next=[Transition(to=1), Transition(to=3)]),
        Step(no=3, kegiatan="c", kind="decision", next=[Transition(to=1, when="tidak")]),
    ]
    flow = build_flow(Sop(id="x", nama="x", steps=steps))
    assert {e.when: e.to for e in flow.steps[2].edges} == {"ya": 3, "tidak": 1}
    assert {e.when: e.to for e in flow.steps[3].edges} == {"ya": None, "tidak": 1}


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([], "no steps"),
        ([Step(no=1, kegiatan="a"), Step(no=1, kegiatan="b")], "repeats step numbers"),
        ([Step(no=1, kegiatan="a", next=[Transition(to=9)])], "does not exist"),
        (
            [Step(no=1, kegiatan="a", next=[Transition(to=2), Transition(to=3)]),
             Step(no=2, kegiatan="b"), Step(no=3, kegiatan="c")],
            "parallel branches",
        ),
    ],
)  # fmt: skip
def test_unrunnable_sops_are_refused_with_a_reason(steps, message):
    with pytest.raises(UnrunnableSopError, match=message):
        build_flow(Sop(id="x", nama="x", steps=steps))


@pytest.mark.parametrize(
    ("given", "exit_"),
    [("ya", "ya"), ("Y", "ya"), ("Sesuai", "ya"), ("tidak", "tidak"), ("T", "tidak"),
     ("Tidak", "tidak"), ("setuju", "ya")],
)  # fmt: skip
def test_decisions_accept_ya_tidak_and_printed_labels(given, exit_):
    assert parse_decision(build_flow(revision_sop()).steps[3], given) == exit_


def test_decision_mistakes_are_refused():
    flow = build_flow(revision_sop())
    with pytest.raises(DecisionError, match="is a decision"):
        parse_decision(flow.steps[3], None)
    with pytest.raises(DecisionError, match="no exit"):
        parse_decision(flow.steps[3], "mungkin")
    with pytest.raises(DecisionError, match="no decision"):
        parse_decision(flow.steps[1], "ya")


def test_actors_match_by_id_label_or_abbreviated_title():
    flow = build_flow(revision_sop())
    for given in ("kepala-bidang", "Kepala Bidang", "Kabid"):
        assert resolve_actor(flow, flow.steps[1], given) == "kepala-bidang"
    assert resolve_actor(flow, flow.steps[2], "JF Perencana") == "jabatan-fungsional-perencana"
    assert resolve_actor(flow, flow.steps[5], "Staf Arsip") == "staf-arsip"  # no pelaksana: anyone
    with pytest.raises(WrongActorError, match="Kepala Bidang"):
        resolve_actor(flow, flow.steps[1], "JF Perencana")


def run_to_end(flow, actor_of, decisions):
    state, events = engine.start(flow, "i1", "k", T0, CALENDAR)
    now = T0
    while state.status == "running":
        step = state.ready[0].step
        now += timedelta(minutes=20)
        decision = decisions.pop(0) if flow.steps[step].is_decision else None
        state, new = engine.complete(flow, state, step, actor_of(step), now, CALENDAR, decision)
        events += new
    return state, events


def test_a_revision_loop_runs_to_the_end_with_an_audit_trail():
    flow = build_flow(revision_sop())
    lanes = {1: "Kabid", 2: "JF Perencana", 3: "sub-koordinator-bidang", 4: "Kabid", 5: "Staf"}
    state, events = run_to_end(flow, lanes.get, ["tidak", "ya"])
    completed = [e.step for e in events if e.kind == "completed"]
    assert completed == [1, 2, 3, 2, 3, 4, 5]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].kind == "started" and events[-1].kind == "finished"
    assert state.status == "finished" and state.ready == ()
    with pytest.raises(InstanceFinishedError):
        engine.complete(flow, state, 5, "Staf", T0, CALENDAR)


def test_out_of_turn_is_refused_and_nothing_changes():
    flow = build_flow(revision_sop())
    state, _ = engine.start(flow, "i1", "k", T0, CALENDAR)
    with pytest.raises(StepNotReadyError, match=r"ready: 1"):
        engine.complete(flow, state, 2, "JF Perencana", T0, CALENDAR)
    assert state.ready[0].step == 1 and state.seq == 2


def test_a_completion_dated_before_the_step_was_ready_is_refused():
    flow = build_flow(revision_sop())
    state, _ = engine.start(flow, "i1", "k", T0, CALENDAR)
    with pytest.raises(EventBeforeReadyError, match="Check the --at time"):
        engine.complete(flow, state, 1, "Kabid", T0 - timedelta(days=900), CALENDAR)
    assert state.ready[0].step == 1 and state.seq == 2


def test_deadlines_and_overdue_tokens():
    flow = build_flow(revision_sop())
    state, _ = engine.start(flow, "i1", "k", T0, CALENDAR)
    assert state.ready[0].deadline == T0 + timedelta(minutes=15)
    assert engine.overdue_tokens(state, T0 + timedelta(minutes=14)) == []
    assert engine.overdue_tokens(state, T0 + timedelta(minutes=16)) == [state.ready[0]]


def test_actual_against_standard_time_per_step_and_actor():
    flow = build_flow(revision_sop())
    lanes = {1: "Kabid", 2: "JF Perencana", 3: "sub-koordinator-bidang", 4: "Kabid", 5: "Staf"}
    _, events = run_to_end(flow, lanes.get, ["tidak", "ya"])
    rows = step_timings(flow, events, CALENDAR)
    assert [row.step for row in rows] == [1, 2, 3, 2, 3, 4, 5]
    first = rows[0]
    assert (first.standard_seconds, first.actual_seconds, first.on_time) == (900, 1200, False)
    assert rows[1].on_time is True and rows[1].clock == "working"
    by_actor = {row.actor: row for row in actor_timings(rows)}
    assert by_actor["kepala-bidang"].steps == 2 and by_actor["kepala-bidang"].late == 1
    assert by_actor["staf"].steps == 1
