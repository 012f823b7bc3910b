"""Under a Norwegian locale or --lang nb, the refusals said before or around a command's own
work are Norwegian too: a variable navsome cannot read, an empty --registry, an export name
with no extension."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import CLEAN_ENV, fails, script_path

NORWEGIAN_LOCALE = {"NAVSOME_LANG": None, "LANG": "nb_NO.UTF-8"}


def test_a_navsome_debug_it_cannot_read_is_said_in_the_locales_language():
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
    env.update({k: v for k, v in CLEAN_ENV.items() if v is not None})
    env.update(LANG="nb_NO.UTF-8", NAVSOME_DEBUG="maybe")
    env.pop("NAVSOME_LANG")
    said = subprocess.run(
        [str(script_path()), "list"], env=env, capture_output=True, text=True, timeout=60
    )
    assert said.returncode == 2 and said.stdout == ""
    assert said.stderr == (
        "navsome: NAVSOME_DEBUG='maybe' forstås ikke; sett den til 1 for å se sporingen av en "
        "intern feil, eller til 0 (eller fjern den).\n"
    )
    english = subprocess.run(
        [str(script_path()), "--lang", "en", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "NAVSOME_DEBUG='maybe' is not understood" in english.stderr


def test_a_navsome_lang_it_cannot_read_is_said_in_the_locales_language(navsome):
    fails(
        navsome("list", env={**NORWEGIAN_LOCALE, "NAVSOME_LANG": "de"}),
        2,
        "NAVSOME_LANG='de' er ikke et språk navsome snakker",
    )
    fails(navsome("list", env={"NAVSOME_LANG": "de"}), 2, "is not a language navsome speaks")


def test_an_empty_registry_option_is_refused_in_norwegian(navsome):
    for args in (["--registry", "", "list"], ["list", "--registry", ""]):
        fails(
            navsome("--lang", "nb", *args),
            2,
            "--registry: en tom sti peker ikke på noen fil; oppgi en registerfil",
        )


def test_an_export_name_with_no_extension_is_refused_in_either_language(navsome, tmp_path):
    target = str(tmp_path / "top")
    fails(navsome("list", "--export", target), 2, "a file name with no extension says no format")
    fails(
        navsome("--lang", "nb", "list", "--export", target),
        2,
        "et filnavn uten endelse sier ikke hvilket format",
    )


def test_norwegian_quotes_a_name_with_guillemets_escaped_as_english_does(navsome):
    said = navsome("--lang", "nb", "show", "jobblist").stderr
    assert "ingen konto passer til «jobblist». Mente du «jobblyst» eller «jobbmesse»?" in said
    english = navsome("show", "jobblist").stderr
    assert "no account matches 'jobblist'. Did you mean 'jobblyst' or 'jobbmesse'?" in english
    # What a name holds that would move the cursor or break the line is shown, not done.
    hostile = navsome("--lang", "nb", "show", "a\nb\x1b[2J").stderr
    assert "«a\\nb\\x1b[2J»" in hostile and "\x1b" not in hostile


@pytest.mark.parametrize(
    ("typed", "norwegian", "english"),
    [("folgere", "«Følgere»", "'followers'"), ("komentarer", "«Kommentarer»", "'comments'")],
)
def test_a_metric_is_suggested_by_the_name_the_runs_language_gives_it(
    navsome, typed, norwegian, english
):
    said = navsome("--lang", "nb", "compare", "-m", typed)
    fails(said, 2, f"ukjent måling «{typed}». Mente du {norwegian}?")
    fails(navsome("--lang", "en", "compare", "-m", typed), 2, f"Did you mean {english}?")
    # and what is suggested is read as the metric
    assert navsome("--lang", "nb", "compare", "-m", norwegian.strip("«»")).exit_code == 0


def test_a_long_figure_typed_is_quoted_and_counted_in_the_runs_language(navsome, registry_copy):
    typed = "1," + "2" * 60
    args = ["--registry", str(registry_copy), "record", "jobblyst/facebook", "followers", typed]
    args += ["--as-of", "2018", "--source", "nav-some-2017"]
    fails(navsome("--lang", "nb", *args), 2, "VALUE «1,222222222222222222»… (62 tegn) har komma")
    fails(navsome("--lang", "en", *args), 2, "VALUE '1,222222222222222222'… (62 characters) has")
