"""Registry text prints literally: markup stays text, control characters are shown, not run."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import tomlkit
import tomllib

# TOML basic-string escapes: ESC, a bell, a C1 CSI, a right-to-left override and a newline.
HOSTILE = r"[bold red]Evil[/] \u001b[31mred\u001b[0m \u0007 \u009b2J \u202eabc \nnext"
DECODED = json.loads('"' + HOSTILE.replace(r"\u", "\\u") + '"')
SHOWN = r"[bold red]Evil[/] \x1b[31mred\x1b[0m \x07 \x9b2J \u202eabc \x0anext"
RAW_CONTROLS = ["\x1b", "\x07", "\x9b", "\u202e"]


# Every free-text field of the model; slugs, dates and enumerations are checked, not free.
TEXT_FIELDS = {
    "sources": ["title", "publisher", "document"],
    "platforms": ["name"],
    "metrics": ["label_en", "label_nb", "unit", "description"],
    "accounts": ["name", "run_by", "audience", "description"],
    "channels": ["handle", "notes"],
    "measurements": ["stated", "note"],
    "events": ["title", "stated"],
}


def poison(table: dict, kind: str) -> None:
    for key in TEXT_FIELDS[kind]:
        # Kept unique (names must be) and the unit "percent" still ends the text.
        table[key] = f"{DECODED} {table[key]}" if key in table else DECODED
    if kind == "accounts":
        table["aliases"] = [f"{DECODED} {alias}" for alias in table.get("aliases", [])]


@pytest.fixture
def hostile_registry(registry_copy):
    data = tomllib.loads(registry_copy.read_text())
    for kind in ("sources", "platforms", "metrics"):
        for table in data[kind].values():
            poison(table, kind)
    for table in data["accounts"].values():
        poison(table, "accounts")
        for channel in table.get("channels", []):
            poison(channel, "channels")
            for measurement in channel.get("measurements", []):
                poison(measurement, "measurements")
    for event in data["events"]:
        poison(event, "events")
    registry_copy.write_text(tomlkit.dumps(data))
    return str(registry_copy)


COMMANDS = [
    ["validate"],
    ["list"],
    ["show", "jobblyst"],
    ["compare", "-m", "followers"],
    ["compare", "jobblyst", "nav"],
    ["metrics"],
    ["timeline"],
]


@pytest.mark.parametrize("format_", ["table", "markdown", "csv"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_text_formats_show_markup_and_controls_literally(navsome, hostile_registry, args, format_):
    for env in ({}, {"TTY_COMPATIBLE": "1"}):
        result = navsome("--registry", hostile_registry, *args, "--format", format_, env=env)
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        if env:
            # On a terminal the only escape sequences are Rich's own styling.
            assert "\x1b[31mred" not in out
            out = re.sub(r"\x1b\[[0-9;]*m", "", out)
        for control in RAW_CONTROLS:
            assert control not in out
        if args[0] != "validate" and not (env and format_ == "table"):  # a terminal wraps text
            if format_ == "markdown":  # Markdown's own escapes, which render as the text
                assert "\\[bold red\\]Evil" in out
                assert "\\\\x1b\\[31mred" in out
            else:
                assert "[bold red]Evil" in out
                assert "\\x1b[31mred" in out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_keeps_the_exact_text_and_escapes_controls(navsome, hostile_registry, args):
    out = navsome("--registry", hostile_registry, *args, "--json").stdout
    for control in RAW_CONTROLS:
        assert control not in out
    texts = strings(json.loads(out))
    assert args[0] == "validate" or any(text.startswith(DECODED) for text in texts)


def strings(data) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


def test_csv_holds_one_record_a_line(navsome, hostile_registry):
    out = navsome("--registry", hostile_registry, "list", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(out.splitlines()) == len(rows) + 1
    assert rows[1]["name"] == f"{SHOWN} NAV Jobblyst"


def test_account_lookup_error_prints_the_bad_name_literally(navsome):
    result = navsome("show", "\x1b[2Jgone")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\\x1b[2Jgone" in result.stderr


def test_problem_messages_quote_hostile_text_literally(navsome, registry_copy):
    text = registry_copy.read_text().replace(
        'metric = "posts"', 'metric = "\\u001b[2Jposts"\n"\\u001b]0;title\\u0007" = 1'
    )
    registry_copy.write_text(text)
    for format_ in ("table", "json", "csv", "markdown"):
        result = navsome("validate", str(registry_copy), "--format", format_)
        assert result.exit_code == 1
        for control in RAW_CONTROLS:
            assert control not in result.stdout
        assert "x1b" in result.stdout and "2Jposts" in result.stdout
    result = navsome("--registry", str(registry_copy), "list")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "unknown metric '\\x1b[2Jposts'" in result.stderr
