"""Rows for machines: JSON and CSV, the same in every language, with no Rich in sight."""

from __future__ import annotations

import re
from typing import IO, Any

from .text import visible

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def write_json(data: Any, stream: IO[str]) -> None:
    import json

    # json escapes C0 controls itself; the rest are escaped here so no byte acts on a terminal.
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    stream.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n")


def write_csv(rows: list[dict[str, Any]], stream: IO[str]) -> None:
    import csv

    if not rows:
        return
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(rows[0].keys())
    writer.writerows([_csv_cell(value) for value in row.values()] for row in rows)


def _csv_cell(value: Any) -> Any:
    """One record a line for grep and awk: text has its control characters written out, a list
    is joined; numbers pass as they are, and csv writes None as an empty field."""
    if type(value) is str:
        return value if value.isprintable() else visible(value, one_line=True)
    if type(value) is list:
        return ";".join(visible(str(item), one_line=True) for item in value)
    return value
