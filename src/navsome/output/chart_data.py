"""The registry's figures as the charts draw them: a ranking as bars, series as lines, with
their labels in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from navsome.model import Channel, Measurement, Registry
from navsome.output.numbers import format_figure
from navsome.output.views import label, platform_name, ranking_description
from navsome.query import Figure

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.output.charts import Point


def ranking_chart(
    registry: Registry, metric_slug: str, figures: Sequence[Figure], *, words: Words
) -> str:
    """The ranking as a bar chart, in the order given."""
    from navsome.output.charts import Bar, bar_chart

    metric = registry.metrics[metric_slug]
    bars = [
        Bar(
            f"{_account_name(registry, f.channel.account)} · "
            f"{platform_name(registry, f.channel.platform, words)}",
            f.measurement.representative,
            f.measurement.qualifier,
            f.measurement.low,
            f.measurement.upper,
            format_figure(f.measurement, metric.unit, words=words),
        )
        for f in figures
    ]
    title = words("{metric}, largest first", metric=label(metric, words))
    description = ranking_description(registry, figures, words)
    return bar_chart(title, bars, words=words, description=description, empty=words("No figures"))


def series_chart(
    registry: Registry,
    title: str,
    series: Sequence[tuple[Channel, str, Sequence[Measurement]]],
    *,
    words: Words,
    name_accounts: bool = True,
) -> str:
    """Series of figures over time as lines, one a channel and metric."""
    from navsome.output.charts import Series, line_chart

    drawn = [
        Series(
            series_name(registry, channel, metric, words, name_accounts),
            points(registry, ms, words),
        )
        for channel, metric, ms in series
    ]
    description = " ".join(
        series_description(registry, channel, metric, ms, words) for channel, metric, ms in series
    )
    return line_chart(title, drawn, words=words, description=description, empty=words("No figures"))


def series_name(
    registry: Registry, channel: Channel, metric: str, words: Words, with_account: bool = True
) -> str:
    parts = [_account_name(registry, channel.account)] if with_account else []
    parts += [
        platform_name(registry, channel.platform, words),
        label(registry.metrics[metric], words),
    ]
    return " · ".join(parts)


def points(registry: Registry, measurements: Sequence[Measurement], words: Words) -> list[Point]:
    from navsome.output.charts import Point

    return [
        Point(
            m.as_of,
            m.representative,
            m.qualifier,
            m.value if m.qualifier == "range" else None,
            m.high,
            format_figure(m, registry.metrics[m.metric].unit, words=words),
        )
        for m in measurements
    ]


def series_description(
    registry: Registry, channel: Channel, metric: str, ms: Sequence[Measurement], words: Words
) -> str:
    """A series in words: from its first figure to its last, with its lowest and highest."""
    unit = registry.metrics[metric].unit
    if len(ms) == 1:
        return words(
            "{name}: one figure, {figure} ({date}).",
            name=series_name(registry, channel, metric, words),
            figure=format_figure(ms[0], unit, words=words),
            date=ms[0].as_of,
        )
    low = min(ms, key=lambda m: m.representative)
    high = max(ms, key=lambda m: m.representative)
    return words(
        "{name}: {count} figures, from {first} ({first_date}) to {last} ({last_date}); lowest "
        "{low} ({low_date}), highest {high} ({high_date}).",
        name=series_name(registry, channel, metric, words),
        count=len(ms),
        first=format_figure(ms[0], unit, words=words),
        first_date=ms[0].as_of,
        last=format_figure(ms[-1], unit, words=words),
        last_date=ms[-1].as_of,
        low=format_figure(low, unit, words=words),
        low_date=low.as_of,
        high=format_figure(high, unit, words=words),
        high_date=high.as_of,
    )


def _account_name(registry: Registry, slug: str) -> str:
    account = registry.accounts.get(slug)
    return account.name if account else slug
