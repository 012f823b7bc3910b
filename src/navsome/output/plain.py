"""Blocks as plain text for a pipe or a file: the layout of the terminal tables, without Rich.

Piped output is read by other programs and pasted into reports, so it is never wrapped (a row is
one line), carries no escape codes and no trailing spaces, and needs no import of Rich: a script
that runs navsome many times does not pay for drawing a terminal it does not have.
"""

from __future__ import annotations

from navsome.output.blocks import BAR_WIDTH, BarCell, Block, Fields, Grid, Picture, bar
from navsome.output.escape import visible


def plain_text(blocks: list[Block]) -> str:
    parts = [
        _fields(block) if isinstance(block, Fields) else _grid(block)
        for block in blocks
        if not isinstance(block, Picture)  # its grid says the same in text
    ]
    text = "\n\n".join("\n".join(line.rstrip() for line in part) for part in parts if part)
    return text + "\n" if text else ""


def cell_width(text: str) -> int:
    """Columns `text` takes on a terminal: wide East Asian characters two, combining marks none.
    Hidden characters, which take none or move the text, are escaped before this is asked."""
    if text.isascii():  # most cells: unicodedata (a compiled module) is loaded only when needed
        return len(text)
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, justify: str) -> str:
    gap = " " * (width - cell_width(text))
    return gap + text if justify == "right" else text + gap


def _fields(block: Fields) -> list[str]:
    lines = [visible(block.title)]
    width = max((cell_width(label) for label, _ in block.items), default=0)
    for label, value in block.items:
        for index, line in enumerate(visible(value).split("\n")):
            lines.append(_pad(label if index == 0 else "", width, "left") + "  " + line)
    return lines


def _grid(block: Grid) -> list[str]:
    if block.terminal_only:
        return []
    columns = block.columns
    cells = [
        [
            [bar(cell, BAR_WIDTH)] if isinstance(cell, BarCell) else visible(str(cell)).split("\n")
            for cell in row
        ]
        for row in block.rows
    ]
    headers = [visible(column.header) for column in columns]
    widths = [
        max(
            [cell_width(headers[i]), BAR_WIDTH + 1 if column.bar else 0]
            + [cell_width(line) for row in cells for line in row[i]]
        )
        for i, column in enumerate(columns)
    ]

    def line(values: list[str]) -> str:
        padded = (_pad(v, w, c.justify) for v, w, c in zip(values, widths, columns, strict=True))
        return " " + "   ".join(padded) + " "

    total = sum(widths) + 3 * len(widths) - 1
    lines = [visible(block.title)] if block.title else []
    lines += [line(headers), "─" * total]
    for row in cells:
        for index in range(max(len(cell) for cell in row)):
            lines.append(line([cell[index] if index < len(cell) else "" for cell in row]))
    if block.caption:
        lines += visible(block.caption).split("\n")
    return lines
