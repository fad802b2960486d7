"""`sop debug FILE [-o OUT_DIR]`: one PNG per page showing what the scan/PDF steps found."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import cv2
import typer
from rich.console import Console

from ingest.errors import SopError
from ingest.image.overlay import draw_overlay
from ingest.pipeline import detect_kind, read_pages
from ingest.settings import PipelineSettings

LEGEND = (
    "red: rulings · grey: cells, column role above the header · blue: words (orange: confidence "
    "< 0.6) · green: symbols and their shape · magenta: edges with exit labels, ticks = lines "
    "going on to another page"
)


def debug(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A PDF or an image.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the PNGs.")] = Path("."),
) -> None:
    """Draw rulings, cells (with their column role), words, symbols and edges over every page of
    FILE into OUT/<file name>.page<N>.png, to see why a page went wrong."""
    console = Console(stderr=True)
    try:
        kind = detect_kind(file)
        if kind == "text":
            console.print(f"[red]error[/] {file}: a text export has no page image to draw on.")
            raise typer.Exit(2)
        pages = read_pages([file], kind, PipelineSettings())
    except SopError as error:
        console.print(f"[red]error[/] {error}", highlight=False)
        raise typer.Exit(1) from error
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        target = out / f"{file.name}.page{page.number}.png"
        if not cv2.imwrite(str(target), draw_overlay(page)):
            console.print(f"[red]error[/] cannot write {target}; check the folder.")
            raise typer.Exit(1)
        typer.echo(str(target))
        for problem in page.problems:
            console.print(f"  page {page.number}: {problem}", highlight=False)
    console.print(LEGEND, highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(debug)
