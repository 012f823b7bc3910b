"""`navsome history [ACCOUNT…]`: figures over time, account by account or side by side."""

from typing import TYPE_CHECKING, Annotated

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
    last_day,
    output_format,
    registry_in_use,
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
    named_metrics,
    named_platforms,
)
from navsome.output.console import note

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.model import Account


def command(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    metric: MetricOption = None,
    platform: PlatformOption = None,
    wide: Annotated[
        bool,
        typer.Option(
            "--wide",
            help="One row per date and one column per channel (per channel and metric when "
            "there are several), as spreadsheets and BI tools chart.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Every figure in date order, with change and growth since the one before.

    Example: navsome history nav --metric followers

    With no account, every account's; on a terminal, a sparkline per channel and metric shows
    the trend.
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    chosen = accounts_named(ctx, registry, list(dict.fromkeys(accounts or []))) or list(
        registry.accounts.values()
    )
    metrics = named_metrics(registry, metric) or None
    platforms = named_platforms(registry, platform)
    histories = [
        (account, query.history(registry, account, metrics, platforms)) for account in chosen
    ]
    steps = [step for _, found in histories for step in found]
    if not steps:
        filtered = metrics is not None or platforms is not None
        note(_why_empty(chosen, as_of, filtered=filtered, words=words))
    if wide:
        table = rows.wide_rows(steps)
        emit(
            ctx,
            fmt,
            lambda: table,
            lambda: views().wide_view(registry, steps, words=words),  # laid out when shown
            columns=["as_of"],
        )
        return
    emit(
        ctx,
        fmt,
        lambda: [rows.step_row(registry, step) for step in steps],
        lambda: [
            *views().history_pictures(registry, steps, words=words),
            *(
                block
                for account, found in histories
                if found or len(chosen) == 1
                for block in views().history_view(registry, account, found, words=words)
            ),
        ],
        columns=rows.STEP_ROW_KEYS,
    )


def _why_empty(
    chosen: list["Account"], as_of: str | None, *, filtered: bool, words: "Words"
) -> str:
    """Why no figure is shown: the date asked for, when that is all that was asked, else the
    filters."""
    one = chosen[0].name if len(chosen) == 1 else None
    if as_of is not None and not filtered:
        date = last_day(as_of)
        if one:
            return words("{name} has no figure on or before {date}.", name=one, date=date)
        return words("None of these accounts has figures on or before {date}.", date=date)
    if one:
        return words("{name} has no figures with these filters.", name=one)
    return words("None of these accounts has figures with these filters.")
