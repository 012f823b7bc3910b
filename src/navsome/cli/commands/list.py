"""`navsome list`: every account with its platforms and headline figure."""

import typer

from navsome.cli.answer import (
    emit,
    last_day,
    output_format,
    registry_in_use,
    views,
    words_in_use,
)
from navsome.cli.options import (
    AsOfOption,
    ExportOption,
    FormatOption,
    JsonFlag,
    PlatformOption,
    named_platforms,
)


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

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    platforms = named_platforms(registry, platform)
    accounts = query.accounts_on(registry, platforms)
    notes = []
    if not accounts and platforms is None:
        notes.append(words("The registry has no accounts."))
    elif not accounts and platforms is not None:
        names = [views().platform_name(registry, slug, words) for slug in platforms]
        where = words(" or ").join(names)
        if as_of is not None and query.accounts_on(ctx.meta["navsome.full_registry"], platforms):
            why = words(
                "No account had a channel on {platform} on or before {date}.",
                platform=where,
                date=last_day(as_of),
            )
        else:
            why = words("No account has a channel on {platform}.", platform=where)
        notes.append(why)
    emit(
        ctx,
        fmt,
        lambda: [rows.account_row(registry, account) for account in accounts],
        lambda: views().accounts_view(registry, accounts, as_of, words=words),
        columns=rows.ACCOUNT_KEYS,
        notes=notes,
    )
