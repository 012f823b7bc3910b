"""--help in Norwegian: every command's and option's help has its Norwegian, and help drawn
under --lang nb (before or after the command), NAVSOME_LANG or a Norwegian locale holds no
English of navsome's own, on a pipe and on a terminal."""

from __future__ import annotations

import contextlib
import os
import re

import pytest
import typer
from conftest import CLEAN_ENV, on_terminal, script_path

from navsome.cli.app import COMMANDS, app
from navsome.cli.help_nb import HELP_NB


def help_texts() -> dict[str, str]:
    """Each help text the app has, English as the help shows it, with where it is."""
    group = typer.main.get_command(app)
    ctx = group.make_context("navsome", ["list"], resilient_parsing=True)
    found = {}
    for param in group.get_params(ctx):
        found.setdefault(getattr(param, "help", None) or "", f"navsome {param.name}")
    found.setdefault(group.help or "", "navsome")
    for name in COMMANDS:
        command = group.get_command(ctx, name)
        assert command is not None
        found.setdefault(command.help or "", name)
        for param in command.get_params(ctx):
            found.setdefault(getattr(param, "help", None) or "", f"{name} {param.name}")
    found.pop("", None)
    return found


def test_every_help_text_has_its_norwegian():
    texts = help_texts()
    assert len(texts) > 50  # the walk sees them all
    missing = {where: text for text, where in texts.items() if text not in HELP_NB}
    assert not missing, missing


def test_no_norwegian_is_left_over_from_a_help_text_that_changed():
    stale = set(HELP_NB) - set(help_texts())
    assert not stale, stale


def english_sentences() -> list[str]:
    """The English of the help, sentence by sentence, where its Norwegian says otherwise."""
    found = set()
    for english, norwegian in HELP_NB.items():
        for sentence in re.split(r"(?<=[.:;])\s+|\n+", english):
            sentence = sentence.strip(" .")
            if len(sentence) >= 12 and " " in sentence and sentence not in norwegian:
                found.add(sentence)
    return sorted(found)


def heard_in(shown: str) -> list[str]:
    flat = " ".join(shown.split())  # help wraps sentences across lines
    return [sentence for sentence in english_sentences() if sentence in flat]


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_under_lang_nb_is_norwegian(navsome, command):
    shown = navsome("--lang", "nb", *command, "--help", env={"COLUMNS": "100"}).stdout
    assert shown.startswith("Bruk: navsome")
    assert "Valg:" in shown and "Options:" not in shown
    assert "Vis denne hjelpen og avslutt." in shown
    assert not heard_in(shown)


def test_the_norwegian_help_says_what_english_help_says(navsome):
    english = navsome("record", "--help", env={"COLUMNS": "100"}).stdout
    norwegian = navsome("--lang", "nb", "record", "--help", env={"COLUMNS": "100"}).stdout
    assert "Arguments:" in english and "Argumenter:" in norwegian
    assert "[default: exact]" in english and "[standard: exact]" in norwegian
    assert "[required]" in english and "[påkrevd]" in norwegian
    assert "KONTO/PLATTFORM, f.eks. jobblyst/facebook." in norwegian
    # The example is one record takes: a decimal point, as its number rule asks in any language.
    assert "Tallet: 21000, 21 000 eller 3.5." in norwegian
    # The same options in the same order: only the words differ.
    options = re.compile(r"^\s+(-\S+)", re.MULTILINE)
    assert options.findall(english) == options.findall(norwegian)


def test_a_group_lists_its_commands_in_norwegian(navsome):
    shown = navsome("--lang", "nb", "--help", env={"COLUMNS": "120"}).stdout
    assert "Kommandoer:" in shown
    assert "list      Alle kontoene med plattformer og nøkkeltall." in shown


@pytest.mark.parametrize(
    "args, env",
    [
        (["show", "--lang", "nb", "--help"], {}),
        (["show", "--help"], {"NAVSOME_LANG": "nb"}),
        (["show", "--help"], {"NAVSOME_LANG": None, "LANG": "nb_NO.UTF-8"}),
        (["--lang", "nb", "show", "--help"], {"NAVSOME_LANG": "en"}),
    ],
)
def test_help_speaks_the_language_chosen_any_way(navsome, args, env):
    shown = navsome(*args, env=env).stdout
    assert shown.startswith("Bruk: navsome show"), shown
    assert "Kortnavn, alias, navn eller brukernavn" in " ".join(shown.split())


def test_english_help_stays_english_after_norwegian_in_the_same_process(navsome):
    # Typer's headings are put into Norwegian while help is drawn, and back afterwards.
    navsome("--lang", "nb", "compare", "--help")
    shown = navsome("compare", "--help").stdout
    assert shown.startswith("Usage: navsome compare") and "Options:" in shown
    assert "One of: followers" in " ".join(shown.split())
    assert "Én av:" not in shown


def test_metric_help_lists_the_slugs_in_norwegian(navsome):
    shown = " ".join(navsome("--lang", "nb", "compare", "--help").stdout.split())
    assert "Gjenta valget for flere. Én av: followers, comments" in shown


def test_help_drawn_on_a_terminal_is_norwegian_too():
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
    env.update({k: v for k, v in CLEAN_ENV.items() if v is not None})
    env.update(COLUMNS="100", TERM="xterm", NAVSOME_LANG="nb")
    code, drawn = on_terminal([str(script_path()), "record", "--help"], env)
    assert code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    assert "Bruk: navsome record" in plain
    assert "─ Argumenter ─" in plain and "─ Valg ─" in plain
    assert "[standard: exact]" in plain and "[påkrevd]" in plain
    assert not heard_in(plain)


def test_help_drawn_twice_by_one_app_is_drawn_afresh(capsys, monkeypatch, registry_copy):
    # A notebook (or a test) may run the same app more than once: the first help's Norwegian
    # and the first registry's slugs must not stay in the commands for the next.
    group = typer.main.get_command(app)
    monkeypatch.setenv("COLUMNS", "200")

    def helped(*args: str) -> str:
        with contextlib.suppress(SystemExit):  # help ends the run
            group.main(list(args), prog_name="navsome", standalone_mode=False)
        return " ".join(capsys.readouterr().out.split())

    norwegian = helped("--lang", "nb", "compare", "--help")
    assert "Én av: followers" in norwegian
    with registry_copy.open("a", encoding="utf-8") as registry:  # one metric more
        registry.write('\n[metrics.fans]\nlabel_en = "Fans"\nlabel_nb = "Fans"\n')
        registry.write('unit = "count"\nkind = "level"\n')
    english = helped("--lang", "en", "--registry", str(registry_copy), "compare", "--help")
    assert "Only this metric" in english and "Bare denne målingen" not in english
    assert english.count("One of:") == 2 and "Én av" not in english  # -m's and -p's
    assert "self_served_share, fans." in english
