"""Click's usage errors ("No such option", "Missing argument", …) in the run's language.

Click words them in English f-strings; under Norwegian the known ones are put into Norwegian
by pattern, and the error is shown with Norwegian labels (Bruk, Se … for hjelp, Feil). A
message no pattern knows is left as Click wrote it.
"""

from __future__ import annotations

import os
import re
import sys
from functools import partial
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click import Context

# (English as Click writes it, Norwegian), tried in order: the first that matches wins.
_NORWEGIAN = [
    (r"No such option: (\S+) \(Possible options: (.+)\)", r"Ukjent valg: \1 (mulige valg: \2)"),
    (r"No such option: (\S+) Did you mean (\S+)\?", r"Ukjent valg: \1. Mente du \2?"),
    (r"No such option: (\S+)", r"Ukjent valg: \1"),
    (r"No such command '(.+)'\. Did you mean '(.+)'\?", r"Ukjent kommando «\1». Mente du «\2»?"),
    (r"No such command '(.+)'\.", r"Ukjent kommando «\1»."),
    (r"Missing argument '(.+)'\.", r"Mangler argumentet \1."),
    (r"Missing option '(.+)'\.", r"Mangler valget \1."),
    (r"Option '(.+)' requires an argument\.", r"Valget \1 må ha en verdi."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"Uventet ekstra argument: \1"),
    (
        r"Invalid value for (.+?): '(.*)' is not one of (.+)\.",
        r"Ugyldig verdi for \1: «\2» er ikke en av \3.",
    ),
    (
        r"Invalid value for (.+?): '(.*)' is not a valid int(?: range)?\.",
        r"Ugyldig verdi for \1: «\2» er ikke et heltall.",
    ),
    (
        r"Invalid value for (.+?): (\S+) is not in the range x>=(\S+)\.",
        r"Ugyldig verdi for \1: \2 er mindre enn \3.",
    ),
    (r"Invalid value for (.+?): (.+)", r"Ugyldig verdi for \1: \2"),
]


def in_norwegian(message: str) -> str:
    for english, norwegian in _NORWEGIAN:
        if re.fullmatch(english, message, re.DOTALL):
            return re.sub(english, norwegian, message, count=1, flags=re.DOTALL)
    return message


def language_of(ctx: Context | None, args: list[str]) -> str:
    """The language of this run as far as it is known when a usage error comes: chosen by
    the app already, else --lang among the arguments, NAVSOME_LANG or the locale."""
    from navsome.cli.app import default_language
    from navsome.i18n import language_named

    given = None  # the last --lang typed wins, as it does when the command runs
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
    if given is not None:
        return language_named(given) or "en"
    if ctx is not None:
        root = ctx.find_root()
        words = root.meta.get("navsome.words")
        if words is not None:
            return str(words.language)
        typed = root.params.get("lang")  # read, but not yet chosen: no command has started
        if typed:
            return language_named(typed) or "en"
    variable = os.environ.get("NAVSOME_LANG", "").strip()
    return (language_named(variable) or "en") if variable else default_language()


def speak(error: Any, language: str) -> Any:
    """`error` (a Click exception) as it will be shown in `language`."""
    if language != "nb" or not hasattr(error, "format_message"):
        return error
    english = error.format_message
    # The instance's own, found before the class's.
    error.format_message = lambda: in_norwegian(english())
    error.show = partial(_show, error)  # shown plain: on a pipe
    from navsome.cli.help import markup_for

    if markup_for(sys.stderr) is not None:  # drawn by Typer with Rich: on a terminal
        error.navsome_norwegian = True
        _draw_norwegian_too()
    return error


def _draw_norwegian_too() -> None:
    """Typer draws a usage error for a terminal with rich_utils.rich_format_error, whose
    labels (Usage, Try … for help, Error) are its own: for an error speak() put into
    Norwegian, they are Norwegian while it is drawn, as help's are. Only on this path is
    rich_utils imported."""
    import typer.rich_utils as rich_utils

    drawn = rich_utils.rich_format_error
    if getattr(drawn, "navsome", False):  # in place already (a test process runs many)
        return

    def draw(error: Any) -> None:
        if not getattr(error, "navsome_norwegian", False):
            drawn(error)
            return
        from navsome.cli.help import framework_speaks

        with framework_speaks(getattr(getattr(error, "ctx", None), "command", None), "nb"):
            drawn(error)

    draw.navsome = True  # type: ignore[attr-defined]
    rich_utils.rich_format_error = draw  # type: ignore[assignment]  # takes what it takes


def _show(error: Any, file: IO[str] | None = None) -> None:
    """Click's UsageError.show, with Norwegian labels."""
    out = file or sys.stderr
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage:", "Bruk:", 1)
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        print(f"{usage}\nSe '{ctx.command_path} {option}' for hjelp.\n", file=out)
    print(f"Feil: {error.format_message()}", file=out)
