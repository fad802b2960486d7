"""Errors of the corpus generator (a `SopError`, so the CLI maps them like the rest)."""

from __future__ import annotations

from ingest.errors import SopError


class CorpusError(SopError):
    """The generator could not write a sample; the message says what to change."""
