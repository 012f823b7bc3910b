"""`navsome list`: every account with its platforms and headline figure."""

import typer

from navsome.cli.answer import emit, output_format, registry_in_use, views, words_in_use
from navsome.cli.options import AsOfOption, ExportOption, FormatOption, JsonFlag, PlatformOption
from navsome.output.console import say


def command(
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

    fmt = output_format(format_, as_json)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    accounts = query.accounts_on(registry, query.check_platform(registry, platform))
    if not accounts:
        say(words("No account has a channel on {platform}.", platform=platform))
    emit(
        ctx,
        fmt,
        lambda: [rows.account_row(registry, account) for account in accounts],
        lambda: views().accounts_view(registry, accounts, words=words),
    )
