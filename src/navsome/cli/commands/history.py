"""`navsome history [ACCOUNT…]`: figures over time, account by account or side by side."""

from typing import Annotated

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
    filtered = metrics is not None or platforms is not None
    if not steps and len(chosen) == 1 and as_of is not None and not filtered:
        on_or_before = last_day(as_of)
        note(
            words(
                "{name} has no figure on or before {date}.", name=chosen[0].name, date=on_or_before
            )
        )
    elif not steps and as_of is not None and not filtered:
        note(words("None of these accounts has figures on or before {date}.", date=last_day(as_of)))
    elif not steps and len(chosen) == 1:
        note(words("{name} has no figures with these filters.", name=chosen[0].name))
    elif not steps:
        note(words("None of these accounts has figures with these filters."))
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
