"""The language is a value passed to what writes for people, not a setting of the process: two
languages can be used one after the other, or at once, and neither leaves a trace."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import navsome.i18n as i18n
from navsome.i18n import ENGLISH, Words
from navsome.output import views
from navsome.output.numbers import format_figure, format_growth, format_number
from navsome.output.plain import plain_text
from navsome.registry.read import load_registry

NORWEGIAN = Words("nb")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def shown(registry, words: Words) -> str:
    account = registry.accounts["foreldrepenger"]
    return plain_text(views.account_view(registry, account, words=words))


def test_one_process_speaks_both_languages_one_after_the_other(registry):
    english = shown(registry, ENGLISH)
    norwegian = shown(registry, NORWEGIAN)
    assert "Stated in source" in english and "37,300" in english and "Ordlyd" not in english
    assert "Ordlyd i kilden" in norwegian and "37 300" in norwegian and "Stated" not in norwegian
    # Neither rendering changed the other: each is what it was, in either order.
    assert shown(registry, ENGLISH) == english
    assert shown(registry, NORWEGIAN) == norwegian
    assert format_number(37_300, words=NORWEGIAN) == "37 300"  # right after English
    assert shown(registry, ENGLISH) == english
    assert format_number(3_500_000, words=ENGLISH) == "3.5M"  # right after Norwegian


def test_two_languages_at_once_in_threads(registry):
    english, norwegian = shown(registry, ENGLISH), shown(registry, NORWEGIAN)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda w: shown(registry, w), [ENGLISH, NORWEGIAN] * 10))
    assert answers == [english, norwegian] * 10


def test_numbers_take_the_language_they_are_given():
    from navsome.model import Measurement

    about = Measurement(metric="x", value=3000, as_of="2017", source="s", qualifier="about")
    assert format_figure(about, words=ENGLISH) == "≈3,000"
    assert format_figure(about, words=NORWEGIAN) == "≈3 000"
    assert format_figure(
        about._replace(qualifier="exact", value=91), "percent", words=NORWEGIAN
    ) == ("91 %")
    assert format_growth(-7.66, approximate=True, words=ENGLISH) == "≈−7.7%"
    assert format_growth(-7.66, approximate=True, words=NORWEGIAN) == "≈−7,7 %"


def test_words_are_an_immutable_value():
    assert Words() == ENGLISH == Words("en")
    assert Words("nb") == NORWEGIAN and hash(Words("nb")) == hash(NORWEGIAN)
    with pytest.raises(AttributeError):
        NORWEGIAN.language = "en"  # type: ignore[misc]
    assert NORWEGIAN("Showing {shown} of {total}; --all shows every one.", shown=3, total=9) == (
        "Viser 3 av 9; --all viser alle."
    )
    assert ENGLISH("Wrote {file}.", file="a.svg") == "Wrote a.svg."
    assert NORWEGIAN("A template with no translation") == "A template with no translation"


def test_there_is_no_language_of_the_process():
    for name in ("_current", "set_language", "language", "tr", "default_language"):
        assert not hasattr(i18n, name), name


def test_only_the_command_line_reads_the_locale(registry, monkeypatch):
    """A Norwegian locale changes nothing below the command line: the words passed decide."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "NAVSOME_LANG"):
        monkeypatch.setenv(variable, "nb_NO.UTF-8" if variable != "NAVSOME_LANG" else "nb")
    assert "Stated in source" in shown(registry, ENGLISH)
    from navsome.cli.app import default_language

    assert default_language() == "nb"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert default_language() == "en"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.delenv("LC_MESSAGES")
    monkeypatch.delenv("LANG")
    assert default_language() == "en"
