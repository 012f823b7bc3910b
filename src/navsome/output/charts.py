"""Charts as standalone SVG text, drawn by hand: figures over time as lines, a ranking as bars.

Each chart is a whole document, safe to inline in an HTML page or to write as a .svg file: no
script, no links, no fetched fonts, every piece of text escaped, and the same input gives the
same bytes. Precision is drawn, not only coloured, so a chart survives black-and-white print.
"""

from __future__ import annotations

import math
import zlib
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from navsome.dates import period_end, period_start
from navsome.output.escape import visible
from navsome.output.numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Callable

    from navsome.i18n import Words


class Point(NamedTuple):
    """One figure of a series: where it is drawn, and how precise it is."""

    when: str  # as the registry writes it: "2017", "2017-12", "2017-12-31", "2017-03/2017-05"
    value: float  # the number to plot (a range's midpoint; a bound's stated value)
    qualifier: str = "exact"  # "exact" | "about" | "over" | "range"
    low: float | None = None  # a range's low end
    high: float | None = None  # a range's high end
    text: str = ""  # the figure as printed ("≈1 000", ">3 000", "600–800"), for its tooltip


class Series(NamedTuple):
    name: str  # the legend label: "NAV Jobblyst · Facebook · Followers"
    points: list[Point]


class Bar(NamedTuple):
    """One row of a ranking."""

    label: str  # "foreldrepenger · Facebook"
    value: float  # where it is ranked (a range's midpoint)
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    text: str = ""  # the figure as printed, written at the end of the bar


WIDTH = 720
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Okabe–Ito's colours, told apart by the common kinds of colour blindness; its yellow is left
# out, too faint on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
# A shape and a dash per series as well, for a reader who cannot tell the colours apart at all.
SHAPES = {
    "circle": '<circle r="4.5"',
    "square": '<rect x="-4" y="-4" width="8" height="8"',
    "diamond": '<polygon points="0,-5.5 5.5,0 0,5.5 -5.5,0"',
    "triangle": '<polygon points="0,-5.5 5,4 -5,4"',
    "down": '<polygon points="0,5.5 5,-4 -5,-4"',
}
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MARK_ORDER = ("exact", "about", "over", "range")
INK = "#222222"
GRID = "#dddddd"
FAINT = "#555555"
PAPER = "#ffffff"
LABEL_LIMIT = 32  # a bar's label is cut here; its full text stays in a <title>
NAME_LIMIT = 90  # a series' name in the legend
TITLE_LIMIT = 80

# The line chart's plot area and rows; the bar chart's rows.
PLOT_TOP = 48
PLOT_HEIGHT = 240
ROW = 20
BAR_ROW = 24
BAR_HEIGHT = 14


def line_chart(
    title: str,
    series: list[Series],
    *,
    words: Words,
    description: str = "",
    marks_legend: list[str] | None = None,
    empty: str = "No figures",
) -> str:
    """Series of figures as lines over real time, each point at the middle of the period its
    date names. Below the legend, the marks of precision that occur are shown with their names
    (`marks_legend`, when given, is written there instead, one line each); `empty` is what a
    chart with no figures says."""
    drawn = [(index, s) for index, s in enumerate(series) if s.points]
    if not drawn:
        return _empty_chart(title, description, empty)
    every_point = [p for _, s in drawn for p in s.points]
    middles = {p.when: _period_middle(p.when) for p in every_point}
    first_day = min(_day(period_start(p.when)) for p in every_point)
    after_last_day = max(_day(period_end(p.when)) for p in every_point) + 1

    plotted = [v for p in every_point for v in _extent(p)]
    scale = _nice_scale(min(plotted), max(plotted), all(float(v).is_integer() for v in plotted))
    tick_labels = [format_number(value, words=words) for value in scale.ticks]
    # Room for the widest number on the left, and for half the widest date (a day's) at
    # either end of the time axis, whose end ticks are labelled in their middle.
    date_room = 16 + _text_width("2017-12-31", 12) / 2
    left = max(16 + max(_text_width(text, 12) for text in tick_labels) + 8, date_room)
    right = WIDTH - date_room
    axis = _time_axis(first_day, after_last_day, right - left)
    plot_bottom = PLOT_TOP + PLOT_HEIGHT

    def x_of(day: float) -> float:
        return left + (day - axis.start) / (axis.end - axis.start) * (right - left)

    def y_of(value: float) -> float:
        share = (value - scale.low) / (scale.high - scale.low)
        return plot_bottom - share * PLOT_HEIGHT

    body = _title_text(title)
    for value, text in zip(scale.ticks, tick_labels, strict=True):
        y = y_of(value)
        stroke = FAINT if value == 0 and scale.low < 0 else GRID
        body.append(_line(left, y, right, y, stroke))
        body.append(_text(left - 6, y + 4, text, anchor="end"))
    for day, text in axis.ticks:
        x = x_of(day)
        body.append(_line(x, PLOT_TOP, x, plot_bottom, "#eeeeee"))
        body.append(_line(x, plot_bottom, x, plot_bottom + 4, INK))
        body.append(_text(x, plot_bottom + 18, text, anchor="middle"))
    body.append(_line(left, plot_bottom, right, plot_bottom, INK))

    bands: list[str] = []
    lines: list[str] = []
    markers: list[str] = []
    for index, one in drawn:
        colour = PALETTE[index % len(PALETTE)]
        shape = list(SHAPES)[index % len(SHAPES)]
        # Sorted by date, so the line runs forward in time whatever order the caller kept.
        points = sorted(one.points, key=lambda p: middles[p.when])
        places = [(x_of(middles[p.when]), y_of(p.value)) for p in points]
        bands += _range_bands(points, places, y_of, colour)
        if len(places) > 1:
            dash = DASHES[index % len(DASHES)]
            lines.append(
                f'<polyline class="line" points="{_points(places)}" fill="none" '
                f'stroke="{colour}" stroke-width="2"{_dash(dash)} stroke-linejoin="round"/>'
            )
        for point, (x, y) in zip(points, places, strict=True):
            tip = (
                f"{one.name}, {point.when}: {point.text or format_number(point.value, words=words)}"
            )
            markers.append(_marker(x, y, shape, colour, point.qualifier, tip))
    body += bands + lines + markers

    legend_top = plot_bottom + 40
    for row, (index, one) in enumerate(drawn):
        body.append(_series_key(index, one.name, 16, legend_top + row * ROW))
    height = legend_top + len(drawn) * ROW
    if marks_legend is None:
        qualifiers = {p.qualifier for p in every_point}
        if qualifiers - {"exact"}:  # a chart of exact figures needs no key to its marks
            body.append(_marks_key(qualifiers, 16, height + 6, words))
            height += 30
    else:
        for line_text in marks_legend:
            body.append(_text(16, height + 12, line_text, size=11, fill=FAINT))
            height += 18
    return _document(height + 8, title, description, body)


def bar_chart(
    title: str,
    bars: list[Bar],
    *,
    words: Words,
    description: str = "",
    marks_legend: list[str] | None = None,
    empty: str = "No figures",
) -> str:
    """A ranking as horizontal bars in the order given, each with its figure at its end. Below,
    the marks of precision that occur, in the terminal chart's words (`marks_legend`, when
    given, instead); `empty` is what a chart with no figures says."""
    if not bars:
        return _empty_chart(title, description, empty)
    ends = [v for b in bars for v in _extent(b)]
    scale = _nice_scale(min(ends), max(ends), all(float(v).is_integer() for v in ends))
    figure_texts = [b.text or format_number(b.value, words=words) for b in bars]
    labels = [_shorten(visible(b.label, one_line=True), LABEL_LIMIT) for b in bars]
    left = 16 + max(_text_width(text, 12) for text in labels) + 10
    figure_room = min(200.0, max(_text_width(text, 12) for text in figure_texts) + 24)
    right = WIDTH - 16 - figure_room
    plot_bottom = PLOT_TOP + len(bars) * BAR_ROW

    def x_of(value: float) -> float:
        return left + (value - scale.low) / (scale.high - scale.low) * (right - left)

    body = _title_text(title)
    for value in scale.ticks:
        x = x_of(value)
        body.append(_line(x, PLOT_TOP - 4, x, plot_bottom, FAINT if value == 0 else GRID))
        text = format_number(value, words=words)
        body.append(_text(x, plot_bottom + 16, text, anchor="middle"))
    zero = x_of(0)
    for row, (bar, label, figure) in enumerate(zip(bars, labels, figure_texts, strict=True)):
        top = PLOT_TOP + row * BAR_ROW + (BAR_ROW - BAR_HEIGHT) / 2
        colour = PALETTE[0]
        parts, tip = _bar_parts(bar, zero, top, x_of, colour)
        middle = top + BAR_HEIGHT / 2 + 4
        body.append(
            f'<g class="bar-row"><title>{_escape(bar.label)}: {_escape(figure)}</title>'
            f"{_text(left - 8, middle, label, anchor='end')}{parts}"
            f"{_text(max(tip, zero) + 6, middle, figure, css='figure')}</g>"
        )
    height = plot_bottom + 24
    if marks_legend is None:
        from navsome.output.views import LEGEND  # the terminal chart's words for the same marks

        qualifiers = {b.qualifier for b in bars}
        marks_legend = [words(text) for kind, text in LEGEND.items() if kind in qualifiers]
    for line_text in marks_legend:
        body.append(_text(16, height + 12, line_text, size=11, fill=FAINT))
        height += 18
    return _document(height + 8, title, description, body)


# The time axis


def _day(ymd: tuple[int, int, int]) -> int:
    return date(*ymd).toordinal()


def _period_middle(when: str) -> float:
    """Where a date stands on the time axis, in days: the middle of the period it names, from
    the start of its first day to the end of its last (noon on a day, 2 July for a year)."""
    return (_day(period_start(when)) + _day(period_end(when)) + 1) / 2


class _TimeAxis(NamedTuple):
    start: int  # the first tick's day
    end: int  # the last tick's day
    ticks: list[tuple[int, str]]


# Steps between ticks, tried from the finest until the labels fit.
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
_MONTH_STEPS = (1, 2, 3, 6, 12)
_DAY_STEPS = (1, 2, 7, 14, 28)


def _time_axis(first_day: int, after_last_day: int, width: float) -> _TimeAxis:
    """Ticks at calendar boundaries around the days from `first_day` up to `after_last_day`:
    years, months under about two years, days under about two months. The axis runs from the
    tick at or before the first day to the tick at or after the end of the last."""
    span = after_last_day - first_day
    unit, steps, label_length = (
        ("year", _YEAR_STEPS, 4)
        if span > 730
        else ("month", _MONTH_STEPS, 7)
        if span > 62
        else ("day", _DAY_STEPS, 10)
    )
    room = int(width // (label_length * 7 + 16)) + 1
    most = max(2, min(9, room))
    for step in steps:
        ticks = _ticks(unit, step, first_day, after_last_day)
        if len(ticks) <= most:
            break
    return _TimeAxis(ticks[0][0], ticks[-1][0], ticks)


def _ticks(unit: str, step: int, first_day: int, after_last_day: int) -> list[tuple[int, str]]:
    """Every `step`th calendar boundary of `unit`, from the last at or before `first_day` to the
    first at or after `after_last_day` (at least two)."""
    first = date.fromordinal(first_day)
    ticks: list[tuple[int, str]] = []
    if unit == "year":
        year = max(1, first.year // step * step)
        while not ticks or ticks[-1][0] < after_last_day:
            ticks.append((_day((year, 1, 1)), f"{year}"))
            year += step
    elif unit == "month":
        months = (first.year * 12 + first.month - 1) // step * step
        while not ticks or ticks[-1][0] < after_last_day:
            year, month = divmod(months, 12)
            ticks.append((_day((year, month + 1, 1)), f"{year}-{month + 1:02d}"))
            months += step
    else:
        day = first_day - (first_day - 1) % step  # a step of 7 falls on Mondays
        while not ticks or ticks[-1][0] < after_last_day:
            ticks.append((day, date.fromordinal(day).isoformat()))
            day += step
    return ticks


# The value axis


class _Scale(NamedTuple):
    low: float
    high: float
    ticks: list[float]


def _nice_scale(lowest: float, highest: float, whole: bool) -> _Scale:
    """An axis from 0 (or below, for a negative value) to a round number past `highest`, in
    4 to 6 steps of 1, 2, 2.5 or 5 times a power of ten; whole steps for whole numbers."""
    lowest, highest = min(lowest, 0.0), max(highest, 0.0)
    if highest == lowest:
        highest = lowest + 1
    rough = (highest - lowest) / 5
    magnitude = 10.0 ** math.floor(math.log10(rough))
    step = 10 * magnitude
    for multiple in (1, 2, 2.5, 5):
        candidate = multiple * magnitude
        if candidate >= rough * (1 - 1e-9) and not (whole and not candidate.is_integer()):
            step = candidate
            break
    first = math.floor(lowest / step + 1e-9)
    last = math.ceil(highest / step - 1e-9)
    ticks = [_tidy(k * step) for k in range(first, last + 1)]
    return _Scale(ticks[0], ticks[-1], ticks)


def _tidy(value: float) -> float:
    """A tick's value without float dust (0.30000000000000004 is 0.3), integral when whole."""
    value = round(value, 9)
    return float(int(value)) if value.is_integer() else value


def _extent(figure: Point | Bar) -> list[float]:
    """The values a figure's marks reach: its value, and a range's ends."""
    return [figure.value] + [v for v in (figure.low, figure.high) if v is not None]


# Marks


def _marker(
    x: float, y: float, shape: str, colour: str, qualifier: str, tip: str, kind: str = "point"
) -> str:
    """A point's marker, drawn about (0, 0) and moved to its place: filled when exact, hollow
    when it is not the stated figure (about, a range's midpoint, a lower bound); a lower bound
    also points up."""
    fill = colour if qualifier == "exact" else PAPER
    mark = f'{SHAPES[shape]} fill="{fill}" stroke="{colour}" stroke-width="1.5"/>'
    if qualifier == "over":
        mark += (
            f'<path class="bound" d="M0 -7L0 -17M-3.5 -13.5L0 -17L3.5 -13.5" fill="none" '
            f'stroke="{colour}" stroke-width="1.5"/>'
        )
    return (
        f'<g class="{kind} {_escape(qualifier)}" transform="translate({_n(x)} {_n(y)})">'
        f"<title>{_escape(tip)}</title>{mark}</g>"
    )


def _range_bands(
    points: list[Point],
    places: list[tuple[float, float]],
    y_of: Callable[[float], float],
    colour: str,
) -> list[str]:
    """A range as a bar from its low to its high end at its date, over a shaded band joining
    it to a range just before or after it in the series."""
    spans = [_span(p) for p in points]
    between: list[str] = []
    for ((x1, _), first), ((x2, _), second) in pairwise(zip(places, spans, strict=True)):
        if first is not None and second is not None:
            corners = [
                (x1, y_of(first[1])),
                (x2, y_of(second[1])),
                (x2, y_of(second[0])),
                (x1, y_of(first[0])),
            ]
            between.append(
                f'<polygon class="range-between" points="{_points(corners)}" fill="{colour}" '
                f'fill-opacity="0.12"/>'
            )
    bars: list[str] = []
    for (x, _), span in zip(places, spans, strict=True):
        if span is not None:
            top, bottom = y_of(span[1]), y_of(span[0])
            bars.append(
                f'<rect class="range" x="{_n(x - 4)}" y="{_n(top)}" width="8" '
                f'height="{_n(bottom - top)}" fill="{colour}" fill-opacity="0.25" '
                f'stroke="{colour}" stroke-width="1"/>'
            )
    return between + bars


def _span(point: Point) -> tuple[float, float] | None:
    """A range's low and high end, or None for any other figure."""
    if point.qualifier != "range" or point.low is None or point.high is None:
        return None
    return point.low, point.high


def _bar_parts(
    bar: Bar, zero: float, top: float, x_of: Callable[[float], float], colour: str
) -> tuple[str, float]:
    """A bar drawn with its precision, as the terminal draws it (blocks.bar): solid as stated;
    lighter and hatched when about; an arrowhead ▶ past a lower bound; solid up to a range's
    low end, then lighter up to its high end. Returns the drawing and where its tip is."""
    end = x_of(bar.value)
    if bar.qualifier == "range":
        low = x_of(bar.low if bar.low is not None else bar.value)
        high = x_of(bar.high if bar.high is not None else bar.value)
        solid = _bar_rect("bar range-low", zero, low, top, f'fill="{colour}"')
        span = _bar_rect("bar range-span", low, high, top, _light(colour))
        return solid + span, max(low, high)
    if bar.qualifier == "about":
        light = _bar_rect("bar about", zero, end, top, _light(colour))
        return light + _hatch(min(zero, end), max(zero, end), top, colour), end
    drawn = _bar_rect(f"bar {_escape(bar.qualifier)}", zero, end, top, f'fill="{colour}"')
    if bar.qualifier == "over":
        middle = top + BAR_HEIGHT / 2
        arrow = [(end, top - 3), (end + 9, middle), (end, top + BAR_HEIGHT + 3)]
        drawn += f'<polygon class="arrow" points="{_points(arrow)}" fill="{colour}"/>'
        return drawn, end + 9
    return drawn, end


def _bar_rect(css: str, start: float, end: float, top: float, paint: str) -> str:
    return (
        f'<rect class="{css}" x="{_n(min(start, end))}" y="{_n(top)}" '
        f'width="{_n(abs(end - start))}" height="{BAR_HEIGHT}" {paint}/>'
    )


def _light(colour: str) -> str:
    """A lighter fill with the colour's outline: an approximate extent that still prints."""
    return f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-width="1"'


def _hatch(start: float, end: float, top: float, colour: str, spacing: float = 5) -> str:
    """Diagonal lines filling a bar, cut at its ends by hand (a pattern would need url())."""
    height = float(BAR_HEIGHT)
    bottom = top + height
    strokes = []
    offset = start - height
    while offset < end:
        # The line (offset + t, bottom - t) for t from 0 to the bar's height, inside the bar.
        first, last = max(0.0, start - offset), min(height, end - offset)
        if first < last:
            begin = f"M{_n(offset + first)} {_n(bottom - first)}"
            strokes.append(f"{begin}L{_n(offset + last)} {_n(bottom - last)}")
        offset += spacing
    if not strokes:
        return ""
    return f'<path class="hatch" d="{"".join(strokes)}" stroke="{colour}" stroke-width="1"/>'


# Legends


def _series_key(index: int, name: str, x: float, y: float) -> str:
    """A series' line, marker and name, as drawn in the chart."""
    colour = PALETTE[index % len(PALETTE)]
    shape = list(SHAPES)[index % len(SHAPES)]
    middle = y + 6
    sample = (
        f'<line x1="{_n(x)}" y1="{_n(middle)}" x2="{_n(x + 28)}" y2="{_n(middle)}" '
        f'stroke="{colour}" stroke-width="2"{_dash(DASHES[index % len(DASHES)])}/>'
    )
    marker = (
        f'<g transform="translate({_n(x + 14)} {_n(middle)})">'
        f'{SHAPES[shape]} fill="{colour}" stroke="{colour}" stroke-width="1.5"/></g>'
    )
    shown = _shorten(visible(name, one_line=True), NAME_LIMIT)
    return (
        f'<g class="legend-entry"><title>{_escape(name)}</title>{sample}{marker}'
        f"{_text(x + 36, middle + 4, shown)}</g>"
    )


def _marks_key(qualifiers: set[str], x: float, y: float, words: Words) -> str:
    """A sample of each mark of precision that occurs, named in the run's language."""
    parts = []
    for qualifier in MARK_ORDER:
        if qualifier not in qualifiers:
            continue
        name = words(qualifier)
        centre_x, centre_y = x + 6, y + 16
        if qualifier == "range":
            parts.append(
                f'<rect x="{_n(centre_x - 4)}" y="{_n(centre_y - 9)}" width="8" height="18" '
                f'fill="{FAINT}" fill-opacity="0.25" stroke="{FAINT}" stroke-width="1"/>'
            )
        parts.append(_marker(centre_x, centre_y, "circle", FAINT, qualifier, name, "sample"))
        parts.append(_text(centre_x + 10, centre_y + 4, name, size=11, fill=FAINT))
        x += 16 + _text_width(name, 11) + 20
    return f'<g class="marks-legend">{"".join(parts)}</g>'


# The document and its text


def _empty_chart(title: str, description: str, message: str) -> str:
    body = _title_text(title)
    body.append(_text(16, 60, message, fill=FAINT, css="empty"))
    return _document(80, title, description, body)


def _document(height: float, title: str, description: str, body: list[str]) -> str:
    """The whole SVG: its title and description labelling it for screen readers (by ids unique
    to its content, so that several charts can share one HTML page), on a white page."""
    inner = "\n".join(body)
    label, about = _escape(title), _escape(description)
    ident = f"chart-{zlib.crc32(f'{label}{about}{inner}'.encode()):08x}"
    labelled = f"{ident}-title {ident}-desc" if description else f"{ident}-title"
    size = f'width="{WIDTH}" height="{_n(height)}" viewBox="0 0 {WIDTH} {_n(height)}"'
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} role="img" '
        f'aria-labelledby="{labelled}" font-family="{FONT}" font-size="12">',
        f'<title id="{ident}-title">{label}</title>',
    ]
    if description:
        head.append(f'<desc id="{ident}-desc">{about}</desc>')
    head.append(f'<rect width="{WIDTH}" height="{_n(height)}" fill="{PAPER}"/>')
    return "\n".join([*head, inner, "</svg>"]) + "\n"


def _title_text(title: str) -> list[str]:
    shown = _shorten(visible(title, one_line=True), TITLE_LIMIT)
    return [
        f'<text class="chart-title" x="16" y="28" font-size="16" font-weight="bold" '
        f'fill="{INK}">{_escape(shown)}</text>'
    ]


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: int = 12,
    fill: str = INK,
    css: str = "",
) -> str:
    attributes = f'x="{_n(x)}" y="{_n(y)}"'
    if anchor != "start":
        attributes += f' text-anchor="{anchor}"'
    if size != 12:
        attributes += f' font-size="{size}"'
    if css:
        attributes += f' class="{css}"'
    return f'<text {attributes} fill="{fill}">{_escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{stroke}" stroke-width="1"/>'
    )


def _escape(text: str) -> str:
    """Registry text as XML text or an attribute value: invisible characters written out first
    (XML refuses control characters even as references), then &, <, > and ". By hand, because
    xml.sax.saxutils imports urllib.request and html its table of entities."""
    shown = visible(text, one_line=True)
    return (
        shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text_width(text: str, size: float) -> float:
    """About how wide a line of text is drawn, in the generic sans-serif fonts."""
    return len(text) * size * 0.6


def _n(value: float) -> str:
    """A coordinate to one decimal, without a trailing .0 or a negative zero."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _points(places: list[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in places)


def _dash(pattern: str) -> str:
    return f' stroke-dasharray="{pattern}"' if pattern else ""
