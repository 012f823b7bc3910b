"""Blocks drawn as Rich tables, for a terminal and for pictures (SVG, HTML)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from navsome.output.blocks import BAR_WIDTH, BarCell, Block, Fields, Grid, Picture, bar
from navsome.output.escape import visible

if TYPE_CHECKING:
    from navsome.output.fit import Fitted


def print_blocks(blocks: list[Block], stream: IO[str]) -> None:
    """Draw the blocks on a terminal: coloured (unless NO_COLOR), fitted to its width (see
    fit.py: a narrow screen gives up columns before it cuts a figure short)."""
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
        table = Table.grid(padding=(0, 2))
        table.title = Text(visible(block.title), style="bold")
        table.title_justify = "left"
        table.add_column(style="dim", no_wrap=True)
        table.add_column()
        for label, value in block.items:
            table.add_row(Text(label), Text(visible(value)))
        return table
    if width is None:  # a picture: every column, as wide as it needs
        from navsome.output.fit import Fitted

        pages = [Fitted(list(range(len(block.columns))), {}, {}, narrow=False)]
    else:
        from navsome.output.fit import fit

        pages = fit(block, width)
    tables = [
        _table(block, page, first=number == 0, last=number == len(pages) - 1)
        for number, page in enumerate(pages)
    ]
    return tables[0] if len(tables) == 1 else Group(*_spaced(list(tables)))


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
        if page.narrow:  # every column wraps between words, and is never narrower than one
            whole, least, most = False, page.least.get(index), page.widths.get(index)
        else:  # a name or a figure keeps its width; prose wraps
            whole = not (column.wrap or column.bar)
            least, most = (page.widths.get(index) if whole else None), None
        table.add_column(
            Text(visible(column.header), overflow="fold"),  # a heading may break; a figure not
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            no_wrap=whole,
            min_width=least,
            max_width=most,
        )
    for row in block.rows:
        cells = [row[index] for index in page.shown]
        table.add_row(
            *(
                Bar(cell) if isinstance(cell, BarCell) else Text(visible(str(cell)))
                for cell in cells
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
