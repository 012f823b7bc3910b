"""What each command shows a person: the registry's answers laid out as blocks of text cells."""

from __future__ import annotations

from .model import Account, Event, Measurement, Registry
from .query import Figure, headline
from .render import Block, Column, Fields, Grid
from .rows import sources_of
from .text import format_figure, format_number

BAR_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"
LEGEND = "≈ about · > more than (lower bound) · a–b range, ranked by its midpoint"


def accounts_view(registry: Registry, accounts: list[Account]) -> list[Block]:
    grid = Grid(
        None,
        [
            Column("Account", style="cyan", no_wrap=True),
            Column("Name"),
            Column("Platforms"),
            Column("Headline figure", justify="right"),
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


def account_view(registry: Registry, account: Account) -> list[Block]:
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
            Column("Notes"),
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
    figures = Grid(
        "Figures",
        [
            Column("Platform", style="cyan"),
            Column("Metric"),
            Column("Figure", justify="right", no_wrap=True),
            Column("Qualifier"),
            Column("As of", no_wrap=True),
            Column("Stated in source"),
            Column("Source"),
        ],
    )
    for channel in account.channels:
        for m in channel.measurements:
            metric = registry.metrics[m.metric]
            stated = "\n".join(part for part in (m.stated, m.note) if part)
            figures.rows.append(
                [
                    _platform(registry, channel.platform),
                    metric.label_en,
                    format_figure(m, metric.unit),
                    m.qualifier,
                    m.as_of,
                    stated,
                    m.source,
                ]
            )
    blocks: list[Block] = [about, channels]
    if figures.rows:
        blocks.append(figures)
    events = [e for e in registry.events if e.account == account.slug]
    if events:
        blocks.append(timeline_view(registry, events, title="Events", with_account=False)[0])
    sources = Grid(
        "Sources",
        [Column("Source", style="cyan"), Column("Title"), Column("Publisher"), Column("Year")],
    )
    for slug in sources_of(registry, account):
        s = registry.sources[slug]
        sources.rows.append([slug, s.title, s.publisher, str(s.year)])
    if sources.rows:
        blocks.append(sources)
    return blocks


def ranking_view(
    registry: Registry, metric_slug: str, figures: list[Figure], total: int
) -> list[Block]:
    metric = registry.metrics[metric_slug]
    top = max((f.measurement.representative for f in figures), default=0)
    grid = Grid(
        f"{metric.label_en}, largest first",
        [
            Column("#", justify="right"),
            Column("Account", style="cyan", no_wrap=True),
            Column("Platform"),
            Column(metric.label_en, justify="right", no_wrap=True),
            Column("As of", no_wrap=True),
            Column("", style="green", no_wrap=True),
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
                bar(m.representative, top),
            ]
        )
    notes = []
    if any(f.measurement.qualifier != "exact" for f in figures):
        notes.append(LEGEND)
    if total > len(figures):
        notes.append(f"Showing {len(figures)} of {total}; --top 0 shows all.")
    grid.caption = "\n".join(notes) or None
    return [grid]


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A bar of block characters whose length is `value`'s share of `largest`, in eighths."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


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
            Column("Metric", style="cyan", no_wrap=True),
            Column("Label"),
            Column("Norwegian"),
            Column("Unit"),
            Column("Kind"),
            Column("Channels", justify="right"),
            Column("Description"),
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
    columns = [Column("Date", no_wrap=True)]
    if with_account:
        columns.append(Column("Account", style="cyan", no_wrap=True))
    columns += [Column("Platform"), Column("Kind"), Column("Event")]
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
