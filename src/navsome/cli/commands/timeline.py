"""`navsome timeline`: milestones and awards in date order."""

from enum import Enum

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
    output_format,
    registry_in_use,
    views,
    words_in_use,
)
from navsome.cli.options import AccountsArgument, AsOfOption, ExportOption, FormatOption, JsonFlag


def command(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """Milestones and awards in date order.

    Example: navsome timeline jobblyst
    """
    import navsome.rows as rows
    from navsome.dates import date_key

    fmt = output_format(format_, as_json)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    wanted = {account.slug for account in accounts_named(ctx, registry, accounts or [])}
    events = sorted(
        (e for e in registry.events if not wanted or e.account in wanted),
        key=lambda e: date_key(e.date),
    )
    emit(
        ctx,
        fmt,
        lambda: [rows.event_row(event) for event in events],
        lambda: views().timeline_view(registry, events, words=words),
    )


class Qualifier(str, Enum):
    exact = "exact"
    about = "about"
    over = "over"
    range = "range"
