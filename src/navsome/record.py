"""`navsome record`: add one figure to the registry file, keeping its comments and layout.

The new file is checked in full before it is written, written atomically under a lock, and
re-read first if it changed on disk since it was read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .errors import NavsomeError, RegistryError, UsageError
from .locate import line_numbers, line_of
from .model import Channel, Measurement, Number
from .query import check_metric, find_account
from .registry import installed_registry, parse_toml, read_text
from .schema import build_registry
from .storage import locked, replace_atomically

ATTEMPTS = 5


class RecordConflict(NavsomeError):
    """The channel already has another figure for this metric and date."""


class RecordRefused(NavsomeError):
    """The figure would make the registry invalid."""


class Recorded(NamedTuple):
    action: str  # "added", "replaced" or "unchanged"
    channel: Channel
    measurement: Measurement
    unit: str


def record(
    path: Path,
    channel_name: str,
    figure: Measurement,
    replace: bool = False,
    before_write: Callable[[], None] | None = None,
) -> Recorded:
    """Add `figure` to the channel named `ACCOUNT/PLATFORM` in the registry at `path`.

    `before_write` runs just before the file is replaced; tests use it to change the file
    under a running record.
    """
    if installed_registry() is not None and path.resolve() == installed_registry():
        raise UsageError(
            f"{path} is the registry installed with navsome and is not edited in place. "
            "Copy it somewhere, then record into the copy with --registry PATH or "
            "NAVSOME_REGISTRY=PATH."
        )
    try:
        return _record_locked(path, channel_name, figure, replace, before_write)
    except OSError as error:
        where = error.filename or path
        raise NavsomeError(
            f"{where}: cannot write the registry: {error.strerror or error}. Nothing was changed."
        ) from None


def _record_locked(
    path: Path,
    channel_name: str,
    figure: Measurement,
    replace: bool,
    before_write: Callable[[], None] | None,
) -> Recorded:
    with locked(path):
        for _ in range(ATTEMPTS):
            text = read_text(path)
            outcome, new_text = _with_figure(text, str(path), channel_name, figure, replace)
            if new_text is None:
                return outcome
            if before_write is not None:
                before_write()
            if read_text(path) != text:
                continue  # changed on disk since we read it (a hand edit): start again from it
            replace_atomically(path, new_text.encode("utf-8"))
            return outcome
    raise NavsomeError(f"{path} kept changing while the figure was recorded; try again.")


def _with_figure(
    text: str, name: str, channel_name: str, figure: Measurement, replace: bool
) -> tuple[Recorded, str | None]:
    """What recording does to `text`: the outcome, and the new text (None when unchanged)."""
    registry = build_registry(parse_toml(text, name), name)
    account_name, _, platform = channel_name.rpartition("/")
    if not account_name or not platform:
        raise UsageError(
            f"give the channel as ACCOUNT/PLATFORM, e.g. jobblyst/facebook, not {channel_name!r}."
        )
    account = find_account(registry, account_name)
    platforms = [channel.platform for channel in account.channels]
    if platform not in platforms:
        raise UsageError(
            f"{account.slug} has no channel on {platform!r}; its channels: "
            + ", ".join(f"{account.slug}/{p}" for p in platforms)
            + "."
        )
    check_metric(registry, figure.metric)
    index = platforms.index(platform)
    channel = account.channels[index]
    same_date = [
        i for i, m in enumerate(channel.measurements)
        if m.metric == figure.metric and m.as_of == figure.as_of
    ]  # fmt: skip
    if same_date:
        old = channel.measurements[same_date[0]]
        if _same_figure(old, figure):
            return Recorded("unchanged", channel, old, registry.metrics[old.metric].unit), None
        if not replace:
            from .text import format_figure

            raise RecordConflict(
                f"{channel.id} already has {figure.metric} {format_figure(old)} as of "
                f"{figure.as_of}; pass --replace to replace it with {format_figure(figure)}."
            )
    new_text = _edit(text, account.slug, index, same_date[0] if same_date else None, figure)
    try:
        build_registry(parse_toml(new_text, name), name)
    except RegistryError as error:
        lines = line_numbers(new_text)
        problems = [p._replace(line=line_of(p.path, lines)) for p in error.problems]
        raise RecordRefused(
            f"{name}: not recorded; with this figure the registry would not validate:\n"
            + "\n".join(f"  {problem}" for problem in problems)
        ) from None
    action = "replaced" if same_date else "added"
    return Recorded(action, channel, figure, registry.metrics[figure.metric].unit), new_text


def _same_figure(old: Measurement, new: Measurement) -> bool:
    key = ("value", "qualifier", "high", "source")
    return all(getattr(old, k) == getattr(new, k) for k in key)


def _edit(
    text: str, account: str, channel_index: int, replace_index: int | None, figure: Measurement
) -> str:
    import tomlkit  # only this command writes TOML, so only it pays for the import

    document = tomlkit.parse(text)
    channel = document["accounts"][account]["channels"][channel_index]
    fields = _fields(figure)
    if replace_index is not None:
        table = channel["measurements"][replace_index]
        for key in [k for k in table if k not in fields]:
            del table[key]  # the old wording and note described the old figure
        for key, value in fields.items():
            if table.get(key) != value:  # unchanged lines stay exactly as they were
                table[key] = value
        return tomlkit.dumps(document)
    table = tomlkit.table()
    for key, value in fields.items():
        table.add(key, value)
    if "measurements" in channel:
        _take_trailing_comments(channel["measurements"][-1], table)
        channel["measurements"].append(table)
    else:
        table.add(tomlkit.nl())
        measurements = tomlkit.aot()
        measurements.append(table)
        channel["measurements"] = measurements
    return tomlkit.dumps(document)


def _take_trailing_comments(last: Any, new: Any) -> None:
    """Comments after the last figure introduce what follows it (the next section), so they
    move below the new figure; the blank line that separates tables stays."""
    from tomlkit.items import Comment, Whitespace

    body = last.value.body
    cut = len(body)
    while cut and body[cut - 1][0] is None and isinstance(body[cut - 1][1], Comment | Whitespace):
        cut -= 1
    trailing = [item for _, item in body[cut:]]
    if not any(isinstance(item, Comment) for item in trailing):
        new.add(Whitespace("\n"))
        return
    del body[cut:]  # only trivia after the last key: the keys' positions are unchanged
    last.add(Whitespace("\n"))
    for item in trailing:
        new.add(item)


def _fields(figure: Measurement) -> dict[str, str | Number]:
    """The measurement's keys in the registry's usual order, defaults left out."""
    fields: dict[str, str | Number] = {"metric": figure.metric, "value": figure.value}
    if figure.qualifier != "exact":
        fields["qualifier"] = figure.qualifier
    if figure.high is not None:
        fields["high"] = figure.high
    fields["as_of"] = figure.as_of
    fields["source"] = figure.source
    for key in ("stated", "note"):
        if getattr(figure, key):
            fields[key] = getattr(figure, key)
    return fields
