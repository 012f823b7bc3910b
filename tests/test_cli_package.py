"""The command line as a package: each command its own module, loaded only when it runs, and
the app left whole for the next command in the same process."""

from __future__ import annotations

import json

import pytest
from conftest import modules_loaded, tiered

from navsome.cli.app import COMMANDS, app


def commands_imported(*args: str) -> list[str]:
    return [name for name in modules_loaded(list(args)) if name.startswith("navsome.cli.commands.")]


# What a run imports is the same on every Python: one case by default, the others in the slow
# tier (each starts a process).
@pytest.mark.parametrize(
    ("args", "module"),
    tiered(
        [
            (["list", "--json"], "list"),
            (["--lang", "nb", "show", "jobblyst"], "show"),
            (["--registry", "data/channels.toml", "metrics"], "metrics"),
        ],
        fast=1,
    ),
)
def test_a_run_imports_only_the_command_it_runs(args, module):
    assert commands_imported(*args) == [f"navsome.cli.commands.{module}"]


def test_the_top_level_help_lists_every_command_in_order():
    imported = commands_imported("--help")
    assert imported == sorted(f"navsome.cli.commands.{module}" for module in COMMANDS.values())


def test_one_process_can_run_one_command_after_another(main_in_process):
    """main() leaves the app whole: a second command in the same process (a notebook, a test)
    is found, where trimming the app to the first command once made it "No such command"."""
    outputs = []
    for args in (["list", "--json"], ["metrics", "--json"], ["show", "jobblyst", "--json"]):
        code, out, err = main_in_process(*args)
        assert code in (0, None), err
        outputs.append(json.loads(out))
    assert outputs[1][0]["metric"] == "followers"
    assert outputs[2]["account"]["account"] == "jobblyst"


def test_a_mistyped_command_is_suggested_from_the_lazy_list(navsome):
    result = navsome("histroy", "nav")
    assert result.exit_code == 2
    assert "Did you mean 'history'?" in result.stderr


def test_each_command_module_defines_its_command():
    from importlib import import_module

    for name, module in COMMANDS.items():
        command = import_module(f"navsome.cli.commands.{module}").command
        assert command.__doc__, f"{name} has no help"
    assert app.registered_commands == []  # every command comes from its module
