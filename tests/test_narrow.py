"""Narrow terminals: a table gives up columns, and wraps between words, before it cuts a
figure, a rank or the column that tells its rows apart. Piped output is never wrapped."""

from __future__ import annotations

import os
import re

import pytest
from conftest import CLEAN_ENV, on_terminal, script_path

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = [
    ["compare", "foreldrepenger", "jobblyst", "kunnskap", "nav"],
    ["compare", "-m", "followers", "--all"],
    ["show", "jobblyst"],
    ["history", "jobblyst"],
    ["metrics"],
]


FIGURE = re.compile(r"[≈>]?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:M|%)?(?:–\d{1,3}(?:,\d{3})*(?:M|%)?)?")


def figures(navsome, args: list[str]) -> set[str]:
    """Every figure in the table as printed piped, where a row is one line and cells stand
    three spaces apart: 37,300, ≈800, >10,000, 600–800, 91% (a figure's date aside)."""
    wide = navsome(*args, env={"COLUMNS": "300"}).stdout
    cells = [cell.strip() for line in wide.splitlines() for cell in re.split(r" {3,}", line)]
    return {cell.split(" (")[0] for cell in cells if FIGURE.fullmatch(cell.split(" (")[0])}


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
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
