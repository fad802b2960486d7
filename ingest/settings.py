"""Frozen settings, one model per step, with named defaults."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextExportSettings(_Settings):
    max_bytes: int = 20_000_000
    """A text export larger than this is refused (archives hold pages, not books)."""


class PipelineSettings(_Settings):
    text_export: TextExportSettings = TextExportSettings()
