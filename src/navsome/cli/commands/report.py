"""`navsome report`: the registry over a year or a span as one document, ready to send."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from navsome.cli.answer import (
    accounts_named,
    emit,
    output_format,
    registry_in_use,
    words_in_use,
)
from navsome.cli.options import (
    AccountsArgument,
    ExportOption,
    FormatOption,
    JsonFlag,
    date_option,
)
from navsome.errors import UsageError
from navsome.output.console import note

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.output.blocks import Block
    from navsome.report import Period, Report


def command(
    ctx: typer.Context,
    accounts: AccountsArgument = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YEAR", help="The calendar year YEAR.", show_default=False),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="From the start of DATE.", show_default=False),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="DATE",
            help="To the end of DATE (default: today).",
            show_default=False,
        ),
    ] = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
    export: ExportOption = None,
) -> None:
    """A report of a period: totals by platform, rankings, growth, each account's figures and
    events, and the sources, with charts in HTML and Markdown exports.

    Example: navsome report --year 2017 --export report.html

    Example: navsome report --since 2017-06 --until 2017-12 jobblyst

    Only figures dated in the period count; with no period, every figure to date.
    """
    from navsome.report import build_report
    from navsome.report_data import report_data, report_rows
    from navsome.rows import MEASUREMENT_KEYS

    fmt = output_format(format_, as_json, ctx)
    if export is not None and export.lower().endswith(".svg"):
        raise UsageError(
            "--export {file}: a report has several charts; export it as .html (charts inline) "
            "or .md (charts as SVG files beside it).",
            file=export,
        )
    words = words_in_use(ctx)
    period = _period(year, since, until)
    registry = registry_in_use(ctx)
    chosen = accounts_named(ctx, registry, list(dict.fromkeys(accounts or [])))
    report = build_report(registry, period, chosen or None)
    if not report.accounts:
        from navsome.output.report_view import period_text

        note(words("No figures or events in {period}.", period=period_text(period, words)))

    emit(
        ctx,
        fmt,
        lambda: report_rows(report),
        lambda: _laid_out(report, words),
        data=lambda: report_data(report),
        columns=MEASUREMENT_KEYS,
    )


def _laid_out(report: Report, words: Words) -> list[Block]:
    """The report for people, laid out only when a format for people is wanted."""
    from navsome.output.report_view import report_view

    return report_view(report, words=words)


def _period(year: int | None, since: str | None, until: str | None) -> Period:
    from navsome.dates import period_end, period_start
    from navsome.report import Period

    if year is not None:
        if since is not None or until is not None:
            raise UsageError(
                "--year and --since/--until each give the period; give --year alone, or "
                "--since and --until."
            )
        if not 1000 <= year <= 9999:  # 17 is more likely 2017 cut short than the year 17
            raise UsageError("--year {year}: give a year of four digits, such as 2017.", year=year)
        return Period(f"{year:04d}", f"{year:04d}")
    start = date_option(since, "--since")
    end = date_option(until, "--until")
    if start and end and period_end(end) < period_start(start):
        raise UsageError(
            "--until {end} is before --since {start}; give an --until on or after --since.",
            end=end,
            start=start,
        )
    return Period(start, end)
