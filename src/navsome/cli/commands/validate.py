"""`navsome validate`: every problem in a registry file, with its line."""

from typing import Annotated

import typer

from navsome.cli.answer import emit, output_format, words_in_use
from navsome.cli.options import ExportOption, FormatOption, JsonFlag
from navsome.errors import UsageError
from navsome.output.console import OutputFormat, stdout


def command(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="Registry file to check (default: the one in use).", show_default=False
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
    from navsome.output.blocks import Fields
    from navsome.output.problem_report import (
        clean_summary,
        problem_report,
        problem_rows,
        problems_view,
    )
    from navsome.registry.read import load_registry, registry_path

    fmt = output_format(format_, as_json)
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
        emit(
            ctx,
            fmt,
            lambda: problem_rows(file, problems),
            lambda: (
                problems_view(problems, words=words)
                if problems
                else [Fields(clean_summary(registry, words=words))]
            ),
            registry=registry_path(chosen),
        )
    if problems:
        raise typer.Exit(EXIT_BAD_DATA)
