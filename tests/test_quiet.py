"""-q/--quiet, as most tools mean it: the answer and nothing else. Notes and hints go, as does a
write's confirmation; errors and warnings stay. `-q about`, as record took it before, is still
read as --qualifier about, with a note."""

from __future__ import annotations

import json

import pytest
from conftest import fails


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_drops_the_hints_not_the_answer(navsome, where):
    args = ["compare", "-m", "followers", "--top", "2"]
    loud = navsome(*args)
    assert "Showing 2 of" in loud.stderr
    quiet = navsome("-q", *args) if where == "before" else navsome(*args, "--quiet")
    assert quiet.exit_code == 0
    assert quiet.stdout == loud.stdout
    assert quiet.stderr == ""


def test_quiet_drops_why_an_answer_is_empty(navsome):
    assert "has no figure" in navsome("history", "nav", "--as-of", "1990").stderr
    quiet = navsome("history", "nav", "--as-of", "1990", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_quiet_drops_the_note_of_a_file_written(navsome, tmp_path):
    target = tmp_path / "top.csv"
    assert "Wrote" in navsome("list", "--export", str(target)).stderr
    quiet = navsome("list", "--export", str(tmp_path / "again.csv"), "-q")
    assert quiet.stderr == "" and (tmp_path / "again.csv").read_text().startswith("account")


RECORD = ["record", "nav/linkedin", "followers", "28500", "--as-of", "2019"]


def test_a_quiet_record_writes_and_says_nothing(navsome, registry_copy):
    quiet = navsome(*RECORD, "--source", "nav-some-2017", "-q", "--registry", str(registry_copy))
    assert quiet.exit_code == 0, quiet.stderr
    assert quiet.stdout == "" and quiet.stderr == ""
    assert "28500" in registry_copy.read_text()


def test_a_quiet_record_still_gives_the_json_asked_for(navsome, registry_copy):
    args = [*RECORD, "--source", "nav-some-2017", "--json", "-q"]
    quiet = navsome(*args, "--registry", str(registry_copy))
    assert json.loads(quiet.stdout)[0]["value"] == 28500


def test_a_quiet_source_add_says_nothing(navsome, registry_copy):
    args = ["source", "add", "nav-2019", "--title", "NAV 2019", "--publisher", "NAV"]
    quiet = navsome(*args, "--year", "2020", "-q", "--registry", str(registry_copy))
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert "nav-2019" in registry_copy.read_text()


def test_quiet_still_says_errors_and_warnings(navsome, registry_copy):
    fails(navsome("-q", "show", "nobody"), 2, "no account matches 'nobody'")
    tenfold = [*RECORD[:3], "285000", "--as-of", "2019", "--source", "nav-some-2017", "-q"]
    warned = navsome(*tenfold, "--registry", str(registry_copy))
    assert warned.exit_code == 0 and "ten times" in warned.stderr


def test_the_old_short_qualifier_is_still_read_with_a_note(navsome, registry_copy):
    args = [*RECORD, "--source", "nav-some-2017", "-q", "about"]
    old = navsome(*args, "--registry", str(registry_copy))
    assert old.exit_code == 0, old.stderr
    assert "≈28,500" in old.stdout
    assert "-q about is read as --qualifier about" in old.stderr
    assert 'qualifier = "about"' in registry_copy.read_text()


def test_quiet_is_not_carried_to_the_next_run(navsome):
    # One process runs many commands in tests, and a notebook may too.
    navsome("-q", "list")
    assert "Showing 2 of" in navsome("compare", "-m", "followers", "--top", "2").stderr
