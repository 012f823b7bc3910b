"""`navsome import`: many figures into the registry in one write, with every guarantee `record`
gives (validated first, locked, atomic, compare-and-swap, comments and layout kept).

Rows arrive already read (navsome/rows_in.py reads CSV and JSON). Each is checked on its own and
against the registry, every problem is reported with its row, and only a batch without problems
is written: one text edit over every channel it touches. Each section replaced must be its
channel's (its platform, as many figures), and each new section, parsed and checked as loading
checks it, must be exactly the channel with its new figures; else tomlkit makes the edit and the
whole new file is checked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from navsome.dates import date_key
from navsome.errors import Message, MetricName, NavsomeError, UnknownName
from navsome.model import Channel, Measurement, Registry
from navsome.registry.read import DEFAULT_MAX_BYTES
from navsome.registry.record import (
    as_stored,
    previous_figure,
    same_figure,
    tenfold,
)
from navsome.registry.rewrite import DEFAULT_LOCK_TIMEOUT, rewrite


class Row(NamedTuple):
    """One figure to import, as read: where it came from, and its channel and figure."""

    where: str  # FILE:LINE, for messages
    channel: str  # ACCOUNT/PLATFORM
    figure: Measurement


class Unread(NamedTuple):
    """A row that could not be read whole: the names it gives, as typed, are still checked, so
    that one run reports every problem of the row."""

    where: str
    channel: str | None
    metric: str | None
    source: str | None


class Planned(NamedTuple):
    """What importing one row does: added, replaced, unchanged, or conflict (another figure
    for that date is there, and --replace was not given)."""

    row: Row
    action: str
    channel: str  # the channel's id as the registry names it
    figure: Measurement  # as stored
    existing: Measurement | None
    unit: str  # the metric's
    previous: Measurement | None = None  # the figure before it in time, as record finds it
    labels: tuple[str, str] = ("", "")  # the metric's label in English and Norwegian

    @property
    def tenfold(self) -> bool:
        return tenfold(self.figure, self.previous)


class RowProblem(NamedTuple):
    """One problem of the rows to import: where (FILE:LINE, FILE[N] for JSON, or FILE for the
    file as a whole), the column it is in (none for the file; Message("row") for a row as a
    whole), and what, as a template (or an error) the command line words; str() is the
    English line, `FILE:LINE: column: message`."""

    where: str
    column: str | Message
    message: Message | NavsomeError

    def __str__(self) -> str:
        parts = (self.where, self.column, self.message)
        return ": ".join(str(part) for part in parts if str(part))


class ImportRefused(NavsomeError):
    """Rows that cannot be imported, each a RowProblem; nothing was written."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        if count == 1:
            super().__init__("nothing was imported; {count} problem:", count=count)
        else:
            super().__init__("nothing was imported; {count} problems:", count=count)

    def __str__(self) -> str:
        return super().__str__() + "".join(f"\n  {problem}" for problem in self.problems)


def import_rows(
    path: Path,
    rows: Sequence[Row],
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
    problems: Sequence[RowProblem] = (),
    waiting: Callable[[int | None], None] | None = None,
    unread: Sequence[Unread] = (),
) -> list[Planned]:
    """Import `rows` into the registry at `path`, all or none; what each row does. With
    `dry_run` nothing is written (and no lock taken); conflicts are then planned, not refused.
    `problems` of rows that could not even be read are reported with the rest, and so are the
    names those rows give (`unread`) that the registry does not know."""

    if dry_run:
        from navsome.registry.read import load_registry

        registry = load_registry(path, max_bytes, cache_dir)
        return _plan(registry, rows, replace, False, [*problems, *_unknown(registry, unread)])

    def change(text: str, registry: Registry) -> tuple[list[Planned], tuple[str, Registry] | None]:
        plan = _plan(registry, rows, replace, True, [*problems, *_unknown(registry, unread)])
        changes = [p for p in plan if p.action in ("added", "replaced")]
        if not changes:
            return plan, None
        return plan, _edited_batch(text, str(path), registry, changes)

    return rewrite(
        path,
        change,
        Message("the figures were imported"),
        lock_timeout,
        waiting,
        max_bytes=max_bytes,
        cache_dir=cache_dir,
    )


# Why a name a row gives is not one the registry knows: the column, and what to say.
Unknown = tuple[str, Message | NavsomeError]


def _unknown(registry: Registry, unread: Sequence[Unread]) -> list[RowProblem]:
    """What the registry does not know among the names of rows that could not be read."""
    found = []
    for row in unread:
        if row.channel is not None and "/" in row.channel:
            channel = _channel_named(registry, row.channel)
            if not isinstance(channel, Channel):
                found.append(RowProblem(row.where, *channel))
        if row.metric is not None:
            metric = _metric_named(registry, row.metric)
            if not isinstance(metric, str):
                found.append(RowProblem(row.where, "metric", metric))
        if row.source is not None and row.source not in registry.sources:
            unknown = Message(
                "unknown source {source!r} (known: {known})",
                source=row.source,
                known=", ".join(registry.sources),
            )
            found.append(RowProblem(row.where, "source", unknown))
    return found


def _channel_named(registry: Registry, text: str) -> Channel | Unknown:
    """The channel ACCOUNT/PLATFORM names, read as everywhere (query.find_channel), or the
    problem to report for its row."""
    from navsome.query import find_channel

    try:
        return find_channel(registry, text)
    except UnknownName as error:
        if error.kind == "account":
            return "account", Message("no account {name!r}", name=error.name)
        account, _, platform = error.name.rpartition("/")
        have = ", ".join(c.rpartition("/")[2] for c in error.choices) or Message("none")
        return "platform", Message(
            "{account} has no channel on {platform!r} (it has: {have})",
            account=account,
            platform=platform,
            have=have,
        )
    except NavsomeError as error:  # no slash, or a name that could be several
        return "channel", error


def _metric_named(registry: Registry, text: str) -> str | Message | NavsomeError:
    """The slug of the metric `text` names, or the problem to report for its row."""
    from navsome.query import check_metric

    try:
        return check_metric(registry, text)
    except UnknownName as error:
        guess = (
            Message("; did you mean {name!r}?", name=error.suggestions[0])
            if error.suggestions  # a name close to none has no guess
            else ""
        )
        return Message(
            "unknown metric {metric!r}{guess} (known: {known})",
            metric=text,
            guess=guess,
            known=", ".join(registry.metrics),
        )
    except NavsomeError as error:
        return error


def _plan(
    registry: Registry,
    rows: Sequence[Row],
    replace: bool,
    refuse_conflicts: bool,
    read_problems: Sequence[RowProblem] = (),
) -> list[Planned]:
    """What each row does, or ImportRefused listing every row that cannot be imported (those
    of `read_problems` among them, in the order of the file)."""
    from navsome.registry.schema import check_figure

    problems: list[RowProblem] = list(read_problems)
    plan: list[Planned] = []
    seen: dict[tuple[str, str, str], str] = {}
    batch: dict[str, list[Measurement]] = {}  # each channel's figures from earlier rows
    named: dict[str, Channel | Unknown] = {}  # each channel named once: it, or why not
    metrics: dict[str, str | Message | NavsomeError] = {}  # each metric: its slug, or why not
    for row in rows:
        if row.channel not in named:
            named[row.channel] = _channel_named(registry, row.channel)
        channel = named[row.channel]
        if not isinstance(channel, Channel):
            problems.append(RowProblem(row.where, *channel))
            continue
        typed = row.figure.metric
        if typed not in metrics:
            metrics[typed] = _metric_named(registry, typed)
        slug = metrics[typed]
        if not isinstance(slug, str):
            problems.append(RowProblem(row.where, "metric", slug))
            continue
        metric = registry.metrics[slug]
        labels = (metric.label_en, metric.label_nb)
        named_metric = MetricName(slug, labels)  # by its label, in the reader's language
        row = row._replace(figure=row.figure._replace(metric=slug))
        figure = as_stored(row.figure, metric.unit)
        found = check_figure(registry, figure, channel.started)
        if found:  # the registry's checks, each a template the command line words
            problems += [RowProblem(row.where, column, said) for column, said in found]
            continue
        key = (channel.id, figure.metric, figure.as_of)
        if key in seen:
            also = Message(
                "{metric} of {channel} as of {as_of} is also on {other}",
                metric=named_metric,
                channel=channel.id,
                as_of=figure.as_of,
                other=seen[key],
            )
            problems.append(RowProblem(row.where, "as_of", also))
            continue
        seen[key] = row.where
        existing = next((m for m in channel.measurements if (m.metric, m.as_of) == key[1:]), None)
        if existing is None:
            action = "added"
        elif same_figure(existing, figure):
            action = "unchanged"
        elif replace:
            action = "replaced"
        else:
            action = "conflict"
            if refuse_conflicts:
                conflict = Message(
                    "{channel} already has {metric} {value} as of {as_of}; pass --replace to "
                    "replace it",
                    channel=channel.id,
                    metric=named_metric,
                    value=existing.value,
                    as_of=figure.as_of,
                )
                problems.append(RowProblem(row.where, "value", conflict))
                continue
        so_far = [*channel.measurements, *batch.get(channel.id, [])]
        previous = previous_figure(so_far, figure, metric.kind == "period")
        batch.setdefault(channel.id, []).append(figure)
        plan.append(
            Planned(row, action, channel.id, figure, existing, metric.unit, previous, labels)
        )
    if problems:
        raise ImportRefused(sorted(problems, key=_place))
    return plan


def _place(problem: RowProblem) -> tuple[int, str]:
    """A problem's row (FILE:LINE, or FILE[N] for JSON), to report them in the file's order."""
    found = re.search(r"(?::(\d+)|\[(\d+)\])$", problem.where)
    return (int(found[1] or found[2]) if found else 0, str(problem))


def _edited_batch(
    text: str, name: str, registry: Registry, changes: Sequence[Planned]
) -> tuple[str, Registry]:
    """The text and registry with every change: one text edit over every channel it touches,
    checked as `record` checks its one (record.edited_registry), but for the sections it
    replaced: their channel's platform and as many figures, not a parse of each."""
    from navsome.registry.record import Changes, RecordRefused, edited_registry, text_requests
    from navsome.registry.text_edit import edit_channels

    by_channel: Changes = {}
    for change in sorted(changes, key=lambda p: date_key(p.figure.as_of)):
        account, _, platform = change.channel.rpartition("/")
        index = registry.accounts[account].platforms.index(platform)
        adds, replaces = by_channel.setdefault((account, index), ([], {}))
        if change.existing is None:
            adds.append(change.figure)
        else:
            figures = registry.accounts[account].channels[index].measurements
            replaces[figures.index(change.existing)] = change.figure
    cannot = RecordRefused(
        "{file}: not imported; navsome cannot add figures to the way some of the channels "
        "are written. Write each channel as a [[accounts.ACCOUNT.channels]] table and its "
        "figures as [[accounts.ACCOUNT.channels.measurements]] tables, then import again.",
        file=name,
    )
    edited = edit_channels(text, text_requests(by_channel))
    return edited_registry(text, name, registry, by_channel, edited, cannot, whole_sections=False)
