"""`sop report JSON_DIR [-o OUT_DIR]`: the archive report over a folder of sop/1 JSON.

Reads every `*.json` under JSON_DIR (recursively; `summary.json` and files inside OUT_DIR are
skipped), writes OUT_DIR/report.html (self-contained, opens offline) and OUT_DIR/report.csv, and
prints the HTML path. OUT_DIR defaults to JSON_DIR/report. Exit codes: 0 written; 1 written but
some JSON file could not be read (listed on stderr); 2 usage errors (no sop/1 JSON found).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from exports.json import document_from_json
from exports.report import build_report, write_report
from models.sop import Sop


def discover_json(json_dir: Path, out_dir: Path) -> list[Path]:
    skipped_root = out_dir.resolve()
    return [
        path for path in sorted(json_dir.rglob("*.json"))
        if path.name != "summary.json" and not path.resolve().is_relative_to(skipped_root)
        and not any(part.startswith(".") for part in path.relative_to(json_dir).parts)
    ]  # fmt: skip


def load_entries(json_dir: Path, paths: list[Path]) -> tuple[list[tuple[str, Sop]], list[str]]:
    """(file, SOP) for every SOP of every readable document; messages for unreadable files."""
    entries: list[tuple[str, Sop]] = []
    problems: list[str] = []
    for path in paths:
        try:
            document = document_from_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValidationError) as error:
            problems.append(f"{path}: not a readable sop/1 JSON document ({type(error).__name__}).")
            continue
        entries += [(str(path.relative_to(json_dir)), sop) for sop in document.sops]
    return entries, problems


def report(
    json_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of sop/1 JSON (recursive).")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder [default: JSON_DIR/report].")
    ] = None,
) -> None:
    """Write report.html and report.csv: scores, per-unit totals, frequent failures, charts."""
    errors = Console(stderr=True)
    out_dir = out or json_dir / "report"
    paths = discover_json(json_dir, out_dir)
    if not paths:
        errors.print(
            f"No sop/1 JSON files in {json_dir}; run `sop ingest ... -o {json_dir}` first."
        )
        raise typer.Exit(2)
    entries, problems = load_entries(json_dir, paths)
    generated = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    archive = build_report(entries, source=str(json_dir), generated=generated)
    html_path, csv_path = write_report(archive, out_dir)
    for problem in problems:
        errors.print(f"[red]skipped[/] {escape(problem)}", highlight=False, soft_wrap=True)
    errors.print(f"{len(entries)} SOPs from {len(paths) - len(problems)} files; CSV: {csv_path}")
    typer.echo(str(html_path))
    raise typer.Exit(1 if problems else 0)


def register(app: typer.Typer) -> None:
    app.command()(report)
