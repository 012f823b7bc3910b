"""Which columns of a grid a terminal of a given width shows, and how wide.

A figure, a rank or a column that tells rows apart is never cut short: a narrow terminal first
loses the bar chart, then wraps prose, then gives up the other text columns from the right
(short ones before prose),
then wraps what is left between words (never within one), and if the figures still do not fit,
shows them in several tables, each with the columns that tell its rows apart.
"""

from __future__ import annotations

from typing import NamedTuple

from navsome.output.blocks import BarCell, Grid
from navsome.output.escape import visible
from navsome.output.plain import cell_width

# Between two columns Rich draws a space of padding each side and a blank rule between them;
# on a narrow screen one space of padding, and none at the edges.
PADDING = 3
NARROW_PADDING = 2
EDGE = 1
NARROWEST_PROSE = 12  # prose is wrapped no narrower, or a longest word if that is longer


class Fitted(NamedTuple):
    shown: list[int]  # the columns drawn, by index, in order
    widths: dict[int, int]  # the most each shown column takes
    least: dict[int, int]  # the least: its longest word, below which a word would be cut
    narrow: bool  # whether the terminal was too narrow for every column as it is


def fit(grid: Grid, width: int) -> list[Fitted]:
    """The grid as one table, or as several when its figures are too many for the width."""
    columns = grid.columns
    widths = {i: _natural(grid, i) for i in range(len(columns))}
    least = {i: _longest_word(grid, i) for i in range(len(columns))}
    keys = _keys(grid)
    shown = list(range(len(columns)))

    def need(chosen: list[int], sizes: dict[int, int]) -> int:
        return sum(sizes[i] for i in chosen) + NARROW_PADDING * (len(chosen) - 1)

    if sum(widths.values()) + PADDING * (len(shown) - 1) + 2 * EDGE <= width:
        return [Fitted(shown, widths, least, narrow=False)]
    shown = [i for i in shown if not columns[i].bar]
    for i in shown:
        if columns[i].wrap:  # prose wraps, a key's too: it is kept, not cut
            widths[i] = min(widths[i], max(NARROWEST_PROSE, least[i]))
    # The other text columns, rightmost first: short ones before prose, which says most.
    droppable = [i for i in shown if i not in keys and columns[i].justify != "right"]
    for i in [*reversed([i for i in droppable if not columns[i].wrap]), *reversed(droppable)]:
        if need(shown, widths) <= width:
            break
        if i in shown:
            shown.remove(i)
    if need(shown, least) <= width:
        return [Fitted(shown, _shrunk(shown, widths, least, width), least, narrow=True)]
    # Still too wide: the figures over several tables, each with the columns naming its rows.
    kept = [i for i in shown if i in keys or (i == 0 and columns[0].justify == "right")]
    pages: list[list[int]] = []
    for i in (i for i in shown if i not in kept):
        if pages and need([*pages[-1], i], least) <= width:
            pages[-1].append(i)
        else:
            pages.append([*kept, i])
    return [
        Fitted(sorted(page), _shrunk(page, widths, least, width), least, narrow=True)
        for page in pages or [kept]
    ]


def _shrunk(
    shown: list[int], widths: dict[int, int], least: dict[int, int], width: int
) -> dict[int, int]:
    """Widths that fit `width`: the widest columns narrowed first, none below its least."""
    sizes = {i: widths[i] for i in shown}
    excess = sum(sizes.values()) + NARROW_PADDING * (len(shown) - 1) - width
    while excess > 0:
        widest = max((i for i in shown if sizes[i] > least[i]), key=sizes.__getitem__, default=None)
        if widest is None:
            break
        sizes[widest] -= 1
        excess -= 1
    return sizes


def _lines(grid: Grid, index: int) -> list[str]:
    found = [visible(grid.columns[index].header)]
    for row in grid.rows:
        cell = row[index]
        if not isinstance(cell, BarCell):
            found += visible(str(cell)).split("\n")
    return found


def _natural(grid: Grid, index: int) -> int:
    if grid.columns[index].bar:
        return 25
    return max(cell_width(line) for line in _lines(grid, index))


def _longest_word(grid: Grid, index: int) -> int:
    """The narrowest a column can be without cutting a word of its cells (a heading may
    break within a word: it is a label, not a figure)."""
    if grid.columns[index].bar:
        return 1
    cells = _lines(grid, index)[1:] or _lines(grid, index)
    return max((cell_width(word) for line in cells for word in line.split()), default=1)


def _keys(grid: Grid) -> set[int]:
    """The columns that tell rows apart: the text columns from the left, as many as it takes
    for no two rows to read alike."""
    candidates = [
        i for i, column in enumerate(grid.columns) if not column.bar and column.justify != "right"
    ]
    keys: list[int] = []
    for index in candidates:
        keys.append(index)
        if len({tuple(str(row[k]) for k in keys) for row in grid.rows}) == len(grid.rows):
            break
    return set(keys)
