"""Rows of figures to import, read from CSV or JSON with the columns navsome itself writes
(`navsome show X --format csv` reads back in). Numbers follow navsome/typed.py's rule; every
problem is kept with its place (`FILE:LINE: column: message`) and all are reported together."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import PurePath
from typing import Any, Literal

from navsome.errors import InvalidDate, InvalidFigure, Message, Names, outside_text
from navsome.model import QUALIFIERS, Measurement
from navsome.query import check_date, check_qualifier
from navsome.registry.batch import ImportRefused, Row, RowProblem, Unread
from navsome.rows import MEASUREMENT_KEYS, STEP_KEYS
from navsome.typed import read_figure

# The columns of a figure's row as navsome writes it (rows.py), but its unit, which the metric
# decides.
COLUMNS = tuple(key for key in MEASUREMENT_KEYS if key != "unit")
# Columns navsome writes that are worked out from the others: read past, never trusted.
DERIVED = ("unit", "action", "file", *STEP_KEYS)

Form = Literal["csv", "json"]
# What a file's extension says it holds, in any case (`.CSV`, `.Json`); a file of another name,
# and standard input, is read by its first character instead (see read_rows).
_FORMS: dict[str, Form] = {".csv": "csv", ".json": "json"}


def form_of(file: str) -> Form | None:
    """CSV or JSON, as the name of `file` says (`june.csv`, `june.JSON`); None for a name that
    does not say."""
    return _FORMS.get(PurePath(file).suffix.lower())


def read_rows(
    data: bytes, name: str, form: Form | None = None
) -> tuple[list[Row], list[RowProblem], list[Unread]]:
    """The rows in `data`, UTF-8 text (a byte-order mark, which Excel writes, skipped) in
    `form`, or when no form is given JSON if it starts with `[` or `{` and CSV otherwise: those
    that could be read, the problems of those that could not, and those rows' names, for the
    registry to check too (ImportRefused when the file itself cannot be read)."""
    text = _text(data, name, form)
    if not text.strip():
        raise ImportRefused([RowProblem(name, "", Message("no rows to import"))])
    if form is None:
        form = "json" if text.lstrip().startswith(("[", "{")) else "csv"
    records = _json_records(text, name) if form == "json" else _csv_records(text, name)
    problems: list[RowProblem] = []
    rows = []
    unread = []
    for where, record in records:
        found: list[RowProblem] = []
        row = _row(where, record, found)
        problems += found
        if row is not None:
            rows.append(row)
        elif _TOO_MANY not in record:
            unread.append(
                Unread(where, *(_typed(record, key) for key in ("channel", "metric", "source")))
            )
    if not rows and not problems:
        raise ImportRefused([RowProblem(name, "", Message("no rows to import"))])
    return rows, problems, unread


def _text(data: bytes, name: str, form: Form | None) -> str:
    """`data` as text: UTF-8, after the byte-order mark Excel's "CSV UTF-8" begins with."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if form == "json":
            problem = Message("not UTF-8 text; save the file as UTF-8")
        else:  # most likely a spreadsheet saved as CSV in the system's own encoding
            problem = Message(
                'not UTF-8 text; save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")'
            )
        raise ImportRefused([RowProblem(f"{name}:{line}", "", problem)]) from None


# A CSV row with more cells than the header has columns: what to say of it, in place of cells.
_TOO_MANY = "_problem"


def _typed(record: dict[str, Any], column: str) -> str | None:
    """A name as the row gives it, if it gives one as text."""
    value = record.get(column)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _csv_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=_separator(text, f"{name}:1"))
    columns = list(reader.fieldnames or [])
    while columns and not columns[-1].strip():  # a spreadsheet pads its header: a;b;c;;
        columns.pop()
    _check_columns(columns, f"{name}:1")
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        names = ", ".join(repr(c) for c in twice)
        refused = Message("{names} given more than once; keep one of each", names=names)
        raise ImportRefused([RowProblem(f"{name}:1", "", refused)])
    records = []
    # Each padding cell a name of its own, so that a row's cells under them can be looked at.
    padding = [f"\0{index}" for index in range(len(reader.fieldnames or []) - len(columns))]
    reader.fieldnames = [*columns, *padding]
    for record in reader:
        where = f"{name}:{reader.line_num}"
        stray = [cell for cell in map(record.pop, padding) if cell and cell.strip()]
        extra = record.get(None)  # cells beyond the header's, in a list
        beyond = extra if isinstance(extra, list) else []
        if stray or beyond:  # something under no column
            record = {
                _TOO_MANY: Message(
                    "{cells} cells where the header has {columns} columns",
                    cells=len(columns) + len(padding) + len(beyond),
                    columns=len(columns),
                )
            }
        records.append((where, record))
    return records


def _separator(text: str, where: str) -> str:
    """What separates the columns, as the header line shows: semicolons when it has one and no
    comma (Excel's CSV where a comma is the decimal mark, as in Norway), commas otherwise. The
    values do not decide (a note may hold either); a header with both, or with tabs, is refused."""
    header = text.partition("\n")[0]
    if "," in header and ";" in header:
        both = Message(
            "the header line has both commas and semicolons; separate the columns with one of them"
        )
        raise ImportRefused([RowProblem(where, "", both)])
    if "\t" in header and "," not in header and ";" not in header:
        tabs = Message(
            'the columns are separated by tabs; save the file as CSV (in Excel: "CSV UTF-8 '
            '(Comma delimited)")'
        )
        raise ImportRefused([RowProblem(where, "", tabs)])
    return ";" if ";" in header else ","


def _json_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        # As str(error) says it, with json's reason worded on its own (the catalogue knows
        # the usual ones).
        problem = Message(
            "not JSON ({why}: line {line} column {column} (char {char}))",
            why=outside_text(error.msg),
            line=error.lineno,
            column=error.colno,
            char=error.pos,
        )
        raise ImportRefused([RowProblem(name, "", problem)]) from None
    except ValueError as error:  # a number of more digits than Python converts
        problem = Message("not JSON ({error})", error=str(error))
        raise ImportRefused([RowProblem(name, "", problem)]) from None
    except RecursionError:
        deep = Message("JSON nested too deeply to be rows of figures")
        raise ImportRefused([RowProblem(name, "", deep)]) from None
    if isinstance(data, dict) and isinstance(data.get("measurements"), list):
        data = data["measurements"]  # what `navsome show ACCOUNT --json` writes
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        shape = Message("JSON must be an array of objects, one a figure (or show's JSON)")
        raise ImportRefused([RowProblem(name, "", shape)])
    _check_columns(sorted({key for item in data for key in item}), name)
    return [(f"{name}[{number}]", item) for number, item in enumerate(data, start=1)]


def _has(problems: list[RowProblem], where: str, column: str) -> bool:
    return any(p.where == where and p.column == column for p in problems)


def _check_columns(columns: list[str], where: str) -> None:
    unknown = [c for c in columns if c not in COLUMNS and c not in DERIVED]
    if unknown:
        names = Names(unknown)
        known = ", ".join(COLUMNS)
        if len(unknown) == 1:
            refused = Message(
                "{names} is not a column navsome imports; the columns are {known}",
                names=names,
                known=known,
            )
        else:
            refused = Message(
                "{names} are not columns navsome imports; the columns are {known}",
                names=names,
                known=known,
            )
        raise ImportRefused([RowProblem(where, "", refused)])


def _row(where: str, record: dict[str, Any], problems: list[RowProblem]) -> Row | None:
    if _TOO_MANY in record:
        problems.append(RowProblem(where, Message("row"), record[_TOO_MANY]))
        return None

    def refuse(column: str, problem: Message) -> None:
        problems.append(RowProblem(where, column, problem))

    def text(column: str) -> str | None:
        value = record.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            refuse(column, Message("must be text, not {value!r}", value=value))
            return None
        return value.strip()

    def number(column: str) -> int | float | None:
        value = record.get(column)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            refuse(column, Message("must be a number, not {value!r}", value=value))
            return None
        if not isinstance(value, str):
            return value
        try:
            return read_figure(value)
        except InvalidFigure as error:
            problem, instead = error.templates
            refuse(
                column,
                Message(
                    "{value!r} {problem}; write {instead}",
                    value=value,
                    problem=Message(problem, **error.values),
                    instead=Message(instead, **error.values),
                ),
            )
            return None

    channel = text("channel")
    account, platform = text("account"), text("platform")
    if channel is not None and (account or platform):
        named = f"{account or channel.partition('/')[0]}/{platform or channel.rpartition('/')[2]}"
        if named != channel:
            refuse(
                "channel",
                Message(
                    "{channel!r} is not account {account!r} on {platform!r}; give one channel",
                    channel=channel,
                    account=account,
                    platform=platform,
                ),
            )
    if channel is None:
        if account is None or platform is None:
            refuse("channel", Message("give channel (ACCOUNT/PLATFORM), or account and platform"))
        else:
            channel = f"{account}/{platform}"
    elif "/" not in channel:
        refuse("channel", Message("{channel!r} is not ACCOUNT/PLATFORM", channel=channel))
    given_qualifier = text("qualifier") or "exact"
    qualifier = check_qualifier(given_qualifier) or given_qualifier  # as a table prints it too
    if qualifier not in QUALIFIERS:
        refuse(
            "qualifier",
            Message(
                "{qualifier!r} is not one of {choices}",
                qualifier=qualifier,
                choices=", ".join(QUALIFIERS),
            ),
        )
    # navsome writes a range's midpoint as its value and its ends as low and high; other figures
    # with low (and, exact, high) equal to the value: the columns given must agree.
    given_value, low, given_high = number("value"), number("low"), number("high")
    if qualifier == "range":
        value, high = (low if low is not None else given_value), given_high
        if high is None and not _has(problems, where, "high"):
            refuse("high", Message("a range needs high, its upper end"))
        elif value is not None and high is not None and given_value is not None and low is not None:
            middle = (low + high) / 2
            if given_value != middle:
                refuse(
                    "value",
                    Message(
                        "{value} is not the middle of the range {low}-{high}; give low and high "
                        "(value may be left empty)",
                        value=given_value,
                        low=low,
                        high=high,
                    ),
                )
    else:
        value, high = given_value, None
        if given_high is not None and not (qualifier == "exact" and given_high == value):
            refuse(
                "high",
                Message(
                    "{high} goes with qualifier range only (this row is {qualifier})",
                    high=given_high,
                    qualifier=qualifier,
                ),
            )
        if low is not None and value is not None and low != value:
            refuse(
                "low",
                Message("{low} differs from value {value}; give one figure", low=low, value=value),
            )
    as_of = text("as_of")
    if as_of is not None:
        try:
            as_of = check_date(as_of, intervals=True)
        except InvalidDate as error:
            problems.append(RowProblem(where, "as_of", error.problem))
            as_of = None
    for column, present in (
        ("metric", text("metric")),
        ("value", value),
        ("as_of", as_of),
        ("source", text("source")),
    ):
        if present is None and not _has(problems, where, column):
            refuse(column, Message("missing"))
    if any(p.where == where for p in problems) or channel is None:
        return None
    assert value is not None and as_of is not None
    figure = Measurement(
        metric=str(text("metric")),
        value=value,
        as_of=as_of,
        source=str(text("source")),
        qualifier=qualifier,
        high=high,
        stated=text("stated"),
        note=text("note"),
        note_nb=text("note_nb"),
    )
    return Row(where, channel, figure)
