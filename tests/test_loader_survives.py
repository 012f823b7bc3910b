"""No file, however broken or hostile, makes navsome print a traceback or hang."""

from __future__ import annotations

import os
import random
import re
import tracemalloc

import pytest
from conftest import EXHAUSTIVE, tiered

from navsome.errors import RegistryProblems
from navsome.registry.read import load_registry


def clean_failure(result, *phrases: str) -> None:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr


def test_a_byte_order_mark_is_accepted(navsome, registry_copy):
    registry_copy.write_bytes(b"\xef\xbb\xbf" + registry_copy.read_bytes())
    result = navsome("--registry", str(registry_copy), "show", "jobblyst", "--json")
    assert result.exit_code == 0
    assert result.json()["account"]["name"] == "NAV Jobblyst"


def test_nul_bytes_are_a_syntax_error_with_a_line(navsome, registry_copy):
    data = registry_copy.read_bytes().replace(b'name = "Jobbmesse"', b'name = "Jobb\x00messe"')
    registry_copy.write_bytes(data)
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    clean_failure(navsome("--registry", str(registry_copy), "list"), f"line {line}", "TOML syntax")


def test_a_50_mb_file_is_refused_at_once_with_bounded_memory(navsome, tmp_path):
    huge = tmp_path / "huge.toml"
    with huge.open("w") as file:
        line = "# " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            file.write(line)
    tracemalloc.start()
    result = navsome("--registry", str(huge), "list")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    clean_failure(result, "larger than 32 MB", "NAVSOME_MAX_REGISTRY_MB")
    assert peak < 40 * 2**20


def test_a_device_that_never_ends_is_refused(navsome):
    clean_failure(navsome("--registry", "/dev/zero", "list"), "is a device, not a registry file")


def test_a_named_pipe_without_a_writer_does_not_hang(navsome, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    clean_failure(navsome("--registry", str(fifo), "list"), "empty")


def test_the_size_limit_can_be_raised(navsome, registry_copy):
    registry_copy.write_text(registry_copy.read_text() + "#" * (2 * 2**20) + "\n")
    clean_failure(
        navsome("--registry", str(registry_copy), "list", env={"NAVSOME_MAX_REGISTRY_MB": "1"}),
        "larger than 1 MB",
    )
    ok = navsome("--registry", str(registry_copy), "list", env={"NAVSOME_MAX_REGISTRY_MB": "8"})
    assert ok.exit_code == 0


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 50_000 + "]" * 50_000,
        "x = " + "{a = " * 50_000 + "1" + "}" * 50_000,
        "[" + ".".join(["a"] * 5_000) + "]\n",
        "accounts = " + "[" * 3000 + "]" * 3000,
    ],
    ids=["arrays", "inline-tables", "table-headers", "accounts-array"],
)
def test_deep_nesting_is_a_clean_error(navsome, tmp_path, text):
    path = tmp_path / "deep.toml"
    path.write_text(text)
    clean_failure(navsome("--registry", str(path), "list"))
    result = navsome("validate", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_very_long_strings_are_refused_with_their_place(navsome, registry_copy):
    text = registry_copy.read_text().replace('name = "Jobbmesse"', f'name = "{"J" * 100_000}"')
    registry_copy.write_text(text)
    clean_failure(
        navsome("--registry", str(registry_copy), "list"),
        "accounts.jobbmesse.name: is 100,000 characters long; at most 10,000",
    )


def test_a_long_line_with_a_syntax_error_is_shown_as_a_window(navsome, tmp_path):
    path = tmp_path / "long.toml"
    path.write_text('x = "' + "a" * 100_000 + '" oops\n')
    result = navsome("validate", str(path))
    assert result.exit_code == 1
    assert all(len(line) < 200 for line in result.stdout.splitlines()[1:])
    assert "^" in result.stdout


@pytest.fixture(scope="module")
def shipped_bytes() -> bytes:
    from conftest import SHIPPED

    return SHIPPED.read_bytes()


def truncation_points(data: bytes, kind: str) -> list[int]:
    """Where to cut the registry, for each kind of cut. "first": before and after each kind
    of line (the same key in the same kind of table, a header, a comment, a blank line, and
    also just before its newline) at its first place, leaving a registry only begun; every
    byte with NAVSOME_EXHAUSTIVE=1 (a nightly run, about a minute). "last": before and after
    it at its last place, leaving a whole one missing its end. "sample": a fixed sample of
    places inside lines."""
    if kind == "sample":
        return sorted(random.Random(2017).sample(range(len(data)), 30))
    if EXHAUSTIVE and kind == "first":
        return list(range(len(data) + 1))
    first: dict[tuple[bytes, bytes], tuple[int, int]] = {}
    last: dict[tuple[bytes, bytes], tuple[int, int]] = {}
    table, start = b"", 0
    for line in data.split(b"\n"):
        end = start + len(line)  # where its newline is
        text = line.strip()
        if text.startswith(b"["):  # [accounts.nav] and [accounts.kunnskap] are one kind
            table = re.sub(rb"^(\[+[\w-]+)\.[\w-]+", rb"\1.*", text)
            key = b"["
        else:
            key = text.split(b"=")[0].strip() if b"=" in text else text[:1]
        first.setdefault((table, key), (start, end))
        last[(table, key)] = (start, end)
        start = end + 1
    points = {0, len(data)}
    if kind == "first":
        for start, end in first.values():
            points |= {start, end, min(end + 1, len(data))}
    else:
        for start, end in last.values():
            points |= {start, min(end + 1, len(data))}
    return sorted(points)


# A registry only begun by default; one missing its end, and cuts inside lines, in the slow tier.
@pytest.mark.parametrize("kind", tiered(["first", "last", "sample"], fast=1))
def test_truncation_at_every_byte_loads_or_fails_cleanly(shipped_bytes, tmp_path, kind):
    # Every prefix of the registry either loads (a valid, shorter registry) or raises the one
    # error type the CLI turns into a message; nothing else escapes.
    path = tmp_path / "cut.toml"
    outcomes = {"loaded": 0, "refused": 0}
    for end in truncation_points(shipped_bytes, kind):
        path.write_bytes(shipped_bytes[:end])
        try:
            registry = load_registry(str(path))
        except RegistryProblems as error:
            assert error.problems
            outcomes["refused"] += 1
        else:
            assert set(registry.accounts) <= {
                "foreldrepenger", "jobblyst", "kunnskap", "nav", "arbeidsmarkedet",
                "alderspensjon", "idebanken", "deterdinpensjon", "jobbmesse",
            }  # fmt: skip
            outcomes["loaded"] += 1
    assert outcomes["refused"] > 0
    assert outcomes["loaded"] > 0 or kind == "sample"  # a cut inside a line seldom loads
