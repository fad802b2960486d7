"""`sop run start|list|show|complete|overdue|log`: run SOP instances step by step.

Every command takes `--db PATH` (default: executor.service.default_db_path) and `--json`
(machine-readable output on stdout; errors then print as {"error": ..., "kind": ...} too).
Exit codes: 0 ok, 1 refused or failed (wrong actor, out of turn, unknown instance), 2 usage.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from executor import views
from executor.audit import EVENT_LOG_COLUMNS
from executor.calendar import load_calendar
from executor.errors import CalendarFileError, DecisionError, ExecutorError
from executor.service import Runner, default_db_path, read_sop_file
from executor.store import SqliteStore

HOLIDAYS_ENV = "SOP_HOLIDAYS"
run_app = typer.Typer(
    name="run",
    help="Run SOP instances step by step: deadlines on a working calendar, an audit trail.",
    no_args_is_help=True,
)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite store. Default: $SOP_RUN_DB, else "
                 "$XDG_DATA_HOME/sop-digitiser/runs.sqlite3 (~/.local/share/...)."),
]  # fmt: skip
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
AtOption = Annotated[
    datetime | None,
    typer.Option("--at", help="Time of the event (ISO, default now; WIB when no offset): for "
                 "work recorded after the fact.", formats=["%Y-%m-%dT%H:%M:%S%z",
                 "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]),
]  # fmt: skip
HolidaysOption = Annotated[
    Path | None,
    typer.Option("--holidays", help="Holiday file (YYYY-MM-DD [name] per line). Default: "
                 "$SOP_HOLIDAYS, else fixed national holidays only."),
]  # fmt: skip


@contextmanager
def _runner(db: Path | None, as_json: bool, holidays: Path | None = None) -> Iterator[Runner]:
    """Opens the store and maps project errors to exit codes (the CLI's job only)."""
    store = None
    try:
        holiday_file = holidays or (
            Path(os.environ[HOLIDAYS_ENV]) if os.environ.get(HOLIDAYS_ENV) else None
        )
        store = SqliteStore(db or default_db_path())
        yield Runner(store, load_calendar(holiday_file))
    except ExecutorError as error:
        usage = isinstance(error, DecisionError | CalendarFileError)
        _fail(str(error), type(error).__name__, 2 if usage else 1, as_json)
    finally:
        if store is not None:
            store.close()


def _fail(message: str, kind: str, code: int, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"error": message, "kind": kind}, ensure_ascii=False))
    Console(stderr=True).print(f"[red]error[/] {message}", highlight=False)
    raise typer.Exit(code)


def _emit(payload: Any, as_json: bool, human: Callable[[], None]) -> None:
    if as_json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        human()


@run_app.command()
def start(
    sop_json: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="sop/1 JSON.")],
    sop: Annotated[
        str | None, typer.Option("--sop", help="SOP id when the file holds several.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    at: AtOption = None,
    holidays: HolidaysOption = None,
) -> None:
    """Start an instance of the SOP (pinned to this version of it); prints the instance id."""
    with _runner(db, as_json, holidays) as runner:
        state = runner.start(read_sop_file(sop_json, sop), at)
        payload = views.instance_summary(runner.flow(state.sop_key), state)
        _emit(payload, as_json, lambda: print(state.id))


@run_app.command("list")
def list_instances(db: DbOption = None, as_json: JsonOption = False) -> None:
    """All instances with their status and ready steps."""
    with _runner(db, as_json) as runner:
        rows = [views.instance_summary(runner.flow(s.sop_key), s) for s in runner.instances()]

        def human() -> None:
            table = Table(title="SOP instances")
            for column in ("id", "sop", "nama", "status", "started", "ready"):
                table.add_column(column)
            for row in rows:
                table.add_row(
                    row["id"], row["sop_id"], row["sop_nama"] or "", row["status"],
                    row["started_at"][:16], ", ".join(map(str, row["ready_steps"])),
                )  # fmt: skip
            Console().print(table)

        _emit(rows, as_json, human)


@run_app.command()
def show(
    instance_id: Annotated[str, typer.Argument(metavar="ID")],
    db: DbOption = None,
    as_json: JsonOption = False,
    at: AtOption = None,
    holidays: HolidaysOption = None,
) -> None:
    """The ready step(s): actor, kegiatan, kelengkapan, output, deadline; and time per step/actor."""
    with _runner(db, as_json, holidays) as runner:
        state = runner.load(instance_id)
        view = views.instance_view(
            runner.flow(state.sop_key), state, runner.timings(instance_id), runner.now(at)
        )
        _emit(view, as_json, lambda: _print_instance(view))


def _print_instance(view: dict[str, Any]) -> None:
    console = Console(highlight=False)
    console.print(f"[bold]{view['id']}[/] {view['sop_id']}: {view['sop_nama']} ({view['status']})")
    for ready in view["ready"]:
        actors = ", ".join(f"{a['label']} [{a['jabatan'] or a['id']}]" for a in ready["actors"])
        late = " [red]OVERDUE[/]" if ready["overdue"] else ""
        console.print(f"\nReady: step {ready['step']}: {ready['kegiatan']}")
        console.print(f"  actor:       {actors or 'any (no pelaksana in the SOP)'}")
        console.print(f"  kelengkapan: {ready['kelengkapan'] or '-'}")
        console.print(f"  output:      {ready['output'] or '-'}")
        console.print(
            f"  waktu:       {ready['waktu'] or '-'}; deadline {ready['deadline'] or '-'}{late}"
        )
        for exit_ in ready["decision"]:
            console.print(
                f"  --decision {exit_['when']} ({exit_['label']}) -> step {exit_['to'] or 'end'}"
            )
    if view["timings"]:
        table = Table(title="Actual against standard time")
        for column in ("step", "actor", "waktu", "standard h", "actual h", "on time"):
            table.add_column(column)
        for row in view["timings"]:
            standard = row["standard_seconds"]
            table.add_row(
                str(row["step"]), row["actor"] or "", row["waktu"] or "-",
                f"{standard / 3600:.2f}" if standard is not None else "-",
                f"{row['actual_seconds'] / 3600:.2f}",
                {True: "yes", False: "[red]late[/]", None: "-"}[row["on_time"]],
            )  # fmt: skip
        console.print(table)
    for row in view["actors"]:
        console.print(
            f"{row['actor']}: {row['steps']} steps, {row['on_time']} on time, {row['late']} late; "
            f"{row['actual_seconds'] / 3600:.2f} h against {row['standard_seconds'] / 3600:.2f} h standard"
        )


@run_app.command()
def complete(
    instance_id: Annotated[str, typer.Argument(metavar="ID")],
    step: Annotated[int, typer.Argument(metavar="STEP", help="Step number (No).")],
    actor: Annotated[str, typer.Option("--as", help="Who completes it: actor id, label or title.")],
    decision: Annotated[
        str | None, typer.Option(help="Exit of a decision: ya|tidak or the printed label.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note kept in the audit trail.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    at: AtOption = None,
    holidays: HolidaysOption = None,
) -> None:
    """Complete a ready step as an actor (refused for the wrong actor or out of turn)."""
    with _runner(db, as_json, holidays) as runner:
        state, events = runner.complete(instance_id, step, actor, decision, note, at)
        payload = {
            **views.instance_summary(runner.flow(state.sop_key), state),
            "events": [event.model_dump(mode="json") for event in events],
        }
        next_steps = ", ".join(map(str, payload["ready_steps"])) or "none (finished)"
        _emit(
            payload, as_json, lambda: print(f"{instance_id}: step {step} done; ready: {next_steps}")
        )


@run_app.command()
def overdue(db: DbOption = None, as_json: JsonOption = False, at: AtOption = None) -> None:
    """Ready steps past their deadline, over all running instances."""
    with _runner(db, as_json) as runner:
        now = runner.now(at)
        rows = [
            {"id": state.id, "sop_id": state.sop_id,
             **views.ready_step_view(runner.flow(state.sop_key), token, now)}
            for state, token in runner.overdue(now)
        ]  # fmt: skip

        def human() -> None:
            for row in rows:
                actors = ", ".join(a["label"] for a in row["actors"]) or "any"
                print(
                    f"{row['id']}\tstep {row['step']}\t{actors}\tdue {row['deadline']}\t{row['kegiatan']}"
                )
            if not rows:
                print("No overdue steps.")

        _emit(rows, as_json, human)


@run_app.command()
def log(
    instance_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="One instance.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with process-mining columns.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The audit trail as an event log (case:concept:name, concept:name, time:timestamp, ...)."""
    with _runner(db, as_json) as runner:
        rows = runner.event_log(instance_id)
        if as_csv and not as_json:
            writer = csv.DictWriter(sys.stdout, fieldnames=EVENT_LOG_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            return

        def human() -> None:
            for row in rows:
                print("\t".join(row[column] for column in EVENT_LOG_COLUMNS[:5]))

        _emit(rows, as_json, human)


def register(app: typer.Typer) -> None:
    app.add_typer(run_app, name="run")


if (
    __name__ == "__main__"
):  # `python -m cli.run_command ...` = `sop run ...` without the other commands
    run_app()
