"""Output in every format: JSON and CSV from rows, Markdown from blocks; Rich lives in terminal.py.

Blocks are what a person reads: a heading with fields, or a grid of text cells. Every piece of
registry text passes through `visible` on its way out, so it prints literally in every format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import IO, Any

from .text import visible


@dataclass
class Column:
    header: str
    justify: str = "left"
    style: str | None = None  # a Rich style for the terminal; other formats ignore it
    no_wrap: bool = False


@dataclass
class Grid:
    """A table of text cells."""

    title: str | None
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    caption: str | None = None


@dataclass
class Fields:
    """A heading followed by labelled values."""

    title: str
    items: list[tuple[str, str]] = field(default_factory=list)


Block = Grid | Fields

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def write_json(data: Any, stream: IO[str]) -> None:
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


def _csv_cell(value: Any) -> str:
    # One record a line for grep and awk: lists are joined and control characters written out.
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(visible(str(item)) for item in value)
    return visible(str(value))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))


def to_markdown(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Fields):
            lines = [f"## {markdown_text(block.title)}", ""]
            lines += [f"- **{label}:** {markdown_text(value)}" for label, value in block.items]
        else:
            lines = [f"### {markdown_text(block.title)}", ""] if block.title else []
            aligns = {"left": ":---", "right": "---:", "center": ":---:"}
            lines.append("| " + " | ".join(markdown_text(c.header) for c in block.columns) + " |")
            lines.append("| " + " | ".join(aligns[c.justify] for c in block.columns) + " |")
            lines += [
                "| " + " | ".join(markdown_text(cell) for cell in row) + " |" for row in block.rows
            ]
            if block.caption:
                lines += ["", markdown_text(block.caption)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
