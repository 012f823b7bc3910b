"""The registry over a period as one report: what a year (or any span) held, account by account.

Only figures dated in the period count (a figure dated 2018 is not in the report for 2017, and
the report says how many were left out so); each channel's figure is its latest in the period,
as `compare --as-of END` takes it. Sums of a level count are honest about their figures: a sum
over a `more than` figure is a lower bound, over ranges a range, over an `about` figure about.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from navsome.dates import date_key, period_end, period_start, same_length
from navsome.model import Account, Channel, Event, Measurement, Number, Registry
from navsome.query import (
    Figure,
    Step,
    counted_over_periods,
    latest_figures,
    like_with_like,
    rank,
    registry_at,
)

Day = tuple[int, int, int]


class Period(NamedTuple):
    """The span a report covers: from the start of `start` to the end of `end` (dates as the
    registry writes them), both optional (None: from the first figure, or up to today)."""

    start: str | None = None
    end: str | None = None

    @property
    def first_day(self) -> Day:
        return period_start(self.start) if self.start else (1, 1, 1)

    @property
    def last_day(self) -> Day:
        from navsome.dates import today

        return period_end(self.end) if self.end else today()

    @property
    def is_year(self) -> bool:
        return self.start is not None and self.start == self.end and len(self.start) == 4

    def holds(self, date: str) -> bool:
        """Whether a figure or event dated `date` belongs to the period: it ends within it."""
        return self.first_day <= period_end(date) <= self.last_day


class Total(NamedTuple):
    """A level count summed over channels (followers on Facebook): each channel's figure once,
    so a person following two channels is counted twice."""

    metric: str
    platform: str | None  # None: every platform
    figures: tuple[Figure, ...]

    def _qualifiers(self) -> set[str]:
        return {f.measurement.qualifier for f in self.figures}

    @property
    def qualifier(self) -> str:
        """exact, range (from ranges), over (a lower bound) or about, the least precise wins."""
        found = self._qualifiers()
        return next((q for q in ("about", "over", "range") if q in found), "exact")

    @property
    def low(self) -> Number | None:
        """The least the total can be, or None when an `about` figure leaves it unbounded."""
        if "about" in self._qualifiers():
            return None
        return _sum(f.measurement.value for f in self.figures)

    @property
    def high(self) -> Number | None:
        """The most the total can be, or None when a figure has no upper bound."""
        uppers = [f.measurement.upper for f in self.figures]
        return None if any(u is None for u in uppers) else _sum(u for u in uppers if u is not None)

    @property
    def value(self) -> Number:
        """The total as stated: the low end for a lower bound, else the sum of midpoints."""
        if self.qualifier == "over":
            return self.low or 0
        return _sum(f.measurement.representative for f in self.figures)

    @property
    def lower_bound(self) -> bool:
        """Whether a `more than` figure makes the total a floor (it may be more)."""
        return "over" in self._qualifiers()

    def counts(self) -> dict[str, int]:
        """How many of the figures summed are of each qualifier."""
        found: dict[str, int] = {}
        for figure in self.figures:
            found[figure.measurement.qualifier] = found.get(figure.measurement.qualifier, 0) + 1
        return found

    def as_measurement(self) -> Measurement:
        """The total as a figure, for formatting: a range's low end as its value."""
        qualifier = self.qualifier
        value = self.low if qualifier in ("range", "over") else self.value
        return Measurement(self.metric, value or 0, "", "", qualifier, self.high)


class PlatformPart(NamedTuple):
    platform: str | None  # None: every platform together
    channels: tuple[Channel, ...]
    totals: tuple[Total, ...]


class Ranking(NamedTuple):
    metric: str
    figures: tuple[Figure, ...]
    left_out: tuple[Figure, ...]  # counts over periods of another length


class AccountPart(NamedTuple):
    account: Account  # as it stood at the period's end, its figures those in the period
    latest: tuple[Step, ...]  # each series' latest figure in the period, with its change
    series: tuple[tuple[Channel, str, tuple[Measurement, ...]], ...]  # two or more points
    events: tuple[Event, ...]

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self.account.channels


class Report(NamedTuple):
    period: Period
    registry: Registry  # as it stood at the period's end, only figures dated in the period
    accounts: tuple[AccountPart, ...]  # those with a figure or an event in the period
    quiet: tuple[Account, ...]  # those with neither
    platforms: tuple[PlatformPart, ...]
    rankings: tuple[Ranking, ...]
    growth: tuple[Step, ...]  # risers then fallers, by metric
    events: tuple[Event, ...]
    sources: tuple[str, ...]
    later: int  # figures dated after the period, not in the report

    @property
    def figure_count(self) -> int:
        return sum(len(c.measurements) for c in self.registry.channels())

    @property
    def channel_count(self) -> int:
        return sum(len(part.channels) for part in self.accounts)


TOP_MOVERS = 5  # risers and fallers shown for each metric


def build_report(
    registry: Registry, period: Period, accounts: list[Account] | None = None
) -> Report:
    """The report of `registry` over `period`, of `accounts` (every account when None)."""
    slugs = [a.slug for a in accounts] if accounts else list(registry.accounts)
    at_end = registry_at(registry, day_text(period.last_day))
    kept = {
        slug: _in_period(at_end.accounts[slug], period) for slug in slugs if slug in at_end.accounts
    }
    within = at_end._replace(
        accounts=kept,
        events=tuple(e for e in at_end.events if e.account in kept and period.holds(e.date)),
    )
    later = sum(
        1
        for slug in slugs
        for channel in registry.accounts[slug].channels
        for m in channel.measurements
        if period_end(m.as_of) > period.last_day
    )
    parts, quiet = [], []
    for account in within.accounts.values():
        part = _account_part(registry, within, account, period)
        if part.latest or part.events:
            parts.append(part)
        else:
            quiet.append(registry.accounts[account.slug])
    rankings = _rankings(within)
    return Report(
        period=period,
        registry=within,
        accounts=tuple(parts),
        quiet=tuple(quiet),
        platforms=_platforms(within),
        rankings=rankings,
        growth=_growth(registry, within, period),
        events=within.events,
        sources=_sources(within),
        later=later,
    )


def day_text(day: Day) -> str:
    """(2017, 6, 1) as 2017-06-01."""
    return "{:04d}-{:02d}-{:02d}".format(*day)


def _in_period(account: Account, period: Period) -> Account:
    channels = tuple(
        c._replace(measurements=tuple(m for m in c.measurements if period.holds(m.as_of)))
        for c in account.channels
    )
    return account._replace(channels=channels)


def _account_part(
    full: Registry, within: Registry, account: Account, period: Period
) -> AccountPart:
    """An account's channels, latest figures with their change since the figure before (which
    may be older than the period), series of two or more points, and events."""
    latest, series = [], []
    previous_of = _previous_figures(full.accounts[account.slug], within)
    for channel in account.channels:
        for metric, measurement in latest_figures(channel).items():
            before = previous_of.get((channel.platform, metric, measurement.as_of))
            apart = (
                before is not None
                and counted_over_periods(within, metric)
                and not same_length(before.as_of, measurement.as_of)
            )
            latest.append(Step(Figure(channel, measurement), before, bool(apart)))
        points: dict[str, list[Measurement]] = {}
        for m in channel.measurements:
            points.setdefault(m.metric, []).append(m)
        for metric, found in points.items():
            if len(found) >= 2:
                series.append(
                    (channel, metric, tuple(sorted(found, key=lambda m: date_key(m.as_of))))
                )
    events = tuple(e for e in within.events if e.account == account.slug)
    return AccountPart(account, tuple(latest), tuple(series), events)


def _previous_figures(
    account: Account, within: Registry
) -> dict[tuple[str, str, str], Measurement]:
    """For each figure of the account's, the figure of its series just before it, in the whole
    registry (a change from before the period is still the change)."""
    before: dict[tuple[str, str, str], Measurement] = {}
    for channel in account.channels:
        series: dict[str, list[Measurement]] = {}
        for m in channel.measurements:
            series.setdefault(m.metric, []).append(m)
        for metric, found in series.items():
            found.sort(key=lambda m: date_key(m.as_of))
            for earlier, later in pairwise(found):
                before[(channel.platform, metric, later.as_of)] = earlier
    return before


def _platforms(within: Registry) -> tuple[PlatformPart, ...]:
    """Per platform (then every platform together): channels with a figure in the period, and
    the total of each level count metric over them."""
    counts = [
        slug
        for slug, metric in within.metrics.items()
        if metric.kind == "level" and metric.unit == "count"
    ]
    by_platform: dict[str, list[Channel]] = {}
    for channel in within.channels():
        if channel.measurements:
            by_platform.setdefault(channel.platform, []).append(channel)
    order = {slug: index for index, slug in enumerate(within.platforms)}
    parts = []
    every: list[Channel] = []
    for platform in sorted(by_platform, key=lambda p: order.get(p, len(order))):
        channels = by_platform[platform]
        every += channels
        parts.append(PlatformPart(platform, tuple(channels), _totals(channels, counts, platform)))
    if len(parts) > 1:
        parts.append(PlatformPart(None, tuple(every), _totals(every, counts, None)))
    return tuple(parts)


def _totals(channels: list[Channel], metrics: list[str], platform: str | None) -> tuple[Total, ...]:
    totals = []
    for metric in metrics:
        figures = tuple(
            Figure(channel, latest_figures(channel)[metric])
            for channel in channels
            if metric in latest_figures(channel)
        )
        if figures:
            totals.append(Total(metric, platform, figures))
    return tuple(totals)


def _rankings(within: Registry) -> tuple[Ranking, ...]:
    """Every metric two or more channels report in the period, ranked as `compare` ranks it."""
    rankings = []
    for metric in within.metrics:
        ranked = rank(within, metric)
        kept, left = like_with_like(within, metric, ranked)
        if len(kept) >= 2:
            rankings.append(Ranking(metric, tuple(kept), tuple(left)))
    return tuple(rankings)


def _growth(full: Registry, within: Registry, period: Period) -> tuple[Step, ...]:
    """Each series' change over the period: its latest figure in the period against the figure
    it had when the period began (its latest before it), or failing that its first in the
    period. Counts over periods are compared only with periods as long. The largest risers
    and fallers of each metric, risers first."""
    moves: dict[str, list[Step]] = {}
    for account in within.accounts.values():
        whole = {c.platform: c for c in full.accounts[account.slug].channels}
        for channel in account.channels:
            for metric, last in latest_figures(channel).items():
                earlier = [
                    m
                    for m in whole[channel.platform].measurements
                    if m.metric == metric and period_end(m.as_of) < period.first_day
                ]
                inside = sorted(
                    (m for m in channel.measurements if m.metric == metric),
                    key=lambda m: date_key(m.as_of),
                )
                start = max(earlier, key=lambda m: date_key(m.as_of)) if earlier else inside[0]
                if start is last or start == last:
                    continue
                if counted_over_periods(within, metric) and not same_length(
                    start.as_of, last.as_of
                ):
                    continue
                moves.setdefault(metric, []).append(Step(Figure(channel, last), start))
    steps: list[Step] = []
    for metric in within.metrics:
        found = moves.get(metric, [])
        found.sort(key=lambda s: (-(s.change or 0), s.figure.channel.id))
        risers = [s for s in found if (s.change or 0) > 0][:TOP_MOVERS]
        fallers = [s for s in reversed(found) if (s.change or 0) < 0][:TOP_MOVERS]
        steps += risers + fallers
    return tuple(steps)


def _sources(within: Registry) -> tuple[str, ...]:
    cited = [m.source for c in within.channels() for m in c.measurements]
    cited += [e.source for e in within.events]
    return tuple(dict.fromkeys(cited))


def _sum(values: Iterable[Number]) -> Number:
    total: Number = sum(values)
    return int(total) if float(total).is_integer() else total
