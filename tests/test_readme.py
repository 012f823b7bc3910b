"""The README's examples are real: each one run against the shipped registry prints what the
README shows (those that need an edited registry, or are shortened with …, are left out)."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import REPO

NEEDS_ANOTHER_REGISTRY = ("record", "import", "source add", "validate", "history", "--since")
NEEDS_ANOTHER_REGISTRY += ("broken.toml",)


def examples() -> list[tuple[str, str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```\n(\$ navsome .*?)```", readme, re.DOTALL):
        command, _, output = block.partition("\n")
        if "…" in block or "\n$ " in block or any(w in command for w in NEEDS_ANOTHER_REGISTRY):
            continue
        found.append((command.removeprefix("$ navsome "), output))
    return found


@pytest.mark.parametrize(("command", "output"), examples(), ids=[c for c, _ in examples()])
def test_readme_example(navsome, command, output):
    result = navsome(*shlex.split(command))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == output


def test_the_readme_has_examples_to_check():
    assert len(examples()) >= 6
