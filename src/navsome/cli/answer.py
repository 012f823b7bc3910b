"""How a command gets the registry it answers from and hands its answer to the output layer."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import typer

from navsome.errors import UsageError
from navsome.output.console import OutputFormat, is_terminal, note, write_answer

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.model import Account, Registry
    from navsome.output.blocks import Block


def registry_in_use(ctx: typer.Context, as_of: str | None = None) -> Registry:
    """The registry in use, as it stood on `as_of` when given."""
    from navsome.cli.options import cache_folder, date_option, registry_size_limit
    from navsome.query import registry_at
    from navsome.registry.read import load_registry

    chosen = ctx.find_root().obj
    full = load_registry(chosen, registry_size_limit(), cache_folder())
    ctx.meta["navsome.full_registry"] = full
    return registry_at(full, date_option(as_of, "--as-of"))


def words_in_use(ctx: typer.Context) -> Words:
    """The language of this run (--lang, NAVSOME_LANG or the locale), as app.py chose it."""
    words: Words = ctx.meta["navsome.words"]
    return words


def accounts_named(ctx: typer.Context, registry: Registry, names: list[str]) -> list[Account]:
    """The accounts named, looked up in the whole registry (a handle may belong to a channel
    that had not started on the --as-of date) and returned as `registry` has them, each once
    however many ways it was named."""
    full = ctx.meta.get("navsome.full_registry", registry)
    by_platform = any(param.name == "platform" for param in ctx.command.params)
    slugs = dict.fromkeys(_account_named(full, name, by_platform).slug for name in names)
    return [registry.accounts[slug] for slug in slugs]


def _account_named(registry: Registry, name: str, by_platform: bool) -> Account:
    """The account `name` names; a channel named where an account is asked for (as the CSV's
    `channel` column and history --wide write them: jobblyst/facebook) is refused with what to
    type instead: the account, and its platform where the command takes one (`by_platform`)."""
    from navsome.errors import NavsomeError, UnknownName
    from navsome.query import find_account, find_channel

    try:
        return find_account(registry, name)
    except UnknownName as error:
        if "/" not in name:
            raise
        try:
            channel = find_channel(registry, name)
        except NavsomeError:
            raise error from None
        if not by_platform:
            raise UsageError(
                "{name!r} names a channel, and an account is asked for here; name its account "
                "instead: {account}.",
                name=name,
                account=channel.account,
            ) from None
        raise UsageError(
            "{name!r} names a channel, and an account is asked for here; name its account and "
            "platform instead: {account} -p {platform}.",
            name=name,
            account=channel.account,
            platform=channel.platform,
        ) from None


def output_format(
    format_: OutputFormat | None, as_json: bool, ctx: typer.Context | None = None
) -> OutputFormat:
    """The format asked for (table by default). Given the command's `ctx`, an --export that
    names no file, or whose extension says another format than --format, is refused here,
    before any work."""
    if as_json and format_ not in (None, OutputFormat.json):
        raise UsageError(
            "--json and --format {format} ask for different formats; give one.",
            format=format_.value,
        )
    if ctx is not None:
        check_export(ctx)
    return OutputFormat.json if as_json else (format_ or OutputFormat.table)


def check_export(ctx: typer.Context) -> None:
    """Refuse an --export with an empty name, or one whose extension and --format (or --json)
    disagree: the file would hold another format than either says. Without --format the
    extension decides."""
    export = ctx.params.get("export")
    if export is None:
        return
    from navsome.output.export import FORMAT_OF, check_named

    check_named(export)
    given = ctx.params.get("format_")  # Click's value: the choice's text, not yet the enum
    if ctx.params.get("as_json"):
        flag, wanted = "--json", OutputFormat.json
    elif given:
        wanted = OutputFormat(given)
        flag = f"--format {wanted.value}"
    else:
        return  # no format asked for: the extension decides
    path = Path(export)
    written = FORMAT_OF.get(path.suffix.lower())
    if written is None or written == wanted.value:
        return  # they agree, or an extension check_target refuses with its own message
    words = words_in_use(ctx)
    kinds = {
        ".svg": words("a picture (SVG)"),
        ".html": words("a page (HTML)"),
        ".md": "Markdown",
        ".csv": "CSV",
        ".json": "JSON",
    }
    names = [str(path.with_suffix(ext)) for ext, kind in FORMAT_OF.items() if kind == wanted.value]
    raise UsageError(
        "--export {file} writes {kind}; drop {option}, or name the file {name}.",
        file=export,
        kind=kinds[path.suffix.lower()],
        option=flag,
        name=words(" or ").join(names),
    )


def written_as(format_: OutputFormat, ctx: typer.Context) -> OutputFormat:
    """The format the answer is written in: `format_`, or with --export the one its extension
    names (`check_export` has made sure they agree)."""
    export = ctx.params.get("export")
    if not export:
        return format_
    from navsome.output.export import FORMAT_OF

    written = FORMAT_OF.get(Path(export).suffix.lower())
    return OutputFormat(written) if written else format_


def emit(
    ctx: typer.Context,
    format_: OutputFormat,
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list[Block]],
    data: Callable[[], Any] | None = None,
    registry: Path | None = None,
    done: str | None = None,
    *,
    columns: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> None:
    """Hand the answer to the output layer, to stdout or to the --export file; a CSV with no
    rows is the header `columns`. Then say the `notes` (hints and why an answer is empty) on
    stderr: they are for the person, never part of the answer or a file."""
    check_export(ctx)
    export = ctx.params.get("export")
    if export is not None:
        from navsome.output.export import check_target
        from navsome.registry.read import registry_path

        check_target(export, registry or registry_path(ctx.find_root().obj))
    words = words_in_use(ctx)
    write_answer(format_, rows, blocks, data, export, done, words=words, columns=columns)
    if notes:
        from navsome.output.escape import visible

        for said in notes:  # each one line, with registry text (a name) written out
            note(visible(said, one_line=True))


def rows_to_show(top: int | None, show_all: bool, fmt: OutputFormat, ctx: typer.Context) -> int:
    """How many ranked rows to show (0: all). A table on a terminal shows what fits the
    screen, so a registry of thousands of channels does not take seconds to scroll past."""
    if show_all or top is not None:
        return 0 if show_all else top or 0
    exporting = ctx.params.get("export") is not None
    if fmt is not OutputFormat.table or exporting or not is_terminal(sys.stdout):
        return 0
    import shutil

    return max(10, shutil.get_terminal_size().lines - 8)


def last_day(date: str | None) -> str:
    """The last day a date names, as a note says what --as-of or --since reached: 2010-12-31
    for 2010, so that "on or before" leaves no doubt."""
    from navsome.dates import period_end

    if date is None:
        return ""
    year, month, day = period_end(date)
    return f"{year:04d}-{month:02d}-{day:02d}"


def views() -> ModuleType:
    """The module that lays out tables, imported only when a table is wanted."""
    import navsome.output.views as views

    return views
