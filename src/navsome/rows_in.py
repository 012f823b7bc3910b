"""Rows of figures to import, read from CSV or JSON with the columns navsome itself writes
(`navsome show X --format csv` reads back in). Numbers follow navsome/typed.py's rule; every
problem is kept with its place (`FILE:LINE: column: message`) and all are reported together."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from navsome.errors import InvalidDate, InvalidFigure
from navsome.model import QUALIFIERS, Measurement
from navsome.query import check_date
from navsome.registry.batch import ImportRefused, Row, Unread
from navsome.rows import MEASUREMENT_KEYS, STEP_KEYS
from navsome.typed import read_figure

# The columns of a figure's row as navsome writes it (rows.py), but its unit, which the metric
# decides.
COLUMNS = tuple(key for key in MEASUREMENT_KEYS if key != "unit")
# Columns navsome writes that are worked out from the others: read past, never trusted.
DERIVED = ("unit", "action", "file", *STEP_KEYS)


def read_rows(text: str, name: str) -> tuple[list[Row], list[str], list[Unread]]:
    """The rows in `text` (JSON when it starts with `[`, CSV otherwise) that could be read, the
    problems of those that could not, and those rows' names, for the registry to check too
    (ImportRefused when the file itself cannot be read)."""
    if text.lstrip().startswith(("[", "{")):
        records = _json_records(text, name)
    else:
        records = _csv_records(text, name)
    problems: list[str] = []
    rows = []
    unread = []
    for where, record in records:
        found: list[str] = []
        row = _row(where, record, found)
        problems += found
        if row is not None:
            rows.append(row)
        elif "_problem" not in record:
            unread.append(
                Unread(where, *(_typed(record, key) for key in ("channel", "metric", "source")))
            )
    if not rows and not problems:
        raise ImportRefused([f"{name}: no rows to import"])
    return rows, problems, unread


def _typed(record: dict[str, Any], column: str) -> str | None:
    """A name as the row gives it, if it gives one as text."""
    value = record.get(column)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _csv_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    columns = list(reader.fieldnames or [])
    _check_columns(columns, f"{name}:1")
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        names = ", ".join(repr(c) for c in twice)
        raise ImportRefused([f"{name}:1: {names} given more than once; keep one of each"])
    records = []
    for record in reader:
        where = f"{name}:{reader.line_num}"
        if None in record:  # more cells than the header has columns
            cells = len(columns) + len(record[None])
            record = {"_problem": f"{cells} cells where the header has {len(columns)} columns"}
        records.append((where, record))
    return records


def _json_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ImportRefused([f"{name}: not JSON ({error})"]) from None
    except RecursionError:
        raise ImportRefused([f"{name}: JSON nested too deeply to be rows of figures"]) from None
    if isinstance(data, dict) and isinstance(data.get("measurements"), list):
        data = data["measurements"]  # what `navsome show ACCOUNT --json` writes
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportRefused(
            [f"{name}: JSON must be an array of objects, one a figure (or show's JSON)"]
        )
    _check_columns(sorted({key for item in data for key in item}), name)
    return [(f"{name}[{number}]", item) for number, item in enumerate(data, start=1)]


def _has(problems: list[str], where: str, column: str) -> bool:
    return any(p.startswith(f"{where}: {column}:") for p in problems)


def _check_columns(columns: list[str], where: str) -> None:
    unknown = [c for c in columns if c not in COLUMNS and c not in DERIVED]
    if len(columns) == 1 and any(mark in columns[0] for mark in ";\t"):
        raise ImportRefused(
            [
                f"{where}: the columns are not separated by commas; save the file as CSV with "
                'commas (a spreadsheet\'s "CSV UTF-8 (comma delimited)")'
            ]
        )
    if unknown:
        names = ", ".join(repr(c) for c in unknown)
        verb = "is not a column" if len(unknown) == 1 else "are not columns"
        known = ", ".join(COLUMNS)
        raise ImportRefused([f"{where}: {names} {verb} navsome imports; the columns are {known}"])


def _row(where: str, record: dict[str, Any], problems: list[str]) -> Row | None:
    if "_problem" in record:
        problems.append(f"{where}: row: {record['_problem']}")
        return None

    def text(column: str) -> str | None:
        value = record.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            problems.append(f"{where}: {column}: must be text, not {value!r}")
            return None
        return value.strip()

    def number(column: str) -> int | float | None:
        value = record.get(column)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            problems.append(f"{where}: {column}: must be a number, not {value!r}")
            return None
        if not isinstance(value, str):
            return value
        try:
            return read_figure(value)
        except InvalidFigure as error:
            problems.append(f"{where}: {column}: {value!r} {error.problem}; write {error.instead}")
            return None

    channel = text("channel")
    account, platform = text("account"), text("platform")
    if channel is not None and (account or platform):
        named = f"{account or channel.partition('/')[0]}/{platform or channel.rpartition('/')[2]}"
        if named != channel:
            problems.append(
                f"{where}: channel: {channel!r} is not account {account!r} on {platform!r}; "
                "give one channel"
            )
    if channel is None:
        if account is None or platform is None:
            problems.append(
                f"{where}: channel: give channel (ACCOUNT/PLATFORM), or account and platform"
            )
        else:
            channel = f"{account}/{platform}"
    elif "/" not in channel:
        problems.append(f"{where}: channel: {channel!r} is not ACCOUNT/PLATFORM")
    qualifier = text("qualifier") or "exact"
    if qualifier not in QUALIFIERS:
        problems.append(f"{where}: qualifier: {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
    # navsome writes a range's midpoint as its value and its ends as low and high; other figures
    # with low (and, exact, high) equal to the value: the columns given must agree.
    given_value, low, given_high = number("value"), number("low"), number("high")
    if qualifier == "range":
        value, high = (low if low is not None else given_value), given_high
        if high is None and not _has(problems, where, "high"):
            problems.append(f"{where}: high: a range needs high, its upper end")
        elif value is not None and high is not None and given_value is not None and low is not None:
            middle = (low + high) / 2
            if given_value != middle:
                problems.append(
                    f"{where}: value: {given_value} is not the middle of the range "
                    f"{low}-{high}; give low and high (value may be left empty)"
                )
    else:
        value, high = given_value, None
        if given_high is not None and not (qualifier == "exact" and given_high == value):
            problems.append(
                f"{where}: high: {given_high} goes with qualifier range only (this row is "
                f"{qualifier})"
            )
        if low is not None and value is not None and low != value:
            problems.append(f"{where}: low: {low} differs from value {value}; give one figure")
    as_of = text("as_of")
    if as_of is not None:
        try:
            as_of = check_date(as_of, intervals=True)
        except InvalidDate as error:
            problems.append(f"{where}: as_of: {error.problem}")
            as_of = None
    for column, present in (
        ("metric", text("metric")),
        ("value", value),
        ("as_of", as_of),
        ("source", text("source")),
    ):
        if present is None and not _has(problems, where, column):
            problems.append(f"{where}: {column}: missing")
    if any(p.startswith(f"{where}:") for p in problems) or channel is None:
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
