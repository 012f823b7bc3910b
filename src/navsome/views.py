"""What each command shows a person: the registry's answers laid out as blocks of text cells."""

from __future__ import annotations

from .model import Account, Event, Measurement, Registry
from .query import Figure, Step, figures_of, headline
from .render import Block, Column, Fields, Grid
from .rows import sources_of
from .text import format_change, format_figure, format_growth, format_number, sparkline

LEGEND = "≈ about · > more than (lower bound) · a–b range, ranked by its midpoint"


def accounts_view(registry: Registry, accounts: list[Account]) -> list[Block]:
    grid = Grid(
        None,
        [
            Column("Account", style="cyan"),
            Column("Name", wrap=True),
            Column("Platforms", wrap=True),
            Column("Headline figure", justify="right", wrap=True),
            Column("As of"),
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
    return f"{format_figure(m, metric.unit)} {metric.label_en.lower()} on {where}", m.as_of


def account_view(registry: Registry, account: Account, history: bool = True) -> list[Block]:
    about = Fields(f"{account.name} ({account.slug})")
    for label, value in (
        ("Aliases", ", ".join(account.aliases)),
        ("Run by", account.run_by),
        ("Audience", account.audience),
        ("About", account.description),
    ):
        if value:
            about.items.append((label, value))
    channels = Grid(
        "Channels",
        [
            Column("Platform", style="cyan"),
            Column("Handle"),
            Column("Started"),
            Column("Status"),
            Column("Notes", wrap=True),
        ],
        [
            [
                _platform(registry, c.platform),
                c.handle or "",
                c.started or "",
                c.status,
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
        blocks.append(timeline_view(registry, events, title="Events", with_account=False)[0])
    sources = Grid(
        "Sources",
        [
            Column("Source", style="cyan"),
            Column("Title", wrap=True),
            Column("Publisher"),
            Column("Year"),
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
        Column("Platform", style="cyan"),
        Column("Metric", wrap=True),
        Column("Figure", justify="right"),
        Column("Qualifier"),
        Column("As of"),
        Column("Stated in source", wrap=True),
    ]
    if len(cited) > 1:
        columns.append(Column("Source"))
    grid = Grid("Figures", columns)
    if len(cited) == 1:
        grid.caption = f"Source of every figure: {cited[0]} (see Sources)."
    for figure in figures_of(account, history):
        m = figure.measurement
        metric = registry.metrics[m.metric]
        row = [
            _platform(registry, figure.channel.platform),
            metric.label_en,
            format_figure(m, metric.unit),
            m.qualifier,
            m.as_of,
            "\n".join(part for part in (m.stated, m.note) if part),
        ]
        grid.rows.append([*row, m.source] if len(cited) > 1 else row)
    return grid


def ranking_view(
    registry: Registry, metric_slug: str, figures: list[Figure], total: int
) -> list[Block]:
    metric = registry.metrics[metric_slug]
    top = max((f.measurement.representative for f in figures), default=0)
    grid = Grid(
        f"{metric.label_en}, largest first",
        [
            Column("#", justify="right"),
            Column("Account", style="cyan"),
            Column("Platform"),
            Column(metric.label_en, justify="right"),
            Column("As of"),
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
                m.representative / top if top > 0 else 0.0,
            ]
        )
    notes = []
    if any(f.measurement.qualifier != "exact" for f in figures):
        notes.append(LEGEND)
    if total > len(figures):
        notes.append(f"Showing {len(figures)} of {total}; --top 0 shows all.")
    grid.caption = "\n".join(notes) or None
    return [grid]


def side_by_side_view(
    registry: Registry,
    accounts: list[Account],
    cells: list[tuple[str, str, dict[str, Measurement]]],
) -> list[Block]:
    grid = Grid(
        "Side by side",
        [Column("Metric"), Column("Platform", style="cyan")]
        + [Column(a.name, justify="right") for a in accounts],
    )
    for metric_slug, platform, by_account in cells:
        metric = registry.metrics[metric_slug]
        row = [metric.label_en, _platform(registry, platform)]
        for account in accounts:
            m = by_account.get(account.slug)
            row.append(f"{format_figure(m, metric.unit)} ({m.as_of})" if m else "—")
        grid.rows.append(row)
    return [grid]


def metrics_view(registry: Registry, usage: dict[str, int]) -> list[Block]:
    grid = Grid(
        None,
        [
            Column("Metric", style="cyan"),
            Column("Label", wrap=True),
            Column("Norwegian", wrap=True),
            Column("Unit"),
            Column("Kind"),
            Column("Channels", justify="right"),
            Column("Description", wrap=True),
        ],
    )
    for slug, metric in registry.metrics.items():
        grid.rows.append(
            [
                slug,
                metric.label_en,
                metric.label_nb,
                metric.unit,
                metric.kind,
                format_number(usage[slug]),
                metric.description or "",
            ]
        )
    return [grid]


def timeline_view(
    registry: Registry, events: list[Event], title: str | None = None, with_account: bool = True
) -> list[Block]:
    columns = [Column("Date")]
    if with_account:
        columns.append(Column("Account", style="cyan"))
    columns += [Column("Platform"), Column("Kind"), Column("Event", wrap=True)]
    grid = Grid(title, columns)
    for event in events:
        date = f"{event.date} ({event.stated})" if event.stated else event.date
        row = [date] + ([event.account] if with_account else [])
        platform = _platform(registry, event.platform) if event.platform else ""
        grid.rows.append([*row, platform, event.kind, event.title])
    return [grid]


def _platform(registry: Registry, slug: str) -> str:
    platform = registry.platforms.get(slug)
    return platform.name if platform else slug


def history_view(registry: Registry, account: Account, steps: list[Step]) -> list[Block]:
    grid = Grid(
        f"{account.name}: figures over time",
        [
            Column("As of"),
            Column("Platform", style="cyan"),
            Column("Metric", wrap=True),
            Column("Figure", justify="right"),
            Column("Change", justify="right"),
            Column("Growth", justify="right"),
            Column("Since"),
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
                metric.label_en,
                format_figure(m, metric.unit),
                "" if change is None else format_change(change, step.approximate),
                format_growth(step.growth_percent, step.approximate),
                step.previous.as_of if step.previous else "",
            ]
        )
    if any(step.approximate for step in steps if step.previous):
        grid.caption = "≈ a change involving an approximate figure, taken between midpoints."
    return [grid, _trends(registry, steps)]


def _trends(registry: Registry, steps: list[Step]) -> Grid:
    """One sparkline per channel and metric, oldest figure first."""
    series: dict[tuple[str, str], list[Measurement]] = {}
    for step in steps:
        key = (step.figure.channel.platform, step.figure.measurement.metric)
        series.setdefault(key, []).append(step.figure.measurement)
    grid = Grid(
        "Trends",
        [
            Column("Platform", style="cyan"),
            Column("Metric", wrap=True),
            Column("From"),
            Column("To"),
            Column("Trend", style="green"),
        ],
        terminal_only=True,
    )
    for (platform, metric_slug), ms in series.items():
        metric = registry.metrics[metric_slug]
        grid.rows.append(
            [
                _platform(registry, platform),
                metric.label_en,
                f"{format_figure(ms[0], metric.unit)} ({ms[0].as_of})",
                f"{format_figure(ms[-1], metric.unit)} ({ms[-1].as_of})",
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
        f"{metric.label_en}: change since {since}, largest rise first",
        [
            Column("#", justify="right"),
            Column("Account", style="cyan"),
            Column("Platform"),
            Column("Then", justify="right"),
            Column("Now", justify="right"),
            Column("Change", justify="right"),
            Column("Growth", justify="right"),
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
                f"{format_figure(before, metric.unit)} ({before.as_of})",
                f"{format_figure(m, metric.unit)} ({m.as_of})",
                format_change(step.change, step.approximate),
                format_growth(step.growth_percent, step.approximate),
            ]
        )
    notes = []
    if any(step.approximate for step in ranked):
        notes.append("≈ a change involving an approximate figure, taken between midpoints.")
    if total > len(ranked):
        notes.append(f"Showing {len(ranked)} of {total}; --top 0 shows all.")
    grid.caption = "\n".join(notes) or None
    blocks: list[Block] = [grid]
    apart = [(f, f"no figure at {since}") for f in missing]
    apart += [(s.figure, f"no figure after {since}") for s in unchanged]
    if apart:
        other = Grid(
            "Not ranked",
            [
                Column("Account", style="cyan"),
                Column("Platform"),
                Column("Now", justify="right"),
                Column("Why"),
            ],
        )
        for figure, why in apart:
            m = figure.measurement
            other.rows.append(
                [
                    figure.channel.account,
                    _platform(registry, figure.channel.platform),
                    f"{format_figure(m, metric.unit)} ({m.as_of})",
                    why,
                ]
            )
        blocks.append(other)
    return blocks
