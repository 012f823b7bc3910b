"""The SVG charts: standalone, safe documents whose marks stand where the figures put them."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from navsome.i18n import ENGLISH, Words
from navsome.output.charts import Bar, Point, Series, bar_chart, line_chart

NORWEGIAN = Words("nb")
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on a document that is not well-formed


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def markers(root: ET.Element) -> list[tuple[float, float, ET.Element]]:
    """Every point's marker: where it stands, and its group (title, shape, bound tick)."""
    found = []
    for group in root.iter(f"{SVG}g"):
        if "point" in classes(group):
            x, y = re.fullmatch(r"translate\((\S+) (\S+)\)", group.get("transform", "")).groups()
            found.append((float(x), float(y), group))
    return found


def marker_at(root: ET.Element, tooltip_start: str) -> tuple[float, float, ET.Element]:
    (found,) = [m for m in markers(root) if m[2].findtext(f"{SVG}title").startswith(tooltip_start)]
    return found


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in classes(e)]


def line(*series: Series, words: Words = ENGLISH, **options: object) -> ET.Element:
    return parse(line_chart("Followers over time", list(series), words=words, **options))


def bars(*drawn: Bar, words: Words = ENGLISH, **options: object) -> ET.Element:
    return parse(bar_chart("Followers, largest first", list(drawn), words=words, **options))


# Documents


@pytest.mark.parametrize("draw", ["line", "bar"])
def test_each_chart_is_a_labelled_standalone_svg_document(draw):
    if draw == "line":
        svg = line_chart(
            "Jobblyst: figures over time",
            [Series("Facebook", [Point("2016", 10), Point("2017", 20)])],
            words=ENGLISH,
            description="Facebook from 10 to 20.",
        )
    else:
        svg = bar_chart(
            "Jobblyst: figures over time",
            [Bar("Facebook", 20), Bar("X", 10)],
            words=ENGLISH,
            description="Facebook from 10 to 20.",
        )
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    root = parse(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"
    title_id, desc_id = root.get("aria-labelledby").split()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert by_id[title_id].tag == f"{SVG}title"
    assert by_id[title_id].text == "Jobblyst: figures over time"
    assert by_id[desc_id].tag == f"{SVG}desc" and by_id[desc_id].text == "Facebook from 10 to 20."
    assert "Jobblyst: figures over time" in texts(root)  # drawn, not only announced


def test_without_a_description_the_chart_is_labelled_by_its_title_alone():
    root = line(Series("Facebook", [Point("2017", 1)]))
    (title_id,) = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc") is None


def test_a_chart_runs_nothing_and_fetches_nothing():
    hostile = 'javascript:alert(1) <script>x</script> @import "evil.css";'
    svgs = [
        line_chart(
            hostile,
            [Series(hostile, [Point("2016", 1), Point("2017", 2, "range", 1, 3, hostile)])],
            words=ENGLISH,
            description=hostile,
        ),
        bar_chart(hostile, [Bar(hostile, 2, "over", text=hostile)], words=ENGLISH),
    ]
    for svg in svgs:
        root = parse(svg)
        tags = {element.tag for element in root.iter()}
        assert f"{SVG}script" not in tags and f"{SVG}style" not in tags
        assert f"{SVG}image" not in tags and f"{SVG}use" not in tags
        assert not [k for e in root.iter() for k in e.attrib if k.endswith("href")]
        assert "url(" not in svg and "<script" not in svg
        assert "sans-serif" in root.get("font-family")


def test_registry_text_is_escaped_and_control_characters_are_written_out():
    name = 'Ola <b> & "Kari" \x1b[31m'
    root = line(Series(name, [Point("2017", 1, text="<1>")]))
    (entry,) = by_class(root, "legend-entry")
    assert entry.findtext(f"{SVG}title") == 'Ola <b> & "Kari" \\x1b[31m'
    _, _, marker = marker_at(root, "Ola")
    assert marker.findtext(f"{SVG}title") == 'Ola <b> & "Kari" \\x1b[31m, 2017: <1>'
    root = bars(Bar(name, 1, text="<&>"), words=ENGLISH)
    assert 'Ola <b> & "Kari" \\x1b[31m: <&>' in [t.text for t in root.iter(f"{SVG}title")]
    assert "<&>" in texts(root)


def test_the_same_figures_give_the_same_bytes_and_other_figures_other_ids():
    series = [
        Series(
            "Facebook",
            [Point("2016-12", 100, "about"), Point("2017-03/2017-05", 150, "range", 120, 180)],
        ),
        Series("X", [Point("2017", 90, "over")]),
    ]
    first = line_chart("Title", series, words=NORWEGIAN, description="d")
    assert line_chart("Title", list(series), words=NORWEGIAN, description="d") == first
    ranking = [Bar("Facebook", 3, "about"), Bar("X", 2, "range", 1, 3)]
    assert bar_chart("T", ranking, words=ENGLISH) == bar_chart("T", list(ranking), words=ENGLISH)
    # Two charts inlined in one page must not label each other.
    other = line_chart("Title", series[:1], words=NORWEGIAN, description="d")
    assert parse(other).get("aria-labelledby") != parse(first).get("aria-labelledby")


def test_coordinates_have_one_decimal_at_most():
    svg = line_chart(
        "T",
        [Series("A", [Point("2016-12", 1 / 3), Point("2017-01-07", 2 / 3, "range", 0.1, 0.9)])],
        words=ENGLISH,
    )
    svg += bar_chart("T", [Bar("A", 1 / 3, "about"), Bar("B", 2 / 7, "over")], words=ENGLISH)
    numbers = re.findall(
        r"-?\d+\.\d+",
        " ".join(
            re.findall(r'(?<![\w-])(?:points|d|x\d?|y\d?|width|height|transform)="([^"]*)"', svg)
        ),
    )
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)


@pytest.mark.parametrize(
    ("draw", "drawn"),
    [(line_chart, []), (line_chart, [Series("Facebook", []), Series("X", [])]), (bar_chart, [])],
)
def test_no_figures_give_a_small_chart_that_says_so(draw, drawn):
    svg = draw("Følgere", drawn, words=NORWEGIAN, empty="Ingen tall")
    root = parse(svg)
    assert "Ingen tall" in texts(root) and "Følgere" in texts(root)
    assert not markers(root) and not by_class(root, "bar-row")
    assert float(root.get("height")) < 120
    assert "No figures" in texts(parse(draw("T", drawn, words=ENGLISH)))


def test_drawing_a_chart_imports_nothing_heavy():
    # Charts are drawn inside a command's run: no terminal, command-line or TOML library,
    # and no xml.sax or html, whose escapes would bring urllib or a table of entities.
    drawing = (
        "import sys\n"
        "from navsome.i18n import ENGLISH\n"
        "from navsome.output.charts import Bar, Point, Series, bar_chart, line_chart\n"
        "line_chart('t', [Series('a', [Point('2017', 1, 'about')])], words=ENGLISH)\n"
        "bar_chart('t', [Bar('a', 1, 'range', 1, 2)], words=ENGLISH)\n"
        "print(' '.join(sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", drawing], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    loaded = {name.split(".")[0] for name in run.stdout.split()}
    assert "navsome" in loaded
    assert not loaded & {"rich", "typer", "click", "tomlkit", "xml", "html", "urllib"}


# The line chart


def test_points_stand_apart_as_their_dates_do():
    root = line(Series("A", [Point("2016-12", 1), Point("2017-01", 2), Point("2017-12", 3)]))
    december, january, last_december = (
        marker_at(root, f"A, {d}")[0] for d in ("2016-12", "2017-01", "2017-12")
    )
    # Mid-December to mid-January is 31 days; mid-January to mid-December 334.
    assert (last_december - january) / (january - december) == pytest.approx(334 / 31, rel=0.01)


def test_a_period_stands_at_its_middle():
    root = line(
        Series("year", [Point("2017", 1)]),
        Series("december", [Point("2017-12", 1)]),
        Series("second of july", [Point("2017-07-02", 1)]),
        Series("spring", [Point("2017-03/2017-05", 1)]),
        Series("april", [Point("2017-04", 1)]),
        Series("ends", [Point("2017-01-01", 1), Point("2017-12-31", 1)]),
    )
    x = {
        name: marker_at(root, f"{name}, ")[0]
        for name in ("year", "december", "second of july", "spring", "april")
    }
    assert x["year"] < x["december"]
    assert x["year"] == pytest.approx(x["second of july"], abs=0.1)  # both noon on 2 July
    assert x["spring"] == pytest.approx(x["april"], abs=0.1)  # 1 March to 31 May: 16 April
    first, last = marker_at(root, "ends, 2017-01-01")[0], marker_at(root, "ends, 2017-12-31")[0]
    assert x["year"] == pytest.approx((first + last) / 2, abs=0.1)


def test_a_larger_value_stands_higher():
    root = line(Series("A", [Point("2016", 100), Point("2017", 200), Point("2018", 50)]))
    ys = {when: marker_at(root, f"A, {when}")[1] for when in ("2016", "2017", "2018")}
    assert ys["2017"] < ys["2016"] < ys["2018"]


def test_a_negative_value_stands_below_zero():
    root = line(Series("A", [Point("2016", -30), Point("2017", 100)]))
    zero = [t for t in root.iter(f"{SVG}text") if t.text == "0"]
    (zero_label,) = zero
    assert marker_at(root, "A, 2016")[1] > float(zero_label.get("y")) - 4
    assert any(t.startswith("-") or t.startswith("−") for t in texts(root))


def test_the_value_axis_runs_from_zero_to_a_round_number_in_four_to_six_lines():
    root = line(Series("A", [Point("2016", 12_000), Point("2017", 37_300)]))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert numbers == ["0", "10,000", "20,000", "30,000", "40,000"]
    root = line(Series("A", [Point("2016", 1), Point("2017", 3)]))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert numbers == ["0", "1", "2", "3"]  # counts are whole: no 0.5 steps
    root = line(Series("A", [Point("2016", 1_000), Point("2017", 12_000)]))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert numbers == ["0", "2,500", "5,000", "7,500", "10,000", "12,500"]
    root = line(Series("A", [Point("2016", 1_000), Point("2017", 9_000)]))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert numbers == ["0", "2,000", "4,000", "6,000", "8,000", "10,000"]


def test_axis_numbers_are_written_in_the_run_s_language():
    series = Series("A", [Point("2016", 12_000), Point("2017", 37_300)])
    assert "10 000" in texts(line(series, words=NORWEGIAN))
    assert "10,000" not in texts(line(series, words=NORWEGIAN))
    assert "10,000" in texts(line(series, words=ENGLISH))


@pytest.mark.parametrize(
    ("dates", "labels"),
    [
        (("2012", "2018-06"), ["2012", "2013", "2017", "2018", "2019"]),
        (("2016-12", "2017-12"), ["2016-11", "2017-01", "2018-01"]),
        (("2017-03-01", "2017-03-20"), ["2017-02-27", "2017-03-06", "2017-03-27"]),
    ],
)
def test_time_ticks_fall_on_calendar_boundaries(dates, labels):
    root = line(Series("A", [Point(d, 1) for d in dates]))
    drawn = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert set(labels) <= set(drawn)
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", label) for label in drawn)
    assert 2 <= len(drawn) <= 9
    assert len({len(label) for label in drawn}) == 1  # one unit along the whole axis
    # The axis runs from its first tick to its last, as far as the value axis's lines reach.
    ticks = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    gridlines = [g for g in root.findall(f"{SVG}line") if g.get("y1") == g.get("y2")]
    assert ticks[0].get("x") == min(g.get("x1") for g in gridlines)
    assert ticks[-1].get("x") == max(g.get("x2") for g in gridlines)


def test_precision_is_drawn_in_the_marker():
    root = line(
        Series(
            "A",
            [
                Point("2015", 10),
                Point("2016", 20, "about"),
                Point("2017", 30, "over"),
                Point("2018", 40, "range", 35, 45),
            ],
        )
    )
    fills = {}
    for _, _, group in markers(root):
        (shape,) = [e for e in group if e.tag != f"{SVG}title" and "bound" not in classes(e)]
        fills[classes(group)[1]] = shape.get("fill")
    colour = fills["exact"]
    assert colour not in ("#ffffff", "none", "white")
    assert fills["about"] in ("#ffffff", "none", "white")
    assert fills["over"] in ("#ffffff", "none", "white")
    # Only a lower bound points up: a tick above its marker.
    _, _, over = marker_at(root, "A, 2017")
    (tick,) = by_class(over, "bound")
    heights = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", tick.get("d"))[1::2]]
    assert max(heights) < 0
    assert not [g for _, _, g in markers(root) if g is not over and by_class(g, "bound")]


def test_a_range_is_a_band_from_its_low_to_its_high_end():
    root = line(
        Series("range", [Point("2017", 40, "range", 35, 45), Point("2018", 50, "range", 40, 60)]),
        Series("low", [Point("2017", 35)]),
        Series("high", [Point("2017", 45)]),
    )
    x, _, _ = marker_at(root, "range, 2017")
    low_y = marker_at(root, "low, 2017")[1]
    high_y = marker_at(root, "high, 2017")[1]
    band = next(r for r in by_class(root, "range") if r.tag == f"{SVG}rect")
    assert float(band.get("y")) == pytest.approx(high_y, abs=0.1)
    assert float(band.get("y")) + float(band.get("height")) == pytest.approx(low_y, abs=0.1)
    assert float(band.get("x")) < x < float(band.get("x")) + float(band.get("width"))
    assert float(band.get("fill-opacity")) < 1
    # Two ranges one after the other are joined by a shaded band.
    (between,) = by_class(root, "range-between")
    corners = [tuple(map(float, c.split(","))) for c in between.get("points").split()]
    assert (x, high_y) in [
        (pytest.approx(cx, abs=0.1), pytest.approx(cy, abs=0.1)) for cx, cy in corners
    ]


def test_a_series_is_one_line_through_its_points_in_time_order():
    root = line(
        Series("A", [Point("2018", 3), Point("2016", 1), Point("2017", 2)]),
        Series("single", [Point("2017", 2)]),
    )
    (polyline,) = root.iter(f"{SVG}polyline")  # a single point is only its marker
    xs = [float(p.split(",")[0]) for p in polyline.get("points").split()]
    assert xs == sorted(xs) and len(xs) == 3
    assert len(markers(root)) == 4


def test_the_legend_names_every_series_with_its_own_colour_and_shape():
    names = [f"Series {n}" for n in range(6)]
    root = line(
        *[Series(name, [Point("2016", n), Point("2017", n + 1)]) for n, name in enumerate(names)],
        Series("empty", []),
    )
    entries = by_class(root, "legend-entry")
    assert [e.findtext(f"{SVG}title") for e in entries] == names
    samples = [next(e.iter(f"{SVG}line")) for e in entries]
    shapes = [shape_of(entry) for entry in entries]
    # Colour, shape and dash each tell the series apart, for readers who see no colour.
    assert len({sample.get("stroke") for sample in samples}) == len(names)
    assert len(set(shapes[:5])) == 5
    assert len({sample.get("stroke-dasharray") for sample in samples}) >= 4
    for name, sample, shape in zip(names, samples, shapes, strict=True):
        _, _, marker = marker_at(root, f"{name}, 2016")
        assert shape_of(marker) == shape
        (polyline,) = [
            p for p in root.iter(f"{SVG}polyline") if p.get("stroke") == sample.get("stroke")
        ]
        assert polyline.get("stroke-dasharray") == sample.get("stroke-dasharray")


def shape_of(group: ET.Element) -> tuple[str, str | None]:
    shape = next(
        e for e in group.iter() if e.tag in (f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon")
    )
    return shape.tag, shape.get("points")


def test_the_marks_that_occur_are_explained_in_the_run_s_language():
    exact = Series("A", [Point("2016", 1), Point("2017", 2)])
    assert not by_class(line(exact), "marks-legend")
    root = line(Series("A", [Point("2016", 1), Point("2017", 2, "about")]), words=NORWEGIAN)
    (key,) = by_class(root, "marks-legend")
    assert [t.text for t in key.iter(f"{SVG}text")] == ["nøyaktig", "omtrent"]
    given = line(Series("A", [Point("2017", 2, "over")]), marks_legend=["> : more than"])
    assert not by_class(given, "marks-legend") and "> : more than" in texts(given)


# The bar chart


def bar_rects(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if "bar" in classes(e)]


def test_bars_are_as_long_as_their_values_in_the_order_given():
    root = bars(Bar("small", 100), Bar("large", 400), Bar("middle", 200))
    small, large, middle = bar_rects(root)
    assert small.get("x") == large.get("x") == middle.get("x")
    width = {
        name: float(r.get("width"))
        for name, r in zip(("small", "large", "middle"), (small, large, middle), strict=True)
    }
    assert width["large"] == pytest.approx(4 * width["small"], abs=0.2)
    assert width["middle"] == pytest.approx(2 * width["small"], abs=0.2)
    assert float(small.get("y")) < float(large.get("y")) < float(middle.get("y"))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert labels == ["small", "large", "middle"]


def test_a_bar_s_figure_is_written_at_its_end_and_the_axis_in_the_run_s_language():
    root = bars(Bar("a", 37_300, text="37 300"), Bar("b", 8_000, text="8 000"), words=NORWEGIAN)
    for rect, figure in zip(bar_rects(root), by_class(root, "figure"), strict=True):
        assert float(figure.get("x")) > float(rect.get("x")) + float(rect.get("width"))
    assert [f.text for f in by_class(root, "figure")] == ["37 300", "8 000"]
    assert "10 000" in texts(root) and "40 000" in texts(root)
    assert "10,000" in texts(bars(Bar("a", 37_300), words=ENGLISH))


def test_a_range_bar_is_solid_to_its_low_end_and_lighter_to_its_high_end():
    root = bars(Bar("exact", 800), Bar("range", 700, "range", 600, 800, "600–800"), Bar("low", 600))
    exact, solid, span, low = bar_rects(root)
    assert "range-low" in classes(solid) and "range-span" in classes(span)
    end = float(exact.get("x")) + float(exact.get("width"))
    low_end = float(low.get("x")) + float(low.get("width"))
    assert float(solid.get("x")) + float(solid.get("width")) == pytest.approx(low_end, abs=0.1)
    assert float(span.get("x")) == pytest.approx(low_end, abs=0.1)
    assert float(span.get("x")) + float(span.get("width")) == pytest.approx(end, abs=0.1)
    assert float(span.get("fill-opacity")) < 1 and solid.get("fill-opacity") is None


def test_about_is_lighter_and_hatched_and_over_points_past_its_end():
    root = bars(
        Bar("about", 100, "about", text="≈100"),
        Bar("over", 100, "over", text=">100"),
        Bar("exact", 100),
    )
    about, over, exact = bar_rects(root)
    assert float(about.get("fill-opacity")) < 1 and exact.get("fill-opacity") is None
    assert len(by_class(root, "hatch")) == 1
    (arrow,) = by_class(root, "arrow")
    end = float(over.get("x")) + float(over.get("width"))
    xs = [float(c.split(",")[0]) for c in arrow.get("points").split()]
    assert min(xs) == pytest.approx(end, abs=0.1) and max(xs) > end
    over_figure = by_class(root, "figure")[1]
    assert float(over_figure.get("x")) > max(xs)


def test_the_scale_reaches_the_highest_end_of_a_range():
    root = bars(Bar("range", 500, "range", 400, 1_200, "400–1 200"))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert numbers[0] == "0" and float(numbers[-1].replace(",", "")) >= 1_200


def test_a_long_label_is_cut_and_kept_whole_in_its_title():
    label = "foreldrepenger og engangsstønad · Facebook · Følgere"
    root = bars(Bar(label, 1, text="1"))
    (row,) = by_class(root, "bar-row")
    assert row.findtext(f"{SVG}title") == f"{label}: 1"
    (shown,) = [t.text for t in row.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert shown.endswith("…") and len(shown) <= 32 and label.startswith(shown[:-1])


def test_a_taller_ranking_is_a_taller_chart():
    few = bars(*[Bar(f"b{n}", n + 1) for n in range(3)])
    many = bars(*[Bar(f"b{n}", n + 1) for n in range(30)])
    assert float(many.get("height")) > float(few.get("height")) + 27 * 20


def test_the_bar_chart_explains_its_marks_as_the_terminal_does():
    assert not [t for t in texts(bars(Bar("a", 1))) if ":" in t]
    root = bars(Bar("a", 2, "about"), Bar("b", 1, "range", 1, 2), words=NORWEGIAN)
    assert "≈ og ▓: omtrent" in texts(root)
    assert "a–b og ░: et intervall, rangert etter midtpunktet" in texts(root)
    assert not [t for t in texts(root) if t.startswith(">")]
