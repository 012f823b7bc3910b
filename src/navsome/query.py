"""Questions asked of a Registry: lookups by name and the figures that answer a command."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from navsome.dates import date_key, date_problem, period_days, period_end, period_start, same_length
from navsome.errors import AmbiguousName, InvalidDate, Message, UnknownName, UsageError
from navsome.model import QUALIFIERS, Account, Channel, Measurement, Number, Registry


class Figure(NamedTuple):
    """A measurement together with the channel it was measured on."""

    channel: Channel
    measurement: Measurement


def find_account(registry: Registry, name: str) -> Account:
    """The account a user means by slug, alias, display name or handle, or by a unique prefix
    of one; in any case and Unicode form (see `_normal`)."""
    found = registry.accounts.get(name)  # the slug as stored: most lookups, no table to build
    if found is not None:
        return found
    names = _account_names(registry)
    try:
        return registry.accounts[_resolve("account", name, names)]
    except UnknownName:
        handle = name.strip().removeprefix("@")  # a handle as people write it: @NAVnorge
        if not handle or handle == name.strip():
            raise
        try:
            return registry.accounts[_resolve("account", handle, names)]
        except UnknownName:
            raise UnknownName("account", name, _suggest(_normal(handle), names)) from None


def find_channel(registry: Registry, text: str) -> Channel:
    """The channel `text` names as ACCOUNT/PLATFORM, each part as `find_account` and
    `check_platform` read it (the platform's prefix among the account's own channels):
    jobblyst/facebook, Jobblyst/Facebook, "NAV Jobblyst/f". UsageError without a slash,
    UnknownName("channel") listing the account's channels when it has none on the platform."""
    account_name, _, platform_name = text.strip().rpartition("/")
    if not account_name.strip() or not platform_name.strip():
        raise UsageError(
            "give the channel as ACCOUNT/PLATFORM, e.g. jobblyst/facebook, not {text!r}.",
            text=text,
        )
    account = find_account(registry, account_name)
    channels = {channel.platform: channel for channel in account.channels}
    if platform_name in channels:
        return channels[platform_name]
    ids = [channel.id for channel in account.channels]
    # A name that is a platform's exactly means that platform, even where it begins the name
    # of another the account has; anything else is read among the account's own platforms.
    wanted = _normal(platform_name)
    every = _table(_platform_names(registry, registry.platforms))
    exact = _exact(wanted, every)
    if len(exact) == 1 and exact[0] not in channels:
        raise UnknownName("channel", f"{account.slug}/{exact[0]}", choices=ids)
    own = _table(_platform_names(registry, channels))
    try:
        return channels[_resolve("platform", platform_name, own)]
    except AmbiguousName as error:
        matches = [f"{account.slug}/{slug}" for slug in error.matches]
        raise AmbiguousName("channel", text.strip(), matches) from None
    except UnknownName as error:
        close = [f"{account.slug}/{slug}" for slug in error.suggestions]
        shown = f"{account.slug}/{platform_name.strip()}"
        raise UnknownName("channel", shown, close, ids) from None


def check_date(text: str, intervals: bool = False) -> str:
    """A partial ISO date (2017, 2017-12, 2017-12-31), or with `intervals` also a span of two
    (2017-03/2017-05, a figure's date), stripped; or InvalidDate saying how to write one."""
    if not isinstance(text, str):  # a year given as a number, from Python
        raise TypeError(f"a date is text such as '2017' or '2017-12', not {text!r}")
    problem = date_problem(text.strip())
    if "/" in text and not problem and not intervals:  # a day to look from is one date
        problem = Message(
            "{text!r} is an interval; give one date (YYYY, YYYY-MM or YYYY-MM-DD)",
            text=text.strip(),
        )
    if problem:
        raise InvalidDate(text, problem)
    return text.strip()


def registry_at(registry: Registry, date: str | None) -> Registry:
    """The registry as it stood on `date`: figures and events not after it, channels started
    by then. None gives the registry unchanged."""
    if date is None:
        return registry
    end = period_end(date)
    accounts = {}
    for slug, account in registry.accounts.items():
        channels = tuple(
            c._replace(measurements=tuple(m for m in c.measurements if period_end(m.as_of) <= end))
            for c in account.channels
            if c.started is None or period_start(c.started) <= end
        )
        accounts[slug] = account._replace(channels=channels)
    events = tuple(e for e in registry.events if period_end(e.date) <= end)
    return registry._replace(accounts=accounts, events=events)


def check_platform(registry: Registry, platform: str | None) -> str | None:
    """The slug of the platform `platform` names (None passes): by slug, English or Norwegian
    name, or a unique prefix of one, in any case. UnknownName or AmbiguousName otherwise."""
    if platform is None or platform in registry.platforms:
        return platform
    names = _table(_platform_names(registry, registry.platforms))
    return _resolve("platform", platform, names, list(registry.platforms))


def check_metric(registry: Registry, metric: str) -> str:
    """The slug of the metric `metric` names: by slug, English or Norwegian label, or a unique
    prefix of one, in any case. UnknownName or AmbiguousName otherwise."""
    if metric in registry.metrics:
        return metric
    names = [
        (name, slug)
        for slug, found in registry.metrics.items()
        for name in (slug, found.label_en, found.label_nb)
    ]
    try:
        return _resolve("metric", metric, _table(names), list(registry.metrics))
    except UnknownName as error:  # suggested in Norwegian by the label, which is read too
        labels = [registry.metrics[slug].label_nb for slug in error.suggestions]
        raise UnknownName("metric", metric, error.suggestions, error.choices, labels) from None


# A qualifier as the tables print it, in English or Norwegian, and the one it is.
QUALIFIER_NAMES = {
    **{slug: slug for slug in QUALIFIERS},
    "nøyaktig": "exact",
    "omtrent": "about",
    "mer enn": "over",
    "mellom": "range",
    "intervall": "range",
}


def check_qualifier(text: str) -> str | None:
    """The qualifier `text` names, as the tables print it in either language (`about`,
    `omtrent`, `mer enn`), in any case, or by a prefix only one has; None when it names none
    or several (`m`: mer enn or mellom)."""
    if text in QUALIFIER_NAMES:
        return QUALIFIER_NAMES[text]
    try:
        return _resolve("qualifier", text, _table(QUALIFIER_NAMES.items()))
    except (UnknownName, AmbiguousName):
        return None


def latest_figures(channel: Channel) -> dict[str, Measurement]:
    """For each metric the channel reports, its most recent measurement."""
    latest: dict[str, Measurement] = {}
    newest: dict[str, tuple[int, int, int, int]] = {}
    for measurement in channel.measurements:
        key = date_key(measurement.as_of)
        metric = measurement.metric
        if metric not in newest or key > newest[metric]:
            latest[metric], newest[metric] = measurement, key
    return latest


def figures_of(account: Account, history: bool = True) -> list[Figure]:
    """The account's figures channel by channel, each metric's in date order (or only the
    latest of each metric)."""
    figures = []
    for channel in account.channels:
        if history:
            # Metrics in the order the channel first lists them, each metric's in date order.
            first = {m.metric: i for i, m in reversed(list(enumerate(channel.measurements)))}
            measurements = sorted(
                channel.measurements, key=lambda m: (first[m.metric], date_key(m.as_of))
            )
        else:
            measurements = list(latest_figures(channel).values())
        figures += [Figure(channel, m) for m in measurements]
    return figures


Among = str | Collection[str] | None  # one slug, several, or None for every one


def among(slug: str, wanted: Among) -> bool:
    """Whether `slug` is one of those `wanted` (every one when None)."""
    if wanted is None:
        return True
    return slug == wanted if isinstance(wanted, str) else slug in wanted


def accounts_on(registry: Registry, platform: Among) -> list[Account]:
    """The accounts with a channel on `platform` (on any of several)."""
    accounts = registry.accounts.values()
    return [a for a in accounts if any(among(p, platform) for p in a.platforms)]


def headline(account: Account) -> Figure | None:
    """The figure that sums an account up: its largest follower count, else its first figure."""
    figures = [
        Figure(channel, measurement)
        for channel in account.channels
        for measurement in latest_figures(channel).values()
    ]
    followers = [figure for figure in figures if figure.measurement.metric == "followers"]
    candidates = followers or figures[:1]
    return max(candidates, key=lambda f: f.measurement.representative, default=None)


def rank(
    registry: Registry,
    metric: str,
    accounts: Iterable[Account] | None = None,
    platform: Among = None,
) -> list[Figure]:
    """Every channel reporting `metric`, largest first; approximate figures by their midpoint."""
    figures = []
    for account in registry.accounts.values() if accounts is None else accounts:
        for channel in account.channels:
            if not among(channel.platform, platform):
                continue
            measurement = latest_figures(channel).get(metric)
            if measurement is not None:
                figures.append(Figure(channel, measurement))
    figures.sort(key=lambda f: (-f.measurement.representative, f.channel.id))
    return figures


def like_with_like(
    registry: Registry, metric: str, figures: list[Figure]
) -> tuple[list[Figure], list[Figure]]:
    """For a count over periods, the figures over periods as long as most of them (the longer
    on a tie), and those left out; every figure of a level, and none left out."""
    if not counted_over_periods(registry, metric) or not figures:
        return figures, []
    lengths = [period_days(f.measurement.as_of) for f in figures]
    votes: dict[int, int] = {}
    for days in lengths:
        anchor = next((a for a in votes if abs(a - days) <= 3), days)
        votes[anchor] = votes.get(anchor, 0) + 1
    chosen = max(votes, key=lambda days: (votes[days], days))
    kept = [f for f, days in zip(figures, lengths, strict=True) if abs(days - chosen) <= 3]
    left = [f for f, days in zip(figures, lengths, strict=True) if abs(days - chosen) > 3]
    return kept, left


def side_by_side(
    registry: Registry, accounts: list[Account], platform: Among = None
) -> list[tuple[str, str, dict[str, Measurement]]]:
    """Rows of (metric, platform, {account slug: measurement}) over every metric any reports."""
    cells: dict[tuple[str, str], dict[str, Measurement]] = {}
    for account in accounts:
        for channel in account.channels:
            if not among(channel.platform, platform):
                continue
            for metric, measurement in latest_figures(channel).items():
                cells.setdefault((metric, channel.platform), {})[account.slug] = measurement
    metric_order = {slug: index for index, slug in enumerate(registry.metrics)}
    platform_order = {slug: index for index, slug in enumerate(registry.platforms)}
    keys = sorted(cells, key=lambda k: (metric_order[k[0]], platform_order[k[1]]))
    return [(metric, platform, cells[(metric, platform)]) for metric, platform in keys]


class Step(NamedTuple):
    """One figure of a series with how it moved since the series' previous figure."""

    figure: Figure
    previous: Measurement | None
    # A count over a period (comments in a month, reach in a year) is compared only with one
    # over a period as long: a month's comments against a year's would be no change at all.
    different_periods: bool = False

    @property
    def change(self) -> float | None:
        if self.previous is None or self.different_periods:
            return None
        return self.figure.measurement.representative - self.previous.representative

    @property
    def growth_percent(self) -> float | None:
        change = self.change
        if change is None or not self.previous or self.previous.representative == 0:
            return None
        return round(change / self.previous.representative * 100, 1)

    @property
    def change_bounds(self) -> tuple[Number | None, Number | None]:
        """The least and the most the change can be, as far as the two figures bound it: a
        range or a "more than" figure makes the change a span or open-ended, an "about" one
        leaves it unbounded (None)."""
        if self.change is None or self.previous is None:
            return None, None
        now, before = self.figure.measurement, self.previous
        least = _difference(now.low, before.upper)
        most = _difference(now.upper, before.low)
        return least, most

    @property
    def approximate(self) -> bool:
        """Whether either figure is approximate, so the change is too."""
        pair = (self.figure.measurement, self.previous)
        return any(m is not None and m.qualifier != "exact" for m in pair)


def _difference(first: Number | None, second: Number | None) -> Number | None:
    if first is None or second is None:
        return None
    difference = first - second
    return int(difference) if float(difference).is_integer() else difference


def history(
    registry: Registry, account: Account, metric: Among = None, platform: Among = None
) -> list[Step]:
    """Every figure of the account, each with its series' previous figure: channel by channel
    in the account's order, each channel's metrics in the registry's order, each metric's
    figures in date order (a period placed at its end, so a year follows its December)."""
    steps = []
    metric_order = {slug: index for index, slug in enumerate(registry.metrics)}
    for channel in account.channels:
        if not among(channel.platform, platform):
            continue
        series: dict[str, list[Measurement]] = {}
        for m in channel.measurements:
            if among(m.metric, metric):
                series.setdefault(m.metric, []).append(m)
        for slug in sorted(series, key=metric_order.__getitem__):
            measurements = sorted(series[slug], key=lambda m: date_key(m.as_of))
            previous = None
            periods = counted_over_periods(registry, slug)
            for m in measurements:
                apart = (
                    periods and previous is not None and not same_length(m.as_of, previous.as_of)
                )
                steps.append(Step(Figure(channel, m), previous, apart))
                previous = m
    return steps


def counted_over_periods(registry: Registry, metric: str) -> bool:
    found = registry.metrics.get(metric)
    return found is not None and found.kind == "period"


def change_since(
    registry: Registry, since: Registry, figures: list[Figure]
) -> tuple[list[Step], list[Figure], list[Step]]:
    """Split `figures` into (ranked by change since the date of `since`, largest rise first;
    those with no figure at that date; those not ranked: no figure after it, or a count over a
    period of another length than the one then)."""
    baseline = {
        channel.id: latest_figures(channel)
        for account in since.accounts.values()
        for channel in account.channels
    }
    ranked, missing, unchanged = [], [], []
    for figure in figures:
        before = baseline.get(figure.channel.id, {}).get(figure.measurement.metric)
        periods = counted_over_periods(registry, figure.measurement.metric)
        if before is None:
            missing.append(figure)
        elif before == figure.measurement:
            unchanged.append(Step(figure, before))
        elif periods and not same_length(before.as_of, figure.measurement.as_of):
            unchanged.append(Step(figure, before, different_periods=True))
        else:
            ranked.append(Step(figure, before))
    ranked.sort(key=lambda s: (-(s.change or 0), s.figure.channel.id))
    return ranked, missing, unchanged


def metric_usage(registry: Registry) -> dict[str, int]:
    """How many channels report each metric."""
    counts = dict.fromkeys(registry.metrics, 0)
    for channel in registry.channels():
        for metric in {m.metric for m in channel.measurements}:
            counts[metric] += 1
    return counts


def source_usage(registry: Registry) -> dict[str, tuple[int, int]]:
    """How many figures and events cite each source."""
    figures = dict.fromkeys(registry.sources, 0)
    events = dict.fromkeys(registry.sources, 0)
    for channel in registry.channels():
        for measurement in channel.measurements:
            figures[measurement.source] += 1
    for event in registry.events:
        events[event.source] += 1
    return {slug: (figures[slug], events[slug]) for slug in registry.sources}


def _account_names(registry: Registry) -> list[tuple[str, str]]:
    """(normalised name, slug) for every way of naming every account. A slug is its own
    normal form: the schema allows only a-z, 0-9, _ and -."""
    names = [(slug, slug) for slug in registry.accounts]
    for slug, account in registry.accounts.items():
        others = [account.name, *account.aliases]
        others += [channel.handle for channel in account.channels if channel.handle]
        # _normal inlined for ASCII names: a registry of thousands of accounts has tens of
        # thousands of names, and a call each would double the time of a lookup.
        names += [(n.strip().casefold() if n.isascii() else _normal(n), slug) for n in others]
    return names


def _platform_names(registry: Registry, slugs: Iterable[str]) -> list[tuple[str, str]]:
    """(name, slug) for the slug, English and Norwegian name of each platform of `slugs`."""
    names = []
    for slug in slugs:
        platform = registry.platforms[slug]
        names += [(slug, slug), (platform.name, slug)]
        if platform.name_nb:
            names.append((platform.name_nb, slug))
    return names


def _normal(name: str) -> str:
    """`name` as it is compared: stripped, composed (NFC: an é typed as e and an accent, as
    macOS writes it, is the é of the registry) and case-folded."""
    name = name.strip()
    if name.isascii():  # most names: unicodedata (a compiled module) is loaded only when needed
        return name.casefold()
    from unicodedata import normalize

    # Case folding can decompose (ǰ), so the folded name is composed once more.
    return normalize("NFC", normalize("NFC", name).casefold())


def _table(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(normalised name, slug) pairs, built once a lookup and compared many times."""
    return [(_normal(name), slug) for name, slug in names]


def _exact(wanted: str, table: list[tuple[str, str]]) -> list[str]:
    """The slugs named exactly `wanted`, in table order; a slug that is `wanted` itself before
    any other whose alias or label it is."""
    found = list(dict.fromkeys(slug for key, slug in table if key == wanted))
    return [slug for slug in found if _normal(slug) == wanted] or found


def _resolve(
    kind: str, name: str, table: list[tuple[str, str]], choices: Sequence[str] = ()
) -> str:
    """The one slug `name` means in `table` (normalised names): named exactly, else by a
    prefix of names of one slug only. AmbiguousName lists the slugs a prefix fits; UnknownName
    the closest names (and `choices`, all there are, where they are few enough to list)."""
    wanted = _normal(name)
    found = _exact(wanted, table)
    if not found and wanted:
        found = list(dict.fromkeys(slug for key, slug in table if key.startswith(wanted)))
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(kind, name, found)
    raise UnknownName(kind, name, _suggest(wanted, table), choices)


def _suggest(wanted: str, table: list[tuple[str, str]]) -> list[str]:
    """Up to three slugs whose names are close to `wanted` (normalised, as `table`'s are)."""
    from difflib import get_close_matches  # only needed on the error path

    slugs: dict[str, list[str]] = {}
    for key, slug in table:
        slugs.setdefault(key, []).append(slug)
    close = get_close_matches(wanted, list(slugs), n=5, cutoff=0.5)
    return list(dict.fromkeys(slug for key in close for slug in slugs[key]))[:3]
