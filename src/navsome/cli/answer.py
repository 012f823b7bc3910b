"""How a command gets the registry it answers from and hands its answer to the output layer."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import typer

from navsome.errors import UsageError
from navsome.output.console import OutputFormat, is_terminal, write_answer

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
    that had not started on the --as-of date) and returned as `registry` has them."""
    from navsome.query import find_account

    full = ctx.meta.get("navsome.full_registry", registry)
    return [registry.accounts[find_account(full, name).slug] for name in names]


def output_format(format_: OutputFormat | None, as_json: bool) -> OutputFormat:
    if as_json and format_ not in (None, OutputFormat.json):
        raise UsageError(
            f"--json and --format {format_.value} ask for different formats; give one."
        )
    return OutputFormat.json if as_json else (format_ or OutputFormat.table)


def emit(
    ctx: typer.Context,
    format_: OutputFormat,
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list[Block]],
    data: Callable[[], Any] | None = None,
    registry: Path | None = None,
    done: str | None = None,
) -> None:
    """Hand the answer to the output layer, to stdout or to the --export file."""
    export = ctx.params.get("export")
    if export is not None:
        from navsome.output.export import check_target
        from navsome.registry.read import registry_path

        check_target(export, registry or registry_path(ctx.find_root().obj))
    write_answer(format_, rows, blocks, data, export, done, words=words_in_use(ctx))


def rows_to_show(top: int | None, show_all: bool, fmt: OutputFormat, ctx: typer.Context) -> int:
    """How many ranked rows to show (0: all). A table on a terminal shows what fits the
    screen, so a registry of thousands of channels does not take seconds to scroll past."""
    if show_all or top is not None:
        return 0 if show_all else top or 0
    if fmt is not OutputFormat.table or ctx.params.get("export") or not is_terminal(sys.stdout):
        return 0
    import shutil

    return max(10, shutil.get_terminal_size().lines - 8)


def views() -> ModuleType:
    """The module that lays out tables, imported only when a table is wanted."""
    import navsome.output.views as views

    return views
