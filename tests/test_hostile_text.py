"""Registry text prints literally: markup stays text, control characters are shown, not run."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

# TOML basic-string escapes: ESC, a bell, a C1 CSI, a right-to-left override and a newline.
HOSTILE = r"[bold red]Evil[/] \u001b[31mred\u001b[0m \u0007 \u009b2J \u202eabc \nnext"
DECODED = json.loads('"' + HOSTILE.replace(r"\u", "\\u") + '"')
SHOWN = r"[bold red]Evil[/] \x1b[31mred\x1b[0m \x07 \x9b2J \u202eabc \x0anext"
RAW_CONTROLS = ["\x1b", "\x07", "\x9b", "\u202e"]


@pytest.fixture
def hostile_registry(registry_copy):
    text = registry_copy.read_text()
    for old in (
        'name = "NAV Jobblyst"',
        'handle = "jobblyst.no"',
        'stated = "19 500 følgere"',
        'title = "Facebook page for young people established"',
        'label_en = "Followers"',
        'name = "Facebook"',
        'run_by = "Advisers at NAV Kontaktsenter Oppland"',
    ):
        key = old.split(" = ")[0]
        assert old in text
        text = text.replace(old, f'{key} = "{HOSTILE}"', 1)
    registry_copy.write_text(text)
    return str(registry_copy)


COMMANDS = [
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
        if args[0] in ("show", "timeline", "list", "metrics") or "jobblyst" in args:
            literal = (
                SHOWN.replace("[", "\\[").replace("]", "\\]") if format_ == "markdown" else SHOWN
            )
            flat = out if format_ != "table" else out.replace("\n", "")
            assert literal.split(" ")[0] in flat
            assert "\\x1b" in out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_keeps_the_exact_text_and_escapes_controls(navsome, hostile_registry, args):
    out = navsome("--registry", hostile_registry, *args, "--json").stdout
    for control in RAW_CONTROLS:
        assert control not in out
    assert DECODED in strings(json.loads(out))


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
    assert rows[1]["name"] == SHOWN


def test_account_lookup_error_prints_the_bad_name_literally(navsome):
    result = navsome("show", "\x1b[2Jgone")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\\x1b[2Jgone" in result.stderr
