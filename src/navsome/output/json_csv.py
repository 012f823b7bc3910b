"""Rows for machines: JSON and CSV, the same in every language, with no Rich in sight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from navsome.output.escape import escape_hidden, visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from navsome.output.console import TextSink

LIST_SEPARATOR = ";"  # a list in one CSV cell: "nav;navno"
# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_json(data: object, stream: TextSink) -> None:
    """`data` as indented JSON. Text keeps every character, but those that are invisible or
    move text on screen are written as `\\u` escapes, so none acts on a terminal. NaN and
    infinity are not JSON: one reaching here is a bug, and it raises rather than print them."""
    import json

    dumped = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    # The only raw line breaks are the indentation's: json escapes those in text.
    if not dumped.replace("\n", " ").isprintable():
        dumped = "\n".join(
            line if line.isprintable() else escape_hidden(line, _json_escape)
            for line in dumped.split("\n")
        )
    stream.write(dumped + "\n")


def _json_escape(char: str) -> str:
    """`\\u200b`; a character beyond the BMP as its UTF-16 pair, as JSON requires."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def write_csv(
    rows: list[dict[str, Any]],
    stream: TextSink,
    spreadsheet: bool = False,
    columns: Sequence[str] = (),
) -> None:
    """`rows` as CSV, one record a line, after a header of their keys: `columns` when there are
    no rows, so an empty answer is still a header a program can read. With `spreadsheet` (a
    file meant to be opened in Excel or LibreOffice), a text cell that would start a formula is
    prefixed with `'`."""
    import csv

    header = rows[0].keys() if rows else columns
    if not header:
        return
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    cell = _spreadsheet_cell if spreadsheet else _csv_cell
    writer.writerows([cell(value) for value in row.values()] for row in rows)


def _csv_cell(value: object) -> object:
    """One record a line for grep and awk: text has its hidden characters written out, a list
    is joined; numbers pass as they are, and csv writes None as an empty field."""
    if type(value) is str:
        return value if value.isprintable() else visible(value, one_line=True)
    if type(value) is list:
        return LIST_SEPARATOR.join(visible(str(item), one_line=True) for item in value)
    return value


def _spreadsheet_cell(value: object) -> object:
    """A cell as `_csv_cell` writes it, with `'` before text a spreadsheet would run as a
    formula (`=HYPERLINK(…)`, `@SUM(…)`). Numbers are never changed: they are not text.
    A leading tab or CR is already written out as `\\x09`, but is marked all the same."""
    cell = _csv_cell(value)
    if type(cell) is not str:
        return cell
    first = value[0] if type(value) is list and value else value
    if cell.startswith(_FORMULA_STARTS) or str(first).startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
