"""Shared by bench/accuracy and bench/speed: ingest the files of one sample as one document."""

from __future__ import annotations

from pathlib import Path

from ingest.layout_to_sop import pages_to_sops
from ingest.pipeline import detect_kind, read_pages
from ingest.settings import PipelineSettings
from models.sop import Sop


def ingest_sample_files(
    paths: list[Path], settings: PipelineSettings | None = None
) -> tuple[list[Sop], list[str]]:
    """A PDF, or the page photos of one document in order, through the page recipe (the same
    reading as `sop ingest` on a folder of `<stem>-p<N>.jpg` photos)."""
    pages = read_pages(paths, detect_kind(paths[0]), settings or PipelineSettings())
    return pages_to_sops(pages)
