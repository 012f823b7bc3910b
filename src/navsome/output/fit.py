"""Which columns of a grid a terminal of a given width shows, in how many tables, and how wide.

A narrow terminal never cuts a figure, a date, a rank or a name short, and never breaks a word,
a heading's included (a line may break after a slash: a period 2017-03/ 2017-05, a path
jobblyst/ facebook/ followers). It gives up the bar
chart (it draws the figures beside it) and columns with nothing in them, wraps prose, then
wraps every column between words: a figure (37 300, 3,5 mill., 91 %) is one word. If the
columns still do not fit, they are spread over several tables, each repeating the columns that
tell its rows apart (the names: a rank, then the text columns left of the first figure, as many
as it takes for no two rows to read alike), in this order: each figure with its date beside it,
other dates, then short text before prose where the table has figures (a qualifier, a kind:
the prose only comments on them), prose first where it has none (there it is what the rows
say). Nothing else is given up, so nothing needs a note. Where a column is too wide for all the
names beside it, its table repeats as many of them as fit, from the left; a figure keeps its
date beside it so as long as those still tell the rows apart (a ranking's rank and account), and
a name that is then in no table follows the figures in one of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
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
    widths: dict[int, int]  # each one's width: the most it takes, or exactly when `narrow`
    narrow: bool  # whether the terminal was too narrow for every column as it is


# What a column holds, which decides what a narrow terminal does with it.
CHART = "chart"  # a bar chart: given up
EMPTY = "empty"  # nothing in any row: given up
RANK = "rank"  # a rank (#) first: tells rows apart
DATE = "date"  # 2017-12, 2017-03/2017-05: a figure's date, or a row's
FIGURE = "figure"  # 37,300, ≈800, >3 000, 19,500 (2017-12)
PROSE = "prose"  # text that wraps
TEXT = "text"  # short text: a qualifier, a kind, a status

# Where a line may break: a space, but not one inside a figure (37 300, 3,5 mill., 91 %) nor a
# space that does not break (no-break, figure and narrow no-break spaces).
_SPACE = "[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]"
_WORD = re.compile(rf"(?:(?!{_SPACE}).)+(?:(?<=\d) (?:\d{{3}}(?!\d)|mill\.|%)(?:(?!{_SPACE}).)*)*")
# A word may also break after a slash: a period's two dates, a path's parts (never a figure's).
_PIECE = re.compile(r"[^/]*/+|[^/]+")
_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}(?:/\d{4}(?:-\d{2}){0,2})?(?: \(.*\))?", re.DOTALL)
_FIGURE = re.compile(r"[≈>+−-]?\d")
_NONE = ("", "—")  # a cell with no figure


def pieces(line: str) -> Iterator[tuple[str, bool]]:
    """The parts of a line a break may fall between, each with whether it is joined to the
    one before it (the parts of a word split after its slashes) or a space apart."""
    for word in _WORD.findall(line):
        for number, piece in enumerate(_PIECE.findall(word)):
            yield piece, number > 0


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines no wider than `width`, broken only between words (and after a slash); a
    word wider than `width`, which `fit` never allows for, is folded."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for piece, joined in pieces(paragraph):
            size = cell_width(piece)
            gap = 0 if joined or not line else 1
            if line and used + gap + size > width:
                lines.append(line)
                line, used, gap = "", 0, 0
            while size > width and not line:  # only where the terminal is narrower than a word
                cut = _fold(piece, width)
                lines.append(piece[:cut])
                piece = piece[cut:]
                size = cell_width(piece)
            line += " " * gap + piece
            used += gap + size
        lines.append(line)
    return lines


def _fold(piece: str, width: int) -> int:
    """How many characters of `piece` fill `width` columns (at least one)."""
    used = 0
    for index, char in enumerate(piece):
        used += cell_width(char)
        if used > width:
            return max(index, 1)
    return len(piece)


def fit(grid: Grid, width: int) -> list[Fitted]:
    """The grid as one table, or as several when its columns are too many for the width."""
    columns = grid.columns
    every = list(range(len(columns)))
    lines = {i: _lines(grid, i) for i in every}
    natural = {i: max(cell_width(line) for line in lines[i]) for i in every}
    for i in every:
        if columns[i].bar:
            natural[i] = 25
    if sum(natural.values()) + PADDING * (len(every) - 1) + 2 * EDGE <= width:
        return [Fitted(every, natural, narrow=False)]
    kinds = _kinds(grid)
    shown = [i for i in every if kinds[i] not in (CHART, EMPTY)]
    if not shown:  # nothing but empty columns: show them as they are
        shown = [i for i in every if kinds[i] != CHART] or every
        kinds = {i: TEXT for i in every}
    names = _names(grid, kinds, shown)
    least = {i: longest_word(lines[i]) for i in shown}  # of its heading and its cells
    floor = {  # prose that names no row is wrapped no narrower than NARROWEST_PROSE
        i: max(least[i], min(natural[i], NARROWEST_PROSE))
        if kinds[i] == PROSE and i not in names
        else least[i]
        for i in shown
    }

    def need(chosen: list[int]) -> int:
        return sum(floor[i] for i in chosen) + NARROW_PADDING * (len(chosen) - 1)

    groups, others = _items(kinds, shown, names)
    pages = _pack(
        names,
        groups,
        others,
        need,
        width,
        lambda chosen: _told_apart(grid, chosen) == len(grid.rows),
    )
    return [
        Fitted(sorted(page), _widths(page, floor, natural, width), narrow=True) for page in pages
    ]


def _items(
    kinds: dict[int, str], shown: list[int], names: list[int]
) -> tuple[list[list[int]], list[list[int]]]:
    """What goes beside the names, most needed first: each figure with its dates (those right
    of it before the next figure; a date left of every figure goes with the first); then, in
    `others`, the dates of a table without figures, and short text and prose."""
    figures = [i for i in shown if kinds[i] == FIGURE]
    groups = {figure: [figure] for figure in figures}
    dates: list[list[int]] = []
    for i in shown:
        if kinds[i] != DATE or i in names:
            continue
        before = [figure for figure in figures if figure < i]
        if before or figures:
            groups[before[-1] if before else figures[0]].append(i)
        else:
            dates.append([i])
    text = [[i] for i in shown if kinds[i] == TEXT and i not in names]
    prose = [[i] for i in shown if kinds[i] == PROSE and i not in names]
    return list(groups.values()), dates + (text + prose if figures else prose + text)


def _pack(
    names: list[int],
    groups: list[list[int]],
    others: list[list[int]],
    need: Callable[[list[int]], int],
    width: int,
    tells_apart: Callable[[list[int]], bool],
) -> list[list[int]]:
    """Tables of the names and the items: each item in the first table with room for it (the
    figures in their order from table to table), else in a new table with the names. What is
    too wide for all the names gets as many of them as fit, from the left (a figure and its
    date stay together so if those names still tell the rows apart, else they go one by one
    with all the names), and a name then in no table comes in one after the figures."""
    pages: list[list[int]] = []

    def place(part: list[int], first: int = 0) -> int:
        for table in range(first, len(pages)):
            if need([*pages[table], *part]) <= width:
                pages[table] += part
                return table
        beside = [i for i in names if i not in part]
        if need([*beside, *part]) > width:
            beside = _beside(beside, part, need, width)
        pages.append([*beside, *part])
        return len(pages) - 1

    def place_missing() -> None:
        for name in names:
            if pages and not any(name in page for page in pages):
                place([name])

    start = 0  # the table of the last figure placed
    for group in groups:
        parts = [group]
        if len(group) > 1 and need([*names, *group]) > width:
            fewer = _beside(names, group, need, width)
            if not tells_apart(fewer) and all(need([*names, i]) <= width for i in group):
                parts = [[i] for i in group]
        for part in parts:
            start = place(part, start)
    place_missing()  # a name crowded out by the figures comes right after them
    for item in others:
        place(item)
    place_missing()
    return pages or [names]


def _beside(
    names: list[int], part: list[int], need: Callable[[list[int]], int], width: int
) -> list[int]:
    """As many of `names` as fit beside `part`, from the left."""
    chosen: list[int] = []
    for name in names:
        if need([*chosen, name, *part]) <= width:
            chosen.append(name)
    return chosen


def _widths(
    page: list[int], floor: dict[int, int], natural: dict[int, int], width: int
) -> dict[int, int]:
    """Each column its floor; then the room left makes whole the columns it can, those that
    need least first (a heading such as "Per dato" on one line), and the rest goes a column
    at a time to the one furthest from its natural width."""
    sizes = {i: floor[i] for i in page}
    spare = width - sum(sizes.values()) - NARROW_PADDING * (len(page) - 1)
    for i in sorted(page, key=lambda i: natural[i] - sizes[i]):
        if 0 < natural[i] - sizes[i] <= spare:
            spare -= natural[i] - sizes[i]
            sizes[i] = natural[i]
    while spare > 0:
        widest = max(page, key=lambda i: natural[i] - sizes[i])
        if natural[widest] <= sizes[widest]:
            break
        sizes[widest] += 1
        spare -= 1
    return sizes


def _lines(grid: Grid, index: int) -> list[str]:
    """The column's heading and then each line of its cells, as printed."""
    found = [visible(grid.columns[index].header)]
    for row in grid.rows:
        cell = row[index]
        if not isinstance(cell, BarCell):
            found += visible(str(cell)).split("\n")
    return found


def longest_word(lines: Iterable[str]) -> int:
    """The widest word of `lines` (a figure such as 37 300 is one), or 1."""
    return max((cell_width(piece) for line in lines for piece, _ in pieces(line)), default=1)


def fields_widths(labels: list[str], values: list[str], width: int) -> tuple[int, int]:
    """How wide labels and their values are drawn on a terminal `width` wide: each as wide as
    it is if both fit; else the values keep up to half the width (and never less than their
    longest word), and the labels wrap between words to leave it."""
    label_lines = [line for label in labels for line in label.split("\n")]
    value_lines = [line for value in values for line in value.split("\n")]
    most = [max(map(cell_width, lines), default=1) for lines in (label_lines, value_lines)]
    least = [longest_word(lines) for lines in (label_lines, value_lines)]
    kept = max(least[1], min(most[1], (width - 2) // 2))
    label = max(least[0], min(most[0], width - 2 - kept))
    return label, max(least[1], min(most[1], width - 2 - label))


def _kinds(grid: Grid) -> dict[int, str]:
    """What each column holds, told from its cells: the views say only which wrap and which
    are right-aligned (figures, a rank, a year), not which text is a date or a figure."""
    kinds = {}
    for index, column in enumerate(grid.columns):
        if column.bar:
            kinds[index] = CHART
            continue
        cells = [str(row[index]).strip() for row in grid.rows]
        filled = [cell for cell in cells if cell not in _NONE]
        if grid.rows and not any(cells):
            kinds[index] = EMPTY
        elif filled and all(_DATE.fullmatch(cell) for cell in filled):
            kinds[index] = DATE
        elif index == 0 and column.justify == "right":
            kinds[index] = RANK
        elif column.justify == "right" or (filled and all(map(_FIGURE.match, filled))):
            kinds[index] = FIGURE
        else:
            kinds[index] = PROSE if column.wrap else TEXT
    return kinds


def _names(grid: Grid, kinds: dict[int, str], shown: list[int]) -> list[int]:
    """The columns that tell rows apart: the rank, then the text columns left of the first
    figure (prose never, in a table without figures: there it is what the rows say), the first
    always and each other one if it tells more rows apart, until no two rows read alike."""
    figures = [i for i in shown if kinds[i] == FIGURE]
    if figures:
        candidates = [i for i in shown if kinds[i] in (DATE, TEXT, PROSE) and i < figures[0]]
    else:
        candidates = [i for i in shown if kinds[i] in (DATE, TEXT)]
    keys: list[int] = []
    apart = 0
    for index in candidates:
        told = _told_apart(grid, [*keys, index])
        if told > apart or not keys:
            keys.append(index)
            apart = told
        if apart == len(grid.rows):
            break
    return [i for i in shown if kinds[i] == RANK] + keys


def _told_apart(grid: Grid, columns: list[int]) -> int:
    return len({tuple(str(row[i]) for i in columns) for row in grid.rows})
