"""Narrow terminals: a table gives up columns, and wraps between words, before it cuts a
figure, a rank or the column that tells its rows apart. Piped output is never wrapped."""

from __future__ import annotations

import os
import re

import pytest
from conftest import CLEAN_ENV, on_terminal, script_path, tiered

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = [
    ["compare", "foreldrepenger", "jobblyst", "kunnskap", "nav"],
    ["compare", "-m", "followers", "--all"],
    ["show", "jobblyst"],
    ["history", "jobblyst"],
    ["metrics"],
]
# The commands the stricter test below (every figure as often, in two languages) does not draw.
NOT_DRAWN_BELOW = [COMMANDS[1], COMMANDS[4]]


FIGURE = re.compile(r"[≈>]?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:M|%)?(?:–\d{1,3}(?:,\d{3})*(?:M|%)?)?")


def figures(navsome, args: list[str]) -> set[str]:
    """Every figure in the table as printed piped, where a row is one line and cells stand
    three spaces apart: 37,300, ≈800, >10,000, 600–800, 91% (a figure's date aside)."""
    wide = navsome(*args, env={"COLUMNS": "300"}).stdout
    cells = [cell.strip() for line in wide.splitlines() for cell in re.split(r" {3,}", line)]
    return {cell.split(" (")[0] for cell in cells if FIGURE.fullmatch(cell.split(" (")[0])}


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("args", NOT_DRAWN_BELOW, ids=" ".join)
def test_a_narrow_terminal_never_cuts_a_figure(navsome, args, width):
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": str(width)}
    drawn = ANSI.sub("", navsome(*args, env=env).stdout)
    assert "…" not in drawn
    assert max(len(line.rstrip()) for line in drawn.splitlines()) <= width
    words = set(drawn.split())
    found = figures(navsome, args)
    assert found  # the check below has figures to look for
    for figure in found:
        assert figure in words, (figure, drawn)


def test_the_accounts_stay_with_their_figures_side_by_side(navsome):
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "40"}
    drawn = ANSI.sub("", navsome(*COMMANDS[0], env=env).stdout)
    # Four accounts do not fit 40 columns: they are spread over tables, each with the metric
    # and the platform that name its rows.
    assert drawn.count("Platform") >= 2 and drawn.count("Platform") == drawn.count("Metric")
    for name in ("Foreldrepenger", "Jobblyst", "Kunnskap"):
        assert name in drawn


@pytest.mark.parametrize("width", ["40", "60"])
def test_piped_output_is_never_wrapped_whatever_columns_says(navsome, width):
    piped = navsome(
        "compare", "foreldrepenger", "jobblyst", "kunnskap", "nav", env={"COLUMNS": width}
    )
    assert "NAV Foreldrepenger" in piped.stdout and "37,300 (2017-12)" in piped.stdout
    assert max(len(line) for line in piped.stdout.splitlines()) > int(width)  # a row is a line


@pytest.mark.slow  # the default run draws compare on a pseudo-terminal of 40 columns below
def test_a_pseudo_terminal_of_40_columns_gets_every_figure_whole():
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}}
    env.update({k: v for k, v in CLEAN_ENV.items() if v is not None})
    env.update(COLUMNS="40", LINES="50", TERM="xterm")
    code, drawn = on_terminal([str(script_path()), "compare", "-m", "followers", "--all"], env)
    assert code == 0
    plain = ANSI.sub("", drawn).replace("\r", "")
    assert "…" not in plain and max(len(line.rstrip()) for line in plain.splitlines()) <= 40
    for figure in ("37,300", "27,000", ">3,000", "600–800", "1,000"):
        assert figure in plain, plain


def test_a_narrow_table_keeps_what_tells_its_rows_apart_and_its_prose(navsome):
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "40"}
    drawn = ANSI.sub("", navsome("show", "jobblyst", env=env).stdout)
    figures = drawn[drawn.index("Figures") :]
    # Two Facebook rows differ only by their metric: it stays, wrapped if it must.
    assert re.search(r"Platform\s+Metric\s+Figure", figures)
    events = drawn[drawn.index("Events") :]
    assert re.search(r"Date\s+Platform\s+Event", events)  # Kind goes before the event's words


# --- Every command at 40, 60 and 80 columns, in English and Norwegian ------------------------
#
# What a narrow terminal draws is checked against what a terminal wide enough for every column
# draws (in one line a row, cells three spaces apart, Trends included): every figure of it is
# there as often and whole, with its marks (≈800, >10 000, 600–800, 3,5 mill., 91 %), every
# date as often, and no heading is broken inside a word (one that is a path may break after a
# slash). Piped, the output is the same whatever COLUMNS says.

NUMBER = r"\d{1,3}(?:[, ]\d{3})*(?:[.,]\d+)?(?:M| mill\.)?(?: ?%)?"
FIGURE_FIRST = re.compile(rf"≈?[>+−]?{NUMBER}(?:–{NUMBER})?(?= |$)")
# A date, or either end of a period (2017-03/2017-05), which may break after its slash.
DATE = re.compile(r"(?<![\w–-])\d{4}(?:-\d{2}){0,2}(?![\w–-])")
RULE = re.compile(r"^\s*─+\s*$")
DRAWN = [
    ["show", "jobblyst"],
    ["history", "jobblyst"],
    ["history", "--wide", "jobblyst"],
    ["compare", "-m", "followers"],
    ["compare", "foreldrepenger", "jobblyst", "kunnskap", "nav"],
    ["list"],
    ["report"],  # its heading's fields, a long label beside a date, as well as its tables
    # On a registry with figures over time: a change, its growth and its date in history, and
    # the ranking of changes with what is not ranked.
    ["--registry", "TIMED", "history", "jobblyst"],
    ["--registry", "TIMED", "compare", "-m", "followers", "--since", "2017-12"],
]
LATER = (  # made-up later figures of jobblyst's Facebook followers, for these tests only
    '\n[[accounts.jobblyst.channels.measurements]]\nmetric = "followers"\nvalue = 21000\n'
    'qualifier = "exact"\nas_of = "2018-06"\nsource = "nav-some-2017"\n'
    '\n[[accounts.jobblyst.channels.measurements]]\nmetric = "followers"\nvalue = 22000\n'
    'qualifier = "about"\nas_of = "2018-12"\nsource = "nav-some-2017"\n'
)


@pytest.fixture
def timed(registry_copy) -> str:
    anchor = 'stated = "om lag 800 private meldinger"\n'
    text = registry_copy.read_text()
    assert anchor in text
    registry_copy.write_text(text.replace(anchor, anchor + LATER))
    return str(registry_copy)


def _cells(line: str) -> list[str]:
    return [cell for cell in re.split(r" {3,}", line.strip()) if cell]


def _figures_and_dates(wide: str) -> tuple[set[str], list[str]]:
    figures = {
        found.group()
        for line in wide.splitlines()
        for cell in _cells(line)
        if (found := FIGURE_FIRST.match(cell))
    }
    return figures, DATE.findall(wide)


def _times(text: str, figure: str) -> int:
    return len(re.findall(rf"(?<![\w.,≈>+−–/-]){re.escape(figure)}(?![\w–])", text))


def _headings(wide: str) -> tuple[list[str], list[str]]:
    """The headings of every table drawn wide, and the tables' titles."""
    lines = wide.splitlines()
    headings, titles = [], []
    for index, line in enumerate(lines):
        if RULE.match(line):
            headings += _cells(lines[index - 1])
            if index >= 2 and lines[index - 2].strip():
                titles.append(lines[index - 2].strip())
    return headings, titles


def _whole_words(headings: list[str]) -> set[str]:
    """What a heading's word may be drawn as on one line: the whole word, or (a path) a run
    of its parts split after slashes."""
    allowed = set()
    for word in (word for heading in headings for word in heading.split()):
        parts = re.findall(r"[^/]*/+|[^/]+", word)
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                allowed.add("".join(parts[start:end]))
    return allowed


def _heading_lines(drawn: str, titles: list[str]) -> list[str]:
    """The lines above each table's rule, its title aside."""
    lines = drawn.splitlines()
    found = []
    for index, line in enumerate(lines):
        if not RULE.match(line):
            continue
        block: list[str] = []
        above = index - 1
        while above >= 0 and lines[above].strip():
            block.insert(0, lines[above])
            above -= 1
        while block and any(block[0].strip() in title for title in titles):
            block.pop(0)
        found += block
    return found


def assert_whole(drawn: str, wide: str, width: int) -> None:
    """`drawn` at `width` columns shows all that `wide` does, nothing cut or broken."""
    drawn = ANSI.sub("", drawn).replace("\r", "")
    assert "…" not in drawn, drawn
    assert max(len(line.rstrip()) for line in drawn.splitlines()) <= width, drawn
    figures, dates = _figures_and_dates(wide)
    assert figures and dates  # the checks below have something to look for
    for figure in figures:
        assert _times(drawn, figure) >= _times(wide, figure), (figure, drawn)
    shown = DATE.findall(drawn)
    for date in set(dates):
        assert shown.count(date) >= dates.count(date), (date, drawn)
    headings, titles = _headings(wide)
    allowed = _whole_words(headings)
    for line in _heading_lines(drawn, titles):
        for word in line.split():
            assert word in allowed, (word, line, drawn)


def _args(args: list[str], timed: str, language: str) -> list[str]:
    return ["--lang", language, *(timed if arg == "TIMED" else arg for arg in args)]


# The report, which takes seconds at three widths in two languages, in the slow tier.
IN_PROCESS = [args for args in DRAWN if args != ["report"]] + [["report"]]


# Norwegian, the longer words, by default; English in the slow tier, with the report.
@pytest.mark.parametrize("language", tiered(["nb", "en"], fast=1))
@pytest.mark.parametrize("args", tiered(IN_PROCESS, fast=len(DRAWN) - 1), ids=" ".join)
def test_every_command_at_40_60_and_80_columns_keeps_figures_dates_and_headings_whole(
    navsome, timed, args, language
):
    terminal = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    said = _args(args, timed, language)
    wide = ANSI.sub("", navsome(*said, env={**terminal, "COLUMNS": "300"}).stdout)
    for width in (40, 60, 80):
        result = navsome(*said, env={**terminal, "COLUMNS": str(width)})
        assert result.exit_code == 0, result.stderr
        assert_whole(result.stdout, wide, width)
    # Piped, a row stays one line whatever COLUMNS says, the narrowest included.
    piped = navsome(*said, env={"COLUMNS": "300"}).stdout
    assert navsome(*said, env={"COLUMNS": "40"}).stdout == piped


# The one the issue names first, in the default run (every command is drawn in-process above);
# the others in the slow tier.
ON_PTY = [DRAWN[3], *(args for args in DRAWN if args != DRAWN[3])]


# Norwegian, the longer words, by default; English in the slow tier.
@pytest.mark.parametrize("language", tiered(["nb", "en"], fast=1))
@pytest.mark.parametrize("args", tiered(ON_PTY, fast=1), ids=" ".join)
def test_a_pseudo_terminal_of_40_60_and_80_columns_gets_it_all_whole(
    navsome, timed, args, language
):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
    env.update({k: v for k, v in CLEAN_ENV.items() if v is not None})
    terminal = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "300"}
    said = _args(args, timed, language)
    wide = ANSI.sub("", navsome(*said, env=terminal).stdout)
    for width in (40, 60, 80):
        env.update(COLUMNS=str(width), LINES="50", TERM="xterm")
        code, drawn = on_terminal([str(script_path()), *said], env)
        assert code == 0, drawn
        assert_whole(drawn, wide, width)


@pytest.mark.parametrize("width", ["40", "60"])
@pytest.mark.parametrize(
    ("language", "title", "names", "heading", "date", "prose"),
    [
        ("en", "Figures", "Platform Metric", "Figure", "As of", "Stated in source"),
        ("nb", "Tall", "Plattform Måling", "Tall", "Per dato", "Ordlyd i kilden"),
    ],
)
def test_a_figure_keeps_its_date_beside_it_and_prose_gives_way(
    navsome, width, language, title, names, heading, date, prose
):
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": width}
    drawn = ANSI.sub("", navsome("--lang", language, "show", "jobblyst", env=env).stdout)
    drawn = "\n".join(line.rstrip() for line in drawn.splitlines())
    figures = drawn[drawn.index(f"\n{title}\n") + 1 :]
    figures = figures[: figures.index("\n\n" + ("Events" if language == "en" else "Hendelser"))]
    # The first table of the figures has what names a row, the figure and its date (its
    # heading wrapped between words if it must); the prose is not in it.
    first = figures[figures.index("\n") + 1 : figures.index("\n\n")]  # the title aside
    headings = first[: first.index("─")].split()
    assert {*names.split(), heading, *date.split()} <= set(headings), figures
    assert first.count("2017-12") == 3 and prose.split()[0] not in first, figures
    # The source's wording is not left out: it comes in a table of its own, after.
    assert prose.split()[0] in figures[len(first) :], figures


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_heading_is_never_broken_inside_a_word(navsome, language):
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "40"}
    history = ANSI.sub("", navsome("--lang", language, "history", "jobblyst", env=env).stdout)
    ranked = navsome("--lang", language, "compare", "-m", "followers", env=env)
    ranking = ANSI.sub("", ranked.stdout)
    # Change, Growth and Since have nothing in them here: they are given up, not spread over
    # tables of their own (their headings, one letter a line, were all that was left of them).
    assert not re.search(r"Change|Growth|Since|Endring|Vekst|Siden", history), history
    # No heading of one letter a line (C / h / a / n / g / e), nor Follower / s.
    assert not re.search(r"^\s*\w\s*$", history + ranking, re.MULTILINE), history + ranking
    followers = "Followers" if language == "en" else "Følgere"
    assert re.search(rf"Account\s+{followers}\s+As of|Konto\s+{followers}\s+Per dato", ranking)
    # The ranking's names that do not fit beside the figure and its date follow in a table
    # with the rank and the account again.
    assert re.search(r"#\s+(Account|Konto)\s+(Platform|Plattform)\s*$", ranking, re.M), ranking


def test_a_name_with_no_room_beside_a_wide_column_gets_a_table_of_its_own():
    from navsome.output.blocks import Column, Grid
    from navsome.output.fit import fit

    # No two rows alike without both names; the prose's longest word leaves no room for them.
    grid = Grid(
        None,
        [Column("Place"), Column("Person"), Column("Said", wrap=True)],
        [
            ["Oslo", "Kari Nordmann", "a-thirty-character-long-word-x"],
            ["Oslo", "Ola Nordmann", "short"],
            ["Bergen", "Kari Nordmann", "short"],
        ],
    )
    tables = fit(grid, 40)
    assert all(sum(table.widths.values()) + 2 * (len(table.shown) - 1) <= 40 for table in tables)
    assert {index for table in tables for index in table.shown} == {0, 1, 2}
    assert [0, 1] in [table.shown for table in tables]  # the names together, as they fit
