"""Click's usage errors in the run's language: Norwegian by pattern under nb, as Click words
them otherwise; plain lines when stderr is not a terminal."""

from __future__ import annotations

import re

import pytest
from conftest import fails


@pytest.mark.parametrize(
    ("args", "english", "norwegian"),
    [
        (["list", "--frobnicate"], "No such option: --frobnicate", "Ukjent valg: --frobnicate"),
        (
            ["lst"],
            "No such command 'lst'. Did you mean 'list'?",
            "Ukjent kommando «lst». Mente du «list»?",
        ),
        (["record"], "Missing argument 'CHANNEL'.", "Mangler argumentet CHANNEL."),
        (
            ["compare", "--metric"],
            "Option '--metric' requires an argument.",
            "Valget --metric må ha en verdi.",
        ),
        (["list", "extra"], "Got unexpected extra argument", "Uventet ekstra argument: extra"),
        (
            ["list", "--format", "bad"],
            "'bad' is not one of 'table', 'json', 'csv', 'markdown'.",
            "«bad» er ikke en av 'table', 'json', 'csv', 'markdown'.",
        ),
        (["compare", "--top", "-3"], "-3 is not in the range x>=0.", "-3 er mindre enn 0."),
    ],
)
def test_usage_errors_are_said_in_the_runs_language(navsome, args, english, norwegian):
    fails(navsome("--lang", "en", *args), 2, english, "Error: ")
    said = navsome("--lang", "nb", *args)
    fails(said, 2, norwegian, "Feil: ")
    assert "Error" not in said.stderr and "Try '" not in said.stderr


def test_the_language_typed_after_the_command_speaks_its_errors(navsome):
    said = navsome("list", "--frobnicate", "--lang", "nb")
    fails(said, 2, "Bruk: navsome list [OPTIONS]", "Se 'navsome list -h' for hjelp.")
    fails(navsome("list", "--frobnicate", env={"NAVSOME_LANG": "nb"}), 2, "Ukjent valg")


@pytest.mark.parametrize(
    ("args", "usage", "command"),
    [
        (["compare", "-m"], "navsome compare [OPTIONS] [ACCOUNT]...", "navsome compare"),
        (["--registry"], "navsome [OPTIONS] COMMAND [ARGS]...", "navsome"),
    ],
)
def test_an_option_missing_its_value_shows_the_usage_and_where_help_is(
    navsome, args, usage, command
):
    option = args[-1]
    fails(
        navsome(*args, env={"NAVSOME_LANG": "en"}),
        2,
        f"Usage: {usage}",
        f"Try '{command} -h' for help.",
        f"Error: Option '{option}' requires an argument.",
    )
    norwegian = navsome(*args, env={"NAVSOME_LANG": "nb"})
    fails(norwegian, 2, f"Bruk: {usage}", f"Se '{command} -h' for hjelp.", f"Valget {option} må")


@pytest.mark.parametrize("args", [["compare", "-m"], ["list", "--frobnicate"]], ids=" ".join)
def test_a_usage_error_drawn_for_a_terminal_is_norwegian_all_through(navsome, args):
    terminal = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "80"}
    command = f"navsome {args[0]}"
    said = navsome("--lang", "nb", *args, env=terminal)
    fails(said, 2)
    norwegian = re.sub(r"\x1b\[[0-9;]*m", "", said.stderr)  # bold stays without colour
    for phrase in (f"Bruk: {command} [OPTIONS]", f"Se '{command} -h' for hjelp.", "─ Feil ─"):
        assert phrase in norwegian, norwegian
    for english in ("Usage", "Try", "Error"):
        assert english not in norwegian
    drawn = navsome("--lang", "en", *args, env=terminal)  # and English stays English
    english = re.sub(r"\x1b\[[0-9;]*m", "", drawn.stderr)
    for phrase in (f"Usage: {command} [OPTIONS]", f"Try '{command} -h' for help.", "─ Error ─"):
        assert phrase in english, english


def test_usage_errors_on_a_pipe_are_plain_lines(navsome):
    said = navsome("--lang", "nb", "list", "--frobnicate").stderr
    assert "╭" not in said and "\x1b" not in said
    assert max(len(line) for line in said.splitlines()) < 100


def test_conflicts_and_missing_files_are_said_in_norwegian(navsome, registry_copy):
    args = ["--registry", str(registry_copy), "record", "jobblyst/facebook", "followers", "20000"]
    said = navsome("--lang", "nb", *args, "--as-of", "2017-12", "--source", "nav-some-2017")
    fails(said, 1, "har allerede følgere 19 500 per 2017-12; bruk --replace")
    fails(navsome("--lang", "nb", "list", "--registry", "/nope.toml"), 1, "filen finnes ikke")


def test_an_error_raised_as_a_template_is_worded_in_the_runs_language():
    from navsome.cli.messages import describe
    from navsome.errors import UsageError
    from navsome.i18n import ENGLISH, NB, Words

    template = "{file}: no such file; check the path given by --registry or NAVSOME_REGISTRY"
    assert template in NB
    values = {"file": "x.toml"}
    error = UsageError(template, **values)
    assert str(error) == template.format(**values)
    assert describe(error, ENGLISH) == template.format(**values)
    assert describe(error, Words("nb")) == NB[template].format(**values)


def test_import_and_record_say_their_outcome_in_norwegian(navsome, registry_copy, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(
        "channel,metric,value,as_of,source\njobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
    )
    args = ["--lang", "nb", "--registry", str(registry_copy)]
    dry = navsome(*args, "import", "--dry-run", str(good))
    assert dry.stdout.startswith(f"Ville importert {good} til {registry_copy}: 1 lagt til")
    assert "legg til  jobblyst/facebook følgere 21 000 per 2018-06" in dry.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("channel,metric,value,as_of,source\nnav/linkedin,followers,abc,2018,x\n")
    fails(navsome(*args, "import", str(bad)), 1, "ingenting ble importert; ")
    refused = navsome(*args, "record", "jobblyst/facebook", "followers", "1", "--as-of", "2031",
                      "--source", "nav-some-2017")  # fmt: skip
    fails(refused, 1, "ikke registrert: med dette tallet ville ikke registeret være gyldig")


@pytest.mark.parametrize(
    ("args", "norwegian"),
    [
        (
            ["compare", "-m", "followers", "--as-of", "2017-13"],
            "--as-of: «2017-13» har ingen måned 13.",
        ),
        (["compare", "-m", "followers", "--as-of", "17"], "«17» er ikke en dato; skriv ÅÅÅÅ"),
        (["report", "--since", "2019/2018"], "«2019/2018» slutter før det begynner"),
    ],
)
def test_a_date_the_core_refuses_is_refused_in_norwegian(navsome, args, norwegian):
    fails(navsome("--lang", "nb", *args), 2, norwegian)


def test_problems_in_a_file_are_placed_by_linje_in_norwegian(navsome, registry_copy, tmp_path):
    rows = tmp_path / "bad.csv"
    rows.write_text(
        "channel,metric,value,as_of,source\nnav/linkedin,followers,abc,2018-13,nav-some-2017\n"
    )
    said = navsome("--lang", "nb", "--registry", str(registry_copy), "import", str(rows))
    fails(said, 1, "as_of: «2018-13» har ingen måned 13", "value: «abc» er ikke et tall")
    refused = navsome("--lang", "nb", "--registry", str(registry_copy), "record",
                      "jobblyst/facebook", "followers", "1", "--as-of", "2031",
                      "--source", "nav-some-2017")  # fmt: skip
    fails(refused, 1, "linje ", "2031 er etter i dag")


def test_validate_lists_a_registrys_problems_in_norwegian(navsome, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[sources.s]\ntitle = "T"\npublisher = "P"\nyear = "2018"\n[platforms]\n'
        'facebook = { name = "Facebook" }\n[metrics.followers]\nlabel_en = "F"\nlabel_nb = "F"\n'
        'unit = "count"\nkind = "level"\n[accounts.a]\nname = "A"\nrun_bi = "x"\n'
        '[[accounts.a.channels]]\nplatform = "twitter"\n[[accounts.a.channels.measurements]]\n'
        'metric = "folowers"\nvalue = -3\nas_of = "2017-13"\nsource = "s"\n'
    )
    said = navsome("--lang", "nb", "validate", str(bad))
    assert said.exit_code == 1
    for norwegian in (
        "sources.s.year: må være et heltall, ikke tekst",
        "accounts.a.run_bi: ukjent nøkkel; mente du «run_by»?",
        "ukjent plattform «twitter»",
        "«2017-13» har ingen måned 13",
        "ukjent måling «folowers»; mente du «followers»?",
    ):
        assert norwegian in said.stdout, said.stdout
    english = navsome("validate", str(bad)).stdout
    assert "must be an integer, not a string" in english and "unknown key" in english
    # Read by another command, the same problems and their count.
    listed = navsome("--lang", "nb", "--registry", str(bad), "list")
    fails(listed, 1, "5 problemer i registeret:", "linje 4: sources.s.year: må være et heltall")


def test_record_names_the_metric_by_its_label_in_the_runs_language(navsome, registry_copy):
    args = ["--registry", str(registry_copy), "record", "jobblyst/facebook", "private_messages"]
    said = navsome(*args, "900", "--as-of", "2018", "--source", "nav-some-2017")
    assert said.stdout.startswith("Recorded jobblyst/facebook private messages 900 as of 2018")
    again = navsome("--lang", "nb", *args, "950", "--as-of", "2018", "--source", "nav-some-2017")
    fails(again, 1, "jobblyst/facebook har allerede private meldinger 900 per 2018")
