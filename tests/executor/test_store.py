"""The SQLite store: restarts lose nothing, the audit trail is append-only, and two processes
completing the same step at once record it once (real processes, real SQLite file)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from executor import engine
from executor.calendar import CalendarSettings
from executor.errors import ConcurrentUpdateError, StepNotReadyError, UnknownInstanceError
from executor.samples import revision_sop
from executor.service import Runner
from executor.store import SqliteStore

CALENDAR = CalendarSettings()
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=CALENDAR.tz)
REPO = Path(__file__).resolve().parents[2]


def started(db: Path) -> str:
    store = SqliteStore(db)
    state = Runner(store, CALENDAR).start(revision_sop(), T0)
    store.close()
    return state.id


def test_an_instance_survives_a_restart_in_the_middle(tmp_path):
    db = tmp_path / "runs.sqlite3"
    instance_id = started(db)
    store = SqliteStore(db)
    Runner(store, CALENDAR).complete(instance_id, 1, "Kabid", at=T0 + timedelta(minutes=5))
    Runner(store, CALENDAR).complete(instance_id, 2, "JF Perencana", at=T0 + timedelta(hours=2))
    store.close()

    reopened = SqliteStore(db)  # a new connection: nothing cached survives but the file
    runner = Runner(reopened, CALENDAR)
    state = runner.load(instance_id)
    assert [token.step for token in state.ready] == [3]
    assert state.ready[0].deadline == T0 + timedelta(hours=4)  # 2 jam from 10:00
    assert [e.kind for e in runner.events(instance_id)] == [
        "started", "ready", "completed", "ready", "completed", "ready",
    ]  # fmt: skip
    state, _ = runner.complete(instance_id, 3, "Subkor Bidang", decision="tidak",
                               at=T0 + timedelta(hours=3))  # fmt: skip
    assert [token.step for token in state.ready] == [2]
    reopened.close()


def test_the_audit_trail_refuses_updates_and_deletes(tmp_path):
    db = tmp_path / "runs.sqlite3"
    started(db)
    connection = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("UPDATE events SET actor = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("DELETE FROM events")
    connection.close()


def test_unknown_instances_are_an_error(tmp_path):
    runner = Runner(SqliteStore(tmp_path / "runs.sqlite3"), CALENDAR)
    with pytest.raises(UnknownInstanceError, match="sop run list"):
        runner.load("nope")


def _complete_after_both_read(db: str, instance_id: str, barrier, results) -> None:
    """Reads the state, waits until the other process has read it too, then writes."""
    store = SqliteStore(Path(db))
    state = store.load(instance_id)
    barrier.wait(timeout=30)
    flow = Runner(store, CALENDAR).flow(state.sop_key)
    new_state, events = engine.complete(flow, state, 1, "Kabid", T0, CALENDAR)
    try:
        store.update(new_state, state.seq, events)
        results.put("recorded")
    except ConcurrentUpdateError:
        results.put("refused")
    store.close()


def test_two_processes_that_read_the_same_state_cannot_both_write_it(tmp_path):
    db = tmp_path / "runs.sqlite3"
    instance_id = started(db)
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(
            target=_complete_after_both_read, args=(str(db), instance_id, barrier, results)
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(results.get(timeout=5) for _ in workers) == ["recorded", "refused"]
    completed = [e for e in SqliteStore(db).events(instance_id) if e.kind == "completed"]
    assert len(completed) == 1


def test_two_cli_processes_completing_the_same_step_record_it_once(tmp_path):
    db = tmp_path / "runs.sqlite3"
    for _round in range(3):  # three rounds give the two processes more chances to collide
        instance_id = started(db)
        command = [sys.executable, "-m", "cli.run_command", "complete", instance_id, "1",
                   "--as", "Kabid", "--db", str(db), "--at", "2026-11-23T08:05"]  # fmt: skip
        processes = [
            subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        outcomes = [
            (process.wait(timeout=60), process.stderr.read().decode()) for process in processes
        ]
        codes = sorted(code for code, _ in outcomes)
        assert codes == [0, 1], outcomes
        refusal = next(err for code, err in outcomes if code == 1)
        assert "not ready" in refusal.replace("\n", " ")
        completed = [e for e in SqliteStore(db).events(instance_id) if e.kind == "completed"]
        assert len(completed) == 1


def test_the_runner_serialises_complete_in_one_transaction(tmp_path):
    db = tmp_path / "runs.sqlite3"
    instance_id = started(db)
    first, second = (Runner(SqliteStore(db), CALENDAR) for _ in range(2))
    first.complete(instance_id, 1, "Kabid", at=T0)
    with pytest.raises(StepNotReadyError):
        second.complete(instance_id, 1, "Kabid", at=T0)
