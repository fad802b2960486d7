"""`sop ingest PATH... -o OUT`: files and folders to sop/1 JSON plus a batch summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ingest.batch import SummaryRow, discover_inputs, ingest_batch

_STATUS_STYLE = {"ok": "green", "partial": "yellow", "failed": "red"}


def print_summary(rows: list[SummaryRow], console: Console) -> None:
    table = Table(title="sop ingest summary")
    table.add_column("file", overflow="fold")
    table.add_column("status")
    for column in ("SOPs", "steps", "problems", "score", "seconds"):
        table.add_column(column, justify="right")
    for row in rows:
        style = _STATUS_STYLE[row.status]
        score = "-" if row.score is None else str(row.score)
        table.add_row(
            row.path, f"[{style}]{row.status}[/]", str(row.sops), str(row.steps),
            str(row.problems), score, f"{row.seconds:.2f}",
        )  # fmt: skip
    console.print(table)
    for row in rows:
        if row.error:
            console.print(f"[red]failed[/] {row.error}", highlight=False)


def ingest(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="Files or folders (recursive).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the JSON files.")],
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Ingest SOP files into OUT/<name>.json, OUT/summary.csv and OUT/summary.json.

    A file named directly goes to OUT/<file name>.json, alone (page photo or not).

    Files found in a folder go to OUT/<relative path>.json, except page photos:

    images in one folder named <stem>-p<N>.<ext> or <stem>_p<N>.<ext> (N = 1, 2, ...)

    are one document, pages in N order, written to OUT/<stem>.<ext>.json

    (source.path = the page 1 photo, pages = N; a gap in N is reported as a problem).
    """
    console = Console(stderr=True)
    inputs = discover_inputs(paths, out)
    if not inputs:
        console.print("No supported input files found.")
        raise typer.Exit(2)
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.description}"), console=console, disable=not sys.stderr.isatty(),
    ) as progress:  # fmt: skip
        task = progress.add_task("", total=len(inputs))

        def advance(row: SummaryRow) -> None:
            progress.update(task, advance=1, description=Path(row.path).name)

        rows = ingest_batch(inputs, out, workers=workers, on_result=advance)
    print_summary(rows, Console())
    raise typer.Exit(1 if any(row.status == "failed" for row in rows) else 0)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
