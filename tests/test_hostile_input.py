"""Hostile input: numbers past any figure, TOML that tomllib reads slowly, bad environment
variables, devices given as the registry, and the size limit to the byte."""

from __future__ import annotations

import gc
import itertools
import json
import math
import os
import subprocess
import sys
import time

import pytest
from conftest import SHIPPED, fails, tiered

from navsome.errors import RegistryProblems
from navsome.registry.guard import shape_problem
from navsome.registry.read import load_registry
from navsome.registry.schema import MAX_NUMBER, _Builder, _checked_measurement, _valid_measurement
from navsome.registry.toml import tomllib  # tomli on Python 3.10, as navsome reads it


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
        "line 17: sources.nav-some-2017.year: is out of range",
    )


@pytest.mark.parametrize("where", ["value", "array"])
def test_a_5000_digit_integer_anywhere_is_a_problem_with_its_line(navsome, registry_copy, where):
    huge = "7" * 5_000
    if where == "value":
        text = registry_copy.read_text().replace("value = 800\n", f"value = {huge}\n", 1)
    else:
        text = registry_copy.read_text() + f"\n[extra]\nx = [\n  1,\n  {huge},\n]\n"
    registry_copy.write_text(text)
    expected = f"line {line_of(text, huge)}: an integer of 5,000 digits is too long to read"
    fails(navsome("--registry", str(registry_copy), "list"), 1, expected)
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    assert expected.removeprefix(f"line {line_of(text, huge)}: ") in result.stdout


def test_a_5000_digit_integer_the_search_cannot_place_is_still_a_plain_message(navsome, tmp_path):
    path = tmp_path / "commented.toml"
    path.write_text("x = [ # a comment hides it from the search\n  " + "7" * 5_000 + "]\n")
    result = navsome("--registry", str(path), "list")
    fails(result, 1, "an integer of thousands of digits is too long to read")
    assert "sys." not in result.stderr  # Python's advice is for programmers


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
        ("VALUE", "10000000000000000"),
        ("VALUE", "1 000 000 000 000 001"),
        ("VALUE", "9" * 5_000),  # past int()'s limit of 4,300 digits
        ("--high", "2 000 000 000 000 000"),
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
    fails(result, 2, f"{option} ", "is out of range; write a number between -1e15 and 1e15")
    assert len(result.stderr) < 300  # a 5,000-digit figure is not echoed whole
    assert registry_copy.read_bytes() == before


# --- TOML that tomllib reads in super-linear time is refused before it starts --------------


def dotted(parts: int, part: str = "a", dot: str = ".") -> str:
    return dot.join([part] * parts)


def lines(count: int) -> str:
    return "".join(f"k{i} = 1\n" for i in range(count))


# Each case is sized so that, unguarded, the quadratic ones take 5 s or (much) more on a small
# machine, while the linear ones read in a tenth of a second.
HOSTILE = {
    # quadratic in tomllib: refused by the guard
    "dotted-key": lambda: dotted(24_000) + " = 1\n",
    "dotted-key-quoted": lambda: dotted(20_000, '"a"') + " = 1\n",
    "dotted-key-spaced": lambda: dotted(22_000, dot=" . ") + " = 1\n",
    "table-header": lambda: "[" + dotted(50_000) + "]\n",
    "array-of-tables-header": lambda: "[[" + dotted(50_000) + "]]\n",
    "inline-table-key": lambda: "x = {" + dotted(50_000) + " = 1}\n",
    "inline-table-key-in-array": lambda: "x = [\n  {b = 1},\n  {" + dotted(50_000) + " = 1},\n]\n",
    "header-then-many-lines": lambda: "[" + dotted(2_000) + "]\n" + lines(20_000),
    "deep-key-after-registry": lambda: SHIPPED_TEXT + "\n[extra]\n" + dotted(24_000) + " = 1\n",
    # linear in tomllib: read (or refused for what they hold) at once
    "long-string": lambda: 'x = "' + "a" * 500_000 + '"\n',
    "long-comment": lambda: "# " + "a" * 1_000_000 + "\n",
    "escapes": lambda: 'x = "' + "\\n" * 200_000 + '"\n',
    "many-keys": lambda: "[sources]\n" + lines(10_000),  # under a table, so the schema is quick
    "many-inline-keys": lambda: "x = {" + ", ".join(f"k{i} = 1" for i in range(20_000)) + "}\n",
    "many-arrays-of-tables": lambda: "[[x]]\n" * 30_000,
    "deep-arrays": lambda: "x = " + "[" * 50_000 + "]" * 50_000 + "\n",
    "deep-inline-tables": lambda: "x = " + "{a = " * 20_000 + "1" + "}" * 20_000 + "\n",
    "keys-at-the-limit": lambda: "[" + dotted(16, "h") + "]\n" + lines(2_000),
    "dots-in-a-string": lambda: 'x = "' + dotted(100_000) + '"\n',
    "dots-in-an-array": lambda: "x = [" + '"a.", ' * 30_000 + "]\n",
    "dots-and-long-words": lambda: (dotted(15) + "b" * 10_000 + "\n") * 100,
    # many places where a key could start, each after a long run of blanks
    "blanks-before-keys": lambda: "x = [" + ("," + " " * 5_000 + "a.b") * 200 + "]\n",
    "integer-of-5000-digits": lambda: "x = " + "1" * 5_000 + "\n",
    "many-integers-of-4000-digits": lambda: "".join(f"k{i} = {'1' * 4_000}\n" for i in range(200)),
}
SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")


# Every other shape by default (the first of each family is among them); all in the slow tier.
@pytest.mark.parametrize(
    "name", [*list(HOSTILE)[::2], *tiered(list(HOSTILE)[1::2], fast=0)], ids=str
)
def test_every_hostile_file_is_refused_or_read_within_a_second(name, tmp_path, monkeypatch):
    monkeypatch.delenv("NAVSOME_MAX_REGISTRY_MB", raising=False)
    path = tmp_path / f"{name}.toml"
    path.write_text(HOSTILE[name](), encoding="utf-8")
    # As the command line runs (its main turns the cyclic collector off): the guard is about
    # parsing that takes minutes, not the collector's share of a second on a busy machine.
    # Counted in this process's CPU time, not on the clock: the tests run side by side, and a
    # second of work is what is bounded, however long the other tests keep the cores.
    gc.disable()
    started = time.process_time()
    try:
        load_registry(str(path))
    except RegistryProblems as error:
        assert error.problems
    finally:
        elapsed = time.process_time() - started
        gc.enable()
    assert elapsed < 1.0, f"{name} took {elapsed:.1f} s"


@pytest.mark.parametrize(
    ("text", "parts", "line"),
    [
        (dotted(17) + " = 1\n", 17, 1),
        ("[" + dotted(17) + "]\n", 17, 1),
        ("[[" + dotted(5_000) + "]]\n", 5_000, 1),
        ("x = 1\n\ny = [\n  {" + dotted(20, '"a.b"') + " = 1},\n]\n", 20, 4),
        ("[t]\n" + dotted(30, "'x'", " .\t") + " = 1\n", 30, 2),
    ],
    ids=["key", "header", "array-header", "inline-quoted", "literal-blanks"],
)
def test_a_key_of_too_many_parts_is_refused_with_its_line_and_size(text, parts, line):
    problem = shape_problem(text)
    assert problem is not None
    assert problem.line == line
    assert f"a dotted key or table name of {parts:,} parts; navsome reads at most 16" in str(
        problem
    )


@pytest.mark.parametrize(
    "text",
    [
        dotted(16) + " = 1\n",
        "[" + dotted(16) + "]\n" + dotted(16) + " = 1\n",
        "x = {" + dotted(16) + " = 1}\n",
        dotted(16, '"a.b.c"') + " = 1\n",  # dots inside quoted parts are not separators
        'x = "' + dotted(1_000) + '"\n',  # text, not a key
        "x = [" + ", ".join(["1.5"] * 100) + "]\n",
    ],
    ids=["key-16", "header-and-key-16", "inline-16", "quoted-dots", "string", "floats"],
)
def test_keys_up_to_the_limit_and_dots_in_values_pass_the_guard(text):
    assert shape_problem(text) is None
    tomllib.loads(text)  # and they are TOML


def test_the_guard_message_reaches_the_user_with_file_and_line(navsome, registry_copy):
    text = registry_copy.read_text() + "\n[extra]\n" + dotted(5_000) + " = 1\n"
    registry_copy.write_text(text)
    line = text.count("\n") - 0  # the key is the last line
    for args in (["list"], ["show", "nav"]):
        fails(
            navsome("--registry", str(registry_copy), *args),
            1,
            f"{registry_copy}: line {line}: a dotted key or table name of 5,000 parts; "
            "navsome reads at most 16 (a registry needs 4): shorten it",
        )
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1 and f"{line}" in result.stdout and "5,000 parts" in result.stdout


@pytest.mark.parametrize(
    ("extra", "place"),
    [("[[extra]]\nx = 1\n", "extra: unknown key"), ("[extra.deep]\nx = 1\n", "extra: unknown")],
    ids=["array-of-tables", "dotted-header"],
)
def test_an_unknown_table_is_placed_on_the_line_that_makes_it(navsome, registry_copy, extra, place):
    text = registry_copy.read_text() + "\n" + extra
    registry_copy.write_text(text)
    line = text.count("\n") - 1  # the header, above the last line
    fails(navsome("--registry", str(registry_copy), "list"), 1, f"line {line}: {place}")


# --- Environment variables are checked, and named in the message ---------------------------


@pytest.mark.parametrize("setting", ["nan", "inf", "abc", "-1", "0", "1e400", "32MB"])
def test_a_bad_size_limit_is_a_usage_error_naming_the_variable(navsome, setting):
    result = navsome("list", env={"NAVSOME_MAX_REGISTRY_MB": setting})
    fails(
        result,
        2,
        f"NAVSOME_MAX_REGISTRY_MB={setting!r} is not a size; set it to a number of megabytes "
        "above 0, such as 64, or unset it for the default of 32.",
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("setting", ["", "0.5", " 8 ", "64", "1e6"])
def test_a_size_limit_in_megabytes_or_empty_is_accepted(navsome, setting):
    result = navsome("list", "--json", env={"NAVSOME_MAX_REGISTRY_MB": setting})
    assert result.exit_code == 0, result.stderr
    assert len(result.json()) == 9


@pytest.mark.parametrize("setting", ["de", "abc", "fr_FR.UTF-8"])
def test_a_bad_language_variable_is_blamed_on_the_variable(navsome, setting):
    result = navsome("list", env={"NAVSOME_LANG": setting})
    fails(result, 2, f"NAVSOME_LANG={setting!r} is not a language navsome speaks; set it to nb")
    assert "--lang" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_bad_language_option_is_blamed_on_the_option(navsome):
    result = navsome("--lang", "de", "list", env={"NAVSOME_LANG": None})
    fails(result, 2, "--lang", "'de' is not one of nb, en.")
    assert "NAVSOME_LANG" not in result.stderr


@pytest.mark.parametrize(
    ("setting", "header"),
    [
        ("nb", "Konto"),
        ("no", "Konto"),
        ("nn", "Konto"),
        ("NO", "Konto"),
        ("nb_NO.UTF-8", "Konto"),
        ("en_GB", "Account"),
        (" en ", "Account"),
    ],
)
def test_the_language_variable_reads_locale_names_as_the_locale_does(navsome, setting, header):
    result = navsome("list", env={"NAVSOME_LANG": setting, "LANG": "C.UTF-8"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split()[0] == header


@pytest.mark.parametrize("setting", ["", "  "])
def test_an_empty_language_variable_is_unset_and_the_locale_decides(navsome, setting):
    for locale, header in (("nb_NO.UTF-8", "Konto"), ("C.UTF-8", "Account")):
        result = navsome("list", env={"NAVSOME_LANG": setting, "LANG": locale})
        assert result.exit_code == 0, result.stderr
        assert result.stdout.split()[0] == header


def test_an_empty_registry_variable_is_unset(navsome):
    default = navsome("list", "--json", env={"NAVSOME_REGISTRY": None})
    empty = navsome("list", "--json", env={"NAVSOME_REGISTRY": ""})
    assert empty.exit_code == 0, empty.stderr
    assert empty.stdout == default.stdout


# --- Opening the registry never blocks on a terminal or device ------------------------------

DEVICE = "is a device, not a registry file"
needs_dev = pytest.mark.skipif(sys.platform == "win32", reason="POSIX device files")


def run_script(*args: str, timeout: float = 30, **kwargs) -> subprocess.CompletedProcess:
    """navsome in a fresh process, so a run that blocks is stopped by the timeout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
    env |= {"NAVSOME_LANG": "en", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "navsome", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,
    )


@needs_dev
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_refused(navsome, device):
    fails(navsome("--registry", device, "list"), 1, f"{device}: {DEVICE}")


@needs_dev
@pytest.mark.parametrize("device", ["/dev/ptmx", "/dev/tty"])
def test_a_terminal_is_refused_without_blocking(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    result = run_script("--registry", device, "list", stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result.stderr
    assert f"{device}: {DEVICE}" in result.stderr


@needs_dev
def test_standard_input_that_is_a_terminal_is_refused_without_blocking():
    leader, follower = os.openpty()
    try:
        result = run_script("--registry", "/dev/stdin", "list", stdin=follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 1, result.stderr
    assert f"/dev/stdin: {DEVICE}" in result.stderr


@needs_dev
def test_standard_input_that_is_a_pipe_or_a_file_is_read():
    piped = run_script("--registry", "/dev/stdin", "list", input=SHIPPED_TEXT)
    assert piped.returncode == 0, piped.stderr
    with SHIPPED.open() as file:
        redirected = run_script("--registry", "/dev/stdin", "list", stdin=file)
    assert redirected.returncode == 0, redirected.stderr
    assert piped.stdout == redirected.stdout


@needs_dev
def test_a_path_that_becomes_a_device_between_stat_and_open_is_refused(monkeypatch):
    from navsome.registry.read import read_bytes

    regular = os.stat(SHIPPED)
    real_stat = os.stat
    # The first look, before opening, sees a regular file; the device is what gets opened.
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: regular if p == "/dev/zero" else real_stat(p, *a, **k)
    )
    with pytest.raises(RegistryProblems) as raised:
        read_bytes("/dev/zero")
    assert DEVICE in str(raised.value)


# --- The size limit holds to the byte, for a file and for a pipe ---------------------------

LIMIT_MB = "0.03125"  # a power of two: exactly 32,768 bytes, no rounding
LIMIT = 32_768


def registry_of_size(size: int) -> bytes:
    """The shipped registry padded with a comment to exactly `size` bytes."""
    data = SHIPPED.read_bytes()
    assert data.endswith(b"\n") and len(data) < size - 2
    return data + b"#" + b"x" * (size - len(data) - 2) + b"\n"


@pytest.mark.parametrize(("size", "read"), [(LIMIT, True), (LIMIT + 1, False)])
def test_the_size_limit_holds_to_the_byte_for_a_file(navsome, tmp_path, size, read):
    path = tmp_path / "sized.toml"
    path.write_bytes(registry_of_size(size))
    result = navsome("--registry", str(path), "list", env={"NAVSOME_MAX_REGISTRY_MB": LIMIT_MB})
    if read:
        assert result.exit_code == 0, result.stderr
    else:
        fails(result, 1, f"{path}: is larger than 32,768 bytes", "NAVSOME_MAX_REGISTRY_MB")


@needs_dev
@pytest.mark.parametrize(("size", "read"), [(LIMIT, True), (LIMIT + 1, False)])
def test_the_size_limit_holds_to_the_byte_for_a_pipe(navsome, size, read):
    # A pipe has no size to look at first, so the read loop's own bound decides. This is what
    # `--registry <(cat channels.toml)` gives: /dev/fd/N, the read end of a pipe.
    reader, writer = os.pipe()
    try:
        os.write(writer, registry_of_size(size))  # fits the pipe's buffer: no writer thread
        os.close(writer)
        pipe = f"/dev/fd/{reader}"
        result = navsome("--registry", pipe, "list", env={"NAVSOME_MAX_REGISTRY_MB": LIMIT_MB})
    finally:
        os.close(reader)
    if read:
        assert result.exit_code == 0, result.stderr
    else:
        fails(result, 1, f"{pipe}: is larger than 32,768 bytes")


def _waits_for_data(path: str) -> bool:
    """Whether `path` looks like a regular file yet has nothing to read until data comes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        os.read(fd, 1)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


@pytest.mark.skipif(not _waits_for_data("/proc/kmsg"), reason="/proc/kmsg is not readable here")
def test_a_file_that_waits_for_data_fails_at_once_instead_of_hanging():
    command = [sys.executable, "-m", "navsome", "--registry", "/proc/kmsg", "list"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=20)
    assert result.returncode == 1
    assert "/proc/kmsg: cannot be read: Resource temporarily unavailable" in result.stderr
