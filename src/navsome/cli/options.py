"""What commands share: option and argument types, completion of names from the registry,
and parsers for values typed on the command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from navsome.errors import InvalidFigure, NavsomeError, UsageError
from navsome.i18n import ENGLISH
from navsome.i18n import metric_label as metric_label  # commands name a metric by its label
from navsome.output.console import OutputFormat

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.model import Measurement, Registry


def _completions(ctx: typer.Context, incomplete: str, names: Callable[[Any], Any]) -> list[str]:
    """Names from the registry in use that start with what was typed; nothing on any error,
    since a completion must never print a message into the user's command line."""
    from navsome.registry.read import load_registry

    try:
        chosen = ctx.find_root().params.get("registry")
        registry = load_registry(chosen, registry_size_limit(), cache_folder())
    except NavsomeError:
        return []
    return [name for name in names(registry) if name.startswith(incomplete)]


def complete_account(ctx: typer.Context, incomplete: str) -> list[str]:
    return _completions(ctx, incomplete, lambda registry: registry.accounts)


def complete_metric(ctx: typer.Context, incomplete: str) -> list[str]:
    return _completions(ctx, incomplete, lambda registry: registry.metrics)


def complete_platform(ctx: typer.Context, incomplete: str) -> list[str]:
    return _completions(ctx, incomplete, lambda registry: registry.platforms)


def complete_channel(ctx: typer.Context, incomplete: str) -> list[str]:
    return _completions(ctx, incomplete, lambda registry: [c.id for c in registry.channels()])


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table (default), json, csv or markdown.",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
ExportOption = Annotated[
    str | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Write the answer to FILE instead: .svg (its chart, or the table as a picture), "
        ".html (a page), .md (charts as SVG beside it), .csv or .json.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The registry as it stood on DATE (2017, 2017-12, 2017-12-31).",
        show_default=False,
    ),
]
MetricOption = Annotated[
    list[str] | None,
    typer.Option(
        "--metric",
        "-m",
        metavar="METRIC",
        help="Only this metric: its slug or label, in English or Norwegian. Give it again for "
        "several.",
        autocompletion=complete_metric,
        show_default=False,
    ),
]
AccountArgument = Annotated[
    str,
    typer.Argument(
        metavar="ACCOUNT",
        help="Slug, alias, name or handle (or a unique prefix).",
        autocompletion=complete_account,
    ),
]
AccountsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[ACCOUNT]...",
        help="Only these accounts (default: all).",
        show_default=False,
        autocompletion=complete_account,
    ),
]
PlatformOption = Annotated[
    list[str] | None,
    typer.Option(
        "--platform",
        "-p",
        metavar="PLATFORM",
        help="Only channels on this platform. Give it again for several.",
        autocompletion=complete_platform,
        show_default=False,
    ),
]


def named_metrics(registry: Registry, names: list[str] | None) -> list[str]:
    """The metrics named (each by any name the rule for names takes) as slugs, each once."""
    from navsome.query import check_metric

    return list(dict.fromkeys(check_metric(registry, name) for name in names or []))


def named_platforms(registry: Registry, names: list[str] | None) -> list[str] | None:
    """The platforms named, as slugs, each once; None when none is named (every platform)."""
    from navsome.query import check_platform

    found = [check_platform(registry, name) for name in names or []]
    return list(dict.fromkeys(slug for slug in found if slug is not None)) or None


_Text = TypeVar("_Text", bound="str | None")


def typed_text(text: _Text, what: str) -> _Text:
    """Text typed for the registry; bytes that are not UTF-8 (a terminal in another encoding)
    would reach the file as lone surrogates, which cannot be written."""
    if text is None or text.isprintable() or not any(0xD800 <= ord(c) < 0xE000 for c in text):
        return text
    from navsome.output.escape import visible

    raise UsageError(
        "{what} '{text}' holds bytes that are not UTF-8 (shown as \\udcXX); type it in a "
        "UTF-8 terminal or fix the encoding, then record again.",
        what=what,
        text=visible(text, one_line=True),
    )


LockTimeoutOption = Annotated[
    str | None,
    typer.Option(
        "--lock-timeout",
        metavar="SECONDS",
        help="How long to wait for another navsome writing the same file (default 30, "
        "or NAVSOME_LOCK_TIMEOUT).",
        show_default=False,
    ),
]


def say_waiting(pid: int | None, path: Path, words: Words) -> None:
    """The one note a writer gives when another holds the registry's lock for a second."""
    from navsome.output.console import note

    holder = words("another navsome record")
    if pid:
        holder = words("another navsome record (pid {pid})", pid=pid)
    note(words("Waiting for {holder} to finish with {file}…", holder=holder, file=path))


def tenfold_note(
    new: Measurement,
    old: Measurement,
    unit: str,
    words: Words,
    labels: tuple[str, str] = ("", ""),
) -> str:
    """The note a writer gives for a figure ten times larger or smaller than the one before it:
    likely a typo. The metric is named by its label in the words' language where given."""
    from navsome.output.numbers import format_figure

    larger = new.representative > old.representative
    return words(
        "navsome: note: {new} {metric} is {how} the figure before it, {old} as of "
        "{as_of}; if it is a typo, record the right figure with --replace.",
        new=format_figure(new, unit, words=words),
        metric=metric_label(labels, words) or new.metric,
        how=words("ten times or more") if larger else words("a tenth or less of"),
        old=format_figure(old, unit, words=words),
        as_of=old.as_of,
    )


def lock_timeout_seconds(option: str | None) -> float:
    """Seconds to wait for the lock: --lock-timeout, else NAVSOME_LOCK_TIMEOUT, else 30."""
    from navsome.registry.rewrite import DEFAULT_LOCK_TIMEOUT

    if option is not None:
        return seconds(option, "--lock-timeout")
    variable = os.environ.get("NAVSOME_LOCK_TIMEOUT", "").strip()  # blank is unset
    return seconds(variable, "NAVSOME_LOCK_TIMEOUT") if variable else DEFAULT_LOCK_TIMEOUT


def seconds(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 <= value <= 86_400:  # also false for nan
        raise UsageError(
            "{what} {text!r} is not a number of seconds from 0 to 86400; give e.g. 30, or 0 "
            "to give up at once when another record holds the file.",
            what=what,
            text=text,
        )
    return value


class FigureRefused(UsageError):
    """A figure typed on the command line that cannot be taken: `what` it was given as, the
    `text` typed, and why; cli/messages.py words it in the user's language."""

    def __init__(self, what: str, text: str, error: InvalidFigure) -> None:
        self.what, self.text, self.error = what, text, error
        super().__init__(f"{what} {self.shown(ENGLISH)} {error.problem}; write {error.instead}.")

    def shown(self, words: Words) -> str:
        """The text typed, quoted as the language of `words` quotes; its start alone when long."""
        if len(self.text) <= 40:
            return words.quoted(self.text)
        start = words.quoted(self.text[:20])
        return words("{start}… ({length:,} characters)", start=start, length=len(self.text))


def figure_number(text: str, what: str) -> int | float:
    """A figure as typed (navsome/typed.py: 21000, 21 000 or 3.5), or UsageError naming
    `what` it was given as and saying what to write instead."""
    from navsome.typed import read_figure

    try:
        return read_figure(text)
    except InvalidFigure as error:
        raise FigureRefused(what, text, error) from None


SIZE_LIMIT_VARIABLE = "NAVSOME_MAX_REGISTRY_MB"


def registry_size_limit() -> int:
    """The most bytes a registry may have: NAVSOME_MAX_REGISTRY_MB megabytes, else the default."""
    from navsome.registry.read import DEFAULT_MAX_BYTES

    setting = os.environ.get(SIZE_LIMIT_VARIABLE, "").strip()
    if not setting:  # empty is unset
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = float("nan")
    if not 0 < megabytes < float("inf"):  # false for nan too
        raise UsageError(
            "{variable}={setting!r} is not a size; set it to a number of megabytes above 0, "
            "such as 64, or unset it for the default of {default}.",
            variable=SIZE_LIMIT_VARIABLE,
            setting=setting,
            default=DEFAULT_MAX_BYTES // 2**20,
        )
    return int(megabytes * 2**20)


NO_CACHE_VARIABLE = "NAVSOME_NO_CACHE"


def cache_folder() -> Path | None:
    """Where the parse cache is kept: navsome's folder in the user's cache folder, or None
    when NAVSOME_NO_CACHE is on."""
    from navsome.cli.switches import switched_on

    state = switched_on(NO_CACHE_VARIABLE)
    if state is None:
        raise UsageError(
            "{variable}={setting!r} is not understood; set it to 1 to read the registry "
            "without the cache, or to 0 (or unset it).",
            variable=NO_CACHE_VARIABLE,
            setting=os.environ[NO_CACHE_VARIABLE],
        )
    return None if state else user_cache_folder()


def user_cache_folder() -> Path:
    """navsome's folder in the user's cache folder, as platformdirs gives it. On Linux and the
    BSDs that is the XDG rule, followed here without importing platformdirs (a tenth of a warm
    query's time): $XDG_CACHE_HOME when it is an absolute path, else ~/.cache."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        return Path(base) / "navsome"
    import platformdirs

    return Path(platformdirs.user_cache_dir("navsome", appauthor=False))


def date_option(text: str | None, option: str, intervals: bool = False) -> str | None:
    """A date given to `option` (2017, 2017-12, 2017-12-31; with `intervals`, also
    2017-03/2017-05), or UsageError naming the option."""
    if text is None:
        return None
    from navsome.errors import InvalidDate
    from navsome.query import check_date

    try:
        return check_date(text, intervals)
    except InvalidDate as error:
        raise UsageError("{option}: {problem}.", option=option, problem=error.problem) from None
