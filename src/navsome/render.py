"""Output in every format: JSON and CSV from rows, Markdown from blocks; Rich lives in terminal.py.

Blocks are what a person reads: a heading with fields, or a grid of text cells. Every piece of
registry text passes through `visible` on its way out, so it prints literally in every format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import IO, Any, Union

from .text import visible


@dataclass
class Column:
    header: str
    justify: str = "left"
    style: str | None = None  # a Rich style for the terminal; other formats ignore it
    wrap: bool = False  # prose may wrap on a narrow terminal; names and figures never do
    bar: bool = False  # a bar chart: the first thing cut short when the terminal is narrow


Cell = Union[str, "BarCell"]  # text, or in a bar column a figure to draw


@dataclass
class Grid:
    """A table of text cells."""

    title: str | None
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    caption: str | None = None
    terminal_only: bool = False  # a picture for the screen (sparklines), left out elsewhere


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
        return ";".join(visible(str(item), one_line=True) for item in value)
    return visible(str(value), one_line=True)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written; line breaks become <br> so a table row stays whole."""
    lines = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)).splitlines()
    return "<br>".join(lines)


BAR_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class BarCell:
    """A figure drawn as a bar: shares of the largest value in the chart (0–1)."""

    share: float  # where the figure is ranked: its midpoint or stated bound
    qualifier: str = "exact"
    low: float = 0.0  # a range's low end
    high: float = 0.0  # a range's high end


def bar(cell: BarCell, width: int = BAR_WIDTH) -> str:
    """The figure as block characters, its precision drawn in: █ as stated, ▓ about,
    █▶ more than (lower bound), █░ a range from its low to its high end."""
    if width <= 0 or cell.share <= 0:
        return ""
    if cell.qualifier == "range":
        solid = round(cell.low * width)
        return "█" * solid + "░" * max(1, round(cell.high * width) - solid)
    if cell.qualifier == "about":
        return "▓" * max(1, round(cell.share * width))
    eighths = max(1, round(min(cell.share, 1.0) * width * 8))
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (_EIGHTHS[part] if part else "")
    return drawn + "▶" if cell.qualifier == "over" else drawn


def _markdown_cell(cell: Cell, column: Column) -> str:
    return bar(cell) if isinstance(cell, BarCell) else markdown_text(str(cell))


def to_markdown(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Grid) and block.terminal_only:
            continue
        if isinstance(block, Fields):
            lines = [f"## {markdown_text(block.title)}", ""]
            lines += [f"- **{label}:** {markdown_text(value)}" for label, value in block.items]
        else:
            lines = [f"### {markdown_text(block.title)}", ""] if block.title else []
            aligns = {"left": ":---", "right": "---:", "center": ":---:"}
            lines.append("| " + " | ".join(markdown_text(c.header) for c in block.columns) + " |")
            lines.append("| " + " | ".join(aligns[c.justify] for c in block.columns) + " |")
            for row in block.rows:
                cells = [
                    _markdown_cell(cell, column)
                    for cell, column in zip(row, block.columns, strict=True)
                ]
                lines.append("| " + " | ".join(cells) + " |")
            if block.caption:
                lines += ["", markdown_text(block.caption)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
