"""The README's examples are real: each one run against the shipped registry prints what the
README shows; one shortened with … prints each of its runs of lines, in order (those that need
an edited registry are left out)."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import REPO

NEEDS_ANOTHER_REGISTRY = ("record", "import", "source add", "validate", "history", "--since")
NEEDS_ANOTHER_REGISTRY += ("broken.toml",)


def examples(shortened: bool = False) -> list[tuple[str, str]]:
    """(command, output) of each example of one command, whole or (`shortened`) with lines
    of … where the README leaves lines out."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```\n(\$ navsome .*?)```", readme, re.DOTALL):
        command, _, output = block.partition("\n")
        if "\n$ " in block or any(w in command for w in NEEDS_ANOTHER_REGISTRY):
            continue
        if ("\n…\n" in f"\n{output}") == shortened:
            found.append((command.removeprefix("$ navsome "), output))
    return found


@pytest.mark.parametrize(("command", "output"), examples(), ids=[c for c, _ in examples()])
def test_readme_example(navsome, command, output):
    result = navsome(*shlex.split(command))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == output


def test_the_readme_has_examples_to_check():
    assert len(examples()) >= 6


@pytest.mark.parametrize(
    ("command", "output"), examples(shortened=True), ids=[c for c, _ in examples(shortened=True)]
)
def test_a_shortened_readme_example_prints_each_part_it_shows(navsome, command, output):
    result = navsome(*shlex.split(command))
    assert result.exit_code == 0, result.stderr
    printed = result.stdout
    parts = [part for part in re.split(r"^…\n", output, flags=re.MULTILINE) if part]
    assert len(parts) >= 1
    for part in parts:  # each run of lines as printed, after the one before it
        at = printed.find(part)
        assert at >= 0, part
        printed = printed[at + len(part) :]


def test_the_readme_has_shortened_examples_to_check():
    assert len(examples(shortened=True)) >= 1
