"""`sop export --format bpmn|json SOP.json [-o OUT]`: a sop/1 file to BPMN 2.0 or normalised JSON."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from executor.errors import ExecutorError
from executor.service import read_sop_file
from exports.bpmn import sop_to_bpmn
from exports.json import document_from_json, document_to_json


class ExportFormat(StrEnum):
    bpmn = "bpmn"
    json = "json"


def export(
    sop_json: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="sop/1 JSON.")],
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default stdout).")
    ] = None,
    sop: Annotated[
        str | None, typer.Option("--sop", help="SOP id when the file holds several (bpmn).")
    ] = None,
) -> None:
    """Export an SOP: BPMN 2.0 (lanes, user tasks, gateways, diagram) or sop/1 JSON."""
    try:
        if export_format is ExportFormat.bpmn:
            text = sop_to_bpmn(read_sop_file(sop_json, sop))
        else:
            text = document_to_json(document_from_json(sop_json.read_text(encoding="utf-8")))
    except ExecutorError as error:
        Console(stderr=True).print(f"[red]error[/] {error}", highlight=False)
        raise typer.Exit(1) from error
    except ValueError as error:  # pydantic's ValidationError: not a sop/1 Document
        Console(stderr=True).print(f"[red]error[/] {sop_json} is no sop/1 Document: {error}")
        raise typer.Exit(1) from error
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command()(export)
