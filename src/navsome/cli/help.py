"""How help is drawn: in the run's language, with the registry's metric and platform slugs
beside --metric and --platform, placeholders that say what to type, with Rich on a terminal
and as plain text when piped, and the app left as it was for the next run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

import typer

from navsome.errors import NavsomeError

if TYPE_CHECKING:  # Typer carries its own copy of Click
    from typer._click import Command, Context, HelpFormatter


@contextmanager
def help_drawn(command: Command, ctx: Context) -> Iterator[None]:
    """While `command`'s help is drawn: its texts in the run's language, --metric and
    --platform naming the registry's slugs, an argument shown by its name alone, and
    Typer's own words in the language too; then all as it was."""
    command.rich_markup_mode = markup_for(sys.stdout)  # type: ignore[attr-defined]
    language = _help_language(ctx)
    with _as_it_was(command, ctx), framework_speaks(command, language):
        if language == "nb":
            from navsome.cli.help_nb import norwegian_help

            norwegian_help(command, ctx)
        _list_names(command, ctx, language)
        _no_type_beside_arguments(command)
        yield


def write_usage(command: Command, ctx: Context, formatter: HelpFormatter) -> None:
    """Click's usage line, with the prefix of the language help is drawn in."""
    pieces = " ".join(command.collect_usage_pieces(ctx))
    formatter.write_usage(ctx.command_path, pieces, getattr(command, "_usage_prefix", None))


def markup_for(stream: Any) -> Literal["rich"] | None:
    """Typer's markup mode for help or an error shown on `stream`: drawn with Rich for a
    terminal, Click's plain text otherwise (Rich's help formatter costs a third of start-up)."""
    from navsome.output.console import is_terminal

    return "rich" if is_terminal(stream) else None


def _no_type_beside_arguments(command: Command) -> None:
    """Rich-drawn help writes `<str>` beside an argument whose type has no placeholder of its
    own; the argument's name (ACCOUNT, CHANNEL) already says what to type. A text argument's
    type is swapped, for the help only, for one whose placeholder is empty."""
    from importlib import import_module

    click_types = import_module(typer.BadParameter.__module__.rpartition(".")[0] + ".types")

    class Unnamed(click_types.StringParamType):  # type: ignore[name-defined,misc]
        def get_metavar(self, *args: Any, **kwargs: Any) -> str:
            return ""

    for param in command.params:
        if param.param_type_name == "argument" and param.type.name in ("str", "text"):
            param.type = Unnamed()  # converts as text does: only its placeholder differs


MOST_NAMES_LISTED = 12  # more would bury the option's help: completion lists them all


@contextmanager
def _as_it_was(command: Command, ctx: Context) -> Iterator[None]:
    """Help is drawn with texts and placeholders of its own (in Norwegian, with the registry's
    slugs): afterwards the command, its options and its commands are as they were, for the
    next run in the same process (a notebook's, a test's) to draw its own."""
    things: list[Any] = [command, *command.get_params(ctx)]
    group: Any = command
    if hasattr(group, "list_commands"):  # a group: its commands' help is listed too
        things += [group.get_command(ctx, name) for name in group.list_commands(ctx)]
    kept = [
        (thing, name, getattr(thing, name))
        for thing in things
        for name in ("help", "short_help", "type")
        if hasattr(thing, name)
    ]
    try:
        yield
    finally:
        for thing, name, value in kept:
            setattr(thing, name, value)


def _help_language(ctx: Context) -> str:
    """The language help is drawn in: --lang typed before --help, else NAVSOME_LANG or the
    locale, as a command run would speak."""
    from navsome.cli.usage_errors import language_of

    return language_of(ctx, [])


@contextmanager
def framework_speaks(command: Command | None, language: str) -> Iterator[None]:
    """While help or a usage error is drawn: Typer's and Click's headings, labels and "Usage:"
    (of `command`, where there is one) in `language`."""
    if language != "nb":
        yield
        return
    from navsome.cli.help_nb import USAGE_NB, framework_in_norwegian

    if command is not None:
        command._usage_prefix = USAGE_NB  # type: ignore[attr-defined]
    try:
        with framework_in_norwegian():
            yield
    finally:
        if command is not None:
            del command._usage_prefix  # type: ignore[attr-defined]


def _list_names(command: Command, ctx: Context, language: str) -> None:
    """--metric's and --platform's help name the registry's slugs, where there are few."""
    wanted = {"metric": "metrics", "platform": "platforms"}
    params = [p for p in command.params if p.name in wanted and p.param_type_name == "option"]
    if not params:
        return
    from navsome.cli.help_nb import NAMES_LISTED
    from navsome.cli.options import cache_folder, registry_size_limit
    from navsome.registry.read import load_registry

    try:
        registry = load_registry(ctx.find_root().obj, registry_size_limit(), cache_folder())
    except NavsomeError:
        return  # help without the names, rather than no help
    for param in params:
        names = list(getattr(registry, wanted[str(param.name)]))
        help_text = getattr(param, "help", None) or ""
        if 0 < len(names) <= MOST_NAMES_LISTED:  # once: the help is restored after drawing
            listed = NAMES_LISTED[language].format(names=", ".join(names))
            param.help = help_text + listed  # type: ignore[attr-defined]
