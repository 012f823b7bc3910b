"""`navsome history ACCOUNT`: an account's figures over time."""

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
    output_format,
    registry_in_use,
    views,
    words_in_use,
)
from navsome.cli.options import (
    AccountArgument,
    AsOfOption,
    ExportOption,
    FormatOption,
    JsonFlag,
    MetricOption,
    PlatformOption,
)
from navsome.output.console import say


def command(
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

    fmt = output_format(format_, as_json)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    found = accounts_named(ctx, registry, [account])[0]
    if metric is not None:
        query.check_metric(registry, metric)
    steps = query.history(registry, found, metric, query.check_platform(registry, platform))
    if not steps:
        say(words("{name} has no figures with these filters.", name=found.name))
    emit(
        ctx,
        fmt,
        lambda: [rows.step_row(registry, step) for step in steps],
        lambda: views().history_view(registry, found, steps, words=words),
    )
