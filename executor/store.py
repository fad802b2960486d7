"""Where instances live: a small store interface and its SQLite implementation.

SQLite file, zero set-up. Three tables: `sops` (each SOP version once, by content hash: instances
are pinned to it), `instances` (the current state, with `seq` as its version) and `events` (the
audit trail, append-only: triggers refuse UPDATE and DELETE).

Two processes completing the same step: `transaction()` takes SQLite's write lock *before*
reading (BEGIN IMMEDIATE), so the second process reads the state after the first one's commit and
is refused as out of turn. A writer that read outside a transaction is still caught: `update()`
only writes when `seq` is the one it read, else raises ConcurrentUpdateError.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Protocol

from executor.engine import Event, InstanceState, Token
from executor.errors import ConcurrentUpdateError, UnknownInstanceError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sops (
    key TEXT PRIMARY KEY, sop_id TEXT NOT NULL, nama TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS instances (
    id TEXT PRIMARY KEY, sop_key TEXT NOT NULL REFERENCES sops(key), sop_id TEXT NOT NULL,
    status TEXT NOT NULL, seq INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
    ready TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    instance_id TEXT NOT NULL REFERENCES instances(id), seq INTEGER NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL, step INTEGER, actor TEXT, decision TEXT, note TEXT, deadline TEXT,
    PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""
_BUSY_TIMEOUT_SECONDS = 30.0  # a second writer waits this long for the lock before giving up


class Store(Protocol):
    """What the runner needs from a store."""

    def transaction(self) -> Iterator[None]: ...
    def save_sop(self, key: str, sop_id: str, nama: str | None, sop_json: str) -> None: ...
    def load_sop(self, key: str) -> str: ...
    def create(self, state: InstanceState, events: list[Event]) -> None: ...
    def load(self, instance_id: str) -> InstanceState: ...
    def update(self, state: InstanceState, read_seq: int, events: list[Event]) -> None: ...
    def instances(self) -> list[InstanceState]: ...
    def events(self, instance_id: str | None = None) -> list[Event]: ...


class SqliteStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        self._db.execute("PRAGMA synchronous=NORMAL")  # durable at each WAL checkpoint
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Holds the write lock from the first read to the commit; rolls back on any error."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        if self._db.in_transaction:
            yield
        else:
            with self.transaction():
                yield

    def save_sop(self, key: str, sop_id: str, nama: str | None, sop_json: str) -> None:
        with self._writing():
            self._db.execute(
                "INSERT OR IGNORE INTO sops VALUES (?, ?, ?, ?)", (key, sop_id, nama, sop_json)
            )

    def load_sop(self, key: str) -> str:
        row = self._db.execute("SELECT json FROM sops WHERE key = ?", (key,)).fetchone()
        return row[0]

    def create(self, state: InstanceState, events: list[Event]) -> None:
        with self._writing():
            self._db.execute(
                "INSERT INTO instances VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _state_row(state)
            )
            self._append(events)

    def load(self, instance_id: str) -> InstanceState:
        row = self._db.execute(
            "SELECT * FROM instances WHERE id = ?", (instance_id,)
        ).fetchone()  # fmt: skip
        if row is None:
            raise UnknownInstanceError(instance_id)
        return _state_from_row(row)

    def update(self, state: InstanceState, read_seq: int, events: list[Event]) -> None:
        with self._writing():
            _, *values = _state_row(state)
            cursor = self._db.execute(
                "UPDATE instances SET sop_key=?, sop_id=?, status=?, seq=?, started_at=?, "
                "finished_at=?, ready=? WHERE id=? AND seq=?",
                (*values, state.id, read_seq),
            )
            if cursor.rowcount != 1:
                raise ConcurrentUpdateError(state.id)
            self._append(events)

    def _append(self, events: list[Event]) -> None:
        self._db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (e.instance_id, e.seq, e.at.isoformat(), e.kind, e.step, e.actor, e.decision,
                 e.note, _iso(e.deadline))
                for e in events
            ],
        )  # fmt: skip

    def instances(self) -> list[InstanceState]:
        rows = self._db.execute("SELECT * FROM instances ORDER BY started_at, id").fetchall()
        return [_state_from_row(row) for row in rows]

    def events(self, instance_id: str | None = None) -> list[Event]:
        query = "SELECT * FROM events"
        if instance_id is None:
            rows = self._db.execute(f"{query} ORDER BY at, instance_id, seq").fetchall()
        else:
            rows = self._db.execute(
                f"{query} WHERE instance_id = ? ORDER BY seq", (instance_id,)
            ).fetchall()
        return [_event_from_row(row) for row in rows]

    def instance_bytes(self, instance_id: str) -> int:
        """Bytes of one instance's state and audit trail (the SOP itself is stored once per version)."""
        state = self._db.execute(
            "SELECT length(id)+length(sop_key)+length(sop_id)+length(status)+8+length(started_at)"
            "+coalesce(length(finished_at),0)+length(ready) FROM instances WHERE id=?",
            (instance_id,),
        ).fetchone()[0]
        trail = self._db.execute(
            "SELECT coalesce(sum(length(instance_id)+8+length(at)+length(kind)+8"
            "+coalesce(length(actor),0)+coalesce(length(decision),0)+coalesce(length(note),0)"
            "+coalesce(length(deadline),0)),0) FROM events WHERE instance_id=?",
            (instance_id,),
        ).fetchone()[0]
        return int(state) + int(trail)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _state_row(state: InstanceState) -> tuple[object, ...]:
    ready = json.dumps(
        [[t.step, t.ready_at.isoformat(), _iso(t.deadline)] for t in state.ready],
        separators=(",", ":"),
    )
    return (
        state.id, state.sop_key, state.sop_id, state.status, state.seq,
        state.started_at.isoformat(), _iso(state.finished_at), ready,
    )  # fmt: skip


def _state_from_row(row: tuple) -> InstanceState:
    instance_id, sop_key, sop_id, status, seq, started_at, finished_at, ready = row
    tokens = tuple(
        Token(step=step, ready_at=datetime.fromisoformat(at), deadline=_parse(due))
        for step, at, due in json.loads(ready)
    )
    return InstanceState(
        id=instance_id, sop_key=sop_key, sop_id=sop_id, status=status, seq=seq,
        started_at=datetime.fromisoformat(started_at), finished_at=_parse(finished_at),
        ready=tokens,
    )  # fmt: skip


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _event_from_row(row: tuple) -> Event:
    instance_id, seq, at, kind, step, actor, decision, note, due = row
    return Event(
        instance_id=instance_id, seq=seq, at=datetime.fromisoformat(at), kind=kind, step=step,
        actor=actor, decision=decision, note=note, deadline=_parse(due),
    )  # fmt: skip
