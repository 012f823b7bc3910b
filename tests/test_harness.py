"""The suite's own shortcuts (conftest). Each distinct TOML text is parsed once a test process:
what the parser hands navsome must not change for it (fresh objects each call, and a refusal
every time). Bytecode is compiled by the harness, not by uv at every run."""

from __future__ import annotations

import pytest

from navsome.registry.toml import tomllib

TEXT = '[sources.a]\ntitle = "A"\nyears = [2017, 2018]\n'


def test_each_parse_of_the_same_text_gets_objects_of_its_own():
    first = tomllib.loads(TEXT)
    first["sources"]["a"]["title"] = "changed"
    first["sources"]["a"]["years"].append(2019)
    second = tomllib.loads(TEXT)
    assert second == {"sources": {"a": {"title": "A", "years": [2017, 2018]}}}
    assert second is not first and second["sources"] is not first["sources"]


def test_a_text_the_parser_refuses_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(tomllib.TOMLDecodeError):
            tomllib.loads("[sources\n")


def test_options_go_to_the_parser_itself():
    from decimal import Decimal

    assert tomllib.loads("x = 0.1", parse_float=Decimal) == {"x": Decimal("0.1")}
    assert tomllib.loads("x = 0.1") == {"x": 0.1}  # not the Decimal kept from the call above


def test_uv_is_not_set_to_compile_bytecode():
    """With uv's compile-bytecode setting, every `uv run` (the README's `uv run navsome list`
    among them) recompiles every package and says so on stderr (astral-sh/uv#12202); the
    tests compile what they need themselves (conftest)."""
    from pathlib import Path

    from navsome.registry.toml import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    assert "compile-bytecode" not in project.get("tool", {}).get("uv", {})
