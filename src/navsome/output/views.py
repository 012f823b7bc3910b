"""What each command shows a person: the registry's answers laid out as blocks of text cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from navsome.model import Account, Channel, Event, Measurement, Metric, Registry, in_language
from navsome.output.blocks import BarCell, Block, Cell, Column, Fields, Grid, Picture
from navsome.output.numbers import (
    format_change,
    format_figure,
    format_growth,
    format_number,
    sparkline,
)
from navsome.query import Figure, Step, figures_of, headline
from navsome.rows import sources_of, wide_layout

if TYPE_CHECKING:
    from navsome.i18n import Words

LEGEND = {
    "about": "≈ and ▓: about",
    "over": "> and ▶: more than (a lower bound)",
    "range": "a–b and ░: a range, ranked by its midpoint",
}


def accounts_view(
    registry: Registry, accounts: list[Account], as_of: str | None = None, *, words: Words
) -> list[Block]:
    """Every account with its platforms and headline figure. Under `as_of`, a platform whose
    channel has no start date is marked: it may not have existed then."""
    grid = Grid(
        None,
        [
            Column(words("Account"), style="cyan"),
            Column(words("Name"), wrap=True),
            Column(words("Platforms"), wrap=True),
            Column(words("Headline figure"), justify="right", wrap=True),
            Column(words("As of")),
        ],
    )
    for account in accounts:
        platforms = ", ".join(
            platform_name(registry, c.platform, words)
            + (f" ({words('start unknown')})" if as_of is not None and c.started is None else "")
            for c in account.channels
        )
        grid.rows.append(
            [account.slug, account.name, platforms, *_headline(registry, account, words)]
        )
    return [grid]


def _headline(registry: Registry, account: Account, words: Words) -> tuple[str, str]:
    """('37 300 followers on Facebook', '2017-12'), or a dash when the account has no figures."""
    figure = headline(account)
    if figure is None:
        return "—", ""
    m = figure.measurement
    metric = registry.metrics[m.metric]
    where = platform_name(registry, figure.channel.platform, words)
    text = words(
        "{figure} {label} on {platform}",
        figure=format_figure(m, metric.unit, words=words),
        label=label(metric, words).lower(),
        platform=where,
    )
    return text, m.as_of


def account_view(
    registry: Registry,
    account: Account,
    history: bool = True,
    as_of: str | None = None,
    *,
    words: Words,
) -> list[Block]:
    """An account's fields, channels, figures and events, its own text in the words' language
    where the registry has it. Under `as_of`, a channel with no start date says so: it may not
    have existed then."""
    language = words.language
    about = Fields(f"{account.name} ({account.slug})")
    for field, value in (
        ("Aliases", ", ".join(account.aliases)),
        ("Run by", in_language(account, "run_by", language)),
        ("Audience", in_language(account, "audience", language)),
        ("About", in_language(account, "description", language)),
    ):
        if value:
            about.items.append((words(field), value))
    channels = Grid(
        words("Channels"),
        [
            Column(words("Platform"), style="cyan"),
            Column(words("Handle")),
            Column(words("Started")),
            Column(words("Status")),
            Column(words("Notes"), wrap=True),
        ],
        [
            [
                platform_name(registry, c.platform, words),
                c.handle or "",
                c.started or (words("start unknown") if as_of is not None else ""),
                words(c.status),
                in_language(c, "notes", language) or "",
            ]
            for c in account.channels
        ],
    )
    figures = _figures_grid(registry, account, history, words)
    blocks: list[Block] = [about, channels]
    if figures.rows:
        blocks.append(figures)
    events = [e for e in registry.events if e.account == account.slug]
    if events:
        blocks.append(
            timeline_view(registry, events, words("Events"), with_account=False, words=words)[0]
        )
    sources = sources_grid(registry, sources_of(registry, account), words("Sources"), words)
    if sources.rows:
        blocks.append(sources)
    return blocks


def _figures_grid(registry: Registry, account: Account, history: bool, words: Words) -> Grid:
    """Every measurement of the account; a Source column only when it cites more than one."""
    cited = sources_of(registry, account)
    columns = [
        Column(words("Platform"), style="cyan"),
        Column(words("Metric"), wrap=True),
        Column(words("Figure"), justify="right"),
        Column(words("Qualifier")),
        Column(words("As of")),
        Column(words("Stated in source"), wrap=True),
    ]
    if len(cited) > 1:
        columns.append(Column(words("Source")))
    grid = Grid(words("Figures"), columns)
    if len(cited) == 1:
        grid.caption = words("Source of every figure: {source} (see Sources).", source=cited[0])
    for figure in figures_of(account, history):
        m = figure.measurement
        metric = registry.metrics[m.metric]
        row: list[Cell] = [
            platform_name(registry, figure.channel.platform, words),
            label(metric, words),
            format_figure(m, metric.unit, words=words),
            words(m.qualifier),
            m.as_of,
            "\n".join(part for part in (m.stated, in_language(m, "note", words.language)) if part),
        ]
        grid.rows.append([*row, m.source] if len(cited) > 1 else row)
    return grid


def ranking_view(
    registry: Registry,
    metric_slug: str,
    figures: list[Figure],
    total: int | None = None,
    *,
    words: Words,
) -> list[Block]:
    """The figures ranked, with a legend of the marks they use. `total` is not shown: that the
    ranking was cut short is a hint for the person, said on stderr by `compare`, never part
    of the answer or its export; it is accepted for callers that still pass it."""
    metric = registry.metrics[metric_slug]
    # The chart's scale reaches the top of the widest range, so every span fits.
    top = max((f.measurement.upper or f.measurement.representative for f in figures), default=0)
    grid = Grid(
        words("{metric}, largest first", metric=label(metric, words)),
        [
            Column("#", justify="right"),
            Column(words("Account"), style="cyan"),
            Column(words("Platform")),
            Column(label(metric, words), justify="right"),
            Column(words("As of")),
            Column(words("Chart"), style="green", bar=True),
        ],
    )
    for rank, figure in enumerate(figures, start=1):
        m = figure.measurement
        grid.rows.append(
            [
                str(rank),
                figure.channel.account,
                platform_name(registry, figure.channel.platform, words),
                format_figure(m, metric.unit, words=words),
                m.as_of,
                _bar_cell(m, top),
            ]
        )
    grid.caption = "\n".join(_legend({f.measurement.qualifier for f in figures}, words)) or None
    return [_ranking_picture(registry, metric_slug, figures, words), grid]


def _ranking_picture(
    registry: Registry, metric_slug: str, figures: list[Figure], words: Words
) -> Picture:
    """The ranking as a bar chart (for exports that show pictures)."""

    def draw() -> str:
        from navsome.output.chart_data import ranking_chart

        return ranking_chart(registry, metric_slug, figures, words=words)

    title = words("{metric}, largest first", metric=label(registry.metrics[metric_slug], words))
    return Picture(
        title, f"{metric_slug}-ranking", draw, ranking_description(registry, figures, words)
    )


def ranking_description(registry: Registry, figures: Sequence[Figure], words: Words) -> str:
    """The ranking in one sentence: how many channels, and which leads."""
    if not figures:
        return ""
    first = figures[0].channel
    account = registry.accounts.get(first.account)
    return words(
        "{count} channels ranked, {account} on {platform} first.",
        count=len(figures),
        account=account.name if account else first.account,
        platform=platform_name(registry, first.platform, words),
    )


def history_pictures(registry: Registry, steps: list[Step], *, words: Words) -> list[Picture]:
    """A line chart a metric of the figures over time, one line a channel."""
    series: dict[str, dict[Channel, list[Measurement]]] = {}
    for step in steps:
        m = step.figure.measurement
        series.setdefault(m.metric, {}).setdefault(step.figure.channel, []).append(m)
    pictures = []
    for metric_slug, by_channel in series.items():
        lines = [(channel, metric_slug, ms) for channel, ms in by_channel.items()]
        title = words("{metric} over time", metric=label(registry.metrics[metric_slug], words))

        def draw(
            title: str = title, lines: list[tuple[Channel, str, list[Measurement]]] = lines
        ) -> str:
            from navsome.output.chart_data import series_chart

            return series_chart(registry, title, lines, words=words)

        pictures.append(Picture(title, f"{metric_slug}-history", draw))
    return pictures


def _bar_cell(m: Measurement, top: float) -> BarCell:
    if top <= 0:
        return BarCell(0.0)
    low = m.value / top
    high = (m.high if m.high is not None else m.value) / top
    return BarCell(m.representative / top, m.qualifier, low, high)


def _legend(qualifiers: set[str], words: Words) -> list[str]:
    """The marks of the approximate figures shown, in one line."""
    marks = [words(text) for kind, text in LEGEND.items() if kind in qualifiers]
    return [" · ".join(marks)] if marks else []


def side_by_side_view(
    registry: Registry,
    accounts: list[Account],
    cells: list[tuple[str, str, dict[str, Measurement]]],
    *,
    words: Words,
) -> list[Block]:
    grid = Grid(
        words("Side by side"),
        [Column(words("Metric")), Column(words("Platform"), style="cyan")]
        + [Column(a.name, justify="right") for a in accounts],
    )
    for metric_slug, platform, by_account in cells:
        metric = registry.metrics[metric_slug]
        row: list[Cell] = [label(metric, words), platform_name(registry, platform, words)]
        for account in accounts:
            m = by_account.get(account.slug)
            row.append(figure_at(m, metric.unit, words) if m else "—")
        grid.rows.append(row)
    return [grid]


def metrics_view(registry: Registry, usage: dict[str, int], *, words: Words) -> list[Block]:
    grid = Grid(
        None,
        [
            Column(words("Metric"), style="cyan"),
            Column(words("English"), wrap=True),
            Column(words("Norwegian"), wrap=True),
            Column(words("Unit")),
            Column(words("Kind")),
            Column(words("Channels"), justify="right"),
            Column(words("Description"), wrap=True),
        ],
    )
    for slug, metric in registry.metrics.items():
        grid.rows.append(
            [
                slug,
                metric.label_en,
                metric.label_nb,
                words(metric.unit),
                words(metric.kind),
                format_number(usage[slug], words=words),
                in_language(metric, "description", words.language) or "",
            ]
        )
    return [grid]


def sources_grid(
    registry: Registry,
    slugs: Iterable[str],
    title: str | None,
    words: Words,
    *,
    with_address: bool = False,
) -> Grid:
    """The sources `slugs` names, one a row: slug, title (and its web address, for a report
    that leaves the screen), publisher and year."""
    grid = Grid(
        title,
        [
            Column(words("Source"), style="cyan"),
            Column(words("Title"), wrap=True),
            Column(words("Publisher")),
            Column(words("Year"), justify="right"),
        ],
    )
    for slug in slugs:
        source = registry.sources[slug]
        shown = in_language(source, "title", words.language) or source.title
        if with_address and source.url:
            shown += f" ({source.url})"
        grid.rows.append([slug, shown, source.publisher, str(source.year)])
    return grid


def sources_view(
    registry: Registry, usage: dict[str, tuple[int, int]], *, words: Words
) -> list[Block]:
    """Every source, with how many figures and events cite it."""
    grid = sources_grid(registry, registry.sources, None, words)
    grid.columns += [
        Column(words("Figures"), justify="right"),
        Column(words("Events"), justify="right"),
    ]
    for row, slug in zip(grid.rows, registry.sources, strict=True):
        row += [format_number(count, words=words) for count in usage[slug]]
    return [grid]


def timeline_view(
    registry: Registry,
    events: list[Event],
    title: str | None = None,
    with_account: bool = True,
    *,
    words: Words,
) -> list[Block]:
    columns = [Column(words("Date"))]
    if with_account:
        columns.append(Column(words("Account"), style="cyan"))
    columns += [Column(words("Platform")), Column(words("Kind")), Column(words("Event"), wrap=True)]
    grid = Grid(title, columns)
    for event in events:
        date = f"{event.date} ({event.stated})" if event.stated else event.date
        row = [date] + ([event.account] if with_account else [])
        platform = platform_name(registry, event.platform, words) if event.platform else ""
        title = in_language(event, "title", words.language) or event.title
        grid.rows.append([*row, platform, words(event.kind), title])
    return [grid]


def figure_at(m: Measurement, unit: str, words: Words) -> str:
    """'19,500 (2017-12)': a figure with the date it holds for."""
    return f"{format_figure(m, unit, words=words)} ({m.as_of})"


def platform_name(registry: Registry, slug: str, words: Words) -> str:
    platform = registry.platforms.get(slug)
    if platform is None:
        return slug
    return platform.name_nb if words.norwegian and platform.name_nb else platform.name


def label(metric: Metric, words: Words) -> str:
    """The metric's label in the words' language."""
    return metric.label_nb if words.norwegian else metric.label_en


def step_change(step: Step, words: Words) -> str:
    """A change as precise as its figures: '+500'; '+7,186 to +7,686' from or to a range;
    '+141 or more' to a "more than" figure; '≈+120' when an "about" figure leaves it unbounded."""
    change = step.change
    if change is None:
        return ""
    if not step.approximate:
        return format_change(change, words=words)
    least, most = step.change_bounds
    if least is not None and most is not None:
        return words(
            "{least} to {most}",
            least=format_change(least, words=words),
            most=format_change(most, words=words),
        )
    if least is not None:
        return words("{least} or more", least=format_change(least, words=words))
    if most is not None:
        return words("{most} or less", most=format_change(most, words=words))
    return format_change(change, True, words=words)


def history_view(
    registry: Registry, account: Account, steps: list[Step], *, words: Words
) -> list[Block]:
    grid = Grid(
        words("{name}: figures over time", name=account.name),
        [
            Column(words("As of")),
            Column(words("Platform"), style="cyan"),
            Column(words("Metric"), wrap=True),
            Column(words("Figure"), justify="right"),
            Column(words("Change"), justify="right"),
            Column(words("Growth"), justify="right"),
            Column(words("Since")),
        ],
    )
    for step in steps:
        m = step.figure.measurement
        metric = registry.metrics[m.metric]
        grid.rows.append(
            [
                m.as_of,
                platform_name(registry, step.figure.channel.platform, words),
                label(metric, words),
                format_figure(m, metric.unit, words=words),
                words("different periods") if step.different_periods else step_change(step, words),
                format_growth(step.growth_percent, step.approximate, words=words),
                step.previous.as_of if step.previous else "",
            ]
        )
    if any(step.approximate for step in steps if step.previous and not step.different_periods):
        grid.caption = words("≈ a change involving an approximate figure, taken between midpoints.")
    return [grid, _trends(registry, steps, words)]


def wide_view(registry: Registry, steps: list[Step], *, words: Words) -> list[Block]:
    """history --wide: a date a row, a channel a column, each figure as stated (≈800,
    >3 000, 600–800): a table read by people keeps what the source qualified."""
    if not steps:
        return []
    names, dated = wide_layout(steps)
    grid = Grid(None, [Column(words("As of"))] + [Column(n, justify="right") for n in names])
    for as_of, cells in dated.items():
        shown = [
            "" if m is None else format_figure(m, registry.metrics[m.metric].unit, words=words)
            for m in cells.values()
        ]
        grid.rows.append([as_of, *shown])
    return [grid]


def _trends(registry: Registry, steps: list[Step], words: Words) -> Grid:
    """One sparkline per channel and metric, oldest figure first."""
    series: dict[tuple[str, str], list[Measurement]] = {}
    for step in steps:
        key = (step.figure.channel.platform, step.figure.measurement.metric)
        series.setdefault(key, []).append(step.figure.measurement)
    grid = Grid(
        words("Trends"),
        [
            Column(words("Platform"), style="cyan"),
            Column(words("Metric"), wrap=True),
            Column(words("From")),
            Column(words("To")),
            Column(words("Trend"), style="green"),
        ],
        terminal_only=True,
    )
    for (platform, metric_slug), ms in series.items():
        metric = registry.metrics[metric_slug]
        grid.rows.append(
            [
                platform_name(registry, platform, words),
                label(metric, words),
                figure_at(ms[0], metric.unit, words),
                figure_at(ms[-1], metric.unit, words),
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
    *,
    words: Words,
) -> list[Block]:
    """Channels ranked by their change since `since`, and those not ranked with why."""
    metric = registry.metrics[metric_slug]
    grid = Grid(
        words(
            "{metric}: change since {since}, largest rise first",
            metric=label(metric, words),
            since=since,
        ),
        [
            Column("#", justify="right"),
            Column(words("Account"), style="cyan"),
            Column(words("Platform")),
            Column(words("Then"), justify="right"),
            Column(words("Now"), justify="right"),
            Column(words("Change"), justify="right"),
            Column(words("Growth"), justify="right"),
        ],
    )
    for rank, step in enumerate(ranked, start=1):
        m, before = step.figure.measurement, step.previous
        assert before is not None and step.change is not None
        grid.rows.append(
            [
                str(rank),
                step.figure.channel.account,
                platform_name(registry, step.figure.channel.platform, words),
                figure_at(before, metric.unit, words),
                figure_at(m, metric.unit, words),
                step_change(step, words),
                format_growth(step.growth_percent, step.approximate, words=words),
            ]
        )
    if any(step.approximate for step in ranked):
        grid.caption = words("≈ a change involving an approximate figure, taken between midpoints.")
    blocks: list[Block] = [grid]
    apart = [(f, words("no figure at {date}", date=since)) for f in missing]
    apart += [
        (
            s.figure,
            words(
                "different periods ({then} and {now})",
                then=s.previous.as_of,
                now=s.figure.measurement.as_of,
            )
            if s.different_periods and s.previous
            else words("no figure after {date}", date=since),
        )
        for s in unchanged
    ]
    if apart:
        other = Grid(
            words("Not ranked"),
            [
                Column(words("Account"), style="cyan"),
                Column(words("Platform")),
                Column(words("Now"), justify="right"),
                Column(words("Why")),
            ],
        )
        for figure, why in apart:
            m = figure.measurement
            other.rows.append(
                [
                    figure.channel.account,
                    platform_name(registry, figure.channel.platform, words),
                    figure_at(m, metric.unit, words),
                    why,
                ]
            )
        blocks.append(other)
    return blocks
