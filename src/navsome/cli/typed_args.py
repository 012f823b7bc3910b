"""Arguments as people type them, read before Click reads them: a long option may be cut to a
prefix only it has (as argparse allows), a negative figure is a value, an option of one value
given twice is a mistake said out loud, and a completion option takes the shell named after it."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from navsome.errors import UsageError
from navsome.model import QUALIFIERS

if TYPE_CHECKING:  # Typer carries its own copy of Click
    from typer._click import Command

_NEGATIVE = re.compile(r"-[0-9][0-9 .,]*")


def refuse_repeated(command: Command, args: list[str]) -> None:
    """An option that takes one value, given twice with different ones (`--top 3 --top 5`),
    is refused: Click would keep the last and drop the other without a word. Options that
    take several (-m, -p) are left to their command."""
    single = {}
    for param in command.params:
        if param.param_type_name != "option" or getattr(param, "multiple", False):
            continue
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        for name in param.opts:
            single[name] = param.opts[-1] if param.opts[-1].startswith("--") else param.opts[0]
    given: dict[str, list[str]] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name in single:
            if not equals:
                index += 1
                value = args[index] if index < len(args) else ""
            given.setdefault(single[name], []).append(value)
        index += 1
    for option, values in given.items():
        if len(set(values)) > 1:
            raise UsageError(
                "{option} was given more than once ({values}); give it once.",
                option=option,
                values=", ".join(values),
            )


def valued_options(command: Command) -> set[str]:
    """The names of `command`'s options that take a value (`--lang nb`), not flags."""
    return {
        name
        for param in command.params
        if param.param_type_name == "option"
        and not getattr(param, "is_flag", False)
        and not getattr(param, "count", False)
        for name in param.opts
    }


def first_argument(args: list[str], valued: Collection[str]) -> tuple[int, bool]:
    """Where the first argument that is no option nor an option's value is in `args` (its
    length when there is none), and whether a `--` came before it."""
    index = 0
    while index < len(args) and args[index].startswith("-"):
        if args[index] == "--":
            return index + 1, True
        index += 2 if args[index] in valued else 1
    return index, False


def refuse_unknown_action(command: Command, args: list[str], actions: Sequence[str]) -> None:
    """A command whose first argument is one of `actions` (`source add`) refuses any other
    first, before Click would ask for what follows it."""
    if not actions:
        return
    index, _ = first_argument(args, valued_options(command))
    if index < len(args) and args[index] not in actions:
        raise UsageError(
            "{command} {action!r}: the one action is {actions}, e.g. navsome {command} {first} "
            "SLUG.",
            command=command.name,
            action=args[index],
            actions=", ".join(actions),
            first=actions[0],
        )


def negative_numbers_as_values(command: Command, args: list[str]) -> list[str]:
    """`args` with its options first and its arguments after `--` when one of the arguments
    is a negative number, which Click would otherwise take for an unknown option (`-5`)."""
    valued = valued_options(command)
    options: list[str] = []
    values: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            values += args[index + 1 :]
            break
        if _NEGATIVE.fullmatch(arg) or not arg.startswith("-") or arg == "-":
            values.append(arg)
        else:
            options.append(arg)
            if arg in valued and index + 1 < len(args):  # its value, whatever it looks like
                index += 1
                options.append(args[index])
        index += 1
    if not any(_NEGATIVE.fullmatch(value) for value in values):
        return args
    return [*options, "--", *values]


def shell_named(args: list[str], commands: Collection[str]) -> list[str]:
    """A completion option given with no shell gets an empty one (this shell), so that it
    takes a value only where one follows: `--show-completion zsh`, not `--show-completion list`."""
    found = list(args)
    for index, arg in enumerate(found):
        if arg in ("--install-completion", "--show-completion"):
            following = found[index + 1] if index + 1 < len(found) else None
            if following is None or following.startswith("-") or following in commands:
                found[index] = f"{arg}="
    return found


def help_as_option(args: list[str], valued: Collection[str]) -> list[str]:
    """`navsome help [COMMAND]`, as git and gh take it, read as `navsome [COMMAND] --help`;
    `valued` are the options before the command that take a value (`--lang nb help`)."""
    index, after_dashes = first_argument(args, valued)
    if after_dashes or index >= len(args) or args[index] != "help":
        return args
    topic = [name for name in args[index + 1 : index + 2] if name != "help"]
    return [*args[:index], *topic, "--help"]  # `help help` is navsome's help


def whole_options(
    command: Command, args: list[str], valued: Collection[str] | None = None
) -> list[str]:
    """`args` with each long option given by a prefix only one of the command's has written out
    (`--plat` is `--platform`, `--he` is `--help`); a prefix several share is left for Click to
    refuse. For a group, `valued` names its options that take a value, and only the arguments
    before its command are its own."""
    names = sorted(
        {name for param in command.params for name in param.opts if name.startswith("--")}
        | {"--help"}
    )
    found: list[str] = []
    takes_value = False
    for index, arg in enumerate(args):
        if arg == "--" or (valued is not None and not arg.startswith("-") and not takes_value):
            return found + args[index:]  # the command's own, from here
        takes_value = valued is not None and arg in valued
        name, equals, value = arg.partition("=")
        if arg.startswith("--") and name not in names:
            matches = [option for option in names if option.startswith(name)]
            if len(matches) == 1:
                arg = matches[0] + equals + value
                takes_value = valued is not None and not equals and arg in valued
        found.append(arg)
    return found


def old_qualifier_short(command: Command, args: list[str]) -> tuple[list[str], str | None]:
    """`record … -q about`, as it was typed before -q meant --quiet, read as `--qualifier
    about` (so scripts keep working), and the qualifier so read, to be said; else `args`."""
    if not any(param.name == "qualifier" for param in command.params):
        return args, None
    for index, arg in enumerate(args[:-1]):
        if arg == "--":
            break
        if arg == "-q" and args[index + 1] in QUALIFIERS:  # the model's, as typed before
            return [*args[:index], "--qualifier", *args[index + 1 :]], args[index + 1]
    return args, None
