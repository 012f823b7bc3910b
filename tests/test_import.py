"""navsome import: many figures in one safe write, all or none, every bad row reported."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SHIPPED, fails

from navsome.registry.read import load_registry

HEADER = "channel,metric,value,as_of,source\n"


def figures(registry) -> dict[tuple[str, str, str], object]:
    return {
        (channel.id, m.metric, m.as_of): m
        for channel in load_registry(registry).channels()
        for m in channel.measurements
    }


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_adds_every_row_in_one_write_keeping_the_layout(navsome, registry_copy, tmp_path):
    before = registry_copy.read_text(encoding="utf-8")
    rows = write(
        tmp_path,
        "june.csv",
        HEADER + "jobblyst/facebook,followers,21 000,2018-06,nav-some-2017\n"
        "nav/twitter,followers,7000,2019,nav-some-2017\n",
    )
    result = navsome("--registry", str(registry_copy), "import", str(rows))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Imported {rows} into {registry_copy}: 2 added, 0 replaced, 0 unchanged.\n"
    )
    after = registry_copy.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert "value = 21000" in added and "value = 7000" in added
    assert len(after.splitlines()) - len(before.splitlines()) == 12  # two tables, lines alone
    found = figures(registry_copy)
    assert found[("jobblyst/facebook", "followers", "2018-06")].value == 21000


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(
    navsome, registry_copy, tmp_path
):
    before = registry_copy.read_bytes()
    rows = write(
        tmp_path,
        "bad.csv",
        HEADER + "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"  # line 2: fine
        "jobblyst/facebook,comments,21.000,2018,nav-some-2017\n"  # 3: ambiguous
        "nosuch/facebook,followers,5,2018,nav-some-2017\n"  # 4: unknown account
        "jobblyst/facebook,followers,22000,2999,nav-some-2017\n"  # 5: future
        "jobblyst/twitter,followers,5,2018,nav-some-2017\n"  # 6: no such channel
        "jobblyst/facebook,followers,5,2018-07,nav-2030\n"  # 7: unknown source
        "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n",  # 8: repeats line 2
    )
    result = navsome("--registry", str(registry_copy), "import", str(rows))
    fails(result, 1, "nothing was imported; 6 problems:")
    lines = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines] == [
        f"{rows}:3: value",
        f"{rows}:4: account",
        f"{rows}:5: as_of",
        f"{rows}:6: platform",
        f"{rows}:7: source",
        f"{rows}:8: as_of",
    ]
    assert registry_copy.read_bytes() == before


def test_an_unknown_column_is_refused_by_name(navsome, registry_copy, tmp_path):
    rows = write(tmp_path, "x.csv", "channel,metric,value,as_of,source,colour\n")
    result = navsome("--registry", str(registry_copy), "import", str(rows))
    fails(result, 1, "'colour' is not a column navsome imports")


def test_a_dry_run_says_what_would_change_and_changes_nothing(navsome, registry_copy, tmp_path):
    before = registry_copy.read_bytes()
    rows = write(
        tmp_path,
        "june.csv",
        HEADER + "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
        "jobblyst/facebook,followers,19500,2017-12,nav-some-2017\n"  # already there
        "nav/linkedin,followers,28000,2018,nav-some-2017\n",  # another figure is there
    )
    result = navsome("--registry", str(registry_copy), "import", str(rows), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 replaced, 1 unchanged, 1 conflicting (pass --replace)" in result.stdout
    assert re.search(r"conflict +nav/linkedin followers 28,000 as of 2018", result.stdout)
    assert registry_copy.read_bytes() == before
    refused = navsome("--registry", str(registry_copy), "import", str(rows))
    fails(refused, 1, "nav/linkedin already has followers 27000 as of 2018; pass --replace")
    assert registry_copy.read_bytes() == before
    replaced = navsome("--registry", str(registry_copy), "import", str(rows), "--replace")
    assert "1 added, 1 replaced, 1 unchanged" in replaced.stdout
    assert figures(registry_copy)[("nav/linkedin", "followers", "2018")].value == 28000


@pytest.mark.parametrize("format_", ["csv", "json"])
def test_what_show_writes_reads_back_into_an_empty_copy_as_the_same_figures(
    navsome, tmp_path, format_
):
    """show --format csv/json → import into a copy without figures → the same figures."""
    text = SHIPPED.read_text(encoding="utf-8")
    empty = re.sub(
        r"\[\[accounts\.[a-z-]+\.channels\.measurements\]\]\n(?:[a-z_]+ = .*\n)*", "", text
    )
    empty_copy = write(tmp_path, "empty.toml", empty)
    assert not any(c.measurements for c in load_registry(empty_copy).channels())
    exported = tmp_path / f"all.{format_}"
    parts: list = []
    for account in load_registry(SHIPPED).accounts:
        shown = navsome("show", account, "--format", format_)
        assert shown.exit_code == 0
        if format_ == "json":
            parts += shown.json()["measurements"]
        else:
            lines = shown.stdout.splitlines()
            parts += lines[1:] if parts else lines
    text = json.dumps(parts) if format_ == "json" else "\n".join(parts) + "\n"
    exported.write_text(text, encoding="utf-8")
    result = navsome("--registry", str(empty_copy), "import", str(exported))
    assert result.exit_code == 0, result.stderr
    assert figures(empty_copy).keys() == figures(SHIPPED).keys()
    for key, figure in figures(SHIPPED).items():
        got = figures(empty_copy)[key]
        assert got == figure, key  # the note too


def test_rows_read_from_standard_input(navsome, registry_copy):
    from typer.testing import CliRunner

    from navsome.cli.app import app

    rows = HEADER + "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
    result = CliRunner().invoke(
        app,
        ["--registry", str(registry_copy), "import", "-"],
        input=rows,
        env={"NAVSOME_LANG": "en"},
    )
    assert result.exit_code == 0, result.stderr
    assert "Imported <stdin>" in result.stdout


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "channel,account,platform,metric,value,as_of,source\n"
            "jobblyst/facebook,kunnskap,twitter,followers,5,2018,nav-some-2017\n",
            "x.csv:2: channel: 'jobblyst/facebook' is not account 'kunnskap' on 'twitter'",
        ),
        (
            "channel,metric,value,high,as_of,source\n"
            "kunnskap/facebook,followers,5000,6000,2018,nav-some-2017\n",
            "x.csv:2: high: 6000 goes with qualifier range only",
        ),
        (
            "channel,metric,value,low,high,qualifier,as_of,source\n"
            "jobblyst/facebook,followers,9999,2000,2200,range,2018,nav-some-2017\n",
            "x.csv:2: value: 9999 is not the middle of the range 2000-2200",
        ),
        (
            "channel,metric,value,low,high,qualifier,as_of,source\n"
            "jobblyst/facebook,followers,7000,6000,8000,exact,2018,nav-some-2017\n",
            "x.csv:2: high: 8000 goes with qualifier range only",
        ),
        (
            "channel,metric,value,as_of,source,channel\n",
            "x.csv:1: 'channel' given more than once",
        ),
        (
            "channel\tmetric\tvalue\tas_of\tsource\n",
            "x.csv:1: the columns are separated by tabs",
        ),
        (
            HEADER + "jobblyst/facebook,followers,5,2018,nav-some-2017,extra\n"
            "nosuch/facebook,followers,5,2018,nav-some-2017\n",
            "x.csv:2: row: 6 cells where the header has 5 columns",
        ),
        ("[" * 100_000, "nested too deeply"),
    ],
    ids=[
        "channel-and-account",
        "high-without-range",
        "value-off-the-range",
        "exact-with-high",
        "column-twice",
        "tabs",
        "too-many-cells",
        "deep-json",
    ],
)
def test_rows_whose_columns_disagree_or_cannot_be_read_are_refused(
    navsome, registry_copy, tmp_path, rows, message
):
    before = registry_copy.read_bytes()
    path = write(tmp_path, "x.json" if rows.startswith("[") else "x.csv", rows)
    result = navsome("--registry", str(registry_copy), "import", str(path))
    fails(result, 1, message.replace("x.csv", str(path)))
    assert registry_copy.read_bytes() == before


def test_what_show_json_writes_imports_as_it_is(navsome, registry_copy, tmp_path):
    shown = tmp_path / "jobblyst.json"
    shown.write_text(navsome("show", "jobblyst", "--json").stdout, encoding="utf-8")
    result = navsome("--registry", str(registry_copy), "import", str(shown), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "0 added, 0 replaced, 6 unchanged" in result.stdout


def test_a_new_note_for_a_figure_already_there_is_a_change(navsome, registry_copy):
    figure = ["jobblyst/facebook", "followers", "19500", "--as-of", "2017-12"]
    figure += ["--source", "nav-some-2017", "--note", "checked"]
    refused = navsome("--registry", str(registry_copy), "record", *figure)
    fails(refused, 1, "pass --replace")
    replaced = navsome("--registry", str(registry_copy), "record", *figure, "--replace")
    assert replaced.stdout.startswith("Replaced jobblyst/facebook followers 19,500 as of 2017-12")
    again = navsome("--registry", str(registry_copy), "record", *figure[:7])  # no note given
    assert again.stdout.startswith("Already recorded")


def test_import_waits_for_the_lock_as_long_as_it_is_told(navsome, registry_copy, tmp_path):
    import fcntl
    import os

    rows = write(tmp_path, "x.csv", HEADER + "jobblyst/facebook,followers,1,2018,nav-some-2017\n")
    lock = os.open(registry_copy.with_name("channels.toml.lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another writer holds the registry
    try:
        args = ["--registry", str(registry_copy), "import", str(rows), "--lock-timeout", "0"]
        result = navsome(*args)
    finally:
        os.close(lock)
    fails(result, 1, "is still locked by another navsome record", "--lock-timeout SECONDS")


def test_a_row_ten_times_off_the_figure_before_is_imported_with_a_note(
    navsome, registry_copy, tmp_path
):
    rows = write(
        tmp_path,
        "x.csv",
        HEADER + "jobblyst/facebook,followers,1950,2018-06,nav-some-2017\n"
        "jobblyst/facebook,followers,21000,2018-07,nav-some-2017\n",  # ten times 1,950
    )
    result = navsome("--registry", str(registry_copy), "import", str(rows))
    assert result.exit_code == 0, result.stderr
    notes = result.stderr.splitlines()
    assert notes == [
        f"{rows}:2: note: 1,950 followers is a tenth or less of the figure before it, 19,500 as "
        "of 2017-12; if it is a typo, record the right figure with --replace.",
        f"{rows}:3: note: 21,000 followers is ten times or more the figure before it, 1,950 as "
        "of 2018-06; if it is a typo, record the right figure with --replace.",
    ]


def test_one_run_reports_every_problem_of_a_row_the_names_too(navsome, registry_copy, tmp_path):
    rows = tmp_path / "bad.csv"
    rows.write_text("channel,metric,value,as_of,source\nnav/linkedin,folowers,abc,2018-13,nope\n")
    said = navsome("--registry", str(registry_copy), "import", str(rows))
    assert said.exit_code == 1
    for problem in (
        "bad.csv:2: as_of: '2018-13' has no month 13",
        "bad.csv:2: value: 'abc' is not a number",
        "bad.csv:2: metric: unknown metric 'folowers'; did you mean 'followers'?",
        "bad.csv:2: source: unknown source 'nope' (known: nav-some-2017)",
    ):
        assert problem in said.stderr, said.stderr
    assert "nothing was imported; 4 problems:" in said.stderr
    norwegian = navsome("--lang", "nb", "--registry", str(registry_copy), "import", str(rows))
    assert "ukjent måling «folowers»; mente du «followers»?" in norwegian.stderr
