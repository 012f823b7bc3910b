"""Guards on start-up: what each path imports. Every navsome call is a fresh process, so a
heavy import on a path that does not need it costs every user every time."""

from __future__ import annotations

import pytest
from conftest import modules_loaded, tiered

# The `navsome` fixture (conftest) runs the CLI in this process.


def imported(args: list[str], **env: str) -> set[str]:
    return {name.split(".")[0] for name in modules_loaded(args, **env)}


# What a path imports is the same on every Python: JSON and plain text by default; help, a usage
# error and the rest in the slow tier, which .ci/run runs once.
DATA_PATHS = tiered(
    [
        ["compare", "--metric", "followers", "--format", "json"],
        ["compare", "--metric", "followers"],  # piped: plain text
        # help and usage errors, piped: Click's plain text, as fast as a command
        ["--help"],
        ["list", "--format", "bad"],
        ["compare", "--metric", "followers", "--format", "csv"],
        ["list", "--json"],
        ["list"],
        ["show", "jobblyst", "--json"],
        ["show", "jobblyst"],
        ["history", "nav", "--format", "csv"],
        ["validate"],
        ["record", "-h"],
        ["frobnicate"],
    ],
    fast=2,
)


@pytest.mark.parametrize("args", DATA_PATHS, ids=lambda args: " ".join(args))
def test_data_and_piped_paths_import_no_rich_no_pydantic_no_tomlkit(args):
    modules = imported(args)
    assert "navsome" in modules
    assert not modules & {"rich", "pydantic", "tomlkit"}


def test_a_terminal_table_imports_rich_but_never_pydantic():
    modules = imported(["compare", "--metric", "followers"], TTY_COMPATIBLE="1")
    assert "rich" in modules
    assert "pydantic" not in modules


def test_typer_is_a_version_that_does_not_import_pydantic():
    from importlib.metadata import version

    major, minor = (int(part) for part in version("typer").split(".")[:2])
    assert (major, minor) < (0, 29), "Typer 0.29 imports pydantic while parsing options"


BOX = "╭"  # Rich draws help and errors in panels; Click's plain text has none


@pytest.mark.parametrize("args", [["--help"], ["compare", "--help"]], ids=" ".join)
def test_help_is_drawn_for_a_terminal_and_plain_for_a_pipe(navsome, args):
    drawn = navsome(*args, env={"TTY_COMPATIBLE": "1"})
    piped = navsome(*args)
    assert drawn.exit_code == piped.exit_code == 0
    assert BOX in drawn.stdout
    assert BOX not in piped.stdout and "\x1b[" not in piped.stdout
    assert "Usage: navsome" in piped.stdout and "--help" in piped.stdout


def test_a_usage_error_is_drawn_only_when_stderr_is_a_terminal(navsome):
    drawn = navsome("list", "--format", "bad", env={"TTY_COMPATIBLE": "1"})
    piped = navsome("list", "--format", "bad")
    assert drawn.exit_code == piped.exit_code == 2
    assert BOX in drawn.stderr
    assert BOX not in piped.stderr
    assert "Invalid value for '--format'" in piped.stderr
    assert piped.stdout == ""
