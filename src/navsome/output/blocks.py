"""Blocks, what a person reads (a heading with fields, or a grid of text cells), and their
Markdown; terminal.py draws them with Rich and machine.py writes rows as JSON or CSV. Every
piece of registry text passes through `visible` on its way out, so it prints literally.
"""

import re
from collections.abc import Callable
from typing import NamedTuple, Union

from navsome.output.escape import visible


class Column(NamedTuple):
    header: str
    justify: str = "left"
    style: str | None = None  # a Rich style for the terminal; other formats ignore it
    wrap: bool = False  # prose may wrap on a narrow terminal; names and figures never do
    bar: bool = False  # a bar chart: the first thing cut short when the terminal is narrow


Cell = Union[str, "BarCell"]  # text, or in a bar column a figure to draw (defined below)


class Grid:
    """A table of text cells; `terminal_only` marks a picture for the screen (sparklines)."""

    __slots__ = ("caption", "columns", "rows", "terminal_only", "title")

    def __init__(
        self,
        title: str | None,
        columns: list[Column],
        rows: list[list[Cell]] | None = None,
        caption: str | None = None,
        terminal_only: bool = False,
    ) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows if rows is not None else []
        self.caption = caption
        self.terminal_only = terminal_only


class Fields:
    """A heading followed by labelled values; `new_page` starts a page where pages are printed
    (an account's part of a report)."""

    __slots__ = ("items", "new_page", "title")

    def __init__(
        self, title: str, items: list[tuple[str, str]] | None = None, new_page: bool = False
    ) -> None:
        self.title = title
        self.items = items if items is not None else []
        self.new_page = new_page


class Picture:
    """A chart, drawn as SVG by `draw()` only when a format shows pictures: inlined in HTML, a
    file beside exported Markdown (named after `name`). The grid beside it holds the same
    figures as text, so text formats leave it out."""

    __slots__ = ("description", "draw", "name", "title")

    def __init__(
        self, title: str, name: str, draw: Callable[[], str], description: str = ""
    ) -> None:
        self.title = title
        self.name = name
        self.draw = draw
        self.description = description  # the chart in words, for those who cannot see it


Block = Grid | Fields | Picture

# `>` is left alone: it starts a quotation only at the start of a line (see `markdown_text`).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<|])")


def markdown_text(text: str, cell: bool = True) -> str:
    """Text that Markdown shows as written; in a table cell (`cell`) line breaks become <br>
    so the row stays whole, elsewhere a line starting with `>` is escaped, not a quotation."""
    lines = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)).splitlines()
    if cell:
        return "<br>".join(lines)
    return "\n".join("\\" + line if line.startswith(">") else line for line in lines)


BAR_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"


class BarCell(NamedTuple):
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


def to_markdown(blocks: list[Block], pictures: dict[str, str] | None = None) -> str:
    """The blocks as GitHub-flavoured Markdown; a picture is a link to the file `pictures`
    names for it (by its name), and left out when there is none."""
    parts = []
    for block in blocks:
        if isinstance(block, Grid) and block.terminal_only:
            continue
        if isinstance(block, Picture):
            if pictures and block.name in pictures:
                target = pictures[block.name].replace(" ", "%20")
                link = f"![{markdown_text(block.title)}]({target})"
                said = markdown_text(block.description, cell=False)
                parts.append(f"{link}\n\n{said}" if block.description else link)
            continue
        if isinstance(block, Fields):
            lines = [f"## {markdown_text(block.title)}"]
            if block.items:  # else a heading over what follows, a blank line apart as any part
                lines.append("")
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
                lines += ["", markdown_text(block.caption, cell=False).replace("\n", "  \n")]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
