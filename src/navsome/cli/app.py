"""The `navsome` app: its global options, the commands it loads on demand, and the one place
where an error of navsome's becomes a message on stderr and an exit code."""

import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from navsome import __version__
from navsome.cli.completion import answer_the_shell, complete_language, completion_options
from navsome.cli.help import help_drawn, markup_for, write_usage
from navsome.cli.typed_args import (
    help_as_option,
    negative_numbers_as_values,
    old_qualifier_short,
    refuse_repeated,
    refuse_unknown_action,
    shell_named,
    valued_options,
    whole_options,
)
from navsome.errors import NavsomeError, UsageError
from navsome.i18n import ENGLISH, LANGUAGES, Words
from navsome.output.console import keep_quiet

if TYPE_CHECKING:  # Typer carries its own copy of Click
    from typer._click import Command, Context, HelpFormatter, Parameter

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
            info = CommandInfo(
                name=name,
                callback=module.command,
                cls=NavsomeCommand,
                no_args_is_help=getattr(module, "NO_ARGS_IS_HELP", False),
            )
            command = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self._group.rich_markup_mode
            )
            command.params += _global_options_again()
            command.actions = getattr(module, "ACTIONS", ())  # type: ignore[attr-defined]
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: "Command") -> None:  # Click's add_command
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self._built]))

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self._built))


REGISTRY_HELP = "Registry file to read instead of the one shipped with navsome."
NO_COLOR_HELP = "No colour on a terminal, as NO_COLOR=1 gives."
QUIET_HELP = (
    "Say only what was asked: no notes or hints on stderr, and no confirmation of a write. "
    "Errors and warnings are still said."
)
LANG_HELP = "Language of tables and messages (default: Norwegian on a Norwegian locale)."


def _global_options_again() -> list["Parameter"]:
    """--registry and --lang for a command, as people type them after it too (`navsome list
    --registry x.toml`): listed in its help, and given after the command they win over any
    given before it."""
    from typer.core import TyperOption

    return [
        TyperOption(
            param_decls=["--registry"],
            metavar="PATH",
            help=REGISTRY_HELP,
            expose_value=False,
            callback=_given(choose_registry),
        ),
        TyperOption(
            param_decls=["--lang"],
            metavar="nb|en",
            help=LANG_HELP,
            expose_value=False,
            is_eager=True,  # so that `--lang nb --help` draws the help in Norwegian
            # Given to Click as it is: Click's signature (context, parameter, incomplete).
            autocompletion=lambda _ctx, _param, incomplete: complete_language(incomplete),
            callback=_given(choose_language),
        ),
        TyperOption(
            param_decls=["--quiet", "-q"],
            is_flag=True,
            help=QUIET_HELP,
            expose_value=False,
            callback=lambda _ctx, _param, quiet: keep_quiet(True) if quiet else None,
        ),
        TyperOption(
            param_decls=["--no-color"],
            is_flag=True,
            help=NO_COLOR_HELP,
            expose_value=False,
            callback=lambda _ctx, _param, no_color: _no_color() if no_color else None,
        ),
    ]


def _given(choose: "Callable[[Context, str], None]") -> "Callable[[Context, Any, Any], None]":
    """A Click callback that chooses with the option's value when one was given."""

    def callback(ctx: "Context", _param: Any, value: Any) -> None:
        if value is not None:
            choose(ctx, value)

    return callback


# Click's exception for a usage error, whichever Click Typer carries.
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


@contextmanager
def _usage_shown(ctx: "Context") -> Iterator[None]:
    """Click's parser raises "Option '-m' requires an argument." without the context, and so
    without the usage line and the pointer to help that its other usage errors have."""
    try:
        yield
    except _CLICK_ERROR as error:
        if getattr(error, "ctx", False) is None:
            error.ctx, error.cmd = ctx, ctx.command  # type: ignore[attr-defined]
        raise


class NavsomeCommand(TyperCommand):
    """A command whose help is plain text when piped, and which reads a negative number
    (`record … -500`) as the value it is rather than as an option."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A docstring's lines break where the source does; its paragraphs are reflowed to the
        # width of the terminal instead (Click rewraps, but Rich keeps each line break).
        if self.help:
            self.help = re.sub(r"(?<=\S)\n(?=\S)", " ", inspect.cleandoc(self.help))

    def parse_args(self, ctx: "Context", args: list[str]) -> list[str]:
        args, qualifier = old_qualifier_short(self, whole_options(self, args))
        if qualifier is not None:
            _say_old_qualifier(ctx, args, qualifier)
        refuse_repeated(self, args)
        refuse_unknown_action(self, args, getattr(self, "actions", ()))
        with _usage_shown(ctx):
            return super().parse_args(ctx, negative_numbers_as_values(self, args))

    def collect_usage_pieces(self, ctx: "Context") -> list[str]:
        # Typer writes a required argument as {VALUE}, which reads as a set to choose from;
        # the usual CHANNEL METRIC VALUE says what to type.
        return [re.sub(r"^\{(.+)\}$", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]

    def format_help(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        with help_drawn(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        write_usage(self, ctx, formatter)


def _say_old_qualifier(ctx: "Context", args: list[str], qualifier: str) -> None:
    from navsome.cli.usage_errors import language_of
    from navsome.output.console import say

    words = Words(language_of(ctx, args))
    say(
        words(
            "navsome: note: -q {qualifier} is read as --qualifier {qualifier}, as before; "
            "-q alone means --quiet.",
            qualifier=qualifier,
        )
    )


class NavsomeGroup(TyperGroup):
    """Loads a command only when it is run or listed (Click's lazy-subcommand pattern), and
    turns every NavsomeError into its message on stderr and its exit code."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(self)  # Typer's suggestions read the names from here
        self.params += completion_options()

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Usage errors go to stderr: drawn only when it is a terminal.
        self.rich_markup_mode = markup_for(sys.stderr)
        if "_NAVSOME_COMPLETE" in os.environ:  # a shell asks for completions
            answer_the_shell()
        return super().main(*args, **kwargs)

    def format_help(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        with help_drawn(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        write_usage(self, ctx, formatter)

    def parse_args(self, ctx: "Context", args: list[str]) -> list[str]:
        valued = valued_options(self)
        args = whole_options(self, shell_named(args, COMMANDS), valued)
        with _usage_shown(ctx):
            return super().parse_args(ctx, help_as_option(args, valued))

    def list_commands(self, ctx: "Context") -> list[str]:
        return list(self.commands)

    def get_command(self, ctx: "Context", cmd_name: str) -> "Command | None":
        return self.commands.get(cmd_name)

    def make_context(self, info_name: str | None, args: list[str], *rest: Any, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, *rest, **extra)
        except _CLICK_ERROR as error:  # the group's own options, before a language is chosen
            from navsome.cli.usage_errors import language_of, speak

            raise speak(error, language_of(getattr(error, "ctx", None), args)) from None

    def invoke(self, ctx: "Context") -> Any:
        remaining = [*getattr(ctx, "protected_args", ()), *ctx.args]  # the command's, and on
        try:
            return super().invoke(ctx)
        except _CLICK_ERROR as error:  # a command's options and arguments
            from navsome.cli.usage_errors import language_of, speak

            raise speak(error, language_of(ctx, remaining)) from None
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
    add_completion=False,  # navsome's own, which take a shell's name: see _completion_options
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
            help=REGISTRY_HELP,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="NAVSOME_LANG",
            metavar="nb|en",
            help=LANG_HELP,
            show_default=False,
            is_eager=True,  # read before --help, which draws the help in it
            autocompletion=complete_language,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=NO_COLOR_HELP)] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    ctx.obj = None
    keep_quiet(quiet)  # every run says whether it is quiet: a test process runs many
    if no_color:
        _no_color()
    # Click fills --lang from NAVSOME_LANG; a bad value must be blamed on the one the user set.
    source = ctx.get_parameter_source("lang")
    from_variable = source is not None and source.name == "ENVIRONMENT"
    if lang is None or (from_variable and not lang.strip()):  # an empty variable is unset
        _speak(ctx, Words(default_language()))
    else:
        choose_language(ctx, lang, from_variable)
    if registry is not None:  # after the language: a refusal is said in it
        choose_registry(ctx, registry)


def _no_color() -> None:
    """--no-color: what NO_COLOR asks of navsome's tables and of the help Typer draws, which
    both read it from the environment."""
    os.environ["NO_COLOR"] = "1"


def choose_registry(ctx: "Context", registry: str) -> None:
    """The registry file this run reads (kept in the root context's obj)."""
    if registry == "":  # an empty variable is unset, but an empty option is a mistake
        raise UsageError(
            "--registry: an empty path names no file; give a registry file, or leave --registry "
            "out."
        )
    ctx.find_root().obj = registry


def choose_language(ctx: "Context", lang: str, from_variable: bool = False) -> None:
    """The language this run speaks (see answer.words_in_use), from --lang or NAVSOME_LANG."""
    from navsome.i18n import language_named

    chosen = language_named(lang)
    if chosen not in LANGUAGES:
        if from_variable:  # said in the locale's language, the one navsome would speak
            _speak(ctx.find_root(), Words(default_language()))
            raise UsageError(
                "NAVSOME_LANG={setting} is not a language navsome speaks; set it to nb or en "
                "(a locale such as nb_NO.UTF-8 also works), or unset it.",
                setting=repr(lang),  # as a shell would have it, in either language
            )
        raise typer.BadParameter(f"{lang!r} is not one of nb, en.", param_hint="--lang")
    _speak(ctx.find_root(), Words(chosen))


def _speak(ctx: "Context", words: Words) -> None:
    """The run speaks `words`: its commands (through the context) and its output layer."""
    from navsome.output.console import speak

    ctx.meta["navsome.words"] = words
    speak(words)


def default_language() -> str:
    """nb when the locale (LC_ALL, LC_MESSAGES, LANG, the first one set) is Norwegian, else en.
    NAVSOME_LANG is not read here: the command line reads it as --lang's variable and checks it."""
    from navsome.i18n import language_named

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "nb" if language_named(value) == "nb" else "en"
    return "en"
