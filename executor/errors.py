"""Executor errors. Each message says what was refused and what the user can do about it."""

from __future__ import annotations

from ingest.errors import SopError


class ExecutorError(SopError):
    """Base class of everything the executor refuses."""


class UnrunnableSopError(ExecutorError):
    """The SOP cannot be run as it stands (no steps, repeated step numbers, dangling arrows)."""


class UnknownInstanceError(ExecutorError):
    def __init__(self, instance_id: str) -> None:
        super().__init__(
            f"No instance {instance_id!r} in this store. List instances with `sop run list` "
            "(and check --db points at the right file)."
        )


class StepNotReadyError(ExecutorError):
    """Out of turn: the step is not one of the ready steps."""


class EventBeforeReadyError(ExecutorError):
    """A completion dated (--at) before the step became ready: the audit trail must stay in order."""


class WrongActorError(ExecutorError):
    """The actor given with --as is not a pelaksana of the step."""


class DecisionError(ExecutorError):
    """A decision step completed without a valid exit, or an exit given to a non-decision step."""


class InstanceFinishedError(ExecutorError):
    """The instance already reached its end: nothing is left to complete."""


class ConcurrentUpdateError(ExecutorError):
    def __init__(self, instance_id: str) -> None:
        super().__init__(
            f"Instance {instance_id!r} was changed by someone else at the same moment; nothing was "
            f"recorded. Look at it again with `sop run show {instance_id}` and retry if still needed."
        )


class CalendarFileError(ExecutorError):
    """The holiday file cannot be read or holds a line that is no date."""
