"""`sop check PATH... [--json] [--fail-on error|warning|never]`: completeness findings per SOP.

PATH is a `sop/1` JSON file, any input `sop ingest` takes (ingested first, in memory), or a
folder of them (recursive; `summary.json` files are skipped). Exit codes: 0 when every input was
checked and no SOP has a finding at or above `--fail-on` (default: error); 1 when one has, or an
input could not be read or ingested; 2 on usage errors.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from exports.json import document_from_json
from ingest.pipeline import SUPPORTED_SUFFIXES, ingest_file
from models.quality import SopCheck, check_document
from models.sop import Document

_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


def discover_check_inputs(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for file in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            wanted = file.suffix.lower() in SUPPORTED_SUFFIXES | {".json"}
            if file.is_file() and not hidden and wanted and file.name != "summary.json":
                files.append(file)
    return files


def load_document(path: Path) -> Document:
    """A sop/1 JSON file as it is; any other input through the ingest pipeline.

    Raises ValueError with a message for the user when the file cannot be used.
    """
    if path.suffix.lower() == ".json":
        try:
            return document_from_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"{path}: cannot read the file ({error}).") from error
        except ValidationError as error:
            raise ValueError(
                f"{path}: not a sop/1 JSON document ({error.error_count()} validation errors); "
                "pass a file written by `sop ingest`."
            ) from error
    result = ingest_file(path)
    if result.document is None:
        raise ValueError(result.error or f"{path}: ingestion failed.")
    return result.document


def print_checks(path: Path, checks: list[SopCheck], console: Console) -> None:
    for check in checks:
        title = escape(f"{check.sop} — {check.nama or '(tanpa nama)'}")
        console.print(f"[bold]{title}[/]  skor [bold]{check.score}[/]  [dim]{escape(str(path))}[/]")
        for finding in check.findings:
            style = _SEVERITY_STYLE[finding.severity]
            console.print(
                f"  [{style}]{finding.severity:<7}[/] {escape(finding.location)}: "
                f"{escape(finding.message)} [dim]({finding.rule})[/]",
                highlight=False,
                soft_wrap=True,
            )


def fails(check: SopCheck, fail_on: FailOn) -> bool:
    if fail_on is FailOn.never:
        return False
    threshold = _SEVERITY_RANK[fail_on.value]
    return any(_SEVERITY_RANK[f.severity] >= threshold for f in check.findings)


def check(
    paths: Annotated[
        list[Path], typer.Argument(exists=True, help="sop/1 JSON, inputs or folders.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
    fail_on: Annotated[
        FailOn, typer.Option(help="Lowest finding severity that makes the exit code 1.")
    ] = FailOn.error,
) -> None:
    """Check SOPs for completeness (Permenpan RB 35/2012) and print findings and scores."""
    errors = Console(stderr=True)
    files = discover_check_inputs(paths)
    if not files:
        errors.print("No sop/1 JSON or supported input files found.")
        raise typer.Exit(2)
    all_checks: list[SopCheck] = []
    unreadable = 0
    for path in files:
        try:
            checks = check_document(load_document(path))
        except ValueError as error:
            unreadable += 1
            errors.print(f"[red]failed[/] {escape(str(error))}", highlight=False, soft_wrap=True)
            continue
        all_checks += checks
        if not as_json:
            print_checks(path, checks, Console())
    if as_json:
        payload = [item.model_dump(mode="json") for item in all_checks]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    failing = unreadable or any(fails(item, fail_on) for item in all_checks)
    raise typer.Exit(1 if failing else 0)


def register(app: typer.Typer) -> None:
    app.command()(check)
