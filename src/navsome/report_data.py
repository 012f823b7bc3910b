"""A report as data: nested for JSON, and flat rows (the figures in the period) for CSV. Raw
values and slugs, the same in every language."""

from __future__ import annotations

from typing import Any

from navsome.report import Period, Report, Total, day_text
from navsome.rows import Row, event_row, measurement_row, source_row, step_row


def period_row(period: Period) -> Row:
    return {
        "start": day_text(period.first_day) if period.start else None,
        "end": day_text(period.last_day),
        "year": period.start if period.is_year else None,
    }


def total_row(total: Total) -> Row:
    return {
        "metric": total.metric,
        "platform": total.platform,
        "channels": [f.channel.id for f in total.figures],
        "value": total.value,
        "low": total.low,
        "high": total.high,
        "qualifier": total.qualifier,
        "lower_bound": total.lower_bound,
        "approximate": total.qualifier == "about",
        "figures": total.counts(),
    }


def report_data(report: Report) -> dict[str, Any]:
    registry = report.registry
    return {
        "period": period_row(report.period),
        "summary": {
            "accounts": len(report.accounts),
            "channels": report.channel_count,
            "figures": report.figure_count,
            "events": len(report.events),
            "sources": len(report.sources),
            "figures_after_period": report.later,
            "accounts_without_figures": [a.slug for a in report.quiet],
        },
        "platforms": [
            {
                "platform": part.platform,
                "channels": [c.id for c in part.channels],
                "totals": [total_row(t) for t in part.totals],
            }
            for part in report.platforms
        ],
        "rankings": [
            {
                "metric": ranking.metric,
                "figures": [measurement_row(registry, f) for f in ranking.figures],
                "left_out": [measurement_row(registry, f) for f in ranking.left_out],
            }
            for ranking in report.rankings
        ],
        "growth": [step_row(registry, step) for step in report.growth],
        "accounts": [
            {
                "account": part.account.slug,
                "name": part.account.name,
                "channels": [c.id for c in part.channels],
                "latest": [step_row(registry, step) for step in part.latest],
                "events": [event_row(e) for e in part.events],
            }
            for part in report.accounts
        ],
        "sources": [source_row(registry, slug) for slug in report.sources],
    }


def report_rows(report: Report) -> list[Row]:
    """Every figure in the period, channel by channel, as `history --format csv` gives it."""
    from navsome.query import figures_of

    registry = report.registry
    return [
        measurement_row(registry, figure)
        for part in report.accounts
        for figure in figures_of(part.account)
    ]
