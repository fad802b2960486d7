"""Many inputs -> one JSON per input + summary.csv/json. One bad file never stops the batch."""

from __future__ import annotations

import csv
import json
import os
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from exports.json import document_to_json
from ingest.pipeline import SUPPORTED_SUFFIXES, IngestResult, Status, ingest_file
from ingest.readers.page_photos import group_page_photos
from ingest.settings import PipelineSettings
from models.quality import check_document

SUMMARY_FIELDS = [
    "path", "output", "status", "sops", "steps", "problems", "seconds", "score", "error",
]  # fmt: skip


@dataclass(frozen=True)
class BatchInput:
    """One document: a file, or the page photos `path` (page 1) + `more_pages` of one SOP."""

    path: Path
    output: Path
    more_pages: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.path, *self.more_pages)


class SummaryRow(BaseModel):
    path: str
    output: str | None
    status: Status
    sops: int
    steps: int
    problems: int
    seconds: float
    score: int | None = None  # lowest completeness score of the file's SOPs; null when failed
    error: str | None


def discover_inputs(paths: list[Path], out_dir: Path) -> list[BatchInput]:
    """Files map to OUT/<name>.json; files inside a folder to OUT/<relative path>.json, page
    photos of one document (`<stem>-p<N>.<ext>`, `<stem>_p<N>.<ext>`) to OUT/<stem>.<ext>.json.

    Hidden files and files with unknown suffixes inside folders are skipped; a file named
    directly is always taken alone (and fails with a clear message if its kind is unsupported).
    """
    inputs: list[BatchInput] = []
    for path in paths:
        if not path.is_dir():
            inputs.append(BatchInput(path, out_dir / f"{path.name}.json"))
            continue
        files = [
            file for file in sorted(path.rglob("*"))
            if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES
            and not any(part.startswith(".") for part in file.relative_to(path).parts)
        ]  # fmt: skip
        for group in group_page_photos(files):
            relative = group.name.relative_to(path)
            inputs.append(BatchInput(group.pages[0], out_dir / f"{relative}.json",
                                     tuple(group.pages[1:]), group.problems))  # fmt: skip
    return inputs


def _safe_ingest(item: BatchInput, settings: PipelineSettings) -> IngestResult:
    try:
        result = ingest_file(item.path, settings, more_pages=item.more_pages)
    except Exception as error:  # a bug must cost one file, not the batch
        detail = "".join(traceback.format_exception_only(error)).strip()
        return IngestResult(
            path=str(item.path),
            status="failed",
            error=f"{item.path}: internal error ({detail}); please report it.",
        )
    if result.document is not None and item.problems:
        result.document.problems += list(item.problems)
        result.status = "partial"
    return result


def _worker_init() -> None:
    # Tesseract's OpenMP threads fight the worker processes for the cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _input_bytes(item: BatchInput) -> int:
    try:
        return sum(file.stat().st_size for file in item.files)
    except OSError:
        return 0


def _run(
    inputs: list[BatchInput], settings: PipelineSettings, workers: int
) -> Iterator[IngestResult]:
    if workers <= 1:
        _worker_init()
        for item in inputs:
            yield _safe_ingest(item, settings)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        # Biggest documents first, so no worker is left alone with a long one at the end;
        # results still come back in input order.
        by_size = sorted(inputs, key=_input_bytes, reverse=True)
        submitted = {id(item): pool.submit(_safe_ingest, item, settings) for item in by_size}
        futures: list[Future[IngestResult]] = [submitted[id(item)] for item in inputs]
        for item, future in zip(inputs, futures, strict=True):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield IngestResult(
                    path=str(item.path),
                    status="failed",
                    error=f"{item.path}: the worker process died (out of memory or a crash in OCR).",
                )


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def lowest_score(result: IngestResult) -> int | None:
    """The weakest SOP decides what an inspector looks at first; null for a failed file."""
    if result.document is None or not result.document.sops:
        return None
    return min(check.score for check in check_document(result.document))


def summary_row(item: BatchInput, result: IngestResult) -> SummaryRow:
    problems = len(result.document.problems) if result.document else 0
    return SummaryRow(
        path=str(item.path),
        output=str(item.output) if result.document else None,
        status=result.status,
        sops=result.sop_count,
        steps=result.step_count,
        problems=problems,
        score=lowest_score(result),
        seconds=round(result.seconds, 4),
        error=result.error,
    )


def ingest_batch(
    inputs: list[BatchInput],
    out_dir: Path,
    *,
    settings: PipelineSettings | None = None,
    workers: int = 1,
    on_result: Callable[[SummaryRow], None] | None = None,
) -> list[SummaryRow]:
    """Ingest every input, writing each JSON as soon as it is ready and the CSV row by row."""
    settings = settings or PipelineSettings()
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: list[SummaryRow] = []
    with (out_dir / "summary.csv").open("w", newline="", encoding="utf-8") as csv_file:
        writer = csv.DictWriter(csv_file, fieldnames=SUMMARY_FIELDS)
        writer.writeheader()
        try:
            for item, result in zip(inputs, _run(inputs, settings, workers), strict=True):
                if result.document is not None:
                    _write_atomically(item.output, document_to_json(result.document))
                row = summary_row(item, result)
                rows.append(row)
                writer.writerow(row.model_dump())
                csv_file.flush()
                if on_result:
                    on_result(row)
        finally:
            summary = [row.model_dump() for row in rows]
            _write_atomically(
                out_dir / "summary.json", json.dumps(summary, ensure_ascii=False, indent=2)
            )
    return rows
