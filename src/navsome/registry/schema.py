"""Turn parsed TOML into a Registry, collecting every way the content does not fit the model.

Nothing is built from a registry with problems: `build_registry` raises RegistryProblems
listing them all, each named by its dotted path (`accounts.jobblyst.channels[0].measurements[2]`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from sys import intern
from typing import Any, TypeVar, cast

from navsome.dates import date_problem, future_problem, period_end, period_start, today
from navsome.errors import Problem, RegistryProblems, key_path
from navsome.model import (
    EVENT_KINDS,
    METRIC_KINDS,
    QUALIFIERS,
    STATUSES,
    Account,
    Channel,
    Event,
    Measurement,
    Metric,
    Platform,
    Registry,
    Source,
)

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")

# A field rule checks one value, of whatever type the TOML holds, and returns why it is wrong,
# or None.
Rule = Callable[[object], "str | None"]
# A kind of table: its keys, whether each is required, and its rule.
Spec = dict[str, tuple[bool, Rule]]


def _describe(value: object) -> str:
    kinds = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    kinds.update({list: "an array", dict: "a table"})
    return kinds.get(type(value), type(value).__name__)


MAX_TEXT = 10_000  # characters; registry text is names and notes, never documents


def text(value: object) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_describe(value)}"
    if len(value) > MAX_TEXT:
        return f"is {len(value):,} characters long; at most {MAX_TEXT:,}"
    return "must not be empty" if not value.strip() else None


# Every number the model takes lies within ±MAX_NUMBER: far beyond any audience or year, and
# far below float overflow (about 1.8e308), so midpoints, sums and JSON stay finite. An int and
# a float compare exactly in Python, so the bound is checked without converting a huge integer.
MAX_NUMBER = 10**15
OUT_OF_RANGE = "is out of range; a number must lie between -1e15 and 1e15"


def number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, not {_describe(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    return None if -MAX_NUMBER <= value <= MAX_NUMBER else OUT_OF_RANGE


def integer(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"must be an integer, not {_describe(value)}"
    return None if -MAX_NUMBER <= value <= MAX_NUMBER else OUT_OF_RANGE


def date(value: object) -> str | None:
    if not isinstance(value, str):
        return text(value)  # "must be a string, not …"
    return text(value) or date_problem(value)


def texts(value: object) -> str | None:
    if not isinstance(value, list):
        return f"must be an array of strings, not {_describe(value)}"
    for item in value:
        if problem := text(item):
            return f"must be an array of non-empty strings; an item {problem}"
    return None


def one_of(choices: tuple[str, ...]) -> Rule:
    def rule(value: object) -> str | None:
        if problem := text(value):
            return problem
        if value not in choices:
            return f"{value!r} is not one of {', '.join(choices)}"
        return None

    return rule


_WEB_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s]*")


def web_address(value: object) -> str | None:
    """An address a reader can open: http(s)://host.domain/…, no spaces."""
    problem = text(value)
    if problem is None and not _WEB_ADDRESS.fullmatch(str(value)):
        return f"{value!r} is not a web address; write it in full, such as https://www.nav.no/"
    return problem


def tables(value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return f"must be an array of tables ([[…]]), not {_describe(value)}"
    return None


def table(value: object) -> str | None:
    return None if isinstance(value, dict) else f"must be a table, not {_describe(value)}"


# Each kind of table: its keys, whether each is required, and its rule.
SOURCE_FIELDS: Spec = {
    "title": (True, text),
    "publisher": (True, text),
    "year": (True, integer),
    "document": (False, text),
    "url": (False, web_address),
}
PLATFORM_FIELDS: Spec = {"name": (True, text), "name_nb": (False, text)}
METRIC_FIELDS: Spec = {
    "label_en": (True, text),
    "label_nb": (True, text),
    "unit": (True, text),
    "kind": (True, one_of(METRIC_KINDS)),
    "description": (False, text),
    "description_nb": (False, text),
}
ACCOUNT_FIELDS: Spec = {
    "name": (True, text),
    "aliases": (False, texts),
    "run_by": (False, text),
    "audience": (False, text),
    "description": (False, text),
    "run_by_nb": (False, text),
    "audience_nb": (False, text),
    "description_nb": (False, text),
    "channels": (False, tables),
}
CHANNEL_FIELDS: Spec = {
    "platform": (True, text),
    "handle": (False, text),
    "started": (False, date),
    "status": (False, one_of(STATUSES)),
    "notes": (False, text),
    "notes_nb": (False, text),
    "measurements": (False, tables),
}
MEASUREMENT_FIELDS: Spec = {
    "metric": (True, text),
    "value": (True, number),
    "qualifier": (False, one_of(QUALIFIERS)),
    "high": (False, number),
    "as_of": (True, date),
    "source": (True, text),
    "stated": (False, text),
    "note": (False, text),
    "note_nb": (False, text),
}
EVENT_FIELDS: Spec = {
    "date": (True, date),
    "kind": (True, one_of(EVENT_KINDS)),
    "account": (True, text),
    "platform": (False, text),
    "title": (True, text),
    "title_nb": (False, text),
    "stated": (False, text),
    "source": (True, text),
}
TOP_FIELDS: Spec = {
    "sources": (True, table),
    "platforms": (True, table),
    "metrics": (True, table),
    "accounts": (True, table),
    "events": (False, tables),
}


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    from difflib import get_close_matches  # only needed on the error path

    matches = get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


_Made = TypeVar("_Made")  # what `named_objects` makes of each table: a Source, a Metric…


class _Builder:
    def __init__(self, now: tuple[int, int, int] | None = None) -> None:
        self.problems: list[Problem] = []
        self.today = now or today()  # read once: no date may come after it

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def fields(self, value: object, path: str, spec: Spec) -> dict[str, Any]:
        """The valid fields of one table; every unknown, missing or ill-typed key is a problem."""
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, not {_describe(value)}")
            return {}
        valid: dict[str, Any] = {}
        for key, item in value.items():
            entry = spec.get(key)
            if entry is None:
                guess = nearest(key, spec)
                hint = f"; did you mean {guess!r}?" if guess else f"; known keys: {', '.join(spec)}"
                self.problem(key_path(path, key), f"unknown key{hint}")
                continue
            problem = entry[1](item)
            if problem:
                self.problem(key_path(path, key), problem)
            else:
                valid[key] = item
        for key, (required, _) in spec.items():
            if required and key not in value:
                self.problem(path, f"missing required key {key!r}")
        return valid

    def named_objects(
        self, data: dict[str, Any], section: str, make: Callable[..., _Made]
    ) -> dict[str, _Made | None]:
        """The tables of a section such as [metrics] by slug, each made into its object.

        A table with problems keeps its slug, so references to it are not reported as well,
        but has None for its object.
        """
        spec = _SPECS[section]
        found: dict[str, _Made | None] = {}
        for slug, value in data.get(section, {}).items():
            path = key_path(section, slug)
            mark = len(self.problems)
            if not _SLUG.fullmatch(slug):
                self.problem(path, "a slug must be lowercase letters, digits, '-' or '_'")
            fields = self.fields(value, path, spec)
            found[slug] = make(slug, **fields) if len(self.problems) == mark else None
        return found

    def reference(self, value: str, path: str, what: str, known: Mapping[str, object]) -> None:
        if value not in known:
            guess = nearest(value, known)
            hint = f"; did you mean {guess!r}?" if guess else ""
            self.problem(path, f"unknown {what} {value!r}{hint}")


def build_registry(data: dict[str, Any], path: str) -> Registry:
    """Check parsed TOML against the model; the Registry, or RegistryProblems with every problem."""
    builder = _Builder()
    top = builder.fields(data, "", TOP_FIELDS)
    sources = builder.named_objects(top, "sources", Source)
    platforms = builder.named_objects(top, "platforms", Platform)
    metrics = builder.named_objects(top, "metrics", Metric)
    accounts: dict[str, Account | None] = {}
    for slug, value in top.get("accounts", {}).items():
        accounts[slug] = _account(builder, slug, value, sources, platforms, metrics)
    _check_names(builder, accounts)
    events = tuple(
        _event(builder, f"events[{index}]", value, accounts, platforms, sources)
        for index, value in enumerate(top.get("events", []))
    )
    if builder.problems:
        raise RegistryProblems(path, builder.problems)
    # Without problems nothing is None; the casts say so to the type checker at no cost.
    return Registry(
        path,
        cast("dict[str, Account]", accounts),
        cast("dict[str, Metric]", metrics),
        cast("dict[str, Platform]", platforms),
        cast("dict[str, Source]", sources),
        cast("tuple[Event, ...]", events),
    )


def _account(
    builder: _Builder,
    slug: str,
    value: object,
    sources: dict[str, Source | None],
    platforms: dict[str, Platform | None],
    metrics: dict[str, Metric | None],
) -> Account | None:
    path = key_path("accounts", slug)
    mark = len(builder.problems)
    if not _SLUG.fullmatch(slug):
        builder.problem(path, "a slug must be lowercase letters, digits, '-' or '_'")
    fields = builder.fields(value, path, ACCOUNT_FIELDS)
    channels = []
    seen_platforms: dict[str, int] = {}
    for index, channel_value in enumerate(fields.pop("channels", [])):
        channel = _channel(
            builder, slug, index, channel_value, seen_platforms, sources, platforms, metrics
        )
        if channel is not None and len(builder.problems) == mark:
            channels.append(channel)
    if len(builder.problems) > mark:
        return None
    fields["aliases"] = tuple(fields.get("aliases", ()))
    return Account(slug, channels=tuple(channels), **fields)


def _channel(
    builder: _Builder,
    slug: str,
    index: int,
    value: object,
    seen_platforms: dict[str, int],
    sources: Mapping[str, Source | None],
    platforms: Mapping[str, Platform | None],
    metrics: Mapping[str, Metric | None],
) -> Channel | None:
    """The account's `index`th channel, or None with its problems noted; `seen_platforms`
    maps each platform to the first of the account's channels on it."""
    path = key_path("accounts", slug)
    channel_path = f"{path}.channels[{index}]"
    mark = len(builder.problems)
    channel = builder.fields(value, channel_path, CHANNEL_FIELDS)
    platform = channel.get("platform")
    if platform is not None:
        builder.reference(platform, f"{channel_path}.platform", "platform", platforms)
        if platform in seen_platforms:
            builder.problem(
                f"{channel_path}.platform",
                f"{path}.channels[{seen_platforms[platform]}] is already on {platform!r}; "
                "an account has one channel a platform",
            )
        seen_platforms.setdefault(platform, index)
    measurements = tuple(
        _measurement(builder, f"{channel_path}.measurements[{i}]", m, sources, metrics)
        for i, m in enumerate(channel.pop("measurements", []))
    )
    _check_conflicts(builder, channel_path, measurements)
    _check_started(builder, channel_path, channel.get("started"), measurements)
    if len(builder.problems) > mark:
        return None
    checked = cast("tuple[Measurement, ...]", measurements)  # no problem: no None
    return Channel(slug, measurements=checked, **channel)


def build_channel(registry: Registry, account: str, index: int, value: object) -> Channel:
    """The `index`th channel of `account` made from the parsed table `value` and checked as
    loading the whole registry would check it (its platform unique in the account, its
    figures' metrics and sources known, no two figures for one date); RegistryProblems
    otherwise. For a writer that changed one channel and left the rest as it was."""
    builder = _Builder()
    others = registry.accounts[account].channels
    seen = {c.platform: i for i, c in enumerate(others) if i != index}
    made = _channel(
        builder,
        account,
        index,
        value,
        seen,
        registry.sources,
        registry.platforms,
        registry.metrics,
    )
    if made is None:
        raise RegistryProblems(registry.path, builder.problems)
    return made


_MEASUREMENT_KEYS = frozenset(MEASUREMENT_FIELDS)
_MEASUREMENT_REQUIRED = frozenset(k for k, (required, _) in MEASUREMENT_FIELDS.items() if required)
_NUMBER_TYPES = (int, float)


def _valid_measurement(
    value: object,
    sources: Mapping[str, Source | None],
    metrics: Mapping[str, Metric | None],
    now: tuple[int, int, int] | None = None,
) -> Measurement | None:
    """The measurement when it passes every check, else None for the full check to explain.

    A large registry is mostly measurements, so the common case of a correct one is checked
    here in a few comparisons; it must never accept what `_measurement` would refuse.
    """
    if type(value) is not dict:
        return None
    keys = value.keys()
    if not (keys <= _MEASUREMENT_KEYS and keys >= _MEASUREMENT_REQUIRED):
        return None
    metric_slug, low, as_of, source = (
        value["metric"],
        value["value"],
        value["as_of"],
        value["source"],
    )
    if type(metric_slug) is not str or type(source) is not str or type(as_of) is not str:
        return None
    metric = metrics.get(metric_slug)
    if metric is None or sources.get(source) is None or date_problem(as_of):
        return None
    if period_start(as_of) > (now or today()):
        return None
    qualifier = value.get("qualifier", "exact")
    high = value.get("high")
    if qualifier == "range":
        if type(high) not in _NUMBER_TYPES:
            return None
    elif high is not None or qualifier not in QUALIFIERS:
        return None
    if type(low) not in _NUMBER_TYPES:
        return None
    # Chained comparisons are false for nan and infinities, and exact for an int of any size.
    ceiling = 100 if metric.unit == "percent" else MAX_NUMBER
    if not 0 <= low <= ceiling or (high is not None and not low < high <= ceiling):
        return None
    if metric.unit != "percent" and (_fraction(low) or _fraction(high)):
        return None
    for key in ("stated", "note", "note_nb"):
        if key in value and text(value[key]):
            return None
    # The few metrics, dates, sources and qualifiers that thousands of figures repeat become
    # one string each: less memory, and the parse cache stores each once.
    return Measurement(
        intern(metric_slug),
        low,
        intern(as_of),
        intern(source),
        intern(qualifier),
        high,
        value.get("stated"),
        value.get("note"),
        value.get("note_nb"),
    )


def check_figure(
    registry: Registry, figure: Measurement, started: str | None = None
) -> list[tuple[str, str]]:
    """Every problem of one figure for a channel started on `started`, as (field, message):
    what loading would say of it, for a writer that names the row or option at fault."""
    builder = _Builder()
    value = {k: v for k, v in figure._asdict().items() if v is not None}
    if value.get("qualifier") == "exact":
        del value["qualifier"]
    made = _checked_measurement(builder, "", value, registry.sources, registry.metrics)
    if made is not None:
        _check_started(builder, "", started, (made,))
    return [(p.path.rpartition(".")[2] or "row", p.message) for p in builder.problems]


def _fraction(number: object) -> bool:
    """Whether `number` has a fractional part: a count cannot (a percentage may)."""
    return type(number) is float and not number.is_integer()


def _measurement(
    builder: _Builder,
    path: str,
    value: object,
    sources: Mapping[str, Source | None],
    metrics: Mapping[str, Metric | None],
) -> Measurement | None:
    valid = _valid_measurement(value, sources, metrics, builder.today)
    if valid is not None:
        return valid
    return _checked_measurement(builder, path, value, sources, metrics)


def _checked_measurement(
    builder: _Builder,
    path: str,
    value: object,
    sources: Mapping[str, Source | None],
    metrics: Mapping[str, Metric | None],
) -> Measurement | None:
    """The full check of one measurement, reporting every problem with its place."""
    mark = len(builder.problems)
    fields = builder.fields(value, path, MEASUREMENT_FIELDS)
    if "as_of" in fields and (future := future_problem(fields["as_of"], builder.today)):
        builder.problem(f"{path}.as_of", future)
    metric_slug = fields.get("metric")
    if metric_slug is not None:
        builder.reference(metric_slug, f"{path}.metric", "metric", metrics)
    if "source" in fields:
        builder.reference(fields["source"], f"{path}.source", "source", sources)
    qualifier = fields.get("qualifier", "exact")
    low, high = fields.get("value"), fields.get("high")
    has_high = isinstance(value, dict) and "high" in value
    if qualifier == "range" and not has_high:
        builder.problem(path, "a range needs 'high', the upper end of the range")
    if qualifier != "range" and has_high:
        builder.problem(f"{path}.high", "'high' is only for qualifier = \"range\"")
    if qualifier == "range" and low is not None and high is not None and low > high:
        builder.problem(f"{path}.high", f"the range's high end {high} is below its low end {low}")
    elif qualifier == "range" and low is not None and low == high:
        builder.problem(
            f"{path}.high", f"the range's ends are both {low}; write it as an exact figure"
        )
    metric = metrics.get(metric_slug) if metric_slug is not None else None
    for key, number_ in (("value", low), ("high", high)):
        if number_ is None or metric is None:
            continue
        if number_ < 0:
            below = f"{number_} is negative; a figure of {metric_slug} is never below 0"
            builder.problem(f"{path}.{key}", below)
        elif metric.unit == "percent" and number_ > 100:
            builder.problem(
                f"{path}.{key}", f"{number_} is over 100; {metric_slug} is a percentage"
            )
        elif metric.unit != "percent" and _fraction(number_):
            builder.problem(
                f"{path}.{key}",
                f"{number_} is not a whole number; {metric_slug} are counted in whole numbers",
            )
    return Measurement(**fields) if len(builder.problems) == mark else None


def _check_conflicts(
    builder: _Builder, channel_path: str, measurements: tuple[Measurement | None, ...]
) -> None:
    """One channel may state one figure per metric and date."""
    seen: dict[tuple[str, str], int] = {}
    for index, measurement in enumerate(measurements):
        if measurement is None:
            continue
        key = (measurement.metric, measurement.as_of)
        if key not in seen:
            seen[key] = index
            continue
        first = seen[key]
        verb = "repeats" if measurements[first] == measurement else "contradicts"
        builder.problem(
            f"{channel_path}.measurements[{index}]",
            f"{verb} measurements[{first}]: {measurement.metric} as of {measurement.as_of} "
            "is stated twice",
        )


def _check_started(
    builder: _Builder,
    channel_path: str,
    started: str | None,
    measurements: tuple[Measurement | None, ...],
) -> None:
    """No figure can describe a time wholly before its channel started."""
    if started is None:
        return
    for index, measurement in enumerate(measurements):
        if measurement is not None and period_end(measurement.as_of) < period_start(started):
            builder.problem(
                f"{channel_path}.measurements[{index}].as_of",
                f"{measurement.as_of} is before the channel started ({started})",
            )


def _check_names(builder: _Builder, accounts: dict[str, Account | None]) -> None:
    """A slug, display name or alias must lead to exactly one account."""
    owner: dict[str, str] = {slug: slug for slug in accounts}
    for slug, account in accounts.items():
        if account is None:
            continue
        path = key_path("accounts", slug)
        names = [(f"{path}.name", account.name)]
        names += [(f"{path}.aliases[{i}]", alias) for i, alias in enumerate(account.aliases)]
        for place, name in names:
            other = owner.setdefault(name.strip().casefold(), slug)
            if other != slug:
                builder.problem(place, f"{name!r} already names account {other!r}")


def _event(
    builder: _Builder,
    path: str,
    value: object,
    accounts: dict[str, Account | None],
    platforms: dict[str, Platform | None],
    sources: dict[str, Source | None],
) -> Event | None:
    mark = len(builder.problems)
    fields = builder.fields(value, path, EVENT_FIELDS)
    if "date" in fields and (future := future_problem(fields["date"], builder.today)):
        builder.problem(f"{path}.date", future)
    slug = fields.get("account")
    if slug is not None:
        builder.reference(slug, f"{path}.account", "account", accounts)
    account = accounts.get(slug) if slug is not None else None
    platform = fields.get("platform")
    if account is not None and platform is not None and platform not in account.platforms:
        builder.problem(
            f"{path}.platform",
            f"account {slug!r} has no channel on {platform!r} "
            f"(it has: {', '.join(account.platforms) or 'none'})",
        )
    if "source" in fields:
        builder.reference(fields["source"], f"{path}.source", "source", sources)
    return Event(**fields) if len(builder.problems) == mark else None


_SPECS: dict[str, Spec] = {
    "sources": SOURCE_FIELDS,
    "platforms": PLATFORM_FIELDS,
    "metrics": METRIC_FIELDS,
}
