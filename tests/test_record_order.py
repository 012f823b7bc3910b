"""What record says when a figure cannot go in as given: the figure is checked (value, source,
date) before it is compared with the one already there, so the advice (--replace) leads
somewhere; a replacement names what it replaced; each in English and Norwegian."""

from __future__ import annotations

import pytest
from conftest import fails

from navsome.errors import Conflict, Message, UnknownName
from navsome.model import Measurement
from navsome.registry.record import RecordRefused
from navsome.registry.record import record as record_figure

# jobblyst/facebook has followers 19,500 as of 2017-12 (stated "19 500 følgere", no note).
THERE = ["jobblyst/facebook", "followers", "19500", "--as-of", "2017-12"]


def record(navsome, registry, *args: str, lang: str = "en"):
    return navsome("--lang", lang, "--registry", str(registry), "record", *args)


@pytest.mark.parametrize("replace", [[], ["--replace"]], ids=["", "--replace"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "not recorded; with this figure the registry would not validate (lines as the file "
            "would be):\n  line {line}: accounts.jobblyst.channels[0].measurements[0].value: "
            "-500 is negative; a figure of followers is never below 0\n",
        ),
        (
            "nb",
            "ikke registrert: med dette tallet ville ikke registeret være gyldig (linjenumrene "
            "gjelder filen slik den ville blitt):\n  linje {line}: "
            "accounts.jobblyst.channels[0].measurements[0].value: -500 er negativt; følgere er "
            "aldri under 0\n",
        ),
    ],
)
def test_an_invalid_figure_on_a_date_with_a_figure_is_refused_as_invalid_not_as_a_conflict(
    navsome, registry_copy, lang, said, replace
):
    before = registry_copy.read_bytes()
    args = ["--as-of", "2017-12", "--source", "nav-some-2017", *replace]
    figure = ["jobblyst/facebook", "followers", "-500"]
    result = record(navsome, registry_copy, *args, "--", *figure, lang=lang)
    fails(result, 1)
    lines = registry_copy.read_text(encoding="utf-8").splitlines()
    line = lines.index("value = 19500") + 1  # the figure replaced, in the file as it would be
    assert result.stderr == f"navsome: {registry_copy}: {said.format(line=line)}"
    assert "--replace" not in result.stderr
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize(
    "as_of", ["2017-12", "2018-06"], ids=["a date with a figure", "a new date"]
)
@pytest.mark.parametrize(
    ("lang", "source", "said"),
    [
        (
            "en",
            "nope",
            "unknown source 'nope'. Known sources: nav-some-2017. Run 'navsome sources' to see "
            "every source, or 'navsome source add' to add a new one.",
        ),
        (
            "en",
            "nav-some-2018",
            "unknown source 'nav-some-2018'. Did you mean 'nav-some-2017'? Run 'navsome sources' "
            "to see every source, or 'navsome source add' to add a new one.",
        ),
        (
            "nb",
            "nope",
            "ukjent kilde «nope». Kjente kilder: nav-some-2017. Kjør 'navsome sources' for å se "
            "alle kildene, eller 'navsome source add' for å legge til en ny.",
        ),
        (
            "nb",
            "nav-some-2018",
            "ukjent kilde «nav-some-2018». Mente du «nav-some-2017»? Kjør 'navsome sources' for å "
            "se alle kildene, eller 'navsome source add' for å legge til en ny.",
        ),
    ],
)
def test_an_unknown_source_is_a_usage_error_with_the_nearest_and_the_way_out(
    navsome, registry_copy, lang, source, said, as_of
):
    before = registry_copy.read_bytes()
    args = ["jobblyst/facebook", "followers", "21000", "--as-of", as_of, "--source", source]
    result = record(navsome, registry_copy, *args, lang=lang)
    fails(result, 2)
    assert result.stderr == f"navsome: {said}\n"
    assert registry_copy.read_bytes() == before


def test_an_unknown_source_names_only_the_nearest_when_the_registry_has_many(
    navsome, registry_copy
):
    for year in range(2010, 2020):
        added = navsome(
            "--registry", str(registry_copy), "source", "add", f"nav-{year}",
            "--title", f"NAV {year}", "--publisher", "NAV", "--year", str(year),
        )  # fmt: skip
        assert added.exit_code == 0, added.stderr
    result = record(navsome, registry_copy, *THERE, "--source", "nav-2030")
    fails(
        result, 2, "unknown source 'nav-2030'. Did you mean 'nav-20", "' or 'nav-20", "source add"
    )
    assert "Known sources" not in result.stderr
    result = record(navsome, registry_copy, *THERE, "--source", "quite-different")
    assert result.stderr == (
        "navsome: unknown source 'quite-different'. Run 'navsome sources' to see every source, "
        "or 'navsome source add' to add a new one.\n"
    )


@pytest.mark.parametrize(
    ("lang", "given", "said"),
    [
        (
            "en",
            ["--source", "other-2018"],
            "jobblyst/facebook already has followers 19,500 as of 2017-12, the same figure with "
            "source nav-some-2017 (you gave other-2018); pass --replace to replace it.",
        ),
        (
            "nb",
            ["--source", "other-2018"],
            "jobblyst/facebook har allerede følgere 19 500 per 2017-12, samme tall med kilden "
            "nav-some-2017 (du oppga other-2018); bruk --replace for å erstatte det.",
        ),
        (
            "en",
            ["--source", "nav-some-2017", "--stated", "om lag 19 500", "--note", "checked"],
            "jobblyst/facebook already has followers 19,500 as of 2017-12, the same figure with "
            "the stated words '19 500 følgere' (you gave 'om lag 19 500') and with no note (you "
            "gave 'checked'); pass --replace to replace it.",
        ),
        (
            "nb",
            ["--source", "nav-some-2017", "--stated", "om lag 19 500", "--note", "checked"],
            "jobblyst/facebook har allerede følgere 19 500 per 2017-12, samme tall med ordlyden "
            "«19 500 følgere» (du oppga «om lag 19 500») og uten merknad (du oppga «checked»); "
            "bruk --replace for å erstatte det.",
        ),
    ],
)
def test_a_conflict_of_the_same_figure_says_what_differs(navsome, registry_copy, lang, given, said):
    args = ["source", "add", "other-2018", "--title", "Other", "--publisher", "NAV"]
    assert navsome("--registry", str(registry_copy), *args, "--year", "2018").exit_code == 0
    before = registry_copy.read_bytes()
    result = record(navsome, registry_copy, *THERE, *given, lang=lang)
    fails(result, 1)
    assert result.stderr == f"navsome: {said}\n"
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Replaced jobblyst/facebook followers 19,500 with 21,000 as of 2017-12 in {file}.\n",
        ),
        ("nb", "Erstattet jobblyst/facebook følgere 19 500 med 21 000 per 2017-12 i {file}.\n"),
    ],
)
def test_a_replacement_says_what_it_replaced(navsome, registry_copy, lang, said):
    args = ["jobblyst/facebook", "followers", "21000", "--as-of", "2017-12"]
    result = record(
        navsome, registry_copy, *args, "--source", "nav-some-2017", "--replace", lang=lang
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == said.format(file=registry_copy)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Replaced jobblyst/facebook followers 19,500 as of 2017-12 in {file}: the same "
            "figure, with no stated words and with a new note.\n",
        ),
        (
            "nb",
            "Erstattet jobblyst/facebook følgere 19 500 per 2017-12 i {file}: samme tall, uten "
            "oppgitt ordlyd og med ny merknad.\n",
        ),
    ],
)
def test_a_replacement_by_the_same_figure_says_what_changed(navsome, registry_copy, lang, said):
    args = [*THERE, "--source", "nav-some-2017", "--note", "checked", "--replace"]
    result = record(navsome, registry_copy, *args, lang=lang)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == said.format(file=registry_copy)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Already recorded: jobblyst/facebook followers 1,950 as of 2018-06 in {file}.\n"),
        ("nb", "Allerede registrert: jobblyst/facebook følgere 1 950 per 2018-06 i {file}.\n"),
    ],
)
def test_a_figure_already_there_is_not_noted_as_tenfold_again(navsome, registry_copy, lang, said):
    args = ["jobblyst/facebook", "followers", "1950", "--as-of", "2018-06"]
    args += ["--source", "nav-some-2017"]
    first = record(navsome, registry_copy, *args, lang=lang)
    assert first.exit_code == 0 and "1 950" in first.stderr.replace(",", " ")  # the note
    again = record(navsome, registry_copy, *args, lang=lang)
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout == said.format(file=registry_copy)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "navsome: VALUE '3,5' has a comma; write a decimal point instead, such as 3.5.\n",
        ),
        (
            "nb",
            "navsome: VALUE «3,5» har komma; skriv punktum som desimaltegn, for eksempel 3.5.\n",
        ),
    ],
)
def test_a_decimal_comma_is_refused_with_the_decimal_point_to_write(
    navsome, registry_copy, lang, said
):
    args = ["foreldrepenger/facebook", "satisfied_share", "3,5", "--as-of", "2018"]
    result = record(navsome, registry_copy, *args, "--source", "nav-some-2017", lang=lang)
    fails(result, 2)
    assert result.stderr == said


# --- the library: the same order, with the errors' data ------------------------------------


def test_the_library_checks_the_figure_before_the_conflict(registry_copy):
    before = registry_copy.read_bytes()
    negative = Measurement("followers", -500, "2017-12", "nav-some-2017")
    with pytest.raises(RecordRefused) as refused:
        record_figure(registry_copy, "jobblyst/facebook", negative)
    assert refused.value.problems[0].line is not None
    with pytest.raises(UnknownName) as unknown:
        record_figure(registry_copy, "jobblyst/facebook", negative._replace(source="nav-some-201"))
    assert (unknown.value.kind, unknown.value.name) == ("source", "nav-some-201")
    assert unknown.value.suggestions == ("nav-some-2017",)
    with pytest.raises(Conflict):  # a valid figure: the conflict, as before
        record_figure(registry_copy, "jobblyst/facebook", negative._replace(value=500))
    assert registry_copy.read_bytes() == before


def test_a_figure_the_figure_check_refuses_is_never_written_even_if_loading_would_take_it(
    registry_copy, monkeypatch
):
    """Should the check of one figure refuse what the full check of the new file accepts, the
    figure is still refused, with that check's problem (without a line)."""
    found = [("value", Message("is too round"))]
    monkeypatch.setattr("navsome.registry.schema.check_figure", lambda *args: found)
    before = registry_copy.read_bytes()
    figure = Measurement("followers", 20000, "2018-06", "nav-some-2017")
    with pytest.raises(RecordRefused) as refused:
        record_figure(registry_copy, "jobblyst/facebook", figure)
    (problem,) = refused.value.problems
    assert (problem.path, str(problem.message), problem.line) == (
        "accounts.jobblyst.channels[0].measurements[4].value",  # after its four
        "is too round",
        None,
    )
    assert registry_copy.read_bytes() == before


def test_a_conflict_writes_a_percentage_as_one(navsome, registry_copy):
    args = ["record", "foreldrepenger/facebook", "satisfied_share", "90"]
    args += ["--as-of", "2017-03/2017-05", "--source", "nav-some-2017"]
    fails(
        navsome("--registry", str(registry_copy), *args),
        1,
        "already has satisfied users 91% as of 2017-03/2017-05; pass --replace to replace it "
        "with 90%.",
    )
    fails(navsome("--lang", "nb", "--registry", str(registry_copy), *args), 1, "91 % per")
