"""`navsome metrics`: the metrics the registry defines."""

import typer

from navsome.cli.answer import emit, output_format, registry_in_use, views, words_in_use
from navsome.cli.options import AsOfOption, ExportOption, FormatOption, JsonFlag


def command(
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

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    usage = query.metric_usage(registry)
    emit(
        ctx,
        fmt,
        lambda: [rows.metric_row(registry, slug, count) for slug, count in usage.items()],
        lambda: views().metrics_view(registry, usage, words=words),
        columns=rows.METRIC_KEYS,
        notes=[] if usage else [words("The registry defines no metrics.")],
    )
