"""`navsome record`: add one figure to the registry file."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from navsome.cli.answer import emit, output_format, words_in_use
from navsome.cli.options import (
    FormatOption,
    JsonFlag,
    LockTimeoutOption,
    cache_folder,
    complete_channel,
    complete_metric,
    date_option,
    figure_number,
    lock_timeout_seconds,
    metric_label,
    registry_size_limit,
    say_waiting,
    tenfold_note,
    typed_text,
)
from navsome.errors import Conflict, NavsomeError, UnknownName, UsageError
from navsome.output.console import OutputFormat, quiet, say, stdout

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.model import Measurement
    from navsome.registry.record import Recorded


def _qualifiers(incomplete: str) -> list[str]:
    """What --qualifier completes to."""
    from navsome.model import QUALIFIERS

    return [name for name in QUALIFIERS if name.startswith(incomplete)]


def _qualifier(text: str) -> str:
    """The qualifier --qualifier names, as the tables print it in either language."""
    from navsome.query import check_qualifier

    found = check_qualifier(text)
    if found is None:
        raise UsageError(
            "--qualifier {given!r} is not a qualifier; write exact, about, over or range (or "
            "as the Norwegian tables print them: nøyaktig, omtrent, mer enn, mellom).",
            given=text,
        )
    return found


def command(
    ctx: typer.Context,
    channel: Annotated[
        str,
        typer.Argument(
            metavar="CHANNEL",
            help="ACCOUNT/PLATFORM, e.g. jobblyst/facebook.",
            autocompletion=complete_channel,
        ),
    ],
    metric: Annotated[
        str,
        typer.Argument(
            metavar="METRIC",
            help="A metric: its slug or label, e.g. followers.",
            autocompletion=complete_metric,
        ),
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="The figure: 21000, 21 000 or 3.5.")
    ],
    as_of: Annotated[
        str, typer.Option("--as-of", metavar="DATE", help="When it holds (2018, 2018-06, …).")
    ],
    source: Annotated[
        str, typer.Option("--source", metavar="SOURCE", help="A source slug from the registry.")
    ],
    qualifier: Annotated[
        str,
        typer.Option(
            "--qualifier",
            metavar="exact|about|over|range",
            help="How exact the source is.",
            autocompletion=_qualifiers,
        ),
    ] = "exact",
    high: Annotated[
        str | None, typer.Option("--high", metavar="N", help="Upper end of a range.")
    ] = None,
    stated: Annotated[
        str | None,
        typer.Option("--stated", metavar="TEXT", help="The source's own words for the figure."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Anything a reader should know.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace another figure for the same date.")
    ] = False,
    lock_timeout: LockTimeoutOption = None,
    format_: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Add one figure to the registry file, keeping its comments and layout.

    Example: navsome record jobblyst/facebook followers 21000 --as-of 2018-06 --source nav-some-2017

    The new registry is validated in full first; an invalid figure, or a different figure for
    the same channel, metric and date (without --replace), leaves the file untouched.
    """
    from navsome.model import Measurement
    from navsome.output.numbers import format_figure
    from navsome.registry.read import registry_path
    from navsome.registry.record import record as record_figure
    from navsome.rows import recorded_row

    fmt = output_format(format_, as_json)
    words = words_in_use(ctx)
    qualifier = _qualifier(qualifier)
    if qualifier == "range" and high is None:
        raise UsageError("--qualifier range needs --high N, the range's upper end.")
    if qualifier != "range" and high is not None:
        raise UsageError("--high N goes with --qualifier range only.")
    figure = Measurement(
        metric=typed_text(metric, "METRIC"),
        value=figure_number(value, "VALUE"),
        as_of=date_option(as_of, "--as-of", intervals=True) or as_of,
        source=typed_text(source, "--source"),
        qualifier=qualifier,
        high=figure_number(high, "--high") if high is not None else None,
        stated=typed_text(stated, "--stated"),
        note=typed_text(note, "--note"),
    )
    path = Path(registry_path(ctx.find_root().obj))
    try:
        done = record_figure(
            path,
            typed_text(channel, "ACCOUNT/PLATFORM"),
            figure,
            replace=replace,
            lock_timeout=lock_timeout_seconds(lock_timeout),
            waiting=lambda pid: say_waiting(pid, path, words),
            max_bytes=registry_size_limit(),
            cache_dir=cache_folder(),
        )
    except UnknownName as error:
        if error.kind != "source":
            raise
        raise _unknown_source(error, words) from None
    except Conflict as error:
        differs = _same_figure_conflict(error, words)
        if differs is None:
            raise
        raise differs from None
    if done.tenfold and done.previous is not None and done.action != "unchanged":
        _say_tenfold(done, words)  # a figure already there was noted when it was recorded
    written = None
    if done.action != "unchanged":  # a user whose stdout fails must not think nothing happened
        written = words("The figure was recorded in {file} all the same.", file=path)
    if fmt in (OutputFormat.json, OutputFormat.csv):
        emit(ctx, fmt, lambda: [recorded_row(done, str(path))], lambda: [], done=written)
        return
    if quiet():  # the confirmation is all a text answer holds: asked for JSON, it still comes
        return
    stored = done.measurement  # as the registry now holds it, as navsome shows figures
    said = {
        "channel": done.channel.id,
        "metric": metric_label(done.labels, words) or stored.metric,
        "value": format_figure(stored, done.unit, words=words),
        "as_of": stored.as_of,
        "file": path,
    }
    old = done.replaced
    if done.action == "added":
        message = words("Recorded {channel} {metric} {value} as of {as_of} in {file}.", **said)
    elif done.action == "unchanged":
        message = words(
            "Already recorded: {channel} {metric} {value} as of {as_of} in {file}.", **said
        )
    elif old is not None and _same_shown(old, stored):  # only the source or the words changed
        message = words(
            "Replaced {channel} {metric} {value} as of {as_of} in {file}: the same figure, "
            "{changed}.",
            changed=_changes(old, stored, words),
            **said,
        )
    else:
        shown = format_figure(old, done.unit, words=words) if old is not None else ""
        message = words(
            "Replaced {channel} {metric} {old} with {value} as of {as_of} in {file}.",
            old=shown,
            **said,
        )
    with stdout(done=written) as out:
        out.write(message + "\n")


def _say_tenfold(done: "Recorded", words: "Words") -> None:
    assert done.previous is not None
    say(tenfold_note(done.measurement, done.previous, done.unit, words, done.labels))


def _same_shown(old: "Measurement", new: "Measurement") -> bool:
    """Whether two figures are the same figure (value, qualifier, range), whatever their
    source, words and notes."""
    return (old.value, old.qualifier, old.high) == (new.value, new.qualifier, new.high)


def _unknown_source(error: UnknownName, words: "Words") -> UsageError:
    """--source names no source of the registry: the nearest slugs (or all, when none is near
    and they are few), and the way out."""
    hint = ""
    if error.suggestions:
        names = words(" or ").join(words.quoted(name) for name in error.suggestions)
        hint = words(" Did you mean {names}?", names=names)
    elif error.choices:
        hint = words(" Known sources: {names}.", names=", ".join(error.choices))
    return UsageError(
        "unknown source {source!r}.{hint} Run 'navsome sources' to see every source, or "
        "'navsome source add' to add a new one.",
        source=error.name,
        hint=hint,
    )


def _same_figure_conflict(error: Conflict, words: "Words") -> NavsomeError | None:
    """The figure is already there for that date, from another source or in other words: what
    differs, for --replace would change only that (None when the figures differ)."""
    from navsome.output.numbers import format_figure

    old, new = error.existing, error.new
    if not _same_shown(old, new):
        return None
    differences = []
    if old.source != new.source:
        differences.append(
            words("with source {old} (you gave {new})", old=old.source, new=new.source)
        )
    if new.stated is not None and new.stated != old.stated:
        differences.append(
            words("with no stated words (you gave {new!r})", new=new.stated)
            if old.stated is None
            else words(
                "with the stated words {old!r} (you gave {new!r})", old=old.stated, new=new.stated
            )
        )
    if new.note is not None and new.note != old.note:
        differences.append(
            words("with no note (you gave {new!r})", new=new.note)
            if old.note is None
            else words("with the note {old!r} (you gave {new!r})", old=old.note, new=new.note)
        )
    if not differences:  # a Norwegian note, which the command line does not take
        return None
    return NavsomeError(
        "{channel} already has {metric} {value} as of {as_of}, the same figure {differences}; "
        "pass --replace to replace it.",
        channel=error.channel,
        metric=metric_label(error.labels, words) or new.metric,
        value=format_figure(old, error.unit, words=words),
        as_of=new.as_of,
        differences=words(" and ").join(differences),
    )


def _changes(old: "Measurement", new: "Measurement", words: "Words") -> str:
    """What replacing `old` by the same figure `new` changed: its source, words or notes (a
    replaced figure keeps none of the old words: they described the old figure)."""
    changed = []
    if old.source != new.source:
        changed.append(words("with a new source"))
    if old.stated != new.stated:
        changed.append(
            words("with new stated words") if new.stated else words("with no stated words")
        )
    if old.note != new.note:
        changed.append(words("with a new note") if new.note else words("with no note"))
    if old.note_nb != new.note_nb:
        changed.append(
            words("with a new Norwegian note") if new.note_nb else words("with no Norwegian note")
        )
    return words(" and ").join(changed)
