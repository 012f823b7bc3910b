"""Figures coming in: one rule for how a number is typed, counts whole, no date after today, and
a confirmation that shows the figure as it was stored."""

from __future__ import annotations

import pytest
from conftest import bare_environment, fails, script_path

import navsome.registry.schema
from navsome.errors import InvalidFigure
from navsome.registry.read import load_registry
from navsome.typed import read_figure


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("21000", 21000),
        ("21 000", 21000),
        ("21\u00a0000", 21000),  # a no-break space, as a Norwegian spreadsheet writes it
        ("1 234 567", 1234567),
        ("3.5", 3.5),
        ("0.500", 0.5),  # a point after 0 cannot be a thousands point
        ("1234.567", 1234.567),
        ("21.0", 21.0),
        (" 800 ", 800),
    ],
)
def test_numbers_as_people_write_them(typed, number):
    read = read_figure(typed)
    assert read == number and type(read) is type(number)


@pytest.mark.parametrize(
    ("typed", "problem", "instead"),
    [
        ("21.000", "could be read two ways", "21000 or 21 000 for thousands, or 21.0"),
        ("21,000", "could be read two ways", "21000 or 21 000 for thousands, or 21.0"),
        ("1.234.567", "has a point between thousands", "1234567 or 1 234 567"),
        ("1,234,567", "has a comma between thousands", "1234567 or 1 234 567"),
        ("21,5", "has a comma", "such as 21.5"),
        ("1e5", "has an exponent", "the number in full"),
        ("\u0661\u0662\u0663", "has digits other than 0-9", "the digits 0-9"),
        ("\uff12\uff11", "has digits other than 0-9", "the digits 0-9"),
        ("2 1000", "is not a number", "21 000"),
        ("inf", "is not a number", "21000"),
        ("", "is empty", "21000"),
        ("10000000000000000", "is out of range", "between -1e15 and 1e15"),
    ],
)
def test_numbers_that_could_be_misread_are_refused_with_what_to_write(typed, problem, instead):
    with pytest.raises(InvalidFigure) as refused:
        read_figure(typed)
    assert refused.value.problem.startswith(problem)
    assert instead in refused.value.instead


FIGURE = ["jobblyst/facebook", "followers"]
DATED = ["--as-of", "2018-06", "--source", "nav-some-2017"]


def recorded(registry) -> list:
    return load_registry(registry).accounts["jobblyst"].channels[0].measurements


@pytest.mark.parametrize(
    ("typed", "shown"), [("21000", "21,000"), ("21 000", "21,000"), ("21000.0", "21,000")]
)
def test_record_stores_a_count_whole_and_says_what_it_stored(navsome, registry_copy, typed, shown):
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, typed, *DATED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Recorded jobblyst/facebook followers {shown} as of 2018-06")
    stored = recorded(registry_copy)[-1]
    assert stored.value == 21000 and type(stored.value) is int
    assert "value = 21000\n" in registry_copy.read_text(encoding="utf-8")


def test_the_confirmation_is_in_the_chosen_language_with_the_qualifier(navsome, registry_copy):
    args = [*FIGURE, "22000", "-q", "about", *DATED]
    result = navsome("--lang", "nb", "--registry", str(registry_copy), "record", *args)
    assert result.exit_code == 0, result.stderr
    assert "≈22 000" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([*FIGURE, "21.000"], "VALUE '21.000' could be read two ways"),
        ([*FIGURE, "21,000"], "write 21000 or 21 000 for thousands"),
        ([*FIGURE, "1e5"], "VALUE '1e5' has an exponent"),
        ([*FIGURE, "\u0661\u0662\u0663"], "has digits other than 0-9"),
        ([*FIGURE, "800", "-q", "range", "--high", "1.000"], "--high '1.000' could be read"),
    ],
)
def test_record_refuses_a_misreadable_number_before_touching_the_file(
    navsome, registry_copy, args, message
):
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *args, *DATED)
    fails(result, 2, message)
    assert registry_copy.read_bytes() == before


def test_a_count_with_a_fraction_is_refused_and_a_percentage_may_have_one(navsome, registry_copy):
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, "23500.5", *DATED)
    fails(result, 1, "23500.5 is not a whole number; followers are counted in whole numbers")
    assert registry_copy.read_bytes() == before
    share = ["foreldrepenger/facebook", "satisfied_share", "65.5", *DATED]
    assert navsome("--registry", str(registry_copy), "record", *share).exit_code == 0


def test_validate_reports_a_count_with_a_fraction_on_its_line(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8").replace("value = 19500", "value = 19500.5")
    registry_copy.write_text(text, encoding="utf-8")
    line = text.splitlines().index("value = 19500.5") + 1
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    assert f":{line}:" in result.stdout and "not a whole number" in result.stdout


# --- no date after today -----------------------------------------------------------------------


@pytest.fixture
def today_is(monkeypatch):
    def set_today(year: int, month: int, day: int) -> None:
        monkeypatch.setattr(navsome.registry.schema, "today", lambda: (year, month, day))

    return set_today


def test_record_refuses_a_figure_dated_after_today(navsome, registry_copy, today_is):
    today_is(2026, 11, 29)
    before = registry_copy.read_bytes()
    args = [*FIGURE, "21000", "--as-of", "2026-12", "--source", "nav-some-2017"]
    result = navsome("--registry", str(registry_copy), "record", *args)
    fails(result, 1, "2026-12 is after today (2026-11-29)")
    assert registry_copy.read_bytes() == before
    args[args.index("2026-12")] = "2026-11"  # the month in progress has begun
    assert navsome("--registry", str(registry_copy), "record", *args).exit_code == 0


def test_validate_reports_figures_and_events_dated_after_today(navsome, registry_copy, today_is):
    today_is(2017, 6, 30)  # the shipped registry has figures as of 2017-12, and events after
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    assert "2017-12 is after today (2017-06-30)" in result.stdout
    assert ".date: " in result.stdout  # an event's date too
    today_is(2018, 12, 31)
    assert navsome("validate", str(registry_copy)).exit_code == 0


def test_a_future_date_is_refused_through_the_installed_script(registry_copy):
    import subprocess

    args = [*FIGURE, "21000", "--as-of", "2999", "--source", "nav-some-2017"]
    result = subprocess.run(
        [str(script_path()), "--registry", str(registry_copy), "record", *args],
        capture_output=True,
        text=True,
        env=bare_environment(NAVSOME_LANG="en"),
    )
    assert result.returncode == 1 and result.stdout == ""
    assert "2999 is after today" in result.stderr


# --- a figure ten times off the one before it is pointed out ------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "1950",
            "1,950 followers is a tenth or less of the figure before it, 19,500 as of 2017-12",
        ),
        ("195000", "195,000 followers is ten times or more the figure before it, 19,500"),
    ],
)
def test_a_figure_ten_times_off_the_one_before_is_recorded_with_a_note(
    navsome, registry_copy, typed, said
):
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, typed, *DATED)
    assert result.exit_code == 0
    assert said in result.stderr and "record the right figure with --replace" in result.stderr
    assert result.stdout.startswith("Recorded")


@pytest.mark.parametrize("typed", ["21000", "2000", "194999"])
def test_a_figure_within_ten_times_the_one_before_needs_no_note(navsome, registry_copy, typed):
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, typed, *DATED)
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_figure_before_is_the_one_before_in_time_not_in_the_file(navsome, registry_copy):
    """A figure recorded for an earlier date is compared with the one before that date."""
    early = ["--as-of", "2016-06", "--source", "nav-some-2017"]
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, "1000", *early)
    assert (result.exit_code, result.stderr) == (0, "")  # nothing before 2016-06


def test_a_range_needs_its_upper_end_and_two_different_ends(navsome, registry_copy):
    record = ["--registry", str(registry_copy), "record", *FIGURE, "20000", *DATED]
    fails(navsome(*record, "-q", "range"), 2, "--qualifier range needs --high N")
    fails(navsome(*record, "--high", "21000"), 2, "--high N goes with --qualifier range only")
    fails(
        navsome(*record, "-q", "range", "--high", "20000"),
        1,
        "the range's ends are both 20000; write it as an exact figure",
    )


@pytest.mark.parametrize(
    "typed", ["21.000", "21,000", "1.234.567", "21,5", "1e5", "\u0661\u0662", "abc", "9" * 20, " "]
)
def test_a_misreadable_number_is_refused_in_norwegian_too(navsome, registry_copy, typed):
    args = ["--lang", "nb", "--registry", str(registry_copy), "record", *FIGURE, typed, *DATED]
    result = navsome(*args)
    fails(result, 2, "VALUE ", "; skriv ")
    english = ("write", "could be read", "number", "has ", "digits", "thousands", "decimal point")
    assert not any(word in result.stderr for word in english), result.stderr
