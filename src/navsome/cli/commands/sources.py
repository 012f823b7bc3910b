"""`navsome sources`: the sources the registry cites."""

import typer

from navsome.cli.answer import emit, output_format, registry_in_use, views, words_in_use
from navsome.cli.options import ExportOption, FormatOption, JsonFlag


def command(
    ctx: typer.Context,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """The sources figures and events cite, and how many cite each.

    Example: navsome sources
    """
    import navsome.query as query
    import navsome.rows as rows

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx)
    usage = query.source_usage(registry)
    emit(
        ctx,
        fmt,
        lambda: [rows.cited_source_row(registry, s, *usage[s]) for s in registry.sources],
        lambda: views().sources_view(registry, usage, words=words),
        columns=rows.CITED_SOURCE_KEYS,
        notes=[] if registry.sources else [words("The registry lists no sources.")],
    )
