"""Shared by bench/accuracy and bench/speed: ingest the files of one sample as one document."""

from __future__ import annotations

from pathlib import Path

from ingest.layout_to_sop import pages_to_sops
from ingest.page import Page
from ingest.pipeline import run_recipe
from ingest.readers.image import read_image
from ingest.readers.pdf import read_pdf
from ingest.settings import PipelineSettings
from models.sop import Sop


def ingest_sample_files(
    paths: list[Path], settings: PipelineSettings | None = None
) -> tuple[list[Sop], list[str]]:
    """A PDF, or the page photos of one document in order, through the page recipe."""
    settings = settings or PipelineSettings()
    pages: list[Page] = []
    for path in paths:
        read = (
            read_pdf(path, settings.pdf)
            if path.suffix == ".pdf"
            else read_image(path, settings.image)
        )
        for page in read:
            pages.append(run_recipe(page.model_copy(update={"number": len(pages) + 1}), settings))
    return pages_to_sops(pages)
