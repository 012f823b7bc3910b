"""The registry's model: accounts, their channels, the figures measured for them, and events.

Immutable named tuples rather than dataclasses: every navsome call is a fresh process, and a
dataclass costs about a millisecond to define where a named tuple costs a fifth of that.
"""

from typing import Any, NamedTuple

QUALIFIERS = ("exact", "about", "over", "range")
STATUSES = ("active", "closed")
METRIC_KINDS = ("level", "period")
EVENT_KINDS = ("milestone", "award", "nomination")

Number = int | float


class Measurement(NamedTuple):
    """One figure as the source states it: `value` is the low end when `qualifier` is range."""

    metric: str
    value: Number
    as_of: str
    source: str
    qualifier: str = "exact"
    high: Number | None = None
    stated: str | None = None
    note: str | None = None
    note_nb: str | None = None  # the note in Norwegian, where the registry gives it

    @property
    def representative(self) -> Number:
        """The number to rank by: the midpoint of a range, the stated figure otherwise."""
        if self.qualifier == "range" and self.high is not None:
            return _tidy((self.value + self.high) / 2)
        return self.value

    @property
    def low(self) -> Number | None:
        """The lowest the true figure can be, or None when the source does not bound it."""
        return None if self.qualifier == "about" else self.value

    @property
    def upper(self) -> Number | None:
        """The highest the true figure can be, or None when the source does not bound it."""
        if self.qualifier == "exact":
            return self.value
        return self.high if self.qualifier == "range" else None


class Channel(NamedTuple):
    """One presence of an account on one platform."""

    account: str
    platform: str
    handle: str | None = None
    started: str | None = None
    status: str = "active"
    notes: str | None = None
    notes_nb: str | None = None
    measurements: tuple[Measurement, ...] = ()  # last: the cache relies on it

    @property
    def id(self) -> str:
        return f"{self.account}/{self.platform}"


class Account(NamedTuple):
    """A brand or profile, present on one or more platforms."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    run_by: str | None = None
    audience: str | None = None
    description: str | None = None
    # The same in Norwegian, where the registry gives it (see `in_language`).
    run_by_nb: str | None = None
    audience_nb: str | None = None
    description_nb: str | None = None
    channels: tuple[Channel, ...] = ()  # last: the cache (registry/cache.py) relies on it

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(channel.platform for channel in self.channels)


class Metric(NamedTuple):
    slug: str
    label_en: str
    label_nb: str
    unit: str
    kind: str
    description: str | None = None
    description_nb: str | None = None


class Platform(NamedTuple):
    slug: str
    name: str
    name_nb: str | None = None  # the Norwegian name, where it differs


class Source(NamedTuple):
    slug: str
    title: str
    publisher: str
    year: int
    document: str | None = None
    url: str | None = None
    title_nb: str | None = None  # for a title of our own words, not the source's (see README)


class Event(NamedTuple):
    """A dated milestone or award of one account, optionally on one of its platforms."""

    date: str
    kind: str
    account: str
    title: str
    source: str
    platform: str | None = None
    stated: str | None = None
    title_nb: str | None = None


def in_language(item: NamedTuple, field: str, language: str) -> str | None:
    """A text field of `item` in `language`: its `_nb` twin for Norwegian where the registry
    gives one, else the field as written (English)."""
    if language == "nb":
        norwegian = getattr(item, f"{field}_nb", None)
        if norwegian:
            return str(norwegian)
    value = getattr(item, field)
    return None if value is None else str(value)


class Registry(NamedTuple):
    path: str
    accounts: dict[str, Account]
    metrics: dict[str, Metric]
    platforms: dict[str, Platform]
    sources: dict[str, Source]
    events: tuple[Event, ...] = ()

    def channels(self) -> list[Channel]:
        return [channel for account in self.accounts.values() for channel in account.channels]

    def account(self, name: str) -> Account:
        """The account `name` means: a slug, alias, display name or handle, or a unique prefix
        of one. UnknownName or AmbiguousName when there is no single such account."""
        from navsome.query import find_account

        return find_account(self, name)

    def at(self, date: str) -> "Registry":
        """The registry as it stood on `date` (2017, 2017-12 or 2017-12-31): figures and events
        not after it, channels started by then. InvalidDate for a date navsome cannot read."""
        from navsome.query import check_date, registry_at

        return registry_at(self, check_date(date))

    def figures(
        self,
        metric: str | None = None,
        platform: str | None = None,
        account: str | None = None,
        latest: bool = False,
    ) -> list[dict[str, Any]]:
        """Every figure as a flat dict, the rows `--format json` gives: account, channel,
        platform, metric, value (a range's midpoint), low, high, qualifier, as_of, unit, stated,
        note, note_nb and source. Channel by channel, each metric's figures in date order;
        `latest` keeps only the most recent of each. Filters take any name the command line
        takes (a slug, a label in English or Norwegian, a unique prefix; an account as
        `account()` does); an unknown one raises UnknownName, one that could be several
        AmbiguousName."""
        from navsome.query import check_metric, check_platform, figures_of, find_account
        from navsome.rows import measurement_row

        if metric is not None:
            metric = check_metric(self, metric)
        platform = check_platform(self, platform)
        accounts = [find_account(self, account)] if account is not None else self.accounts.values()
        return [
            measurement_row(self, figure)
            for each in accounts
            for figure in figures_of(each, history=not latest)
            if (metric is None or figure.measurement.metric == metric)
            and (platform is None or figure.channel.platform == platform)
        ]


def _tidy(number: float) -> Number:
    """Show 700.0 as 700 so that JSON and tables never print a spurious `.0`."""
    return int(number) if float(number).is_integer() else number
