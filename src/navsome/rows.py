"""Flat, self-describing rows for JSON and CSV: raw values, the same in every language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from navsome.model import Account, Event, Measurement, Registry

if TYPE_CHECKING:
    from navsome.registry.record import Recorded
from navsome.query import Figure, Step, figures_of, headline

Row = dict[str, Any]

# The columns of each kind of row, in order: the header of a CSV that has no rows to name them.
MEASUREMENT_KEYS = (
    "account",
    "channel",
    "platform",
    "metric",
    "value",
    "low",
    "high",
    "qualifier",
    "as_of",
    "unit",
    "stated",
    "note",
    "note_nb",
    "source",
)


def measurement_row(registry: Registry, figure: Figure) -> Row:
    metric = registry.metrics.get(figure.measurement.metric)
    return _figure_row(figure, metric.unit if metric else None)


def recorded_row(done: Recorded, file: str) -> Row:
    """What `record` did, with the figure's row, and the value of the figure it replaced."""
    return {
        "action": done.action,
        "file": file,
        **_figure_row(Figure(done.channel, done.measurement), done.unit),
        "replaced_value": done.replaced.representative if done.replaced else None,
    }


def _figure_row(figure: Figure, unit: str | None) -> Row:
    channel, measurement = figure.channel, figure.measurement
    return {
        "account": channel.account,
        "channel": channel.id,
        "platform": channel.platform,
        "metric": measurement.metric,
        "value": measurement.representative,
        "low": measurement.low,
        "high": measurement.upper,
        "qualifier": measurement.qualifier,
        "as_of": measurement.as_of,
        "unit": unit,
        "stated": measurement.stated,
        "note": measurement.note,
        "note_nb": measurement.note_nb,
        "source": measurement.source,
    }


_FIGURE_KEYS = ("channel", "metric", "value", "low", "high", "qualifier", "as_of", "source")
ACCOUNT_KEYS = ("account", "name", "aliases", "platforms", *_FIGURE_KEYS)


def account_row(registry: Registry, account: Account) -> Row:
    """One account with its headline figure spread over the measurement columns."""
    figure = headline(account)
    row: Row = {
        "account": account.slug,
        "name": account.name,
        "aliases": list(account.aliases),
        "platforms": list(account.platforms),
    }
    figure_row = measurement_row(registry, figure) if figure else dict.fromkeys(_FIGURE_KEYS)
    row.update((key, figure_row[key]) for key in _FIGURE_KEYS)
    return row


def account_figures(registry: Registry, account: Account, history: bool = True) -> list[Row]:
    """Every measurement of an account's channels (or only the latest of each metric)."""
    return [measurement_row(registry, f) for f in figures_of(account, history)]


def account_detail(registry: Registry, account: Account, history: bool = True) -> Row:
    """Everything known about one account, for `show --format json`."""
    return {
        "account": {
            "account": account.slug,
            "name": account.name,
            "aliases": list(account.aliases),
            "run_by": account.run_by,
            "audience": account.audience,
            "description": account.description,
        },
        "channels": [
            {
                "channel": c.id,
                "platform": c.platform,
                "handle": c.handle,
                "started": c.started,
                "status": c.status,
                "notes": c.notes,
            }
            for c in account.channels
        ],
        "measurements": account_figures(registry, account, history),
        "events": [event_row(e) for e in registry.events if e.account == account.slug],
        "sources": [source_row(registry, slug) for slug in sources_of(registry, account)],
    }


def sources_of(registry: Registry, account: Account) -> list[str]:
    """The sources an account's figures and events cite, in first-cited order."""
    cited = [m.source for c in account.channels for m in c.measurements]
    cited += [e.source for e in registry.events if e.account == account.slug]
    return list(dict.fromkeys(cited))


SOURCE_KEYS = ("source", "title", "publisher", "year", "document", "url")
CITED_SOURCE_KEYS = (*SOURCE_KEYS, "figures", "events")


def source_row(registry: Registry, slug: str) -> Row:
    source = registry.sources[slug]
    return {
        "source": slug,
        "title": source.title,
        "publisher": source.publisher,
        "year": source.year,
        "document": source.document,
        "url": source.url,
    }


EVENT_KEYS = ("date", "kind", "account", "channel", "platform", "title", "stated", "source")


def event_row(event: Event) -> Row:
    channel = f"{event.account}/{event.platform}" if event.platform else None
    return {
        "date": event.date,
        "kind": event.kind,
        "account": event.account,
        "channel": channel,
        "platform": event.platform,
        "title": event.title,
        "stated": event.stated,
        "source": event.source,
    }


METRIC_KEYS = ("metric", "label_en", "label_nb", "unit", "kind", "channels", "description")


def metric_row(registry: Registry, slug: str, channels: int) -> Row:
    metric = registry.metrics[slug]
    return {
        "metric": slug,
        "label_en": metric.label_en,
        "label_nb": metric.label_nb,
        "unit": metric.unit,
        "kind": metric.kind,
        "channels": channels,
        "description": metric.description,
    }


def cited_source_row(registry: Registry, slug: str, figures: int, events: int) -> Row:
    """A source's row with how many figures and events cite it."""
    return {**source_row(registry, slug), "figures": figures, "events": events}


def step_row(registry: Registry, step: Step) -> Row:
    """A figure's row with how it moved since the previous figure it is compared with."""
    row = measurement_row(registry, step.figure)
    row["previous_as_of"] = step.previous.as_of if step.previous else None
    row["previous_value"] = step.previous.representative if step.previous else None
    row["change"] = step.change
    row["change_low"], row["change_high"] = step.change_bounds
    row["growth_percent"] = step.growth_percent
    row["change_approximate"] = step.approximate if step.previous else None
    row["different_periods"] = step.different_periods if step.previous else None
    return row


def wide_rows(steps: list[Step]) -> list[Row]:
    """Figures as one row per date and one column per channel (see wide_layout), each cell the
    figure's value (a range's midpoint), empty where the channel has none for that date."""
    _, dated = wide_layout(steps)
    return [
        {"as_of": as_of, **{name: (m.representative if m else None) for name, m in cells.items()}}
        for as_of, cells in dated.items()
    ]


def wide_layout(
    steps: list[Step],
) -> tuple[list[str], dict[str, dict[str, Measurement | None]]]:
    """The columns of a wide table, one per channel (`account/platform`, or
    `account/platform/metric` when there are several metrics), and for each date in date
    order the figure each column has on it (None where it has none)."""
    from navsome.dates import date_key

    metrics = {step.figure.measurement.metric for step in steps}

    def column(step: Step) -> str:
        channel = step.figure.channel.id
        return channel if len(metrics) == 1 else f"{channel}/{step.figure.measurement.metric}"

    columns = list(dict.fromkeys(column(step) for step in steps))
    dates: dict[str, dict[str, Measurement | None]] = {}
    for step in steps:
        m = step.figure.measurement
        dates.setdefault(m.as_of, dict.fromkeys(columns))[column(step)] = m
    return columns, {as_of: dates[as_of] for as_of in sorted(dates, key=date_key)}


def unmatched_row(registry: Registry, figure: Figure) -> Row:
    """A figure with nothing to compare it with: the step columns are null."""
    row = measurement_row(registry, figure)
    row.update(dict.fromkeys(STEP_KEYS))
    return row


STEP_KEYS = (
    "previous_as_of",
    "previous_value",
    "change",
    "change_low",
    "change_high",
    "growth_percent",
    "change_approximate",
    "different_periods",
)
STEP_ROW_KEYS = (*MEASUREMENT_KEYS, *STEP_KEYS)
