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
from navsome.registry.batch import ImportRefused, Row
from navsome.typed import read_figure

COLUMNS = (
    "account",
    "channel",
    "platform",
    "metric",
    "value",
    "low",
    "high",
    "qualifier",
    "as_of",
    "source",
    "stated",
    "note",
)
# Columns navsome writes that are worked out from the others: read past, never trusted.
DERIVED = (
    "unit",
    "action",
    "file",
    "previous_as_of",
    "previous_value",
    "change",
    "growth_percent",
    "change_approximate",
)


def read_rows(text: str, name: str) -> tuple[list[Row], list[str]]:
    """The rows in `text` (JSON when it starts with `[`, CSV otherwise) that could be read, and
    the problems of those that could not (ImportRefused when the file itself cannot be)."""
    if text.lstrip().startswith("["):
        records = _json_records(text, name)
    else:
        records = _csv_records(text, name)
    problems: list[str] = []
    rows = []
    for where, record in records:
        found: list[str] = []
        row = _row(where, record, found)
        problems += found
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        raise ImportRefused([f"{name}: no rows to import"])
    return rows, problems


def _csv_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    _check_columns(list(reader.fieldnames or []), f"{name}:1")
    records = []
    for record in reader:
        if None in record:  # more cells than the header has columns
            raise ImportRefused([f"{name}:{reader.line_num}: row: more cells than columns"])
        records.append((f"{name}:{reader.line_num}", record))
    return records


def _json_records(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ImportRefused([f"{name}: not JSON ({error})"]) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportRefused([f"{name}: JSON must be an array of objects, one a figure"])
    _check_columns(sorted({key for item in data for key in item}), name)
    return [(f"{name}: row {number}", item) for number, item in enumerate(data, start=1)]


def _check_columns(columns: list[str], where: str) -> None:
    unknown = [c for c in columns if c not in COLUMNS and c not in DERIVED]
    if unknown:
        names = ", ".join(repr(c) for c in unknown)
        verb = "is not a column" if len(unknown) == 1 else "are not columns"
        known = ", ".join(COLUMNS)
        raise ImportRefused([f"{where}: {names} {verb} navsome imports; the columns are {known}"])


def _row(where: str, record: dict[str, Any], problems: list[str]) -> Row | None:
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
    # navsome writes a range's midpoint as its value and its ends as low and high.
    value = (
        number("low")
        if qualifier == "range" and record.get("low") not in (None, "")
        else number("value")
    )
    high = number("high") if qualifier == "range" else None
    as_of = text("as_of")
    if as_of is not None:
        try:
            as_of = check_date(as_of)
        except InvalidDate as error:
            problems.append(f"{where}: as_of: {error.problem}")
            as_of = None
    for column, present in (
        ("metric", text("metric")),
        ("value", value),
        ("as_of", as_of),
        ("source", text("source")),
    ):
        if present is None and not any(p.startswith(f"{where}: {column}:") for p in problems):
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
    )
    return Row(where, channel, figure)
