"""The command line: each command parses its options, asks the query layer, and hands the
answer to one output function. Rich and the schema are imported only by paths that need them.
"""

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from navsome import __version__
from navsome.errors import NavsomeError, UsageError
from navsome.i18n import LANGUAGES, default_language, set_language, tr
from navsome.output.console import OutputFormat, is_terminal, say, stdout, write_answer

if TYPE_CHECKING:
    from navsome.model import Account, Registry


class NavsomeGroup(TyperGroup):
    """Turns every NavsomeError into its message on stderr and its exit code, in one place."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # Typer's own Context
        try:
            return super().invoke(ctx)
        except NavsomeError as error:
            from navsome.output.escape import visible

            message = visible(str(error))  # splitlines would break at U+2028 and kin
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


def _completions(ctx: typer.Context, incomplete: str, names: Callable[[Any], Any]) -> list[str]:
    """Names from the registry in use that start with what was typed; nothing on any error,
    since a completion must never print a message into the user's command line."""
    from navsome.registry.read import load_registry

    try:
        registry = load_registry(ctx.find_root().params.get("registry"))
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
        help="Write the answer to FILE instead: .svg or .html (the table as a picture), "
        ".md, .csv or .json.",
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
    str | None,
    typer.Option(
        "--metric",
        "-m",
        help="Only this metric (a metric slug).",
        autocompletion=complete_metric,
    ),
]
AccountArgument = Annotated[
    str,
    typer.Argument(
        help="Slug, alias, name or handle (or a unique prefix).", autocompletion=complete_account
    ),
]
AccountsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Only these accounts (default: all).",
        show_default=False,
        autocompletion=complete_account,
    ),
]
PlatformOption = Annotated[
    str | None,
    typer.Option(
        "--platform",
        "-p",
        help="Only channels on this platform.",
        autocompletion=complete_platform,
    ),
]


_GLOBAL_OPTIONS_WITH_VALUES = ("--registry", "--lang")
_KEEP_EVERY_COMMAND = ("-h", "--help", "--version", "--install-completion", "--show-completion")


def command_named(args: list[str]) -> str | None:
    """The command a command line runs (`navsome --lang nb show x` → `show`), or None when it
    runs none, asks for the top-level help, or is a shell completing a word."""
    if os.environ.get("_NAVSOME_COMPLETE"):
        return None
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
        elif arg in _KEEP_EVERY_COMMAND or arg == "--":
            return None
        elif arg in _GLOBAL_OPTIONS_WITH_VALUES:
            skip_value = True
        elif not arg.startswith("-"):
            return arg
    return None


def keep_only_command(args: list[str]) -> None:
    """Register only the command this run needs. Typer turns every registered function into a
    command with its options on each start (a third of navsome's own start-up); a fresh process
    runs one command, so the others need not be built. An unknown name keeps them all, so the
    error lists the commands that exist."""
    name = command_named(args)
    chosen = [
        c
        for c in app.registered_commands
        if (c.name or getattr(c.callback, "__name__", None)) == name
    ]
    if chosen:
        app.registered_commands[:] = chosen


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
    set_language(chosen)


def _registry(ctx: typer.Context, as_of: str | None = None) -> "Registry":
    """The registry in use, as it stood on `as_of` when given."""
    from navsome.query import check_date, registry_at
    from navsome.registry.read import load_registry

    full = load_registry(ctx.find_root().obj)
    ctx.meta["navsome.full_registry"] = full
    return registry_at(full, check_date(as_of, "--as-of"))


def _accounts(ctx: typer.Context, registry: "Registry", names: list[str]) -> "list[Account]":
    """The accounts named, looked up in the whole registry (a handle may belong to a channel
    that had not started on the --as-of date) and returned as `registry` has them."""
    from navsome.query import find_account

    full = ctx.meta.get("navsome.full_registry", registry)
    return [registry.accounts[find_account(full, name).slug] for name in names]


def _format(format_: OutputFormat | None, as_json: bool) -> OutputFormat:
    if as_json and format_ not in (None, OutputFormat.json):
        raise UsageError(
            f"--json and --format {format_.value} ask for different formats; give one."
        )
    return OutputFormat.json if as_json else (format_ or OutputFormat.table)


def emit(
    ctx: typer.Context,
    format_: OutputFormat,
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list],
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
    write_answer(format_, rows, blocks, data, export, done)


def _rows_to_show(top: int | None, show_all: bool, fmt: OutputFormat, ctx: typer.Context) -> int:
    """How many ranked rows to show (0: all). A table on a terminal shows what fits the
    screen, so a registry of thousands of channels does not take seconds to scroll past."""
    if show_all or top is not None:
        return 0 if show_all else top or 0
    if fmt is not OutputFormat.table or ctx.params.get("export") or not is_terminal(sys.stdout):
        return 0
    import shutil

    return max(10, shutil.get_terminal_size().lines - 8)


def _views():  # the module that lays out tables, imported only when a table is wanted
    import navsome.output.views as views

    return views


@app.command("list")
def list_accounts(
    ctx: typer.Context,
    platform: PlatformOption = None,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Every account with its platforms and headline figure.

    Example: navsome list --platform twitter
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    accounts = query.accounts_on(registry, query.check_platform(registry, platform))
    if not accounts:
        say(tr("No account has a channel on {platform}.", platform=platform))
    emit(
        ctx,
        fmt,
        lambda: [rows.account_row(registry, account) for account in accounts],
        lambda: _views().accounts_view(registry, accounts),
    )


@app.command()
def show(
    ctx: typer.Context,
    account: AccountArgument,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Everything known about one account: channels, figures, events and sources.

    Example: navsome show jobblyst

    CSV holds the account's figures, one measurement a row. With --as-of, the latest figure of
    each metric on that date; without it, every figure.
    """
    import navsome.rows as rows

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    found = _accounts(ctx, registry, [account])[0]
    emit(
        ctx,
        fmt,
        lambda: rows.account_figures(registry, found, history=as_of is None),
        lambda: _views().account_view(registry, found, history=as_of is None),
        data=lambda: rows.account_detail(registry, found, history=as_of is None),
    )


@app.command()
def compare(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    metric: MetricOption = None,
    platform: PlatformOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Rank by change since DATE instead of by level (needs --metric).",
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "-n",
            min=0,
            help="Show only the N largest (0: all). Default on a terminal: what fits the screen.",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every channel.")] = False,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Rank channels by one metric, or set accounts side by side on every metric.

    Example: navsome compare --metric followers --top 5

    Example: navsome compare jobblyst foreldrepenger

    Example: navsome compare --metric followers --since 2017

    Approximate figures are shown as stated (≈800, >10 000, 600–800) and ranked by their
    midpoint or stated bound.
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    chosen = _accounts(ctx, registry, accounts or [])
    platform = query.check_platform(registry, platform)
    since = query.check_date(since, "--since")
    if since is not None and as_of is not None:
        from navsome.dates import period_end, period_start

        if period_start(since) > period_end(as_of):  # a change from a date not yet reached
            raise UsageError(
                f"--since {since} is after --as-of {as_of}; give a --since date on or before "
                "the --as-of date."
            )
    top = _rows_to_show(top, show_all, fmt, ctx)
    if metric is None:
        if len(chosen) < 2 or since is not None:
            raise UsageError(
                "compare needs --metric M to rank channels (and to use --since), or two or more "
                "accounts to set side by side. Example: navsome compare --metric followers"
            )
        cells = query.side_by_side(registry, chosen, platform)
        figures = [
            figure
            for account in chosen
            for figure in query.figures_of(account, history=False)
            if platform is None or figure.channel.platform == platform
        ]
        emit(
            ctx,
            fmt,
            lambda: [rows.measurement_row(registry, figure) for figure in figures],
            lambda: _views().side_by_side_view(registry, chosen, cells),
        )
        return
    query.check_metric(registry, metric)
    ranked = query.rank(registry, metric, chosen or None, platform)
    if not ranked:
        say(tr("No channel reports {metric} with these filters.", metric=metric))
    if since is not None:
        then = query.registry_at(ctx.meta["navsome.full_registry"], since)
        rising, missing, unchanged = query.change_since(registry, then, ranked)
        shown_steps = rising[:top] if top else rising
        emit(
            ctx,
            fmt,
            lambda: (
                [rows.step_row(registry, step) for step in shown_steps]
                + [rows.unmatched_row(registry, figure) for figure in missing]
                + [rows.step_row(registry, step) for step in unchanged]
            ),
            lambda: _views().since_view(
                registry, metric, since, shown_steps, missing, unchanged, len(rising)
            ),
        )
        return
    shown = ranked[:top] if top else ranked
    emit(
        ctx,
        fmt,
        lambda: [rows.measurement_row(registry, figure) for figure in shown],
        lambda: _views().ranking_view(registry, metric, shown, len(ranked)),
    )


@app.command()
def history(
    ctx: typer.Context,
    account: AccountArgument,
    metric: MetricOption = None,
    platform: PlatformOption = None,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Every figure of an account in date order, with change and growth since the one before.

    Example: navsome history nav --metric followers

    On a terminal, a sparkline per channel and metric shows the trend.
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    found = _accounts(ctx, registry, [account])[0]
    if metric is not None:
        query.check_metric(registry, metric)
    steps = query.history(registry, found, metric, query.check_platform(registry, platform))
    if not steps:
        say(tr("{name} has no figures with these filters.", name=found.name))
    emit(
        ctx,
        fmt,
        lambda: [rows.step_row(registry, step) for step in steps],
        lambda: _views().history_view(registry, found, steps),
    )


@app.command()
def metrics(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """The metrics the registry defines, and how many channels report each.

    Example: navsome metrics
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    usage = query.metric_usage(registry)
    emit(
        ctx,
        fmt,
        lambda: [rows.metric_row(registry, slug, count) for slug, count in usage.items()],
        lambda: _views().metrics_view(registry, usage),
    )


@app.command()
def timeline(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Milestones and awards in date order.

    Example: navsome timeline jobblyst
    """
    import navsome.rows as rows
    from navsome.dates import date_key

    fmt = _format(format_, as_json)
    registry = _registry(ctx, as_of)
    wanted = {account.slug for account in _accounts(ctx, registry, accounts or [])}
    events = sorted(
        (e for e in registry.events if not wanted or e.account in wanted),
        key=lambda e: date_key(e.date),
    )
    emit(
        ctx,
        fmt,
        lambda: [rows.event_row(event) for event in events],
        lambda: _views().timeline_view(registry, events),
    )


class Qualifier(str, Enum):
    exact = "exact"
    about = "about"
    over = "over"
    range = "range"


@app.command()
def record(
    ctx: typer.Context,
    channel: Annotated[
        str,
        typer.Argument(
            help="ACCOUNT/PLATFORM, e.g. jobblyst/facebook.", autocompletion=complete_channel
        ),
    ],
    metric: Annotated[
        str, typer.Argument(help="A metric slug, e.g. followers.", autocompletion=complete_metric)
    ],
    value: Annotated[str, typer.Argument(help="The figure: 21000, 21 000 or 3.5.")],
    as_of: Annotated[
        str, typer.Option("--as-of", metavar="DATE", help="When it holds (2018, 2018-06, …).")
    ],
    source: Annotated[str, typer.Option("--source", help="A source slug from the registry.")],
    qualifier: Annotated[
        Qualifier, typer.Option("--qualifier", "-q", help="How exact the source is.")
    ] = Qualifier.exact,
    high: Annotated[
        str | None, typer.Option("--high", metavar="N", help="Upper end of a range.")
    ] = None,
    stated: Annotated[
        str | None, typer.Option("--stated", help="The source's own words for the figure.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="Anything a reader should know.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace another figure for the same date.")
    ] = False,
    lock_timeout: Annotated[
        str | None,
        typer.Option(
            "--lock-timeout",
            metavar="SECONDS",
            help="How long to wait for another record writing the same file (default 30, "
            "or NAVSOME_LOCK_TIMEOUT).",
            show_default=False,
        ),
    ] = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Add one figure to the registry file, keeping its comments and layout.

    Example: navsome record jobblyst/facebook followers 21000 --as-of 2018-06 --source nav-some-2017

    The new registry is validated in full first; an invalid figure, or a different figure for
    the same channel, metric and date (without --replace), leaves the file untouched.
    """
    from navsome.model import Measurement
    from navsome.query import check_date
    from navsome.registry.read import registry_path
    from navsome.registry.record import record as record_figure
    from navsome.rows import recorded_row

    fmt = _format(format_, as_json)
    if (high is None) != (qualifier is not Qualifier.range):
        raise UsageError("--high N goes with --qualifier range, and only with it.")
    figure = Measurement(
        metric=_typed(metric, "METRIC"),
        value=_number(value, "VALUE"),
        as_of=check_date(as_of, "--as-of") or as_of,
        source=_typed(source, "--source"),
        qualifier=qualifier.value,
        high=_number(high, "--high") if high is not None else None,
        stated=_typed(stated, "--stated"),
        note=_typed(note, "--note"),
    )
    path = Path(registry_path(ctx.find_root().obj))
    done = record_figure(
        path,
        _typed(channel, "ACCOUNT/PLATFORM"),
        figure,
        replace=replace,
        lock_timeout=_lock_timeout(lock_timeout),
        waiting=lambda pid: _say_waiting(pid, path),
    )
    written = None
    if done.action != "unchanged":  # a user whose stdout fails must not think nothing happened
        written = tr("The figure was recorded in {file} all the same.", file=path)
    if fmt in (OutputFormat.json, OutputFormat.csv):
        emit(ctx, fmt, lambda: [recorded_row(done, str(path))], lambda: [], done=written)
        return
    template = {
        "added": "Recorded {channel} {metric} {value} as of {as_of} in {file}.",
        "replaced": "Replaced with {channel} {metric} {value} as of {as_of} in {file}.",
        "unchanged": "Already recorded: {channel} {metric} {value} as of {as_of} in {file}.",
    }[done.action]
    message = tr(
        template,
        channel=done.channel.id,
        metric=metric,
        value=value.strip(),
        as_of=as_of,
        file=path,
    )
    with stdout(done=written) as out:
        out.write(message + "\n")


_Text = TypeVar("_Text", bound="str | None")


def _typed(text: _Text, what: str) -> _Text:
    """Text typed for the registry; bytes that are not UTF-8 (a terminal in another encoding)
    would reach the file as lone surrogates, which cannot be written."""
    if text is None or text.isprintable() or not any(0xD800 <= ord(c) < 0xE000 for c in text):
        return text
    from navsome.output.escape import visible

    raise UsageError(
        f"{what} '{visible(text, one_line=True)}' holds bytes that are not UTF-8 (shown as "
        "\\udcXX); type it in a UTF-8 terminal or fix the encoding, then record again."
    )


def _say_waiting(pid: int | None, path: Path) -> None:
    holder = tr("another navsome record")
    if pid:
        holder = tr("another navsome record (pid {pid})", pid=pid)
    say(tr("Waiting for {holder} to finish with {file}…", holder=holder, file=path))


def _lock_timeout(option: str | None) -> float:
    """Seconds to wait for the lock: --lock-timeout, else NAVSOME_LOCK_TIMEOUT, else 30."""
    from navsome.registry.record import DEFAULT_LOCK_TIMEOUT

    if option is not None:
        return _seconds(option, "--lock-timeout")
    variable = os.environ.get("NAVSOME_LOCK_TIMEOUT", "").strip()  # blank is unset
    return _seconds(variable, "NAVSOME_LOCK_TIMEOUT") if variable else DEFAULT_LOCK_TIMEOUT


def _seconds(text: str, what: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 <= seconds <= 86_400:  # also false for nan
        raise UsageError(
            f"{what} {text!r} is not a number of seconds from 0 to 86400; "
            "give e.g. 30, or 0 to give up at once when another record holds the file."
        )
    return seconds


def _number(text: str, what: str) -> int | float:
    """A figure as typed: '21000', '21 000', '21_000' or '3.5' (a comma is ambiguous), within
    the registry's bounds of ±1e15."""
    from navsome.registry.schema import MAX_NUMBER

    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
    shown = repr(text) if len(text) <= 40 else f"{text[:20]!r}… ({len(text):,} characters)"
    number: int | float
    try:
        number = int(cleaned)
    except ValueError:  # also past int()'s digit limit; float() then gives inf
        try:
            number = float(cleaned)
        except ValueError:
            number = float("nan")
    if "," in cleaned or number != number or cleaned.lower().lstrip("+-") in ("inf", "infinity"):
        raise UsageError(
            f"{what} {shown} is not a number; write it like 21000, 21 000 or 3.5 "
            "(a decimal point, no thousands comma)."
        )
    if not -MAX_NUMBER <= number <= MAX_NUMBER:
        raise UsageError(
            f"{what} {shown} is out of range; a figure must lie between -1e15 and 1e15 "
            "(1,000,000,000,000,000)."
        )
    return number


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="Registry file to check (default: the one in use).", show_default=False
        ),
    ] = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Check a registry file and report every problem, with its line and place.

    Example: navsome validate data/channels.toml

    Exits 0 when the registry is clean, 1 when it has problems.
    """
    from navsome.errors import EXIT_BAD_DATA, RegistryError
    from navsome.output.blocks import Fields
    from navsome.output.problem_report import (
        clean_summary,
        problem_report,
        problem_rows,
        problems_view,
    )
    from navsome.registry.read import load_registry, registry_path

    fmt = _format(format_, as_json)
    if path == "":
        raise UsageError("validate was given an empty path; name a registry file, or none.")
    chosen = path or ctx.find_root().obj
    try:
        registry = load_registry(chosen)
    except RegistryError as error:
        file, problems = error.file, error.problems
    else:
        file, problems = registry.path, []
    if fmt is OutputFormat.table and export is None:
        report = problem_report(file, problems) if problems else clean_summary(registry)
        with stdout() as out:
            out.write(report)
    else:
        emit(
            ctx,
            fmt,
            lambda: problem_rows(file, problems),
            lambda: problems_view(problems) if problems else [Fields(clean_summary(registry))],
            registry=registry_path(chosen),
        )
    if problems:
        raise typer.Exit(EXIT_BAD_DATA)
