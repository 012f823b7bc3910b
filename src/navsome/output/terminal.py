"""Blocks drawn as Rich tables, for a terminal and for pictures (SVG, HTML)."""

from __future__ import annotations

from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from navsome.output.blocks import BAR_WIDTH, BarCell, Block, Cell, Fields, Grid, Picture, bar
from navsome.output.escape import visible
from navsome.output.fit import Fitted, fields_widths, fit, wrap


def print_blocks(blocks: list[Block], stream: IO[str]) -> None:
    """Draw the blocks on a terminal: coloured (unless NO_COLOR), fitted to its width (see
    fit.py: a narrow screen spreads a table over several before it cuts a figure short)."""
    console = Console(file=stream, force_terminal=True, highlight=False, emoji=False, markup=False)
    console.print(Group(*_spaced(_renderables(blocks, console.width))))


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


def _renderables(blocks: list[Block], width: int | None = None) -> list[RenderableType]:
    """A terminal draws no SVG: a picture's grid shows the same figures."""
    return [_renderable(block, width) for block in blocks if not isinstance(block, Picture)]


def _spaced(renderables: list[RenderableType]) -> list[RenderableType]:
    spaced: list[RenderableType] = []
    for renderable in renderables:
        if spaced:
            spaced.append(Text(""))
        spaced.append(renderable)
    return spaced


def _renderable(block: Grid | Fields, width: int | None = None) -> RenderableType:
    if isinstance(block, Fields):
        return _fields(block, width)
    if width is None:  # a picture: every column, as wide as it needs
        pages = [Fitted(list(range(len(block.columns))), {}, narrow=False)]
    else:
        pages = fit(block, width)
    if not pages[0].narrow:
        tables = [
            _table(block, page, first=number == 0, last=number == len(pages) - 1)
            for number, page in enumerate(pages)
        ]
        return tables[0] if len(tables) == 1 else Group(*_spaced(list(tables)))
    # On a narrow screen the title and caption take the screen's width, not a narrow table's.
    drawn: list[RenderableType] = []
    if block.title:
        drawn.append(Text(visible(block.title), style="bold italic"))
    drawn += _spaced([_table(block, page, first=False, last=False) for page in pages])
    if block.caption:
        drawn.append(Text(visible(block.caption), style="dim italic"))
    return Group(*drawn)


def _fields(block: Fields, width: int | None) -> Table:
    """Labels and values; on a terminal, wrapped between words (a long label too) so that no
    value is cut short, a figure or a date least of all."""
    table = Table.grid(padding=(0, 2))
    table.title = Text(visible(block.title), style="bold")
    table.title_justify = "left"
    labels = [label for label, _ in block.items]
    values = [visible(value) for _, value in block.items]
    if width is None or not block.items:  # a picture: as wide as they are
        table.add_column(style="dim", no_wrap=True)
        table.add_column()
        for label, value in zip(labels, values, strict=True):
            table.add_row(Text(label), Text(value))
        return table
    sizes = fields_widths(labels, values, width)
    table.add_column(style="dim", width=sizes[0], overflow="fold")
    table.add_column(width=sizes[1], overflow="fold")
    for label, value in zip(labels, values, strict=True):
        table.add_row(
            *(
                Text("\n".join(wrap(text, size)))
                for text, size in zip((label, value), sizes, strict=True)
            )
        )
    return table


def _table(block: Grid, page: Fitted, first: bool, last: bool) -> Table:
    table = Table(
        title=Text(visible(block.title), style="bold") if block.title and first else None,
        title_justify="left",
        caption=Text(visible(block.caption), style="dim") if block.caption and last else None,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        header_style="bold",
        # On a narrow screen, one space between columns and none at the edges.
        padding=(0, 1, 0, 0) if page.narrow else (0, 1),
        pad_edge=not page.narrow,
    )
    for index in page.shown:
        column = block.columns[index]
        heading = visible(column.header)
        if page.narrow:  # exactly as wide as fit.py says, so every line already fits
            size = page.widths[index]
            table.add_column(
                Text("\n".join(wrap(heading, size))),
                justify=column.justify,  # type: ignore[arg-type]
                style=column.style,
                width=size,
                overflow="fold",
            )
            continue
        whole = not (column.wrap or column.bar)  # a name or a figure keeps its width; prose wraps
        table.add_column(
            Text(heading, overflow="fold"),
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            no_wrap=whole,
            min_width=page.widths.get(index) if whole else None,
        )
    for row in block.rows:
        table.add_row(*(_cell(row[index], page, index) for index in page.shown))
    return table


def _cell(cell: Cell, page: Fitted, index: int) -> RenderableType:
    if isinstance(cell, BarCell):
        return Bar(cell)
    if page.narrow:  # wrapped here: between words, never within a figure (see fit.py)
        return Text("\n".join(wrap(visible(str(cell)), page.widths[index])))
    return Text(visible(str(cell)))


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
