"""`navsome import`: many figures into the registry file at once."""

from typing import Annotated

import typer

from navsome.cli.answer import words_in_use
from navsome.cli.options import (
    LockTimeoutOption,
    cache_folder,
    lock_timeout_seconds,
    metric_label,
    registry_size_limit,
    say_waiting,
    tenfold_note,
)
from navsome.errors import Message, UsageError, os_reason
from navsome.output.console import say, stdout

# What a dry run says each row would do.
_WOULD = {"added": "add", "replaced": "replace", "unchanged": "unchanged", "conflict": "conflict"}


def command(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help=(
                "CSV (commas or semicolons) or JSON rows of figures, with the columns navsome "
                "writes; - reads stdin."
            ),
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="Say what would change, and change nothing."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace figures already recorded for the same dates."),
    ] = False,
    lock_timeout: LockTimeoutOption = None,
) -> None:
    """Add many figures to the registry file in one safe write: all of them, or none.

    Example: navsome import june.csv --dry-run

    Rows have the columns navsome itself writes (channel, or account and platform; metric,
    value, low, high, qualifier, as_of, source, stated, note), so `navsome show X --format csv`
    reads back in. Every bad row is reported with its line, and then nothing is written.
    """
    from pathlib import Path

    from navsome.output.numbers import format_figure
    from navsome.registry.batch import import_rows
    from navsome.registry.read import registry_path
    from navsome.rows_in import form_of, read_rows

    words = words_in_use(ctx)
    name = "<stdin>" if file == "-" else file
    # A file's extension says CSV or JSON; standard input, or any other name, is read by its
    # first character.
    form = None if file == "-" else form_of(file)
    rows, problems, unread = read_rows(_read(file, name), name, form)
    path = Path(registry_path(ctx.find_root().obj))
    plan = import_rows(
        path,
        rows,
        replace=replace,
        dry_run=dry_run,
        lock_timeout=lock_timeout_seconds(lock_timeout),
        waiting=lambda pid: say_waiting(pid, path, words),
        max_bytes=registry_size_limit(),
        cache_dir=cache_folder(),
        problems=problems,
        unread=unread,
    )
    for planned in plan:  # as record notes it: ten times off the figure before, a typo?
        if planned.tenfold and planned.previous is not None and planned.action != "unchanged":
            note = tenfold_note(
                planned.figure, planned.previous, planned.unit, words, planned.labels
            )
            say(f"{planned.row.where}: " + note.removeprefix("navsome: "))
    counts = {action: 0 for action in ("added", "replaced", "unchanged", "conflict")}
    lines = []
    for planned in plan:
        counts[planned.action] += 1
        shown = format_figure(planned.figure, planned.unit, words=words)
        verb = words(_WOULD[planned.action])
        lines.append(
            "  "
            + words(
                "{verb} {channel} {metric} {figure} as of {as_of}",
                verb=f"{verb:<9}",
                channel=planned.channel,
                metric=metric_label(planned.labels, words) or planned.figure.metric,
                figure=shown,
                as_of=planned.figure.as_of,
            )
        )
    summary = words(
        "{added} added, {replaced} replaced, {unchanged} unchanged",
        added=counts["added"],
        replaced=counts["replaced"],
        unchanged=counts["unchanged"],
    )
    if counts["conflict"]:
        summary += words(", {count} conflicting (pass --replace)", count=counts["conflict"])
    with stdout() as out:
        if dry_run:
            said = words(
                "Would import {name} into {path}: {summary}; nothing was changed.",
                name=name,
                path=path,
                summary=summary,
            )
            out.write(said + "\n" + "\n".join(lines) + "\n")
        else:
            said = words(
                "Imported {name} into {path}: {summary}.", name=name, path=path, summary=summary
            )
            out.write(said + "\n")


def _read(file: str, name: str) -> bytes:
    """The bytes of FILE, or of standard input for `-`; UsageError saying why (the system's
    reason, which the command line words in the user's language) when they cannot be read."""
    import sys
    from pathlib import Path

    try:
        if file != "-":
            return Path(file).read_bytes()
        if sys.stdin is not None:
            return sys.stdin.buffer.read()
        why = Message("it is closed")  # `navsome import - <&-`: Python has no stdin at all
    except OSError as error:
        why = os_reason(error)
    raise UsageError("{file}: cannot read it ({why}); give a CSV or JSON file.", file=name, why=why)
