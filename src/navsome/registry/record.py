"""`navsome record`: add one figure to the registry file, keeping its comments and layout.

The new file is checked in full before it is written, written atomically under a lock, and
recorded again on top of any edit saved on disk while it was being made.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from navsome.dates import date_key, same_length
from navsome.errors import (
    Conflict,
    Message,
    NavsomeError,
    Problem,
    RegistryProblems,
    UnknownName,
    key_path,
)
from navsome.model import Channel, Measurement, Number, Registry
from navsome.query import check_metric, find_channel
from navsome.registry.read import DEFAULT_MAX_BYTES, check_registry, parse_toml
from navsome.registry.rewrite import DEFAULT_LOCK_TIMEOUT, rewrite

if TYPE_CHECKING:
    from navsome.registry.text_edit import Requests


class RecordRefused(NavsomeError):
    """The figure was not recorded: it would make the registry invalid (`problems`, each with
    its place in the new file, listed below the message), or the file is written in a way
    navsome cannot edit (no problems). The message is a template with its values, as for
    NavsomeError; `file` is the registry's."""

    def __init__(
        self, message: str, problems: Sequence[Problem] = (), /, *, file: str, **values: object
    ) -> None:
        self.problems = tuple(problems)
        self.file = file
        super().__init__(message, file=file, **values)

    def __str__(self) -> str:
        return super().__str__() + "".join(f"\n  {problem}" for problem in self.problems)


class Recorded(NamedTuple):
    action: str  # "added", "replaced" or "unchanged"
    channel: Channel
    measurement: Measurement  # as stored
    unit: str
    # The channel's figure of that metric just before this one in time, if any: a figure ten
    # times larger or smaller than it is worth a second look (a typo, or a unit mixed up).
    previous: Measurement | None = None
    labels: tuple[str, str] = ("", "")  # the metric's label in English and Norwegian
    replaced: Measurement | None = None  # the figure it replaced, when it replaced one

    @property
    def tenfold(self) -> bool:
        """Whether the figure differs from the previous one by a factor of ten or more."""
        return tenfold(self.measurement, self.previous)


def tenfold(new: Measurement, previous: Measurement | None) -> bool:
    """Whether `new` is ten times larger or smaller than `previous` (a typo, or units mixed)."""
    if previous is None:
        return False
    now, before = new.representative, previous.representative
    return now > 0 and before > 0 and max(now / before, before / now) >= 10


def previous_figure(
    figures: Iterable[Measurement], figure: Measurement, periods: bool
) -> Measurement | None:
    """The figure of the same metric just before `figure` in time (for a count over a period,
    among those over a period as long)."""
    earlier = [
        m for m in figures
        if m.metric == figure.metric and date_key(m.as_of) < date_key(figure.as_of)
        and (not periods or same_length(m.as_of, figure.as_of))
    ]  # fmt: skip
    return max(earlier, key=lambda m: date_key(m.as_of), default=None)


def record(
    path: Path,
    channel_name: str,
    figure: Measurement,
    replace: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    waiting: Callable[[int | None], None] | None = None,
    before_write: Callable[[], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Recorded:
    """Add `figure` to the channel named `ACCOUNT/PLATFORM` in the registry at `path`, safely
    (registry/rewrite.py: locked, atomic, on top of any edit saved meanwhile). With a
    `cache_dir`, the registry's model is read from the parse cache there, and the new file's
    is written to it."""

    def change(text: str, registry: Registry) -> tuple[Recorded, tuple[str, Registry] | None]:
        return _with_figure(text, registry, str(path), channel_name, figure, replace)

    return rewrite(
        path,
        change,
        Message("the figure was recorded"),
        lock_timeout,
        waiting,
        before_write,
        max_bytes,
        cache_dir,
    )


def _with_figure(
    text: str, registry: Registry, name: str, channel_name: str, figure: Measurement, replace: bool
) -> tuple[Recorded, tuple[str, Registry] | None]:
    """What recording does to the registry in `text`: the outcome, and the new text and
    registry (None when nothing changes). The figure is checked before it is compared with
    the one already there: a conflict's advice (--replace) must not lead to a refusal."""
    from navsome.registry.schema import check_figure

    found = find_channel(registry, channel_name)
    account = registry.accounts[found.account]
    index = account.platforms.index(found.platform)
    channel = account.channels[index]
    figure = figure._replace(metric=check_metric(registry, figure.metric))
    metric = registry.metrics[figure.metric]
    figure = as_stored(figure, metric.unit)
    check_source(registry, figure.source)
    same_date = [
        i for i, m in enumerate(channel.measurements)
        if m.metric == figure.metric and m.as_of == figure.as_of
    ]  # fmt: skip
    replacing = same_date[0] if same_date else None

    def edit() -> tuple[str, Registry]:
        return _edit_registry(text, registry, name, account.slug, index, replacing, figure)

    problems = check_figure(registry, figure, channel.started)
    if problems:  # each with its line in the file as it would be, as loading would say it
        number = len(channel.measurements) if replacing is None else replacing
        place = f"accounts.{account.slug}.channels[{index}].measurements[{number}]"
        raise _refusal(edit, problems, place, name)
    labels = (metric.label_en, metric.label_nb)
    previous = previous_figure(channel.measurements, figure, metric.kind == "period")
    if replacing is not None:
        old = channel.measurements[replacing]
        if same_figure(old, figure):
            return Recorded("unchanged", channel, old, metric.unit, previous, labels), None
        if not replace:
            raise Conflict(channel.id, old, figure, labels, metric.unit)
    edited = edit()
    if replacing is None:
        return Recorded("added", channel, figure, metric.unit, previous, labels), edited
    old = channel.measurements[replacing]
    done = Recorded("replaced", channel, figure, metric.unit, previous, labels, old)
    return done, edited


def check_source(registry: Registry, source: str) -> str:
    """`source` if the registry lists it, else UnknownName("source") with the nearest slugs
    (as query.py suggests names), and all of them when they are few: a figure cites a source
    by its slug exactly."""
    if source in registry.sources:
        return source
    from difflib import get_close_matches  # only needed on the error path

    slugs = list(registry.sources)
    close = get_close_matches(source.strip().casefold(), slugs, n=3, cutoff=0.5)
    raise UnknownName("source", source, close, slugs if len(slugs) <= _FEW_SOURCES else ())


_FEW_SOURCES = 8  # an unknown source's message lists the registry's sources up to this many


def _edit_registry(
    text: str,
    registry: Registry,
    name: str,
    account: str,
    index: int,
    replacing: int | None,
    figure: Measurement,
) -> tuple[str, Registry]:
    """The new text and registry with the figure (see edited_registry)."""
    from navsome.registry import text_edit

    fields = figure_fields(figure)
    if replacing is None:
        edit = text_edit.add_figure(text, account, index, fields)
        changes: Changes = {(account, index): ([figure], {})}
    else:
        edit = text_edit.replace_figure(text, account, index, replacing, fields)
        changes = {(account, index): ([], {replacing: figure})}
    edited = None
    if edit is not None:
        edited = edit.text, {(account, index): (edit.old_section, edit.new_section)}
    cannot = RecordRefused(
        "{file}: not recorded; navsome cannot add a figure to the way "
        "accounts.{account}.channels[{index}] is written. Write the channel as a "
        "[[accounts.{account}.channels]] table and its figures as "
        "[[accounts.{account}.channels.measurements]] tables (or as an inline array "
        "`measurements = [{{ … }}]`), then record again.",
        file=name,
        account=account,
        index=index,
    )
    return edited_registry(text, name, registry, changes, edited, cannot)


def _refusal(
    edit: Callable[[], tuple[str, Registry]],
    problems: Sequence[tuple[str, Message]],
    place: str,
    name: str,
) -> RecordRefused:
    """Why a figure that check_figure refuses is not recorded: the new text is made by `edit`
    (never written) and checked in full, so each problem comes with its line as the file would
    be. Should that check pass where check_figure did not (or the edit not be made),
    check_figure's problems are given at `place`, the figure's, without lines."""
    try:
        edit()
    except RecordRefused as refused:
        if refused.problems:
            return refused
    said = [Problem(place if at == "row" else f"{place}.{at}", what) for at, what in problems]
    return _invalid(said, name)


# The changes to a registry, channel by channel: (account, channel index) → (the figures added,
# in order, and the figures replaced, by their index among the channel's).
Changes = dict[tuple[str, int], tuple[list[Measurement], dict[int, Measurement]]]
# The text edit's result: the new text, and each changed channel's section before and after.
TextEdit = tuple[str, dict[tuple[str, int], tuple[str, str]]]


def edited_registry(
    text: str,
    name: str,
    registry: Registry,
    changes: Changes,
    edited: TextEdit | None,
    cannot: RecordRefused,
    whole_sections: bool = True,
) -> tuple[str, Registry]:
    """The new text and registry with `changes`, for record and import alike. `edited` is the
    text edit's (None for a layout it leaves alone), taken only when each section it replaced
    is its channel's and each new section, parsed and checked as loading checks it, is exactly
    the channel with its changes: the rest of the file is unchanged, and was checked when it
    was read. Else tomlkit makes the edit and the whole new file is checked (RecordRefused,
    with each problem's line in it; `cannot` when tomlkit cannot make the edit).

    `whole_sections`: a section replaced is parsed and must be its channel exactly (record's
    one); else it must have the channel's platform and as many figures, which spares an
    import that touches many channels a parse of each."""
    expected = _changed_channels(registry, changes)
    if edited is not None:
        new_text, sections = edited
        checked = set(sections) == set(changes) and all(
            _section_is(registry, key, *sections[key], expected[key], whole_sections)
            for key in changes
        )
        if checked:
            accounts = dict(registry.accounts)
            for (account, index), channel in expected.items():
                channels = list(accounts[account].channels)
                channels[index] = channel
                accounts[account] = accounts[account]._replace(channels=tuple(channels))
            return new_text, registry._replace(accounts=accounts)
        if whole_sections and len(sections) == 1:
            ((key, (old_section, new_section)),) = sections.items()
            refused = _section_refusal(
                text, new_text, registry, key, old_section, new_section, name
            )
            if refused is not None:
                raise refused
    try:
        new_text = _edit(text, text_requests(changes))
        data = parse_toml(new_text, name)
    except Exception:  # tomlkit's limits, or an edit that does not parse: refuse, never guess
        raise cannot from None
    return new_text, checked_registry(data, new_text, name)


def text_requests(changes: Changes) -> Requests:
    """`changes` as the text edit and tomlkit take them: each figure as its keys and values."""
    return {
        key: ([figure_fields(f) for f in adds], {n: figure_fields(f) for n, f in replaces.items()})
        for key, (adds, replaces) in changes.items()
    }


def _changed_channels(registry: Registry, changes: Changes) -> dict[tuple[str, int], Channel]:
    """Each channel changed, as it will be: its figures replaced in place, new ones after."""
    channels = {}
    for (account, index), (adds, replaces) in changes.items():
        channel = registry.accounts[account].channels[index]
        figures = list(channel.measurements)
        for number, figure in replaces.items():
            figures[number] = figure
        channels[(account, index)] = channel._replace(measurements=(*figures, *adds))
    return channels


def _section_is(
    registry: Registry,
    key: tuple[str, int],
    old_section: str,
    new_section: str,
    expected: Channel,
    whole: bool,
) -> bool:
    """Whether the text edit replaced the channel's section (`whole`: parsed, exactly the
    channel the registry has; else its platform, as many figures) by one that reads, as
    loading checks it, as exactly `expected`."""
    from navsome.registry.schema import build_channel
    from navsome.registry.text_edit import section_channel

    account, index = key
    channel = registry.accounts[account].channels[index]
    if whole:
        if not _holds_the_channel(registry, key, old_section):
            return False
    else:
        if f'platform = "{channel.platform}"' not in old_section:
            return False
        figures_header = f"[[accounts.{account}.channels.measurements]]"
        if old_section.count(figures_header) != len(channel.measurements):
            return False
    try:
        new_value = section_channel(new_section, account)
        return bool(new_value) and build_channel(registry, account, index, new_value) == expected
    except NavsomeError:
        return False  # the full check says what is wrong, with the new file's lines


def _holds_the_channel(registry: Registry, key: tuple[str, int], section: str) -> bool:
    """Whether `section`, parsed on its own, is exactly the channel the registry has."""
    from navsome.registry.schema import build_channel
    from navsome.registry.text_edit import section_channel

    account, index = key
    value = section_channel(section, account)
    try:
        built = value is not None and build_channel(registry, account, index, value)
    except NavsomeError:
        return False
    return built == registry.accounts[account].channels[index]


def _section_refusal(
    text: str,
    new_text: str,
    registry: Registry,
    key: tuple[str, int],
    old_section: str,
    new_section: str,
    name: str,
) -> RecordRefused | None:
    """Why the new text would not validate, found from the changed channel's section alone:
    when the new text is the old with that section replaced, and the old section is exactly
    the channel the registry has, the rest of the file is as it was checked, so the new file's
    problems are the new section's, on their lines in the new file. This spares a refusal the
    parse of the whole file with tomlkit (20 s on a registry ten years deep). None when that
    does not hold, or the section reads without a problem: the whole new file is then checked."""
    from navsome.registry.locate import line_numbers, line_of
    from navsome.registry.schema import build_channel
    from navsome.registry.text_edit import section_channel

    account, index = key
    start = text.find(old_section)
    end = start + len(old_section)
    if start < 0 or new_text != text[:start] + new_section + text[end:]:
        return None
    new_value = section_channel(new_section, account)
    if new_value is None or not _holds_the_channel(registry, key, old_section):
        return None
    try:
        build_channel(registry, account, index, new_value)
        return None
    except RegistryProblems as error:
        problems = error.problems
    channel_path = f"{key_path('accounts', account)}.channels[{index}]"
    if not all(p.path == channel_path or p.path.startswith(channel_path + ".") for p in problems):
        return None
    # On its own the section is the first of the account's channels; its lines follow the
    # file's before it, counted as the whole file's check counts them (str.splitlines).
    alone_path = f"{key_path('accounts', account)}.channels[0]"
    lines = line_numbers(new_section)
    before = len(text[:start].splitlines())
    placed = []
    for problem in problems:
        found = line_of(alone_path + problem.path[len(channel_path) :], lines)
        if problem.line is None and found is not None:
            problem = problem._replace(line=before + found)
        placed.append(problem)
    return _invalid(placed, name)


def checked_registry(data: dict[str, Any], text: str, name: str) -> Registry:
    """The registry the new text holds, or RecordRefused with each problem's line in it."""
    try:
        return check_registry(data, text, name)
    except RegistryProblems as error:
        raise _invalid(error.problems, name) from None


def _invalid(problems: Sequence[Problem], name: str) -> RecordRefused:
    """The figure is refused: with it, the registry `name` would have `problems`."""
    return RecordRefused(
        "{file}: not recorded; with this figure the registry would not validate (lines as "
        "the file would be):",
        problems,
        file=name,
    )


def as_stored(figure: Measurement, unit: str) -> Measurement:
    """The figure as the registry keeps it: a count given as 21000.0 is the whole number 21000
    (one with a fraction is refused by the check, as counts are whole)."""
    if unit == "percent":
        return figure

    def whole(number: Number | None) -> Number | None:
        return int(number) if isinstance(number, float) and number.is_integer() else number

    value = whole(figure.value)
    assert value is not None  # a value is never None; whole() keeps it so
    return figure._replace(value=value, high=whole(figure.high))


def same_figure(old: Measurement, new: Measurement) -> bool:
    """Whether recording `new` changes nothing: the same figure, and no other wording or note
    given (leaving them out keeps the ones there)."""
    key = ("value", "qualifier", "high", "source")
    same = all(getattr(old, k) == getattr(new, k) for k in key)
    words = ("stated", "note", "note_nb")
    return same and all(getattr(new, k) in (None, getattr(old, k)) for k in words)


def _edit(text: str, requests: Requests) -> str:
    """The text with each channel's figures replaced and added, by tomlkit (slower, but it
    knows every layout), parsed once however many channels change."""
    import tomlkit  # only the commands that write TOML pay for the import

    document = tomlkit.parse(text)
    for (account, index), (adds, replaces) in requests.items():
        channel = document["accounts"][account]["channels"][index]
        for number, fields in replaces.items():
            _set_fields(channel["measurements"][number], fields)
        for fields in adds:
            _append_fields(channel, fields)
    return tomlkit.dumps(document)


def _set_fields(table: Any, fields: dict[str, str | Number]) -> None:
    """A tomlkit figure table made to hold `fields`; unchanged lines stay exactly as they were,
    and keys the new figure lacks go (the old wording and note described the old figure)."""
    for key in [k for k in table if k not in fields]:
        del table[key]
    for key, value in fields.items():
        if table.get(key) != value:
            table[key] = value


def _append_fields(channel: Any, fields: dict[str, str | Number]) -> None:
    """A new figure holding `fields` at the end of a tomlkit channel's figures, written as
    they are (tables, or inline)."""
    import tomlkit
    from tomlkit.items import AoT, Array, InlineTable

    existing = channel.get("measurements")
    if isinstance(existing, AoT) and len(existing):
        table = tomlkit.table()
        for key, value in fields.items():
            table.add(key, value)
        _take_trailing_comments(existing[-1], table)
        existing.append(table)
    elif isinstance(existing, Array) or isinstance(channel, InlineTable):
        # Figures written inline (`measurements = [...]`, or a channel that is itself an inline
        # table) get an inline table in the same array.
        inline = tomlkit.inline_table()
        inline.update(fields)
        if existing is None:
            inline_figures = tomlkit.array()
            inline_figures.append(inline)
            channel["measurements"] = inline_figures
        else:
            existing.append(inline)
    else:
        table = tomlkit.table()
        for key, value in fields.items():
            table.add(key, value)
        table.add(tomlkit.nl())
        measurements = tomlkit.aot()
        measurements.append(table)
        channel["measurements"] = measurements


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


def figure_fields(figure: Measurement) -> dict[str, str | Number]:
    """The measurement's keys in the registry's usual order, defaults left out."""
    fields: dict[str, str | Number] = {"metric": figure.metric, "value": figure.value}
    if figure.qualifier != "exact":
        fields["qualifier"] = figure.qualifier
    if figure.high is not None:
        fields["high"] = figure.high
    fields["as_of"] = figure.as_of
    fields["source"] = figure.source
    for key in ("stated", "note", "note_nb"):
        if getattr(figure, key):
            fields[key] = getattr(figure, key)
    return fields
