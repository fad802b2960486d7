"""Entry point of the `sop` console script: one sub-command per module in `cli/`."""

from __future__ import annotations

import typer

from cli import (
    check_command,
    correct_command,
    debug_command,
    export_command,
    ingest_command,
    report_command,
    run_command,
)

app = typer.Typer(
    name="sop",
    help="Digitise Indonesian SOP archives (Permenpan RB 35/2012) into sop/1 JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """Digitise Indonesian SOP archives (Permenpan RB 35/2012) into sop/1 JSON."""


# Each command module registers itself here, one line each.
ingest_command.register(app)
run_command.register(app)
export_command.register(app)
check_command.register(app)
report_command.register(app)
correct_command.register(app)
debug_command.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
