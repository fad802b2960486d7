"""Native executor against SpiffWorkflow: steps per second and state bytes per instance, on the
same SOP and the same decisions, persistence included.

Both engines run N instances to the end. Per step, each loads the instance from SQLite, completes
the ready user task, and saves it back in one transaction (WAL, synchronous=NORMAL for both):
- native: `executor.service.Runner` over `SqliteStore` (state row + append-only audit trail);
- SpiffWorkflow: the exported BPMN (exports/bpmn.py), `BpmnWorkflowSerializer` JSON in one row.
State bytes are measured at the end of an instance. SpiffWorkflow's JSON embeds the process spec;
its "instance only" figure leaves the spec out (the native store keeps each SOP version once).

Run: `.venv/bin/python -m bench.executor_speed [--instances N] [--sop FILE --sop-id ID]`
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from executor.calendar import CalendarSettings
from executor.flow import build_flow
from executor.samples import revision_sop
from executor.service import Runner, read_sop_file
from executor.store import SqliteStore
from exports.bpmn import process_id, sop_to_bpmn
from models.sop import Sop

CALENDAR = CalendarSettings()
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=CALENDAR.tz)


def decide(visits: int) -> str:
    """Each decision: tidak on its first visit (one revision loop), ya after."""
    return "tidak" if visits == 1 else "ya"


def run_native(sop: Sop, instances: int, db: Path) -> tuple[int, float, float]:
    """(steps completed, seconds, mean state bytes per instance)."""
    store = SqliteStore(db)
    runner = Runner(store, CALENDAR)
    flow = build_flow(sop)
    steps, sizes = 0, []
    began = time.perf_counter()
    for _ in range(instances):
        state = runner.start(sop, T0)
        visits: dict[int, int] = {}
        now = T0
        while state.status == "running":
            step = state.ready[0].step
            visits[step] = visits.get(step, 0) + 1
            flow_step = flow.steps[step]
            decision = decide(visits[step]) if flow_step.is_decision else None
            actor = flow_step.step.pelaksana[0] if flow_step.step.pelaksana else "staf"
            now += timedelta(minutes=5)
            state, _ = runner.complete(state.id, step, actor, decision, at=now)
            steps += 1
        sizes.append(store.instance_bytes(state.id))
    seconds = time.perf_counter() - began
    store.close()
    return steps, seconds, sum(sizes) / len(sizes)


def _spiff_db(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE IF NOT EXISTS workflows (id INTEGER PRIMARY KEY, state TEXT)")
    return connection


def run_spiff(sop: Sop, instances: int, db: Path) -> tuple[int, float, float, float]:
    """(steps completed, seconds, mean state bytes, mean state bytes without the spec)."""
    parser = BpmnParser()
    parser.add_bpmn_str(sop_to_bpmn(sop).encode())
    spec = parser.get_spec(process_id(sop))
    serializer = BpmnWorkflowSerializer()
    connection = _spiff_db(db)
    steps, sizes, instance_sizes = 0, [], []
    began = time.perf_counter()
    for number in range(instances):
        workflow = BpmnWorkflow(spec)
        workflow.do_engine_steps()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO workflows VALUES (?, ?)", (number, serializer.serialize_json(workflow))
        )
        connection.execute("COMMIT")
        visits: dict[int, int] = {}
        while True:
            connection.execute("BEGIN IMMEDIATE")
            text = connection.execute(
                "SELECT state FROM workflows WHERE id=?", (number,)
            ).fetchone()[0]
            workflow = serializer.deserialize_json(text)
            if workflow.is_completed():
                connection.execute("COMMIT")
                break
            (task,) = workflow.get_tasks(state=TaskState.READY, manual=True)
            step = int(task.task_spec.bpmn_id.removeprefix("step_"))
            visits[step] = visits.get(step, 0) + 1
            task.data["keputusan"] = decide(visits[step])
            task.run()
            workflow.do_engine_steps()
            connection.execute(
                "UPDATE workflows SET state=? WHERE id=?",
                (serializer.serialize_json(workflow), number),
            )
            connection.execute("COMMIT")
            steps += 1
        sizes.append(len(text.encode()))
        payload = json.loads(text)
        instance_only = {k: v for k, v in payload.items() if k not in ("spec", "subprocess_specs")}
        instance_sizes.append(len(json.dumps(instance_only).encode()))
    seconds = time.perf_counter() - began
    connection.close()
    return steps, seconds, sum(sizes) / instances, sum(instance_sizes) / instances


def compare(sop: Sop, instances: int, repeats: int = 3) -> dict[str, float]:
    """Best of `repeats` alternating runs per engine (the machine is shared: the best run is the
    one least disturbed), each on a fresh database."""
    native_runs, spiff_runs = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            native_runs.append(run_native(sop, instances, Path(folder) / "n.db"))
            spiff_runs.append(run_spiff(sop, instances, Path(folder) / "s.db"))
    native_steps, native_seconds, native_bytes = min(native_runs, key=lambda run: run[1])
    spiff_steps, spiff_seconds, spiff_bytes, spiff_instance = min(
        spiff_runs, key=lambda run: run[1]
    )
    assert native_steps == spiff_steps, "both engines must complete the same steps"
    return {
        "steps_per_instance": native_steps / instances,
        "native_steps_per_s": native_steps / native_seconds,
        "spiff_steps_per_s": spiff_steps / spiff_seconds,
        "native_bytes": native_bytes,
        "spiff_bytes": spiff_bytes,
        "spiff_instance_bytes": spiff_instance,
    }


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--instances", type=int, default=100)
    arguments.add_argument("--repeats", type=int, default=3)
    arguments.add_argument(
        "--sop", type=Path, help="sop/1 JSON (default: the built-in revision SOP)"
    )
    arguments.add_argument("--sop-id", help="SOP id when the file holds several")
    options = arguments.parse_args()
    sop = read_sop_file(options.sop, options.sop_id) if options.sop else revision_sop()
    result = compare(sop, options.instances, options.repeats)
    speed = result["native_steps_per_s"] / result["spiff_steps_per_s"]
    print(f"SOP {sop.id}: {len(sop.steps)} steps, {result['steps_per_instance']:.0f} completed per "
          f"instance (one revision loop per decision), {options.instances} instances, SQLite, "
          f"best of {options.repeats}")  # fmt: skip
    print(f"{'':24}{'native':>12}{'SpiffWorkflow':>16}{'ratio':>10}")
    print(f"{'steps/s':24}{result['native_steps_per_s']:12.0f}{result['spiff_steps_per_s']:16.0f}"
          f"{speed:9.1f}x")  # fmt: skip
    print(f"{'state bytes/instance':24}{result['native_bytes']:12.0f}{result['spiff_bytes']:16.0f}"
          f"{result['native_bytes'] / result['spiff_bytes']:10.2f}")  # fmt: skip
    print(f"{'  without Spiff spec':24}{'':12}{result['spiff_instance_bytes']:16.0f}"
          f"{result['native_bytes'] / result['spiff_instance_bytes']:10.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
