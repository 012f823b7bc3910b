"""--registry and --lang where people type them, in every command's help; completion for the
shell named, and of --lang's and --format's values."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from conftest import CLEAN_ENV, fails, script_path

from navsome.cli.app import COMMANDS


def test_global_options_after_the_command_are_taken(navsome, registry_copy):
    after = navsome("compare", "--metric", "followers", "--lang", "nb", "--top", "1")
    assert after.exit_code == 0, after.stderr
    assert after.stdout.startswith("Følgere, størst først")
    registry_copy.write_text(
        registry_copy.read_text().replace('name = "NAV Jobblyst"', 'name = "Jobblyst Copy"')
    )
    listed = navsome("list", "--registry", str(registry_copy))
    assert "Jobblyst Copy" in listed.stdout
    equals = navsome("list", f"--registry={registry_copy}", "--lang=nb")
    assert "Jobblyst Copy" in equals.stdout and "Konto" in equals.stdout


def test_given_on_both_sides_the_one_after_the_command_wins(navsome):
    assert navsome("--lang", "en", "list", "--lang", "nb").stdout.startswith(" Konto")
    assert navsome("--lang", "nb", "list", "--lang", "en").stdout.startswith(" Account")


def test_a_bad_value_after_the_command_is_refused_as_before_it(navsome):
    fails(navsome("list", "--lang", "de"), 2, "'de' is not one of nb, en.")
    fails(navsome("list", "--registry", ""), 2, "an empty path names no file")
    fails(
        navsome("list", "--registry", "/nonexistent/x.toml"),
        1,
        "/nonexistent/x.toml: no such file",
    )


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_commands_help_lists_the_global_options(navsome, command):
    shown = navsome(command, "--help").stdout
    assert "--registry PATH" in shown and "--lang nb|en" in shown


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F"),
        ("zsh", "#compdef navsome"),
        ("fish", "complete --command"),
    ],
)
def test_completion_is_shown_for_the_shell_named(navsome, shell, marker):
    result = navsome("--show-completion", shell)
    assert result.exit_code == 0 and marker in result.stdout


def test_an_unknown_shell_is_refused(navsome):
    fails(navsome("--show-completion", "tcsh"), 2, "'tcsh' is not a shell navsome completes")


def test_completion_offers_the_values_of_lang_and_format():
    def offered(words: str) -> list[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
        env.update({k: v for k, v in CLEAN_ENV.items() if v is not None})
        env.update(_NAVSOME_COMPLETE="complete_bash", COMP_WORDS=words)
        env["COMP_CWORD"] = str(len(words.split(" ")) - 1)
        done = subprocess.run(
            [str(script_path())], capture_output=True, text=True, env=env, timeout=60
        )
        return done.stdout.split()

    assert offered("navsome list --lang ") == ["en", "nb"]
    assert offered("navsome --lang ") == ["en", "nb"]
    assert offered("navsome compare --format ") == ["table", "json", "csv", "markdown"]


def test_a_negative_figure_is_read_as_the_value_it_is(navsome, registry_copy):
    # Click would take -500 for an unknown option -5; it is a figure, refused as negative.
    args = ["--registry", str(registry_copy), "record", "jobblyst/facebook", "followers"]
    result = navsome(*args, "-500", "--as-of", "2017-11", "--source", "nav-some-2017")
    fails(result, 1, "-500 is negative; a figure of followers is never below 0")
    # A negative number given to an option is still that option's value.
    fails(navsome("compare", "-m", "followers", "--top", "-1"), 2, "-1 is not in the range")
    # An unknown option is still one.
    fails(navsome(*args, "500", "-x"), 2, "No such option: -x")


# --- Help that says what to type, reflowed to the terminal ------------------------------------


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_placeholders_say_what_to_type(navsome, command):
    shown = navsome(command, "--help").stdout
    usage = shown.splitlines()[0]
    assert "{" not in usage and "<str>" not in shown and "<int>" not in shown, usage
    assert re.fullmatch(r"Usage: navsome \S+ \[OPTIONS\]( add)?( [A-Z\[\]. ]+)?", usage), usage


def test_usage_names_arguments_plainly(navsome):
    assert navsome("record", "--help").stdout.startswith(
        "Usage: navsome record [OPTIONS] CHANNEL METRIC VALUE"
    )
    assert navsome("compare", "--help").stdout.startswith(
        "Usage: navsome compare [OPTIONS] [ACCOUNT]..."
    )


def test_metric_and_platform_help_lists_the_registrys_slugs(navsome):
    shown = " ".join(navsome("compare", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "One of: followers, comments, reach," in shown
    assert "One of: facebook, twitter, linkedin, snapchat, youtube, instagram, blog, chat." in shown


def test_help_paragraphs_reflow_to_a_wide_terminal(navsome):
    drawn = navsome(
        "compare", "--help", env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    ).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    # One line on a wide screen, not broken where the docstring's source line ends.
    assert "ranked by their midpoint or stated bound." in plain


def test_a_long_option_may_be_cut_to_a_prefix_only_it_has(navsome):
    cut = navsome("compare", "--met", "followers", "--plat", "twitter", "--to", "2", "--form=csv")
    whole = navsome("compare", "--metric", "followers", "--platform", "twitter", "--top", "2",
                    "--format", "csv")  # fmt: skip
    assert cut.exit_code == 0 and cut.stdout == whole.stdout
    assert navsome("list", "--l", "nb").stdout.startswith(" Konto")  # --lang, after the command
    # A prefix several options share is refused, with what it could be.
    fails(
        navsome("compare", "--a", "-m", "followers"), 2, "No such option: --a", "--all", "--as-of"
    )


@pytest.mark.parametrize("command", ["compare", "record", "show", "validate", "source"])
def test_help_drawn_for_a_terminal_shows_no_type_beside_an_argument(navsome, command):
    drawn = navsome(command, "--help", env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}).stdout
    assert "Arguments" in drawn and "<str>" not in drawn and "<text>" not in drawn


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["help"], "Usage: navsome [OPTIONS] COMMAND"),
        (["help", "help"], "Usage: navsome [OPTIONS] COMMAND"),
        (["help", "show"], "Usage: navsome show [OPTIONS] ACCOUNT"),
        (["--registry", "x.toml", "help", "list"], "Usage: navsome list [OPTIONS]"),
        (["--lang", "nb", "help", "compare"], "Bruk: navsome compare"),
    ],
)
def test_help_as_a_command_as_git_and_gh_take_it(navsome, args, starts):
    result = navsome(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(starts)


def test_help_for_no_such_command_says_so_with_the_nearest(navsome):
    fails(navsome("help", "shwo"), 2, "No such command 'shwo'", "show")


def test_a_short_version_option(navsome):
    assert navsome("-V").stdout == navsome("--version").stdout != ""


COLOUR = re.compile(r"\x1b\[(?:3\d|9\d|38;)[0-9;]*m")  # a foreground colour, not bold or dim


@pytest.mark.parametrize("where", ["before", "after"])
def test_no_color_takes_the_colour_out_as_no_color_does(navsome, where):
    args = ["compare", "-m", "followers", "--top", "2"]
    terminal = {"TTY_COMPATIBLE": "1"}
    assert COLOUR.search(navsome(*args, env=terminal).stdout)
    given = ["--no-color", *args] if where == "before" else [*args, "--no-color"]
    plain = navsome(*given, env=terminal)
    assert plain.exit_code == 0
    assert not COLOUR.search(plain.stdout) and "\x1b[1m" in plain.stdout  # bold stays
    assert COLOUR.search(navsome(*args, env=terminal).stdout)  # not carried to the next run


@pytest.mark.parametrize(
    "args",
    [
        ["--reg", "{registry}", "list"],
        ["--reg={registry}", "list"],
        ["--la", "nb", "--reg", "{registry}", "list"],
        ["--registry", "{registry}", "list", "--la", "nb"],
    ],
)
def test_a_global_option_may_be_cut_to_a_prefix_before_the_command_too(
    navsome, registry_copy, args
):
    registry_copy.write_text(
        registry_copy.read_text().replace('name = "NAV Jobblyst"', 'name = "Jobblyst Copy"')
    )
    result = navsome(*(arg.format(registry=registry_copy) for arg in args))
    assert result.exit_code == 0, result.stderr
    assert "Jobblyst Copy" in result.stdout


def test_help_and_version_may_be_cut_to_a_prefix(navsome):
    assert navsome("--he").stdout.startswith("Usage: navsome [OPTIONS] COMMAND")
    assert navsome("list", "--he").stdout.startswith("Usage: navsome list")
    assert navsome("--versio").stdout.startswith("navsome ")


def test_a_prefix_after_the_command_is_the_commands_to_read(navsome):
    # --versio is navsome's --version before the command; `list` has no such option.
    fails(navsome("list", "--versio"), 2, "No such option: --versio")
    assert navsome("--qui", "compare", "-m", "followers", "--top", "1").stderr == ""
