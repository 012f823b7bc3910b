"""navsome as a library, through its public names only: `import navsome` and what it exports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import navsome

FIGURE = {"as_of": "2018-06", "source": "nav-some-2017"}


@pytest.fixture
def navsome_cli(request):
    """The command line, run in-process (conftest's `navsome`, renamed: here `navsome` is the
    library)."""
    return request.getfixturevalue("navsome")


def test_importing_navsome_and_reading_figures_loads_no_command_line_library():
    code = (
        "import sys, navsome\n"
        "row = navsome.load().figures(metric='followers')[0]\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'tomlkit'})\n"
        "print(row['channel'], heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "foreldrepenger/facebook []\n"
    assert done.stderr == ""


def test_every_public_name_resolves():
    for name in navsome.__all__:
        assert getattr(navsome, name) is not None
    assert "load" in dir(navsome)
    with pytest.raises(AttributeError):
        navsome.no_such_name  # noqa: B018


def test_figures_are_the_rows_show_gives_as_json(navsome_cli):
    shown = json.loads(navsome_cli("show", "jobblyst", "--json").stdout)["measurements"]
    assert navsome.load().figures(account="jobblyst") == shown


def test_latest_figures_of_a_metric_are_the_rows_compare_ranks(navsome_cli):
    ranked = json.loads(navsome_cli("compare", "--metric", "followers", "--all", "--json").stdout)
    figures = navsome.load().figures(metric="followers", latest=True)
    by_channel = sorted(figures, key=lambda row: row["channel"])
    assert by_channel == sorted(ranked, key=lambda row: row["channel"])


def test_figures_filter_by_platform_and_every_row_has_the_same_columns():
    registry = navsome.load()
    everything = registry.figures()
    on_twitter = registry.figures(platform="twitter")
    assert on_twitter and all(row["platform"] == "twitter" for row in on_twitter)
    assert len(on_twitter) < len(everything)
    assert len({tuple(row) for row in everything}) == 1  # a table, ready for a DataFrame


def test_as_of_leaves_out_what_came_later():
    now, then = navsome.load(), navsome.load(as_of="2017")
    assert any(row["as_of"] == "2018" for row in now.figures())
    assert all(row["as_of"] <= "2017-12-31" for row in then.figures())
    with pytest.raises(navsome.InvalidDate) as error:
        navsome.load(as_of="2017-13")
    assert error.value.text == "2017-13"


def test_unknown_and_ambiguous_names_carry_their_data(capsys):
    registry = navsome.load()
    with pytest.raises(navsome.UnknownName) as unknown:
        registry.figures(metric="folowers")
    assert (unknown.value.kind, unknown.value.name) == ("metric", "folowers")
    assert unknown.value.suggestions == ("followers",)
    assert unknown.value.suggestions_nb == ("Følgere",)
    with pytest.raises(navsome.UnknownName) as platform:
        registry.figures(platform="myspace")
    assert "facebook" in platform.value.choices
    with pytest.raises(navsome.AmbiguousName) as ambiguous:
        registry.account("jobb")
    assert set(ambiguous.value.matches) == {"jobblyst", "jobbmesse"}
    assert registry.account("NAV Jobblyst").slug == "jobblyst"
    assert capsys.readouterr() == ("", "")  # the library never prints


def test_a_broken_registry_lists_its_problems_with_lines(registry_copy):
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(text.replace("value = 19500", 'value = "many"'), encoding="utf-8")
    with pytest.raises(navsome.RegistryProblems) as error:
        navsome.load(registry_copy)
    assert error.value.file == str(registry_copy)
    [problem] = error.value.problems
    assert problem.path.endswith(".value") and problem.line


def test_record_adds_replaces_and_refuses_a_conflict(registry_copy):
    done = navsome.record(registry_copy, "jobblyst/facebook", "followers", 21000, **FIGURE)
    assert done.action == "added"
    again = navsome.record(registry_copy, "jobblyst/facebook", "followers", 21000, **FIGURE)
    assert again.action == "unchanged"
    with pytest.raises(navsome.Conflict) as conflict:
        navsome.record(registry_copy, "jobblyst/facebook", "followers", 22000, **FIGURE)
    assert conflict.value.channel == "jobblyst/facebook"
    assert (conflict.value.existing.value, conflict.value.new.value) == (21000, 22000)
    replaced = navsome.record(
        registry_copy, "jobblyst/facebook", "followers", 22000, replace=True, **FIGURE
    )
    assert replaced.action == "replaced"
    latest = navsome.load(registry_copy).figures(account="jobblyst", latest=True)
    assert {"channel": "jobblyst/facebook", "value": 22000, "as_of": "2018-06"}.items() <= next(
        row for row in latest if row["metric"] == "followers" and row["platform"] == "facebook"
    ).items()


def test_record_refuses_an_unknown_channel_with_the_choices(registry_copy):
    with pytest.raises(navsome.UnknownName) as error:
        navsome.record(registry_copy, "jobblyst/twitter", "followers", 1, **FIGURE)
    assert error.value.kind == "channel"
    assert "jobblyst/facebook" in error.value.choices


def test_the_readme_python_examples_run_as_shown():
    import doctest
    import re

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", readme, re.DOTALL)
    assert blocks
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"README pycon {number}", "README.md", 0))
    assert runner.summarize(verbose=False).failed == 0


def test_record_refuses_a_figure_that_would_not_validate_and_says_where(registry_copy):
    before = registry_copy.read_bytes()
    with pytest.raises(navsome.RecordRefused) as error:
        navsome.record(registry_copy, "jobblyst/facebook", "followers", 1, qualifier="maybe",
                       **FIGURE)  # fmt: skip
    [problem] = error.value.problems
    assert problem.path.endswith(".qualifier") and problem.line
    assert registry_copy.read_bytes() == before


def test_record_into_a_missing_file_says_so_and_leaves_no_lock_behind(tmp_path):
    missing = tmp_path / "gone.toml"
    with pytest.raises(navsome.RegistryProblems) as error:
        navsome.record(missing, "jobblyst/facebook", "followers", 1, **FIGURE)
    assert str(error.value) == f"{missing}: no such file; check the path"
    assert list(tmp_path.iterdir()) == []


def test_slips_of_type_and_empty_paths_are_refused_not_guessed():
    with pytest.raises(navsome.UsageError, match="empty path"):
        navsome.load("")
    with pytest.raises(TypeError, match="a date is text"):
        navsome.load().at(2017)  # type: ignore[arg-type]


def test_the_model_shows_real_types_in_help():
    assert navsome.Measurement.__annotations__["metric"] is str  # not ForwardRef('str')


def test_the_librarys_filters_read_names_as_the_command_line_does():
    import navsome

    registry = navsome.load()
    by_label = registry.figures(metric="Følgere", platform="Twitter")
    assert by_label == registry.figures(metric="followers", platform="twitter")
    assert {row["platform"] for row in by_label} == {"twitter"}
