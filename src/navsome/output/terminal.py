"""Blocks drawn as Rich tables, for a terminal and for pictures (SVG, HTML)."""

from __future__ import annotations

from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from navsome.output.blocks import BAR_WIDTH, BarCell, Block, Fields, Grid, Picture, bar
from navsome.output.escape import visible


def print_blocks(blocks: list[Block], stream: IO[str]) -> None:
    """Draw the blocks on a terminal: coloured (unless NO_COLOR), wrapped to its width."""
    console = Console(file=stream, force_terminal=True, highlight=False, emoji=False, markup=False)
    console.print(Group(*_spaced(_renderables(blocks))))


def picture(blocks: list[Block], kind: str) -> str:
    """The blocks as a terminal would show them, in colour, as an SVG or HTML document."""
    import io

    console = Console(
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        markup=False,
    )
    group = Group(*_spaced(_renderables(blocks)))
    unbounded = console.options.update_width(100_000)
    console.width = min(max(console.measure(group, options=unbounded).maximum, 40), 160)
    console.print(group)
    if kind == ".svg":
        return console.export_svg(title="navsome")
    return console.export_html(inline_styles=True)


def _renderables(blocks: list[Block]) -> list[RenderableType]:
    """A terminal draws no SVG: a picture's grid shows the same figures."""
    return [_renderable(block) for block in blocks if not isinstance(block, Picture)]


def _spaced(renderables: list[RenderableType]) -> list[RenderableType]:
    spaced: list[RenderableType] = []
    for renderable in renderables:
        if spaced:
            spaced.append(Text(""))
        spaced.append(renderable)
    return spaced


def _renderable(block: Grid | Fields) -> Table:
    if isinstance(block, Fields):
        table = Table.grid(padding=(0, 2))
        table.title = Text(visible(block.title), style="bold")
        table.title_justify = "left"
        table.add_column(style="dim", no_wrap=True)
        table.add_column()
        for label, value in block.items:
            table.add_row(Text(label), Text(visible(value)))
        return table
    table = Table(
        title=Text(visible(block.title), style="bold") if block.title else None,
        title_justify="left",
        caption=Text(visible(block.caption), style="dim") if block.caption else None,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        header_style="bold",
    )
    for column in block.columns:
        table.add_column(
            Text(visible(column.header)),
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            # Rich narrows wrappable columns first: prose and bars give way before names do.
            no_wrap=not (column.wrap or column.bar),
        )
    for row in block.rows:
        table.add_row(
            *(
                Bar(cell) if isinstance(cell, BarCell) else Text(visible(str(cell)))
                for cell, col in zip(row, block.columns, strict=True)
            )
        )
    return table


class Bar:
    """A bar drawn to whatever width its column gets, so a narrow terminal keeps proportions."""

    def __init__(self, cell: BarCell) -> None:
        self.cell = cell

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, BAR_WIDTH + 1)  # room for the ▶ of an open-ended figure

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = min(options.max_width, BAR_WIDTH + 1) - 1
        drawn = Text(bar(self.cell, width), no_wrap=True)
        # Approximate parts in yellow: a range's span, an "about" bar, an open end's arrow.
        for mark in "░▓▶":
            start = drawn.plain.find(mark)
            if start >= 0:
                drawn.stylize("yellow", start, len(drawn.plain))
                break
        yield drawn
