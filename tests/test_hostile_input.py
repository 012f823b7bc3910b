"""Hostile input: numbers past any figure, TOML that tomllib reads slowly, bad environment
variables, devices given as the registry, and the size limit to the byte."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from navsome.schema import MAX_NUMBER, _Builder, _checked_measurement, _valid_measurement


def fails(result, code: int, *phrases: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- Numbers: every one the model takes lies within ±1e15 -----------------------------------

JOBBLYST_PM = "accounts.jobblyst.channels[0].measurements[3]"  # value = 800, qualifier about
KUNNSKAP_RANGE = "accounts.kunnskap.channels[1].measurements[0]"  # value 600, high 800


@pytest.mark.parametrize(
    "literal",
    [
        "9" * 400,  # an integer past float range: float() of it overflows
        "0x" + "f" * 2_000,  # hexadecimal has no digit limit in int()
        "1e300",
        "1_000_000_000_000_001",  # the first integer past the ceiling
        "1.0000000000000002e15",
    ],
    ids=["400-digits", "hex-2000", "1e300", "ceiling+1", "float-past-ceiling"],
)
def test_a_value_past_the_ceiling_is_a_problem_with_its_place(navsome, registry_copy, literal):
    text = registry_copy.read_text().replace("value = 800\n", f"value = {literal}\n", 1)
    registry_copy.write_text(text)
    line = line_of(text, f"value = {literal}")
    fails(
        navsome("--registry", str(registry_copy), "list"),
        1,
        f"line {line}: {JOBBLYST_PM}.value: is out of range; "
        "a number must lie between -1e15 and 1e15",
    )


def test_the_ceiling_itself_is_a_figure(navsome, registry_copy):
    text = registry_copy.read_text().replace("value = 800\n", "value = 1_000_000_000_000_000\n", 1)
    registry_copy.write_text(text)
    result = navsome("--registry", str(registry_copy), "show", "jobblyst", "--json")
    assert result.exit_code == 0, result.stderr
    assert 10**15 in [f["value"] for f in result.json()["measurements"]]


def test_a_range_near_float_overflow_is_refused_not_printed_as_infinity(navsome, registry_copy):
    text = registry_copy.read_text().replace(
        'value = 600\nqualifier = "range"\nhigh = 800\n',
        'value = 1e308\nqualifier = "range"\nhigh = 1.7e308\n',
        1,
    )
    registry_copy.write_text(text)
    result = navsome("--registry", str(registry_copy), "compare", "-m", "followers", "--json")
    fails(result, 1, f"{KUNNSKAP_RANGE}.value: is out of range", f"{KUNNSKAP_RANGE}.high: is out")


def test_the_widest_range_allowed_has_a_finite_midpoint_in_json(navsome, registry_copy):
    text = registry_copy.read_text().replace(
        'value = 600\nqualifier = "range"\nhigh = 800\n',
        'value = 999_999_999_999_999\nqualifier = "range"\nhigh = 1e15\n',
        1,
    )
    registry_copy.write_text(text)
    result = navsome("--registry", str(registry_copy), "compare", "-m", "followers", "--json")
    assert result.exit_code == 0, result.stderr

    def refuse(constant: str) -> None:
        raise AssertionError(f"JSON holds {constant}")

    top = json.loads(result.stdout, parse_constant=refuse)[0]
    assert (top["low"], top["high"]) == (999_999_999_999_999, 1e15)
    assert top["value"] == 999_999_999_999_999.5


def test_a_year_past_the_ceiling_is_a_problem(navsome, registry_copy):
    text = registry_copy.read_text().replace("year = 2018\n", f"year = {'9' * 400}\n", 1)
    registry_copy.write_text(text)
    fails(
        navsome("--registry", str(registry_copy), "list"),
        1,
        "line 15: sources.nav-some-2017.year: is out of range",
    )


EDGES = [
    MAX_NUMBER,
    MAX_NUMBER + 1,
    -MAX_NUMBER - 1,
    float(MAX_NUMBER),
    math.nextafter(float(MAX_NUMBER), math.inf),
    10**400,
    2**1024,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    0,
    -0.0,
    100,
    100.00000000000001,
]


@pytest.mark.parametrize("metric", ["followers", "satisfied_share"])
def test_the_fast_check_never_accepts_a_number_the_full_check_refuses(metric):
    from navsome.registry import load_registry

    registry = load_registry(None)
    for low, high in itertools.product(EDGES, [None, *EDGES]):
        value = {"metric": metric, "value": low, "as_of": "2017", "source": "nav-some-2017"}
        if high is not None:
            value |= {"qualifier": "range", "high": high}
        fast = _valid_measurement(value, registry.sources, registry.metrics)
        builder = _Builder()
        checked = _checked_measurement(builder, "m", value, registry.sources, registry.metrics)
        if fast is not None:
            assert builder.problems == [], (low, high)
            assert checked == fast
        assert (checked is None) == bool(builder.problems), (low, high)
        if abs(low) > MAX_NUMBER or (high is not None and abs(high) > MAX_NUMBER):
            assert checked is None, (low, high)


@pytest.mark.parametrize(
    ("option", "typed"),
    [
        ("VALUE", "1e16"),
        ("VALUE", "1 000 000 000 000 001"),
        ("VALUE", "9" * 5_000),
        ("--high", "2e15"),
    ],
    ids=["1e16", "ceiling+1", "5000-digits", "high"],
)
def test_record_refuses_a_figure_past_the_ceiling_as_a_usage_error(
    navsome, registry_copy, option, typed
):
    before = registry_copy.read_bytes()
    figure = ["jobblyst/facebook", "followers", "21000", "--as-of", "2018-06"]
    figure += ["--source", "nav-some-2017"]
    if option == "VALUE":
        figure[2] = typed
    else:
        figure += ["--qualifier", "range", "--high", typed]
    result = navsome("--registry", str(registry_copy), "record", *figure)
    fails(result, 2, f"{option} ", "is out of range; a figure must lie between -1e15 and 1e15")
    assert len(result.stderr) < 300  # a 5,000-digit figure is not echoed whole
    assert registry_copy.read_bytes() == before
