"""`sop correct [--field KIND] [--explain] [--document]`: correct OCR garble in stdin, line for
line, to stdout. Each line is corrected alone as it arrives (pass 1); with --document, stdin is
read whole as one document: its lines are evidence for each other and the learned review runs,
which declines what it is not sure of."""

from __future__ import annotations

import sys
from typing import Annotated, get_args

import typer

from ingest.correct import Corrector, FieldKind
from ingest.correct.api import CorrectedText
from ingest.errors import SopError

_FIELDS = get_args(FieldKind)


def correct(
    field: Annotated[str, typer.Option(help=f"What each line is: {', '.join(_FIELDS)}.")] = "text",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Print each change and its reason, and each unknown word left as printed, to stderr.",
        ),
    ] = False,
    document: Annotated[
        bool,
        typer.Option(
            "--document",
            help="Read stdin whole as one document (document context and the learned review).",
        ),
    ] = False,
) -> None:
    """Read text on stdin; write the corrected text on stdout with the same number of lines."""
    if field not in _FIELDS:
        typer.echo(f"--field must be one of: {', '.join(_FIELDS)}", err=True)
        raise typer.Exit(2)
    try:
        corrector = Corrector.default()
        if document:
            _ = corrector.review_model  # a missing or stale model: a clear error, no traceback
    except SopError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    if not document:
        for number, line in enumerate(sys.stdin, start=1):
            _write(number, line, corrector.correct(line.rstrip("\n"), field), explain)  # type: ignore[arg-type]
        return
    lines = sys.stdin.readlines()
    results = corrector.correct_document([(line.rstrip("\n"), field) for line in lines])  # type: ignore[misc]
    for number, (line, result) in enumerate(zip(lines, results, strict=True), start=1):
        _write(number, line, result, explain)


def _write(number: int, line: str, result: CorrectedText, explain: bool) -> None:
    sys.stdout.write(result.text.replace("\n", " ") + ("\n" if line.endswith("\n") else ""))
    if explain:
        for change in result.corrections:
            typer.echo(
                f"line {number}: {change.raw!r} -> {change.corrected!r} "
                f"({change.rule}, score {change.score:.2f})",
                err=True,
            )
        for doubt in result.doubts:
            guess = (
                f", best guess {doubt.suggestion!r} at {doubt.score:.2f}"
                if doubt.suggestion and doubt.score is not None
                else ""
            )
            typer.echo(
                f"line {number}: {doubt.raw!r} left as printed (unknown word{guess})", err=True
            )


def register(app: typer.Typer) -> None:
    app.command()(correct)
