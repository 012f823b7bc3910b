"""The `navsome` app: its global options, the commands it loads on demand, and the one place
where an error of navsome's becomes a message on stderr and an exit code."""

import os
import sys
from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from navsome import __version__
from navsome.errors import NavsomeError, UsageError
from navsome.i18n import ENGLISH, LANGUAGES, Words

if TYPE_CHECKING:  # Typer carries its own copy of Click
    from typer._click import Command, Context, HelpFormatter

# Every command, in the order `navsome --help` lists them: name → module in commands/.
COMMANDS = {
    "list": "list",
    "show": "show",
    "compare": "compare",
    "history": "history",
    "report": "report",
    "metrics": "metrics",
    "timeline": "timeline",
    "record": "record",
    "import": "import_figures",
    "sources": "sources",
    "source": "source",
    "validate": "validate",
}


class _LazyCommands(MutableMapping[str, "Command"]):
    """The commands by name, each built from its module the first time it is asked for: a fresh
    process runs one command, and building the others' options would cost a third of start-up."""

    def __init__(self, group: "NavsomeGroup") -> None:
        self._group = group
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> "Command":
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            module = import_module(f"navsome.cli.commands.{COMMANDS[name]}")
            info = CommandInfo(name=name, callback=module.command, cls=NavsomeCommand)
            self._built[name] = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self._group.rich_markup_mode
            )
        return self._built[name]

    def __setitem__(self, name: str, command: "Command") -> None:  # Click's add_command
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self._built]))

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self._built))


def _drawn_for(stream: Any) -> "Literal['rich'] | None":
    """Typer's markup mode for help or an error shown on `stream`: drawn with Rich for a
    terminal, Click's plain text otherwise (Rich's help formatter costs a third of start-up)."""
    from navsome.output.console import is_terminal

    return "rich" if is_terminal(stream) else None


class NavsomeCommand(TyperCommand):
    """A command whose help is plain text when piped."""

    def format_help(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        self.rich_markup_mode = _drawn_for(sys.stdout)
        super().format_help(ctx, formatter)


class NavsomeGroup(TyperGroup):
    """Loads a command only when it is run or listed (Click's lazy-subcommand pattern), and
    turns every NavsomeError into its message on stderr and its exit code."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(self)  # Typer's suggestions read the names from here

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Usage errors go to stderr: drawn only when it is a terminal.
        self.rich_markup_mode = _drawn_for(sys.stderr)
        return super().main(*args, **kwargs)

    def format_help(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        self.rich_markup_mode = _drawn_for(sys.stdout)
        super().format_help(ctx, formatter)

    def list_commands(self, ctx: "Context") -> list[str]:
        return list(self.commands)

    def get_command(self, ctx: "Context", cmd_name: str) -> "Command | None":
        return self.commands.get(cmd_name)

    def invoke(self, ctx: "Context") -> Any:
        try:
            return super().invoke(ctx)
        except NavsomeError as error:
            from navsome.cli.messages import describe
            from navsome.output.escape import visible

            # An error in choosing the language itself is said in English.
            words = ctx.meta.get("navsome.words", ENGLISH)
            # visible: splitlines would break at U+2028 and kin
            message = visible(describe(error, words))
            print(f"navsome: {message}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=NavsomeGroup,
    name="navsome",
    help=(
        "Query NAV's social media accounts, their channels and the figures reported for them.\n\n"
        "Example: navsome compare --metric followers --top 5"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"navsome {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    registry: Annotated[
        str | None,
        typer.Option(
            "--registry",
            envvar="NAVSOME_REGISTRY",
            metavar="PATH",
            help="Registry file to read instead of the one shipped with navsome.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="NAVSOME_LANG",
            metavar="nb|en",
            help="Language of tables and messages (default: Norwegian on a Norwegian locale).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    if registry == "":  # an empty variable is unset, but an empty option is a mistake
        raise typer.BadParameter(
            "an empty path names no file; give a registry file, or leave --registry out.",
            param_hint="--registry",
        )
    ctx.obj = registry
    from navsome.i18n import language_named

    # Click fills --lang from NAVSOME_LANG; a bad value must be blamed on the one the user set.
    source = ctx.get_parameter_source("lang")
    from_variable = source is not None and source.name == "ENVIRONMENT"
    if lang is None or (from_variable and not lang.strip()):  # an empty variable is unset
        chosen: str | None = default_language()
    else:
        chosen = language_named(lang)
    if chosen not in LANGUAGES:
        if from_variable:
            raise UsageError(
                f"NAVSOME_LANG={lang!r} is not a language navsome speaks; "
                "set it to nb or en (a locale such as nb_NO.UTF-8 also works), or unset it."
            )
        raise typer.BadParameter(f"{lang!r} is not one of nb, en.", param_hint="--lang")
    ctx.meta["navsome.words"] = Words(chosen)  # what commands speak in: see answer.words_in_use


def default_language() -> str:
    """nb when the locale (LC_ALL, LC_MESSAGES, LANG, the first one set) is Norwegian, else en.
    NAVSOME_LANG is not read here: the command line reads it as --lang's variable and checks it."""
    from navsome.i18n import language_named

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "nb" if language_named(value) == "nb" else "en"
    return "en"
