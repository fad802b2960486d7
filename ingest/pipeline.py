"""The recipe: one input file -> `Document`, with a status instead of an exception."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ingest import recipe
from ingest.errors import NotAnSopError, SopError, UnsupportedInputError
from ingest.layout_to_sop import pages_to_sops
from ingest.page import Page
from ingest.readers.image import read_image
from ingest.readers.page_photos import IMAGE_SUFFIXES
from ingest.readers.pdf import read_pdf
from ingest.readers.text_export import read_text_export
from ingest.settings import PipelineSettings
from ingest.text import sops_from_text_pages
from models.sop import Document, Sop, Source, SourceKind

Status = Literal["ok", "partial", "failed"]
PageStep = Callable[[Page, PipelineSettings], Page]

TEXT_SUFFIXES = {".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES


class IngestResult(BaseModel):
    path: str
    status: Status
    document: Document | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def sop_count(self) -> int:
        return len(self.document.sops) if self.document else 0

    @property
    def step_count(self) -> int:
        return sum(len(sop.steps) for sop in self.document.sops) if self.document else 0


def detect_kind(path: Path) -> SourceKind:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    raise UnsupportedInputError(
        str(path), f"'{suffix or 'no extension'}' is not a known input kind"
    )


def sha256_of(*paths: Path) -> str:
    """Of the file; of the page files' bytes in page order for a document of several photos."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


# Page steps, in order; each fills one slot of the Page (see ingest/recipe.py).
TEXT_LAYER_RECIPE: tuple[PageStep, ...] = (
    recipe.find_rulings, recipe.find_tables, recipe.fill_cells, recipe.read_headers,
    recipe.flowchart,
)  # fmt: skip
SCAN_RECIPE: tuple[PageStep, ...] = (
    recipe.rectify, recipe.flatten_light, recipe.turn_upright, recipe.deskew,
    recipe.find_rulings, recipe.find_tables, recipe.ocr_first_column, recipe.ocr_header_rows,
    recipe.read_headers, recipe.turn_if_upside_down, recipe.ocr_body_cells, recipe.read_headers,
    recipe.flowchart,
)  # fmt: skip


def run_recipe(page: Page, settings: PipelineSettings) -> Page:
    """A page with a text layer skips clean-up and OCR; scans and image-only pages need both."""
    for step in TEXT_LAYER_RECIPE if page.has_text_layer else SCAN_RECIPE:
        page = step(page, settings)
    if not page.tables:
        page.problems.append("no table found on this page")
    return page


def read_pages(paths: Sequence[Path], kind: SourceKind, settings: PipelineSettings) -> list[Page]:
    """Every page of the files (the page photos of one document, in order), numbered 1..n
    across files, each through its page recipe."""
    pages: list[Page] = []
    for path in paths:
        reader = read_pdf(path, settings.pdf) if kind == "pdf" else read_image(path, settings.image)
        for page in reader:
            numbered = page.model_copy(update={"number": len(pages) + 1})
            pages.append(run_recipe(numbered, settings))
    return pages


def empty_sop_problems(sops: list[Sop]) -> list[str]:
    """An SOP without steps is never 'ok': its procedure table was missed or unreadable."""
    return [
        f"SOP {sop.id} ({sop.nama or 'no name'}): no steps found; check the procedure table"
        for sop in sops
        if not sop.steps
    ]


def build_document(path: Path, settings: PipelineSettings, *,
                   more_pages: Sequence[Path] = ()) -> Document:  # fmt: skip
    """Read, reconstruct and normalise one file, or the page photos `path` + `more_pages` of one
    document. Raises `SopError` for a file that cannot be used."""
    kind = detect_kind(path)
    files = [path, *more_pages]
    if more_pages and any(detect_kind(f) != "image" for f in files):
        raise UnsupportedInputError(str(path), "only page photos (images) form one document")
    if kind == "text":
        pages = read_text_export(path, settings.text_export)
        sops, problems = sops_from_text_pages(pages)
    else:
        pages = read_pages(files, kind, settings)
        sops, problems = pages_to_sops(pages)
        problems = [
            f"page {p.number}: {problem}" for p in pages for problem in p.problems
        ] + problems
    if not sops:
        raise NotAnSopError(
            f"{path}: no SOP found (no procedure table with numbered steps and no SOP identity "
            "block); check that this file is an SOP."
        )
    source = Source(path=str(path), sha256=sha256_of(*files), kind=kind, pages=len(pages))
    return Document(source=source, sops=sops, problems=problems + empty_sop_problems(sops))


def ingest_file(path: Path, settings: PipelineSettings | None = None, *,
                more_pages: Sequence[Path] = ()) -> IngestResult:  # fmt: skip
    """Never raises for a bad input: the problem is recorded in the result. `more_pages`: the
    following page photos of the document whose first page is `path`."""
    started = time.perf_counter()
    try:
        document = build_document(path, settings or PipelineSettings(), more_pages=more_pages)
    except SopError as error:
        return IngestResult(
            path=str(path), status="failed", error=str(error), seconds=time.perf_counter() - started
        )
    except OSError as error:
        return IngestResult(
            path=str(path),
            status="failed",
            error=f"{path}: cannot read the file ({error.strerror or error}).",
            seconds=time.perf_counter() - started,
        )
    status: Status = "partial" if document.problems else "ok"
    return IngestResult(
        path=str(path), status=status, document=document, seconds=time.perf_counter() - started
    )
