"""`navsome validate`: every problem in a registry file, with its line."""

from typing import Annotated

import typer

from navsome.cli.answer import emit, output_format, words_in_use, written_as
from navsome.cli.options import ExportOption, FormatOption, JsonFlag
from navsome.errors import UsageError
from navsome.output.console import OutputFormat, stdout

# The columns of `problem_rows`, for the header of a CSV of a clean file.
PROBLEM_KEYS = ("file", "line", "column", "path", "message")


def command(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="PATH",
            help="Registry file to check (default: the one in use).",
            show_default=False,
        ),
    ] = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Check a registry file and report every problem, with its line and place.

    Example: navsome validate data/channels.toml

    Exits 0 when the registry is clean, 1 when it has problems.
    """
    from navsome.cli.options import cache_folder, registry_size_limit
    from navsome.errors import EXIT_BAD_DATA, RegistryProblems
    from navsome.output.blocks import Block, Grid
    from navsome.output.escape import visible
    from navsome.output.problem_report import (
        clean_summary,
        problem_report,
        problem_rows,
        problems_view,
    )
    from navsome.registry.read import load_registry, registry_path

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    if path == "":
        raise UsageError("validate was given an empty path; name a registry file, or none.")
    chosen = path or ctx.find_root().obj
    try:
        registry = load_registry(chosen, registry_size_limit(), cache_folder())
    except RegistryProblems as error:
        file, problems = error.file, error.problems
    else:
        file, problems = registry.path, []
    if fmt is OutputFormat.table and export is None:
        report = (
            problem_report(file, problems, words=words)
            if problems
            else clean_summary(registry, words=words)
        )
        with stdout() as out:
            out.write(report)
    else:
        shown = visible(file, one_line=True)
        if len(problems) == 1:
            summary = words("{count} problem in {file}.", count=1, file=shown)
        elif problems:
            summary = words("{count} problems in {file}.", count=len(problems), file=shown)
        else:
            summary = clean_summary(registry, words=words).rstrip("\n")

        def blocks() -> list[Block]:
            view = problems_view(problems, words=words)  # its header even when clean
            for block in view:
                if isinstance(block, Grid):
                    block.caption = summary
            return view

        # JSON and CSV hold the rows and nothing else: the verdict is said beside them.
        rows_only = written_as(fmt, ctx) in (OutputFormat.json, OutputFormat.csv)
        emit(
            ctx,
            fmt,
            lambda: problem_rows(file, problems),
            blocks,
            registry=registry_path(chosen),
            columns=PROBLEM_KEYS,
            notes=[summary] if rows_only else [],
        )
    if problems:
        raise typer.Exit(EXIT_BAD_DATA)
