"""`navsome show ACCOUNT`: everything known about one account."""

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
from navsome.cli.options import AccountArgument, AsOfOption, ExportOption, FormatOption, JsonFlag


def command(
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
    import navsome.query as query
    import navsome.rows as rows

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    found = accounts_named(ctx, registry, [account])[0]
    history = as_of is None
    notes = []
    if not query.figures_of(found, history):  # its table of figures is left out: say why
        whole = ctx.meta["navsome.full_registry"].accounts[found.slug]
        if as_of is not None and query.figures_of(whole, history):
            notes.append(
                words(
                    "{name} has no figure on or before {date}.",
                    name=found.name,
                    date=last_day(as_of),
                )
            )
        else:
            notes.append(words("{name} has no figures.", name=found.name))
    emit(
        ctx,
        fmt,
        lambda: rows.account_figures(registry, found, history=history),
        lambda: views().account_view(registry, found, history, as_of, words=words),
        data=lambda: rows.account_detail(registry, found, history=history),
        columns=rows.MEASUREMENT_KEYS,
        notes=notes,
    )
