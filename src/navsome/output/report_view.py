"""A report laid out for people: summary, totals by platform, rankings with their charts,
growth, a part for each account, the sources cited and how figures are written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from navsome.model import Channel, Measurement, Registry, in_language
from navsome.output.blocks import Block, Column, Fields, Grid, Picture
from navsome.output.numbers import format_figure, format_growth, format_number
from navsome.output.views import (
    figure_at,
    label,
    platform_name,
    ranking_view,
    sources_grid,
    step_change,
    timeline_view,
)
from navsome.report import AccountPart, Period, Report, Total, day_text

if TYPE_CHECKING:
    from navsome.i18n import Words


def report_title(report: Report, *, words: Words) -> str:
    return words("Social media report: {period}", period=period_text(report.period, words))


def period_text(period: Period, words: Words) -> str:
    """'2017', or '2017-06-01 to 2017-12-31'."""
    if period.is_year and period.start:
        return period.start
    if period.start is None:
        return words("to {end}", end=day_text(period.last_day))
    return words(
        "{start} to {end}", start=day_text(period.first_day), end=day_text(period.last_day)
    )


def report_view(report: Report, *, words: Words) -> list[Block]:
    blocks: list[Block] = [_summary(report, words)]
    if not report.accounts:
        return blocks
    if any(part.totals for part in report.platforms):
        blocks.append(_totals(report, words))
    registry = report.registry
    for ranking in report.rankings:
        figures = list(ranking.figures)
        blocks += ranking_view(registry, ranking.metric, figures, len(figures), words=words)
    blocks.append(_growth(report, words))
    for part in report.accounts:
        blocks += _account(registry, part, words)
    blocks += [Fields(words("Sources"), new_page=True), _sources(report, words), _legend(words)]
    return blocks


def _summary(report: Report, words: Words) -> Fields:
    summary = Fields(report_title(report, words=words))
    period = report.period
    span = words("to {end}", end=day_text(period.last_day))
    if period.start:
        span = f"{day_text(period.first_day)} – {day_text(period.last_day)}"
    summary.items += [
        (words("Period"), span),
        (words("Accounts"), format_number(len(report.accounts), words=words)),
        (words("Channels"), format_number(report.channel_count, words=words)),
        (words("Figures"), format_number(report.figure_count, words=words)),
        (words("Events"), format_number(len(report.events), words=words)),
        (words("Sources"), format_number(len(report.sources), words=words)),
    ]
    if not report.accounts:
        summary.items.append((words("Note"), words("No figures or events in the period.")))
    if report.quiet:
        names = ", ".join(account.name for account in report.quiet)
        summary.items.append((words("No figures or events in the period"), names))
    if report.later:
        summary.items.append(
            (
                words("Not included"),
                words("{count} figures dated after the period", count=report.later),
            )
        )
    return summary


def _totals(report: Report, words: Words) -> Grid:
    grid = Grid(
        words("Totals by platform"),
        [
            Column(words("Platform"), style="cyan"),
            Column(words("Channels"), justify="right"),
            Column(words("Metric")),
            Column(words("Total"), justify="right"),
            Column(words("What the total is"), wrap=True),
        ],
        caption=words(
            "Each channel's latest figure in the period, added up: a person who follows two "
            "channels is counted twice."
        ),
    )
    registry = report.registry
    for part in report.platforms:
        where = (
            words("All platforms")
            if part.platform is None
            else platform_name(registry, part.platform, words)
        )
        for total in part.totals:
            metric = label(registry.metrics[total.metric], words)
            channels = format_number(len(total.figures), words=words)
            grid.rows.append(
                [where, channels, metric, total_text(total, words), total_meaning(total, words)]
            )
    return grid


def total_text(total: Total, words: Words) -> str:
    """'61,800' exact, '1,800–2,400' a range, '>61,800' a lower bound, '≈5,800' about."""
    text = format_figure(total.as_measurement(), words=words)
    if total.qualifier == "about" and total.lower_bound:
        return words("{total} or more", total=text)
    return text


def total_meaning(total: Total, words: Words) -> str:
    """What kind of number a total is, and why, in words."""
    counts = total.counts()
    every = len(total.figures)
    said = [
        words(text, n=counts[qualifier], every=every)
        for qualifier, text in (
            ("about", "approximate: {n} of {every} stated as about"),
            ("over", "at least this: {n} of {every} stated as more than"),
            ("range", "a range, low and high ends added up: {n} of {every} stated as a range"),
        )
        if counts.get(qualifier)
    ]
    return " · ".join(said) or words("exact: every figure is exact")


def _growth(report: Report, words: Words) -> Grid | Fields:
    grid = Grid(
        words("Growth over the period"),
        [
            Column(words("Metric")),
            Column(words("Account"), style="cyan"),
            Column(words("Platform")),
            Column(words("From"), justify="right"),
            Column(words("To"), justify="right"),
            Column(words("Change"), justify="right"),
            Column(words("Growth"), justify="right"),
        ],
    )
    registry = report.registry
    for step in report.growth:
        m = step.figure.measurement
        metric = registry.metrics[m.metric]
        assert step.previous is not None and step.change is not None
        grid.rows.append(
            [
                label(metric, words),
                step.figure.channel.account,
                platform_name(registry, step.figure.channel.platform, words),
                figure_at(step.previous, metric.unit, words),
                figure_at(m, metric.unit, words),
                step_change(step, words),
                format_growth(step.growth_percent, step.approximate, words=words),
            ]
        )
    grid.caption = words(
        "Each series' latest figure in the period against its figure when the period began (or "
        "its first in the period); the largest rises and falls of each metric. Counts over "
        "periods are compared only with periods as long."
    )
    if not report.growth:
        return Fields(
            words("Growth over the period"),
            [(words("Note"), words("No series has two figures to compare in the period."))],
        )
    return grid


def _account(registry: Registry, part: AccountPart, words: Words) -> list[Block]:
    account = part.account
    about = Fields(account.name, new_page=True)
    channels = ", ".join(
        platform_name(registry, c.platform, words)
        + (f" ({c.handle})" if c.handle else "")
        + (f" – {words('closed')}" if c.status == "closed" else "")
        for c in part.channels
    )
    for field, value in (
        ("Channels", channels),
        ("Run by", in_language(account, "run_by", words.language)),
        ("Audience", in_language(account, "audience", words.language)),
    ):
        if value:
            about.items.append((words(field), value))
    blocks: list[Block] = [about]
    latest = Grid(
        words("Latest figures in the period"),
        [
            Column(words("Platform"), style="cyan"),
            Column(words("Metric"), wrap=True),
            Column(words("Figure"), justify="right"),
            Column(words("As of")),
            Column(words("Change"), justify="right"),
            Column(words("Growth"), justify="right"),
            Column(words("Since")),
        ],
    )
    for step in part.latest:
        m = step.figure.measurement
        metric = registry.metrics[m.metric]
        change = words("different periods") if step.different_periods else step_change(step, words)
        latest.rows.append(
            [
                platform_name(registry, step.figure.channel.platform, words),
                label(metric, words),
                format_figure(m, metric.unit, words=words),
                m.as_of,
                change,
                format_growth(step.growth_percent, step.approximate, words=words),
                step.previous.as_of if step.previous else "",
            ]
        )
    if part.latest:
        if not any(step.previous for step in part.latest):  # nothing before: no change to show
            latest.columns = latest.columns[:4]
            latest.rows = [row[:4] for row in latest.rows]
        blocks.append(latest)
    else:
        about.items.append((words("Figures"), words("No figures in the period.")))
    for channel, slug, ms in part.series:
        blocks.append(_series_picture(registry, channel, slug, ms, words))
    if part.events:
        title = words("Events")
        blocks += timeline_view(registry, list(part.events), title, with_account=False, words=words)
    return blocks


def _series_picture(
    registry: Registry,
    channel: Channel,
    metric: str,
    ms: tuple[Measurement, ...],
    words: Words,
) -> Picture:
    from navsome.output.chart_data import series_chart, series_description, series_name

    title = series_name(registry, channel, metric, words, with_account=False)
    return Picture(
        title,
        f"{channel.account}-{channel.platform}-{metric}",
        lambda: series_chart(registry, title, [(channel, metric, ms)], words=words),
        series_description(registry, channel, metric, ms, words),
    )


def _sources(report: Report, words: Words) -> Grid:
    return sources_grid(report.registry, report.sources, None, words, with_address=True)


def _legend(words: Words) -> Fields:
    def number(value: int) -> str:  # written as this run writes numbers
        return format_number(value, words=words)

    return Fields(
        words("How figures are written"),
        [
            (number(37300), words("as the source states it")),
            ("≈800", words("about: the source gives an approximate figure")),
            (
                ">" + number(3000),
                words("more than: the source gives a lower bound"),
            ),
            (
                "600–800",
                words("between: the source gives a range; it is ranked and drawn at its midpoint"),
            ),
            (
                f"+{number(1500)}, ≈+{number(1500)}",
                words("a change; ≈ when either figure is approximate"),
            ),
        ],
    )
