"""An error of navsome's as the command line says it: in the user's language, with what to
type next. The core raises errors that carry data; only here do they become sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from navsome.errors import (
    SHOWN_PROBLEMS,
    AmbiguousName,
    Conflict,
    InstalledRegistry,
    Message,
    NavsomeError,
    RegistryNotFound,
    RegistryProblems,
    RegistryTooLarge,
    UnknownName,
)
from navsome.i18n import worded

if TYPE_CHECKING:
    from navsome.i18n import Words


def describe(error: NavsomeError, words: Words) -> str:
    """The message for `error`, without the leading 'navsome: ', in the language of `words`."""
    return _described(error, words)


def _described(error: NavsomeError, words: Words) -> str:
    if isinstance(error, UnknownName):
        return _unknown(error, words)
    from navsome.cli.options import FigureRefused

    if isinstance(error, FigureRefused):
        problem, instead = error.error.templates
        return words(
            "{what} {shown} {problem}; write {instead}.",
            what=error.what,
            shown=error.shown(words),
            problem=words(problem, **error.error.values),
            instead=words(instead, **error.error.values),
        )
    if isinstance(error, AmbiguousName):
        templates = {
            "account": "{name!r} could be any of several accounts: {names}; give more of the name.",
            "metric": "{name!r} could be any of several metrics: {names}; give more of the name.",
            "platform": (
                "{name!r} could be any of several platforms: {names}; give more of the name."
            ),
            "channel": (
                "{name!r} could be any of several channels: {names}; give more of the name."
            ),
        }
        template = templates.get(error.kind, templates["account"])
        return words(template, name=error.name, names=", ".join(error.matches))
    if isinstance(error, Conflict):
        from navsome.i18n import metric_label
        from navsome.output.numbers import format_figure

        old = format_figure(error.existing, error.unit, words=words)
        new = format_figure(error.new, error.unit, words=words)
        return words(
            "{channel} already has {metric} {old} as of {as_of}; pass --replace to replace it "
            "with {new}.",
            channel=error.channel,
            metric=metric_label(error.labels, words) or error.new.metric,
            old=old,
            as_of=error.new.as_of,
            new=new,
        )
    if isinstance(error, InstalledRegistry):
        return words(
            "{path} is the registry installed with navsome and is not edited in place. Copy it "
            "somewhere, then record into the copy with --registry PATH or NAVSOME_REGISTRY=PATH.",
            path=error.path,
        )
    if isinstance(error, RegistryNotFound):
        return words(
            "{file}: no such file; check the path given by --registry or NAVSOME_REGISTRY",
            file=error.file,
        )
    if isinstance(error, RegistryTooLarge):
        return words(
            "{problem}; set NAVSOME_MAX_REGISTRY_MB to read it anyway",
            problem=_summary(error, words),
        )
    from navsome.registry.batch import ImportRefused
    from navsome.registry.record import RecordRefused

    if isinstance(error, RecordRefused):  # the registry's problems, each on its own line
        lines = (_worded(problem, words) for problem in error.problems)
        return _own_words(error, words) + "".join(f"\n  {line}" for line in lines)
    if isinstance(error, ImportRefused):
        lines = (": ".join(_worded(part, words) for part in p if str(part)) for p in error.problems)
        return _own_words(error, words) + "".join(f"\n  {line}" for line in lines)
    if isinstance(error, RegistryProblems):
        if len(error.problems) > SHOWN_PROBLEMS:
            import shlex

            # The file named: `navsome validate` alone checks the registry in use by default.
            return words(
                "{summary}; run 'navsome validate {file}' to see all.",
                summary=_summary(error, words).removesuffix("."),
                file=shlex.quote(str(error.file)),
            )
        return _summary(error, words)
    # A template with its values (an error whose message was built in English has none, and
    # reads as str() gives it).
    return _own_words(error, words)


def _own_words(error: NavsomeError, words: Words) -> str:
    """The error's own message: its template, with its values, in the language of `words`."""
    return _worded(Message(error.template, **error.template_values), words)


def _summary(error: RegistryProblems, words: Words) -> str:
    """RegistryProblems.summary() in the language of `words`: the problem, or the first few and
    how many more there are, each on its own line with its place in the file."""
    problems = error.problems
    if len(problems) == 1:
        return f"{error.file}: {_worded(problems[0], words)}"
    lines = [
        words("{file}: {count} problems in the registry:", file=error.file, count=len(problems))
    ]
    lines += [f"  {_worded(problem, words)}" for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append("  " + words("… and {count} more.", count=len(problems) - SHOWN_PROBLEMS))
    return "\n".join(lines)


def _worded(value: object, words: Words) -> str:
    """A message, or a part of one, as the reader reads it (see i18n.worded), an error within it
    as this module words it."""
    return worded(value, words, lambda error: _described(error, words))


def _unknown(error: UnknownName, words: Words) -> str:
    hint = ""
    if error.suggestions:
        shown = error.suggestions_nb if words.language == "nb" else ()
        names = words(" or ").join(words.quoted(name) for name in shown or error.suggestions)
        hint = words(" Did you mean {names}?", names=names)
    if error.kind == "account":
        return words(
            "no account matches {name!r}.{hint} Run 'navsome list' to see every account.",
            name=error.name,
            hint=hint,
        )
    if error.kind == "platform":
        return words(
            "unknown platform {platform!r}.{hint} Platforms: {names}.",
            platform=error.name,
            hint=hint,
            names=", ".join(error.choices),
        )
    if error.kind == "metric":
        return words(
            "unknown metric {metric!r}.{hint} Run 'navsome metrics' to see every metric.",
            metric=error.name,
            hint=hint,
        )
    if error.kind == "channel":
        account, _, platform = error.name.rpartition("/")
        return words(
            "{account} has no channel on {platform!r}; its channels: {channels}.",
            account=account,
            platform=platform,
            channels=", ".join(error.choices),
        )
    return str(error)
