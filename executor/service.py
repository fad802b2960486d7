"""The runner: reads an SOP file, and loads, applies and saves instance changes through a store.

Each change runs inside one store transaction (load, apply, save), so two processes completing
the same step are serialised: the second one sees the step already done and is refused.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from executor import engine
from executor.audit import event_log_rows
from executor.calendar import CalendarSettings
from executor.engine import Event, InstanceState, Token
from executor.errors import UnrunnableSopError
from executor.flow import Flow, build_flow
from executor.store import Store
from executor.timing import StepTiming, step_timings
from models.sop import Document, Sop

DB_ENV = "SOP_RUN_DB"


def default_db_path() -> Path:
    """$SOP_RUN_DB, else $XDG_DATA_HOME/sop-digitiser/runs.sqlite3 (~/.local/share by default)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "sop-digitiser" / "runs.sqlite3"


def read_sop_file(path: Path, sop_id: str | None = None) -> Sop:
    """A `sop/1` Document (pick one SOP with `sop_id` when it holds several) or a bare Sop."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UnrunnableSopError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        sops = Document.model_validate_json(text).sops
    except ValidationError:
        try:
            sops = [Sop.model_validate_json(text)]
        except ValidationError as error:
            raise UnrunnableSopError(
                f"{path} is neither a sop/1 Document nor a Sop ({error.error_count()} "
                "validation errors): give the JSON written by `sop ingest`."
            ) from error
    if sop_id is not None:
        sops = [sop for sop in sops if sop.id == sop_id]
    if len(sops) != 1:
        ids = ", ".join(sop.id for sop in Document.model_validate_json(text).sops) or "none"
        raise UnrunnableSopError(
            f"{path} holds {len(sops)} matching SOPs (ids: {ids}): choose one with --sop ID."
        )
    return sops[0]


def sop_key(sop: Sop) -> str:
    """Content hash of the SOP version an instance is pinned to."""
    return hashlib.sha256(sop.model_dump_json().encode()).hexdigest()[:16]


class Runner:
    def __init__(
        self,
        store: Store,
        settings: CalendarSettings | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or CalendarSettings()
        self._clock = clock or (lambda: datetime.now(self.settings.tz))
        self._flows: dict[str, Flow] = {}

    def now(self, at: datetime | None = None) -> datetime:
        moment = (at or self._clock()).replace(microsecond=0)  # office work is timed in seconds
        return moment if moment.tzinfo else moment.replace(tzinfo=self.settings.tz)

    def flow(self, key: str) -> Flow:
        if key not in self._flows:
            self._flows[key] = build_flow(Sop.model_validate_json(self.store.load_sop(key)))
        return self._flows[key]

    def start(self, sop: Sop, at: datetime | None = None) -> InstanceState:
        flow = build_flow(sop)
        key = sop_key(sop)
        self._flows[key] = flow
        instance_id = uuid.uuid4().hex[:12]
        state, events = engine.start(flow, instance_id, key, self.now(at), self.settings)
        with self.store.transaction():
            self.store.save_sop(key, sop.id, sop.nama, sop.model_dump_json())
            self.store.create(state, events)
        return state

    def complete(
        self,
        instance_id: str,
        step_no: int,
        actor: str,
        decision: str | None = None,
        note: str | None = None,
        at: datetime | None = None,
    ) -> tuple[InstanceState, list[Event]]:
        with self.store.transaction():
            state = self.store.load(instance_id)
            new_state, events = engine.complete(
                self.flow(state.sop_key), state, step_no, actor, self.now(at), self.settings,
                decision=decision, note=note,
            )  # fmt: skip
            self.store.update(new_state, state.seq, events)
        return new_state, events

    def load(self, instance_id: str) -> InstanceState:
        return self.store.load(instance_id)

    def instances(self) -> list[InstanceState]:
        return self.store.instances()

    def overdue(self, at: datetime | None = None) -> list[tuple[InstanceState, Token]]:
        now = self.now(at)
        return [
            (state, token)
            for state in self.store.instances()
            for token in engine.overdue_tokens(state, now)
        ]

    def timings(self, instance_id: str) -> list[StepTiming]:
        state = self.store.load(instance_id)
        return step_timings(self.flow(state.sop_key), self.store.events(instance_id), self.settings)

    def events(self, instance_id: str | None = None) -> list[Event]:
        if instance_id is not None:
            self.store.load(instance_id)  # unknown ids are an error, not an empty log
        return self.store.events(instance_id)

    def event_log(self, instance_id: str | None = None) -> list[dict[str, str]]:
        """The audit trail as process-mining rows (see executor.audit)."""
        keys = {state.id: state.sop_key for state in self.store.instances()}
        return event_log_rows(self.events(instance_id), lambda case: self.flow(keys[case]))
