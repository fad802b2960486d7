"""`python -m corpus.generator --out DIR --count N --split test --kinds pdf,scan --degrade mild`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, get_args

import typer

from corpus.generator.degrade import DegradeLevel
from corpus.generator.errors import CorpusError
from corpus.generator.writer import (
    DEFAULT_DPI,
    SampleKind,
    Split,
    generate_corpus,
    split_seeds,
)


def _kinds(text: str) -> list[SampleKind]:
    kinds = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [kind for kind in kinds if kind not in get_args(SampleKind)]
    if unknown or not kinds:
        raise typer.BadParameter(f"unknown kind(s) {unknown}; choose from pdf,scan,scanpdf")
    return kinds  # type: ignore[return-value]


def main(
    out: Annotated[Path, typer.Option(help="Folder for the samples, their gold, manifest.jsonl.")],
    count: Annotated[int, typer.Option(min=1, help="How many seeds (documents).")] = 10,
    split: Annotated[
        str, typer.Option(help="train (seeds 0-99, tuning) or test (1000+, held out).")
    ] = "test",
    kinds: Annotated[
        str, typer.Option(help="Comma list of pdf, scan, scanpdf.")
    ] = "pdf,scan,scanpdf",
    degrade: Annotated[str, typer.Option(help="Scan degradation: clean, mild or hard.")] = "mild",
    start: Annotated[int, typer.Option(min=0, help="Offset of the first seed in the split.")] = 0,
    dpi: Annotated[
        int, typer.Option(min=50, max=400, help="Resolution of the scans.")
    ] = DEFAULT_DPI,
    workers: Annotated[int, typer.Option(min=1, help="Processes writing samples.")] = 1,
) -> None:
    """Write synthetic SOP samples with their gold sop/1 JSON beside each."""
    if split not in get_args(Split):
        raise typer.BadParameter("--split must be train or test")
    if degrade not in get_args(DegradeLevel):
        raise typer.BadParameter("--degrade must be clean, mild or hard")
    began = time.perf_counter()
    try:
        seeds = split_seeds(split, count, start)  # type: ignore[arg-type]
    except CorpusError as error:
        raise typer.BadParameter(str(error)) from error
    try:
        records = generate_corpus(out, seeds, split, _kinds(kinds), degrade, dpi, workers)  # type: ignore[arg-type]
    except CorpusError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from error
    elapsed = time.perf_counter() - began
    typer.echo(f"{len(records)} samples from {count} seeds in {out} ({elapsed:.1f} s)")


if __name__ == "__main__":
    typer.run(main)
    sys.exit(0)
