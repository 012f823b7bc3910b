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
from navsome.errors import Message, MetricName, Problem, RegistryProblems, key_path, outside_text
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

# A field rule checks one value, of whatever type the TOML holds, and returns why it is wrong
# (a template with its values, which the command line words in the reader's language), or None.
Rule = Callable[[object], "Message | None"]
# A kind of table: its keys, whether each is required, and its rule.
Spec = dict[str, tuple[bool, Rule]]

# The kinds of value a problem names, each a Message the command line words ("a string" is
# "tekst" in Norwegian).
A_BOOLEAN = Message("a boolean")
AN_INTEGER = Message("an integer")
A_NUMBER = Message("a number")
A_STRING = Message("a string")
AN_ARRAY = Message("an array")
A_TABLE = Message("a table")
_KINDS: dict[type, Message] = {
    bool: A_BOOLEAN,
    int: AN_INTEGER,
    float: A_NUMBER,
    str: A_STRING,
    list: AN_ARRAY,
    dict: A_TABLE,
}


def _describe(value: object) -> Message:
    """The kind of `value` as a problem names it: "a string"; a TOML date or time by Python's
    name for it ("date", "time", "datetime"), which the catalogue words too."""
    return _KINDS.get(type(value)) or outside_text(type(value).__name__)


def _not(expected: Message, value: object) -> Message:
    """`value` is not of the kind `expected`: "must be a string, not an integer"."""
    return Message("must be {expected}, not {found}", expected=expected, found=_describe(value))


MAX_TEXT = 10_000  # characters; registry text is names and notes, never documents


def text(value: object) -> Message | None:
    if not isinstance(value, str):
        return _not(A_STRING, value)
    if len(value) > MAX_TEXT:
        return Message(
            "is {length:,} characters long; at most {most:,}", length=len(value), most=MAX_TEXT
        )
    return Message("must not be empty") if not value.strip() else None


def _item(value: object) -> Message | None:
    """What `text` finds wrong with `value`, said of an item of an array (which Norwegian
    words differently: "et element kan ikke være tomt")."""
    if not isinstance(value, str):
        return Message(
            "an item must be {expected}, not {found}", expected=A_STRING, found=_describe(value)
        )
    if len(value) > MAX_TEXT:
        return Message(
            "an item is {length:,} characters long; at most {most:,}",
            length=len(value),
            most=MAX_TEXT,
        )
    return Message("an item must not be empty") if not value.strip() else None


# Every number the model takes lies within ±MAX_NUMBER: far beyond any audience or year, and
# far below float overflow (about 1.8e308), so midpoints, sums and JSON stay finite. An int and
# a float compare exactly in Python, so the bound is checked without converting a huge integer.
MAX_NUMBER = 10**15


def _out_of_range() -> Message:
    return Message("is out of range; a number must lie between -1e15 and 1e15")


def number(value: object) -> Message | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _not(A_NUMBER, value)
    if isinstance(value, float) and not math.isfinite(value):
        return Message("must be a finite number")
    return None if -MAX_NUMBER <= value <= MAX_NUMBER else _out_of_range()


def integer(value: object) -> Message | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return _not(AN_INTEGER, value)
    return None if -MAX_NUMBER <= value <= MAX_NUMBER else _out_of_range()


def date(value: object) -> Message | None:
    if not isinstance(value, str):
        return text(value)  # "must be a string, not …"
    return text(value) or date_problem(value)


def texts(value: object) -> Message | None:
    if not isinstance(value, list):
        return Message("must be an array of strings, not {found}", found=_describe(value))
    for item in value:
        if problem := _item(item):
            return Message("must be an array of non-empty strings; {problem}", problem=problem)
    return None


def one_of(choices: tuple[str, ...]) -> Rule:
    def rule(value: object) -> Message | None:
        if problem := text(value):
            return problem
        if value not in choices:
            return Message(
                "{value!r} is not one of {choices}", value=value, choices=", ".join(choices)
            )
        return None

    return rule


_WEB_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s]*")


def web_address(value: object) -> Message | None:
    """An address a reader can open: http(s)://host.domain/…, no spaces."""
    problem = text(value)
    if problem is None and not _WEB_ADDRESS.fullmatch(str(value)):
        return Message(
            "{value!r} is not a web address; write it in full, such as https://www.nav.no/",
            value=value,
        )
    return problem


def tables(value: object) -> Message | None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return Message("must be an array of tables ([[…]]), not {found}", found=_describe(value))
    return None


def table(value: object) -> Message | None:
    return None if isinstance(value, dict) else _not(A_TABLE, value)


# Each kind of table: its keys, whether each is required, and its rule.
SOURCE_FIELDS: Spec = {
    "title": (True, text),
    "publisher": (True, text),
    "year": (True, integer),
    "document": (False, text),
    "url": (False, web_address),
    "title_nb": (False, text),
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

    def problem(self, path: str, message: Message) -> None:
        self.problems.append(Problem(path, message))

    def fields(self, value: object, path: str, spec: Spec) -> dict[str, Any]:
        """The valid fields of one table; every unknown, missing or ill-typed key is a problem."""
        if not isinstance(value, dict):
            self.problem(path, _not(A_TABLE, value))
            return {}
        valid: dict[str, Any] = {}
        for key, item in value.items():
            entry = spec.get(key)
            if entry is None:
                guess = nearest(key, spec)
                if guess:
                    unknown = Message("unknown key; did you mean {guess!r}?", guess=guess)
                else:
                    unknown = Message("unknown key; known keys: {known}", known=", ".join(spec))
                self.problem(key_path(path, key), unknown)
                continue
            problem = entry[1](item)
            if problem:
                self.problem(key_path(path, key), problem)
            else:
                valid[key] = item
        for key, (required, _) in spec.items():
            if required and key not in value:
                self.problem(path, Message("missing required key {key!r}", key=key))
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
                self.problem(path, _bad_slug())
            fields = self.fields(value, path, spec)
            found[slug] = make(slug, **fields) if len(self.problems) == mark else None
        return found

    def reference(self, value: str, path: str, what: str, known: Mapping[str, object]) -> None:
        """A problem at `path` unless `value` names one of `known`, the registry's `what`s
        (account, platform, metric or source)."""
        if value in known:
            return
        guess = nearest(value, known)
        hint = Message("; did you mean {name!r}?", name=guess) if guess else ""
        if what == "account":
            unknown = Message("unknown account {name!r}{hint}", name=value, hint=hint)
        elif what == "platform":
            unknown = Message("unknown platform {name!r}{hint}", name=value, hint=hint)
        elif what == "metric":
            unknown = Message("unknown metric {name!r}{hint}", name=value, hint=hint)
        else:
            unknown = Message("unknown source {name!r}{hint}", name=value, hint=hint)
        self.problem(path, unknown)


def _bad_slug() -> Message:
    return Message("a slug must be lowercase letters, digits, '-' or '_'")


def build_registry(data: dict[str, Any], path: str) -> Registry:
    """Check parsed TOML against the model; the Registry, or RegistryProblems with every problem."""
    builder = _Builder()
    top = builder.fields(data, "", TOP_FIELDS)
    sources = builder.named_objects(top, "sources", Source)
    for slug, source in sources.items():
        if source is not None and source.year > builder.today[0]:
            builder.problem(
                f"{key_path('sources', slug)}.year",
                Message(
                    "{year} is after this year ({this}); a source is dated by the year it was "
                    "published",
                    year=source.year,
                    this=builder.today[0],
                ),
            )
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
        builder.problem(path, _bad_slug())
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
                Message(
                    "{other} is already on {platform!r}; an account has one channel a platform",
                    other=f"{path}.channels[{seen_platforms[platform]}]",
                    platform=platform,
                ),
            )
        seen_platforms.setdefault(platform, index)
    measurements = tuple(
        _measurement(builder, f"{channel_path}.measurements[{i}]", m, sources, metrics)
        for i, m in enumerate(channel.pop("measurements", []))
    )
    _check_conflicts(builder, channel_path, measurements, metrics)
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
) -> list[tuple[str, Message]]:
    """Every problem of one figure for a channel started on `started`, as (field, message):
    what loading would say of it, for a writer that names the row or option at fault."""
    builder = _Builder()
    value = {k: v for k, v in figure._asdict().items() if v is not None}
    if value.get("qualifier") == "exact":
        del value["qualifier"]
    made = _checked_measurement(builder, "", value, registry.sources, registry.metrics)
    if made is not None:
        _check_started(builder, "", started, (made,))
    return [
        (p.path.rpartition(".")[2] or "row", cast("Message", p.message)) for p in builder.problems
    ]


def _named(metric: Metric) -> MetricName:
    """A metric as the registry's checks name it: by its slug in English, as they always have
    (no English label given, so the command line says the slug too), and by its label in
    Norwegian."""
    return MetricName(metric.slug, ("", metric.label_nb))


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
        builder.problem(path, Message("a range needs 'high', the upper end of the range"))
    if qualifier != "range" and has_high:
        builder.problem(f"{path}.high", Message("'high' is only for qualifier = \"range\""))
    if qualifier == "range" and low is not None and high is not None and low > high:
        builder.problem(
            f"{path}.high",
            Message("the range's high end {high} is below its low end {low}", high=high, low=low),
        )
    elif qualifier == "range" and low is not None and low == high:
        builder.problem(
            f"{path}.high",
            Message("the range's ends are both {low}; write it as an exact figure", low=low),
        )
    metric = metrics.get(metric_slug) if metric_slug is not None else None
    for key, number_ in (("value", low), ("high", high)):
        if number_ is None or metric is None:
            continue
        named = _named(metric)
        if number_ < 0:
            builder.problem(
                f"{path}.{key}",
                Message(
                    "{number} is negative; a figure of {metric} is never below 0",
                    number=number_,
                    metric=named,
                ),
            )
        elif metric.unit == "percent" and number_ > 100:
            builder.problem(
                f"{path}.{key}",
                Message(
                    "{number} is over 100; {metric} is a percentage", number=number_, metric=named
                ),
            )
        elif metric.unit != "percent" and _fraction(number_):
            builder.problem(
                f"{path}.{key}",
                Message(
                    "{number} is not a whole number; {metric} are counted in whole numbers",
                    number=number_,
                    metric=named,
                ),
            )
    return Measurement(**fields) if len(builder.problems) == mark else None


def _check_conflicts(
    builder: _Builder,
    channel_path: str,
    measurements: tuple[Measurement | None, ...],
    metrics: Mapping[str, Metric | None],
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
        metric = metrics.get(measurement.metric)
        values = {
            "first": first,
            "metric": _named(metric) if metric is not None else measurement.metric,
            "as_of": measurement.as_of,
        }
        if measurements[first] == measurement:
            twice = Message(
                "repeats measurements[{first}]: {metric} as of {as_of} is stated twice", **values
            )
        else:
            twice = Message(
                "contradicts measurements[{first}]: {metric} as of {as_of} is stated twice",
                **values,
            )
        builder.problem(f"{channel_path}.measurements[{index}]", twice)


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
                Message(
                    "{as_of} is before the channel started ({started})",
                    as_of=measurement.as_of,
                    started=started,
                ),
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
                builder.problem(
                    place,
                    Message("{name!r} already names account {other!r}", name=name, other=other),
                )


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
            Message(
                "account {account!r} has no channel on {platform!r} (it has: {platforms})",
                account=slug,
                platform=platform,
                platforms=", ".join(account.platforms) or Message("none"),
            ),
        )
    if "source" in fields:
        builder.reference(fields["source"], f"{path}.source", "source", sources)
    return Event(**fields) if len(builder.problems) == mark else None


_SPECS: dict[str, Spec] = {
    "sources": SOURCE_FIELDS,
    "platforms": PLATFORM_FIELDS,
    "metrics": METRIC_FIELDS,
}
