"""`navsome timeline`: milestones and awards in date order."""

from enum import Enum

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
from navsome.cli.options import AccountsArgument, AsOfOption, ExportOption, FormatOption, JsonFlag
from navsome.model import Event, Registry


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

    fmt = output_format(format_, as_json, ctx)
    words = words_in_use(ctx)
    registry = registry_in_use(ctx, as_of)
    wanted = {account.slug for account in accounts_named(ctx, registry, accounts or [])}

    def events_in(answering: Registry) -> list[Event]:
        return sorted(
            (e for e in answering.events if not wanted or e.account in wanted),
            key=lambda e: date_key(e.date),
        )

    events = events_in(registry)
    notes = []
    if not events:
        if as_of is not None and events_in(ctx.meta["navsome.full_registry"]):  # none yet
            notes.append(words("No event on or before {date}.", date=last_day(as_of)))
        elif wanted:
            notes.append(words("The registry has no events of these accounts."))
        else:
            notes.append(words("The registry has no events."))
    emit(
        ctx,
        fmt,
        lambda: [rows.event_row(event) for event in events],
        lambda: views().timeline_view(registry, events, words=words),
        columns=rows.EVENT_KEYS,
        notes=notes,
    )


class Qualifier(str, Enum):
    exact = "exact"
    about = "about"
    over = "over"
    range = "range"
