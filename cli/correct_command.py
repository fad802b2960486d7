"""`sop correct [--field KIND] [--explain]`: correct OCR garble in stdin, line for line, to stdout."""

from __future__ import annotations

import sys
from typing import Annotated, get_args

import typer

from ingest.correct import Corrector, FieldKind
from ingest.errors import SopError

_FIELDS = get_args(FieldKind)


def correct(
    field: Annotated[str, typer.Option(help=f"What each line is: {', '.join(_FIELDS)}.")] = "text",
    explain: Annotated[
        bool, typer.Option("--explain", help="Print each change and its reason to stderr.")
    ] = False,
) -> None:
    """Read text on stdin; write the corrected text on stdout with the same number of lines."""
    if field not in _FIELDS:
        typer.echo(f"--field must be one of: {', '.join(_FIELDS)}", err=True)
        raise typer.Exit(2)
    try:
        corrector = Corrector.default()
    except SopError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    for number, line in enumerate(sys.stdin, start=1):
        body = line.rstrip("\n")
        result = corrector.correct(body, field)  # type: ignore[arg-type]
        sys.stdout.write(result.text.replace("\n", " ") + ("\n" if line.endswith("\n") else ""))
        if explain:
            for change in result.corrections:
                typer.echo(
                    f"line {number}: {change.raw!r} -> {change.corrected!r} "
                    f"({change.rule}, score {change.score:.2f})",
                    err=True,
                )


def register(app: typer.Typer) -> None:
    app.command()(correct)
