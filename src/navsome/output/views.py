"""What each command shows a person: the registry's answers laid out as blocks of text cells."""

from __future__ import annotations

from navsome.i18n import language, tr
from navsome.model import Account, Event, Measurement, Metric, Registry
from navsome.output.blocks import BarCell, Block, Cell, Column, Fields, Grid
from navsome.output.numbers import (
    format_change,
    format_figure,
    format_growth,
    format_number,
    sparkline,
)
from navsome.query import Figure, Step, figures_of, headline
from navsome.rows import sources_of

LEGEND = {
    "about": "≈ and ▓: about",
    "over": "> and ▶: more than (a lower bound)",
    "range": "a–b and ░: a range, ranked by its midpoint",
}


def accounts_view(registry: Registry, accounts: list[Account]) -> list[Block]:
    grid = Grid(
        None,
        [
            Column(tr("Account"), style="cyan"),
            Column(tr("Name"), wrap=True),
            Column(tr("Platforms"), wrap=True),
            Column(tr("Headline figure"), justify="right", wrap=True),
            Column(tr("As of")),
        ],
    )
    for account in accounts:
        platforms = ", ".join(_platform(registry, p) for p in account.platforms)
        grid.rows.append([account.slug, account.name, platforms, *_headline(registry, account)])
    return [grid]


def _headline(registry: Registry, account: Account) -> tuple[str, str]:
    """('37 300 followers on Facebook', '2017-12'), or a dash when the account has no figures."""
    figure = headline(account)
    if figure is None:
        return "—", ""
    m = figure.measurement
    metric = registry.metrics[m.metric]
    where = _platform(registry, figure.channel.platform)
    text = tr(
        "{figure} {label} on {platform}",
        figure=format_figure(m, metric.unit),
        label=label(metric).lower(),
        platform=where,
    )
    return text, m.as_of


def account_view(registry: Registry, account: Account, history: bool = True) -> list[Block]:
    about = Fields(f"{account.name} ({account.slug})")
    for field, value in (
        ("Aliases", ", ".join(account.aliases)),
        ("Run by", account.run_by),
        ("Audience", account.audience),
        ("About", account.description),
    ):
        if value:
            about.items.append((tr(field), value))
    channels = Grid(
        tr("Channels"),
        [
            Column(tr("Platform"), style="cyan"),
            Column(tr("Handle")),
            Column(tr("Started")),
            Column(tr("Status")),
            Column(tr("Notes"), wrap=True),
        ],
        [
            [
                _platform(registry, c.platform),
                c.handle or "",
                c.started or "",
                tr(c.status),
                c.notes or "",
            ]
            for c in account.channels
        ],
    )
    figures = _figures_grid(registry, account, history)
    blocks: list[Block] = [about, channels]
    if figures.rows:
        blocks.append(figures)
    events = [e for e in registry.events if e.account == account.slug]
    if events:
        blocks.append(timeline_view(registry, events, title=tr("Events"), with_account=False)[0])
    sources = Grid(
        tr("Sources"),
        [
            Column(tr("Source"), style="cyan"),
            Column(tr("Title"), wrap=True),
            Column(tr("Publisher")),
            Column(tr("Year")),
        ],
    )
    for slug in sources_of(registry, account):
        s = registry.sources[slug]
        sources.rows.append([slug, s.title, s.publisher, str(s.year)])
    if sources.rows:
        blocks.append(sources)
    return blocks


def _figures_grid(registry: Registry, account: Account, history: bool) -> Grid:
    """Every measurement of the account; a Source column only when it cites more than one."""
    cited = sources_of(registry, account)
    columns = [
        Column(tr("Platform"), style="cyan"),
        Column(tr("Metric"), wrap=True),
        Column(tr("Figure"), justify="right"),
        Column(tr("Qualifier")),
        Column(tr("As of")),
        Column(tr("Stated in source"), wrap=True),
    ]
    if len(cited) > 1:
        columns.append(Column(tr("Source")))
    grid = Grid(tr("Figures"), columns)
    if len(cited) == 1:
        grid.caption = tr("Source of every figure: {source} (see Sources).", source=cited[0])
    for figure in figures_of(account, history):
        m = figure.measurement
        metric = registry.metrics[m.metric]
        row: list[Cell] = [
            _platform(registry, figure.channel.platform),
            label(metric),
            format_figure(m, metric.unit),
            tr(m.qualifier),
            m.as_of,
            "\n".join(part for part in (m.stated, m.note) if part),
        ]
        grid.rows.append([*row, m.source] if len(cited) > 1 else row)
    return grid


def ranking_view(
    registry: Registry, metric_slug: str, figures: list[Figure], total: int
) -> list[Block]:
    metric = registry.metrics[metric_slug]
    # The chart's scale reaches the top of the widest range, so every span fits.
    top = max((f.measurement.upper or f.measurement.representative for f in figures), default=0)
    grid = Grid(
        tr("{metric}, largest first", metric=label(metric)),
        [
            Column("#", justify="right"),
            Column(tr("Account"), style="cyan"),
            Column(tr("Platform")),
            Column(label(metric), justify="right"),
            Column(tr("As of")),
            Column("", style="green", bar=True),
        ],
    )
    for rank, figure in enumerate(figures, start=1):
        m = figure.measurement
        grid.rows.append(
            [
                str(rank),
                figure.channel.account,
                _platform(registry, figure.channel.platform),
                format_figure(m, metric.unit),
                m.as_of,
                _bar_cell(m, top),
            ]
        )
    notes = _legend({f.measurement.qualifier for f in figures})
    if total > len(figures):
        notes.append(
            tr(
                "Showing {shown} of {total}; --all shows every one.",
                shown=len(figures),
                total=total,
            )
        )
    grid.caption = "\n".join(notes) or None
    return [grid]


def _bar_cell(m: Measurement, top: float) -> BarCell:
    if top <= 0:
        return BarCell(0.0)
    low = m.value / top
    high = (m.high if m.high is not None else m.value) / top
    return BarCell(m.representative / top, m.qualifier, low, high)


def _legend(qualifiers: set[str]) -> list[str]:
    """The marks of the approximate figures shown, in one line."""
    marks = [tr(text) for kind, text in LEGEND.items() if kind in qualifiers]
    return [" · ".join(marks)] if marks else []


def side_by_side_view(
    registry: Registry,
    accounts: list[Account],
    cells: list[tuple[str, str, dict[str, Measurement]]],
) -> list[Block]:
    grid = Grid(
        tr("Side by side"),
        [Column(tr("Metric")), Column(tr("Platform"), style="cyan")]
        + [Column(a.name, justify="right") for a in accounts],
    )
    for metric_slug, platform, by_account in cells:
        metric = registry.metrics[metric_slug]
        row: list[Cell] = [label(metric), _platform(registry, platform)]
        for account in accounts:
            m = by_account.get(account.slug)
            row.append(_figure_at(m, metric.unit) if m else "—")
        grid.rows.append(row)
    return [grid]


def metrics_view(registry: Registry, usage: dict[str, int]) -> list[Block]:
    grid = Grid(
        None,
        [
            Column(tr("Metric"), style="cyan"),
            Column(tr("English"), wrap=True),
            Column(tr("Norwegian"), wrap=True),
            Column(tr("Unit")),
            Column(tr("Kind")),
            Column(tr("Channels"), justify="right"),
            Column(tr("Description"), wrap=True),
        ],
    )
    for slug, metric in registry.metrics.items():
        grid.rows.append(
            [
                slug,
                metric.label_en,
                metric.label_nb,
                tr(metric.unit),
                tr(metric.kind),
                format_number(usage[slug]),
                metric.description or "",
            ]
        )
    return [grid]


def timeline_view(
    registry: Registry, events: list[Event], title: str | None = None, with_account: bool = True
) -> list[Block]:
    columns = [Column(tr("Date"))]
    if with_account:
        columns.append(Column(tr("Account"), style="cyan"))
    columns += [Column(tr("Platform")), Column(tr("Kind")), Column(tr("Event"), wrap=True)]
    grid = Grid(title, columns)
    for event in events:
        date = f"{event.date} ({event.stated})" if event.stated else event.date
        row = [date] + ([event.account] if with_account else [])
        platform = _platform(registry, event.platform) if event.platform else ""
        grid.rows.append([*row, platform, tr(event.kind), event.title])
    return [grid]


def _figure_at(m: Measurement, unit: str) -> str:
    """'19,500 (2017-12)': a figure with the date it holds for."""
    return f"{format_figure(m, unit)} ({m.as_of})"


def _platform(registry: Registry, slug: str) -> str:
    platform = registry.platforms.get(slug)
    if platform is None:
        return slug
    return platform.name_nb if language() == "nb" and platform.name_nb else platform.name


def label(metric: Metric) -> str:
    """The metric's label in the current language."""
    return metric.label_nb if language() == "nb" else metric.label_en


def history_view(registry: Registry, account: Account, steps: list[Step]) -> list[Block]:
    grid = Grid(
        tr("{name}: figures over time", name=account.name),
        [
            Column(tr("As of")),
            Column(tr("Platform"), style="cyan"),
            Column(tr("Metric"), wrap=True),
            Column(tr("Figure"), justify="right"),
            Column(tr("Change"), justify="right"),
            Column(tr("Growth"), justify="right"),
            Column(tr("Since")),
        ],
    )
    for step in steps:
        m = step.figure.measurement
        metric = registry.metrics[m.metric]
        change = step.change
        grid.rows.append(
            [
                m.as_of,
                _platform(registry, step.figure.channel.platform),
                label(metric),
                format_figure(m, metric.unit),
                "" if change is None else format_change(change, step.approximate),
                format_growth(step.growth_percent, step.approximate),
                step.previous.as_of if step.previous else "",
            ]
        )
    if any(step.approximate for step in steps if step.previous):
        grid.caption = tr("≈ a change involving an approximate figure, taken between midpoints.")
    return [grid, _trends(registry, steps)]


def _trends(registry: Registry, steps: list[Step]) -> Grid:
    """One sparkline per channel and metric, oldest figure first."""
    series: dict[tuple[str, str], list[Measurement]] = {}
    for step in steps:
        key = (step.figure.channel.platform, step.figure.measurement.metric)
        series.setdefault(key, []).append(step.figure.measurement)
    grid = Grid(
        tr("Trends"),
        [
            Column(tr("Platform"), style="cyan"),
            Column(tr("Metric"), wrap=True),
            Column(tr("From")),
            Column(tr("To")),
            Column(tr("Trend"), style="green"),
        ],
        terminal_only=True,
    )
    for (platform, metric_slug), ms in series.items():
        metric = registry.metrics[metric_slug]
        grid.rows.append(
            [
                _platform(registry, platform),
                label(metric),
                _figure_at(ms[0], metric.unit),
                _figure_at(ms[-1], metric.unit),
                sparkline([m.representative for m in ms]),
            ]
        )
    return grid


def since_view(
    registry: Registry,
    metric_slug: str,
    since: str,
    ranked: list[Step],
    missing: list[Figure],
    unchanged: list[Step],
    total: int,
) -> list[Block]:
    metric = registry.metrics[metric_slug]
    grid = Grid(
        tr("{metric}: change since {since}, largest rise first", metric=label(metric), since=since),
        [
            Column("#", justify="right"),
            Column(tr("Account"), style="cyan"),
            Column(tr("Platform")),
            Column(tr("Then"), justify="right"),
            Column(tr("Now"), justify="right"),
            Column(tr("Change"), justify="right"),
            Column(tr("Growth"), justify="right"),
        ],
    )
    for rank, step in enumerate(ranked, start=1):
        m, before = step.figure.measurement, step.previous
        assert before is not None and step.change is not None
        grid.rows.append(
            [
                str(rank),
                step.figure.channel.account,
                _platform(registry, step.figure.channel.platform),
                _figure_at(before, metric.unit),
                _figure_at(m, metric.unit),
                format_change(step.change, step.approximate),
                format_growth(step.growth_percent, step.approximate),
            ]
        )
    notes = []
    if any(step.approximate for step in ranked):
        notes.append(tr("≈ a change involving an approximate figure, taken between midpoints."))
    if total > len(ranked):
        notes.append(
            tr("Showing {shown} of {total}; --all shows every one.", shown=len(ranked), total=total)
        )
    grid.caption = "\n".join(notes) or None
    blocks: list[Block] = [grid]
    apart = [(f, tr("no figure at {date}", date=since)) for f in missing]
    apart += [(s.figure, tr("no figure after {date}", date=since)) for s in unchanged]
    if apart:
        other = Grid(
            tr("Not ranked"),
            [
                Column(tr("Account"), style="cyan"),
                Column(tr("Platform")),
                Column(tr("Now"), justify="right"),
                Column(tr("Why")),
            ],
        )
        for figure, why in apart:
            m = figure.measurement
            other.rows.append(
                [
                    figure.channel.account,
                    _platform(registry, figure.channel.platform),
                    _figure_at(m, metric.unit),
                    why,
                ]
            )
        blocks.append(other)
    return blocks
