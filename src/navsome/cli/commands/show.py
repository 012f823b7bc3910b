"""`navsome show ACCOUNT`: everything known about one account."""

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
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
    import navsome.rows as rows

    fmt = output_format(format_, as_json)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    found = accounts_named(ctx, registry, [account])[0]
    emit(
        ctx,
        fmt,
        lambda: rows.account_figures(registry, found, history=as_of is None),
        lambda: views().account_view(registry, found, history=as_of is None, words=words),
        data=lambda: rows.account_detail(registry, found, history=as_of is None),
    )
