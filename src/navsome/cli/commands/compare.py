"""`navsome compare`: channels ranked by a metric (one ranking a metric named), or accounts side
by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
    last_day,
    output_format,
    registry_in_use,
    rows_to_show,
    views,
    words_in_use,
)
from navsome.cli.options import (
    AccountsArgument,
    AsOfOption,
    ExportOption,
    FormatOption,
    JsonFlag,
    MetricOption,
    PlatformOption,
    date_option,
    named_metrics,
    named_platforms,
)
from navsome.errors import UsageError
from navsome.i18n import Words

if TYPE_CHECKING:
    from navsome.model import Account, Registry
    from navsome.output.blocks import Block


def command(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    metric: MetricOption = None,
    platform: PlatformOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help=(
                "Rank by change since the figure as of DATE (the latest on or before its end: "
                "--since 2017 starts from the 2017 figure) instead of by level (needs --metric)."
            ),
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "-n",
            metavar="N",
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

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    chosen = accounts_named(ctx, registry, accounts or [])
    # The same accounts with every figure, to tell "none by --as-of" from "none at all".
    full = ctx.meta["navsome.full_registry"]
    whole = [full.accounts[account.slug] for account in chosen]
    platforms = named_platforms(registry, platform)
    metrics = named_metrics(registry, metric)
    since = date_option(since, "--since")
    if since is not None and as_of is not None:
        from navsome.dates import period_end, period_start

        if period_start(since) > period_end(as_of):  # a change from a date not yet reached
            raise UsageError(
                "--since {since} is after --as-of {as_of}; give a --since date on or before the "
                "--as-of date.",
                since=since,
                as_of=as_of,
            )
    if show_all and top:  # one asks for every row, the other for the first few
        raise UsageError(
            "--all shows every row and --top {n} the first {n}; give one of them.", n=top
        )
    if not metrics:
        if len(chosen) == 1 and len(accounts or []) > 1 and since is None:
            raise UsageError(
                "{names} all name {account}; name two or more accounts to set side by side.",
                names=", ".join(words.quoted(name) for name in accounts or []),
                account=chosen[0].slug,
            )
        if len(chosen) < 2 or since is not None:
            raise UsageError(
                "compare needs --metric M to rank channels (and to use --since), or two or more "
                "accounts to set side by side. Example: navsome compare --metric followers"
            )
        if top:  # --top 0 and --all mean every row, which side by side always shows
            raise UsageError(
                "--top {n} keeps the largest figures of a ranking, and accounts side by side are "
                "not ranked; add --metric M to rank their channels, or leave out --top.",
                n=top,
            )
        cells = query.side_by_side(registry, chosen, platforms)
        figures = [
            figure
            for account in chosen
            for figure in query.figures_of(account, history=False)
            if query.among(figure.channel.platform, platforms)
        ]
        notes = []
        if not cells:
            if as_of is not None and query.side_by_side(full, whole, platforms):  # none yet
                notes.append(
                    words("No figure of these accounts on or before {date}.", date=last_day(as_of))
                )
            else:
                notes.append(words("No figure of these accounts with these filters."))
        emit(
            ctx,
            fmt,
            lambda: [rows.measurement_row(registry, figure) for figure in figures],
            lambda: views().side_by_side_view(registry, chosen, cells, words=words),
            columns=rows.MEASUREMENT_KEYS,
            notes=notes,
        )
        return
    top = rows_to_show(top, show_all, fmt, ctx)
    answers = [
        _ranking(ctx, registry, full, slug, chosen, whole, platforms, since, as_of, top, words)
        for slug in metrics
    ]
    emit(
        ctx,
        fmt,
        lambda: [row for answer in answers for row in answer.rows()],
        lambda: [block for answer in answers for block in answer.blocks()],
        columns=rows.STEP_ROW_KEYS if since is not None else rows.MEASUREMENT_KEYS,
        notes=[note for answer in answers for note in answer.notes],
    )


class _Answer(NamedTuple):
    """One metric's ranking: its rows, its blocks, and the notes to say on stderr."""

    rows: Callable[[], list[dict[str, Any]]]
    blocks: Callable[[], list[Block]]
    notes: list[str]


def _ranking(
    ctx: typer.Context,
    registry: Registry,
    full: Registry,
    metric: str,
    chosen: list[Account],
    whole: list[Account],
    platforms: list[str] | None,
    since: str | None,
    as_of: str | None,
    top: int,
    words: Words,
) -> _Answer:
    """Channels ranked by `metric`, or by its change since `since`."""
    import navsome.query as query
    import navsome.rows as rows

    ranked = query.rank(registry, metric, chosen or None, platforms)
    notes = []

    def named() -> str:  # the metric as the notes below name it ("followers", "følgere")
        return str(views().label(registry.metrics[metric], words).lower())

    if not ranked:
        if as_of is not None and query.rank(full, metric, whole or None, platforms):  # none yet
            why = words(
                "No figure of {metric} on or before {date}.", metric=named(), date=last_day(as_of)
            )
        else:
            why = words("No channel reports {metric} with these filters.", metric=named())
        notes.append(why)
    if since is not None:
        rising, missing, unchanged = query.change_since(
            registry, query.registry_at(full, since), ranked
        )
        shown_steps = rising[:top] if top else rising
        if ranked and not rising:
            notes.append(
                words(
                    "No channel has two comparable figures of {metric}, one on or before {date} "
                    "and one after it.",
                    metric=named(),
                    date=last_day(since),
                )
            )
        return _Answer(
            lambda: (
                [rows.step_row(registry, step) for step in shown_steps]
                + [rows.unmatched_row(registry, figure) for figure in missing]
                + [rows.step_row(registry, step) for step in unchanged]
            ),
            lambda: views().since_view(
                registry, metric, since, shown_steps, missing, unchanged, words=words
            ),
            notes + _cut_short(len(shown_steps), len(rising), words),
        )
    ranked, left_out = query.like_with_like(registry, metric, ranked)
    if left_out:  # a month's comments are not ranked against a year's
        apart = ", ".join(f"{f.channel.id} ({f.measurement.as_of})" for f in left_out)
        notes.append(
            words(
                "navsome: note: {metric} counted over periods as long as {as_of} are ranked; "
                "left out, as counted over periods of other lengths: {apart}.",
                metric=metric,
                as_of=ranked[0].measurement.as_of,
                apart=apart,
            )
        )
    shown = ranked[:top] if top else ranked
    return _Answer(
        lambda: [rows.measurement_row(registry, figure) for figure in shown],
        lambda: views().ranking_view(registry, metric, shown, words=words),
        notes + _cut_short(len(shown), len(ranked), words),
    )


def _cut_short(shown: int, total: int, words: Words) -> list[str]:
    """The hint that a ranking shows only some of its rows: said on stderr, not in the answer,
    so an export or a pipe holds the rows and nothing else."""
    if shown >= total:
        return []
    return [words("Showing {shown} of {total}; --all shows every one.", shown=shown, total=total)]
