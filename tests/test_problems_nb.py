"""The problems the core finds in a registry or a typed date, in the run's language: each is a
template with its values that the command line words, in Norwegian under --lang nb and in the
same English as ever otherwise (and in English in JSON and CSV, whatever the language)."""

from __future__ import annotations

import csv
import io
import time

import pytest
from conftest import SHIPPED, fails
from test_catalogue import english_phrases

from navsome.errors import RegistryProblems
from navsome.i18n import ENGLISH, Words

NORWEGIAN = Words("nb")
TODAY = time.strftime("%Y-%m-%d")  # as the registry's check reads the clock

# Tables and accounts added to the shipped registry, each wrong in its own way; a comment marks
# the line each problem is on.
BROKEN = """
[sources.bad]
title = "Bad"
publisher = "NAV"
year = "2018"  # year-text
url = "nav"  # url

[sources.when]
title = "When"
publisher = "NAV"
year = 2017-01-01  # year-date

[platforms.bad]
name = "Bad"
name_nb = true  # name-boolean

[metrics.bad]
label_en = "Bad"
label_nb = "Dårlig"
unit = "count"
kind = "levl"  # kind

[accounts.zz]
name = "ZZ"
run_bi = "x"  # unknown-key
aliases = [""]  # empty-item

[[accounts.zz.channels]]
platform = "twiter"  # platform

[accounts.yy]
name = "YY"

[[accounts.yy.channels]]
platform = "facebook"

[[accounts.yy.channels.measurements]]
metric = "private_messages"
value = -5  # negative
as_of = "2017-13"  # month
source = "nav-some-2017"

[[accounts.yy.channels.measurements]]
metric = "followers"
value = 1e16  # out-of-range
as_of = "2017"
source = "nav-some-2017"

[[accounts.yy.channels.measurements]]  # no-source
metric = "followers"
value = 10
high = 20  # high
as_of = "2999"  # future

[[accounts.yy.channels.measurements]]
metric = "followers"
value = 10
as_of = "2017-06"
source = "nav-some-2017"

[[accounts.yy.channels.measurements]]  # repeats
metric = "followers"
value = 10
as_of = "2017-06"
source = "nav-some-2017"

[accounts.xx]
name = "XX"

[[events]]
date = "2017"
kind = "milestone"
account = "xx"
platform = "facebook"  # no-channel
title = "x"
source = "nav-some-2017"
"""

MEASUREMENTS = "accounts.yy.channels[0].measurements"
# Each problem: the mark on its line, its path, and what it says in English and in Norwegian.
PROBLEMS = [
    (
        "year-text",
        "sources.bad.year",
        "must be an integer, not a string",
        "må være et heltall, ikke tekst",
    ),
    (
        "url",
        "sources.bad.url",
        "'nav' is not a web address; write it in full, such as https://www.nav.no/",
        "«nav» er ikke en nettadresse; skriv den helt ut, for eksempel https://www.nav.no/",
    ),
    (
        "year-date",
        "sources.when.year",
        "must be an integer, not date",  # TOML's date, by Python's name for it, as ever
        "må være et heltall, ikke en dato",
    ),
    (
        "name-boolean",
        "platforms.bad.name_nb",
        "must be a string, not a boolean",
        "må være tekst, ikke sann eller usann",
    ),
    (
        "kind",
        "metrics.bad.kind",
        "'levl' is not one of level, period",
        "«levl» er ikke en av level, period",
    ),
    (
        "unknown-key",
        "accounts.zz.run_bi",
        "unknown key; did you mean 'run_by'?",
        "ukjent nøkkel; mente du «run_by»?",
    ),
    (
        "empty-item",
        "accounts.zz.aliases",
        "must be an array of non-empty strings; an item must not be empty",
        "må være en liste med tekster som ikke er tomme; et element kan ikke være tomt",
    ),
    (
        "platform",
        "accounts.zz.channels[0].platform",
        "unknown platform 'twiter'; did you mean 'twitter'?",
        "ukjent plattform «twiter»; mente du «twitter»?",
    ),
    (
        "month",
        f"{MEASUREMENTS}[0].as_of",
        "'2017-13' has no month 13",
        "«2017-13» har ingen måned 13",
    ),
    (
        "negative",  # a metric by its slug in English, by its Norwegian label in Norwegian
        f"{MEASUREMENTS}[0].value",
        "-5 is negative; a figure of private_messages is never below 0",
        "-5 er negativt; private meldinger er aldri under 0",
    ),
    (
        "out-of-range",
        f"{MEASUREMENTS}[1].value",
        "is out of range; a number must lie between -1e15 and 1e15",
        "er utenfor det gyldige området; et tall må ligge mellom -1e15 og 1e15",
    ),
    (
        "high",
        f"{MEASUREMENTS}[2].high",
        "'high' is only for qualifier = \"range\"",
        "'high' hører bare til qualifier = \"range\"",
    ),
    (
        "no-source",
        f"{MEASUREMENTS}[2]",
        "missing required key 'source'",
        "mangler den påkrevde nøkkelen «source»",
    ),
    (
        "future",
        f"{MEASUREMENTS}[2].as_of",
        f"2999 is after today ({TODAY}); a figure or event is dated when it has happened",
        f"2999 er etter i dag ({TODAY}); et tall eller en hendelse dateres når det har skjedd",
    ),
    (
        "repeats",
        f"{MEASUREMENTS}[4]",
        "repeats measurements[3]: followers as of 2017-06 is stated twice",
        "gjentar measurements[3]: følgere per 2017-06 er oppgitt to ganger",
    ),
    (
        "no-channel",
        "events[9].platform",
        "account 'xx' has no channel on 'facebook' (it has: none)",
        "kontoen «xx» har ingen kanal på «facebook» (den har: ingen)",
    ),
]


@pytest.fixture(scope="module")
def english() -> list[str]:
    return english_phrases()


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(SHIPPED.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    return path


def line_of(path, mark: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.endswith(f"# {mark}"))


def speaks_norwegian(said: str, english: list[str]) -> None:
    heard = [phrase for phrase in english if phrase in said]
    assert not heard, (heard, said)


def test_validate_says_each_problem_with_its_line_in_the_runs_language(navsome, broken, english):
    for language, column in (("en", 2), ("nb", 3)):
        result = navsome("--lang", language, "validate", str(broken))
        assert result.exit_code == 1 and result.stderr == ""
        expected = [
            f"{broken}:{line_of(broken, problem[0])}: {problem[1]}: {problem[column]}"
            for problem in PROBLEMS
        ]
        said = result.stdout.splitlines()
        assert sorted(said[:-1]) == sorted(expected), result.stdout
        summary = "problems in" if language == "en" else "problemer i"
        assert said[-1] == f"{len(PROBLEMS)} {summary} {broken}."
    speaks_norwegian(result.stdout, english)


def test_validate_as_markdown_words_each_problem_in_norwegian(navsome, broken, english):
    said = navsome("--lang", "nb", "validate", str(broken), "--format", "markdown").stdout
    for mark, _, _, norwegian in PROBLEMS:
        assert f"| {line_of(broken, mark)} |" in said
        assert norwegian.replace("_", "\\_").replace("[", "\\[").replace("]", "\\]") in said
    speaks_norwegian(said, english)


def test_another_command_lists_the_first_problems_and_a_count_in_the_runs_language(
    navsome, broken, english
):
    first = PROBLEMS[:5]
    more = len(PROBLEMS) - len(first)
    result = navsome("--lang", "nb", "--registry", str(broken), "list")
    fails(result, 1)
    assert result.stderr.splitlines() == [
        f"navsome: {broken}: {len(PROBLEMS)} problemer i registeret:",
        *(f"  linje {line_of(broken, m)}: {path}: {said}" for m, path, _, said in first),
        f"  … og {more} til; kjør 'navsome validate {broken}' for å se alle.",
    ]
    speaks_norwegian(result.stderr, english)
    result = navsome("--lang", "en", "--registry", str(broken), "list")
    assert result.stderr.splitlines() == [
        f"navsome: {broken}: {len(PROBLEMS)} problems in the registry:",
        *(f"  line {line_of(broken, m)}: {path}: {said}" for m, path, said, _ in first),
        f"  … and {more} more; run 'navsome validate {broken}' to see all.",
    ]


def test_one_problem_names_its_line_and_column_in_norwegian(navsome, registry_copy, english):
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(text + "x = = 1\n")
    line = len(text.splitlines()) + 1
    result = navsome("--lang", "nb", "--registry", str(registry_copy), "list")
    fails(result, 1)
    # The parser's own reason, in Norwegian too.
    assert result.stderr == (
        f"navsome: {registry_copy}: linje {line}, kolonne 5: TOML-syntaks: ugyldig verdi\n"
    )
    speaks_norwegian(result.stderr, english)


# What tomllib (or tomli, on 3.10) says of a file, as each Python's parser words it; every
# reason it gives, with values or without, is said in Norwegian.
SYNTAX = [
    ("x = = 1\n", "Invalid value", "ugyldig verdi"),
    ("x\n", "Expected '=' after a key in a key/value pair", "ventet '=' etter nøkkelen"),
    ('x = "abc', "Unterminated string at the end of the file", "strengen er ikke avsluttet på"),
    ("x = [1, 2\n", "Unclosed array at the end of the file", "listen er ikke lukket på slutten"),
    ("[a]\nx = 1\n[a]\n", "Cannot declare ('a',) twice", "('a',) er deklarert to ganger"),
    ("x = 1\nx = 2\n", "Cannot overwrite a value", "kan ikke overskrive en verdi"),
    ("x = 1979-02-30\n", "Invalid date or datetime", "ugyldig dato eller tidspunkt"),
    ("x = { a = 1, a = 2 }\n", "Duplicate inline table key 'a'", "nøkkelen 'a' står to ganger"),
    ("x = 1 y = 2\n", "Expected newline or end of document after", "ventet linjeskift eller"),
    ('x = "a\x01"\n', "Illegal character '\\x01'", "ulovlig tegn '\\x01'"),
    ("= 1\n", "Invalid statement", "ugyldig linje"),
    ("[a\n", "Expected ']' at the end of a table declaration", "ventet ']' på slutten av"),
    ('x = "\\q"\n', "Unescaped '\\' in a string", "'\\' uten escape i en streng"),
    ("x = {a=1}\nx.b = 2\n", "Cannot mutate immutable namespace ('x',)", "('x',) er skrevet som"),
    ("x = 'abc\n", """Expected "'" at the end of the file""", """ventet "'" på slutten av"""),
]


@pytest.mark.parametrize(("text", "english", "norwegian"), SYNTAX, ids=[s[1][:30] for s in SYNTAX])
def test_the_parsers_reasons_are_said_in_norwegian(navsome, tmp_path, text, english, norwegian):
    registry = tmp_path / "r.toml"
    registry.write_text(text, encoding="utf-8")
    said_en = navsome("--lang", "en", "--registry", str(registry), "list")
    fails(said_en, 1, f"TOML syntax: {english}")
    said = navsome("--lang", "nb", "--registry", str(registry), "list")
    fails(said, 1, f"TOML-syntaks: {norwegian}")
    assert english.split(" ")[0] not in said.stderr.split("TOML-syntaks: ")[1]


@pytest.mark.parametrize("format_", ["json", "csv"])
def test_json_and_csv_stay_english_under_norwegian(navsome, broken, format_):
    english = navsome("--lang", "en", "validate", str(broken), "--format", format_)
    norwegian = navsome("--lang", "nb", "validate", str(broken), "--format", format_)
    assert norwegian.exit_code == english.exit_code == 1
    assert norwegian.stdout == english.stdout
    if format_ == "json":
        rows = norwegian.json()
    else:
        rows = list(csv.DictReader(io.StringIO(norwegian.stdout)))
    assert sorted(row["message"] for row in rows) == sorted(english for *_, english, _ in PROBLEMS)
    assert norwegian.stderr == f"{len(PROBLEMS)} problemer i {broken}.\n"  # said beside the rows


def test_a_file_that_is_not_there_is_said_in_norwegian(navsome, tmp_path, english):
    missing = tmp_path / "missing.toml"
    said = navsome("--lang", "nb", "validate", str(missing)).stdout
    assert said == f"{missing}: filen finnes ikke; sjekk stien\n1 problem i {missing}.\n"
    said = navsome("--lang", "en", "validate", str(missing)).stdout
    assert said == f"{missing}: no such file; check the path\n1 problem in {missing}.\n"


@pytest.mark.parametrize(
    ("args", "english", "norwegian"),
    [
        (
            ["list", "--as-of", "2017-13"],
            "--as-of: '2017-13' has no month 13.",
            "--as-of: «2017-13» har ingen måned 13.",
        ),
        (
            ["compare", "-m", "followers", "--since", "2017-02-30"],
            "--since: '2017-02-30' is not a day of 2017-02.",
            "--since: «2017-02-30» er ikke en dag i 2017-02.",
        ),
        (
            ["list", "--as-of", "0000"],
            "--as-of: '0000' has no year 0.",
            "--as-of: «0000» har ikke år 0.",
        ),
        (
            ["history", "nav", "--as-of", "2017/2018"],
            "--as-of: '2017/2018' is an interval; give one date (YYYY, YYYY-MM or YYYY-MM-DD).",
            "--as-of: «2017/2018» er et intervall; oppgi én dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).",
        ),
        (
            ["report", "--since", "2017-13/2018"],
            "--since: '2017-13/2018': '2017-13' has no month 13; an interval is two dates with / "
            "between, 2017-03/2017-05.",
            "--since: «2017-13/2018»: «2017-13» har ingen måned 13; et intervall er to datoer med "
            "/ mellom, 2017-03/2017-05.",
        ),
        (
            ["report", "--since", "2019/2018"],
            "--since: '2019/2018' ends before it starts.",
            "--since: «2019/2018» slutter før det begynner.",
        ),
    ],
    ids=["month", "day", "year-0", "interval", "in-an-interval", "backwards"],
)
def test_a_typed_date_is_refused_in_the_runs_language(navsome, args, english, norwegian):
    result = navsome("--lang", "nb", *args)
    fails(result, 2)
    assert result.stderr == f"navsome: {norwegian}\n"
    result = navsome("--lang", "en", *args)
    fails(result, 2)
    assert result.stderr == f"navsome: {english}\n"


def test_the_english_the_command_line_words_is_what_str_gives(broken, tmp_path):
    """Worded in English, a problem and a registry's summary are exactly what library users
    read in str(): one English, whoever says it."""
    from navsome import load
    from navsome.cli.messages import _summary
    from navsome.i18n import problem_said, worded

    with pytest.raises(RegistryProblems) as raised:
        load(broken)
    error = raised.value
    assert len(error.problems) == len(PROBLEMS)
    for problem in error.problems:
        assert worded(problem, ENGLISH) == str(problem)
        assert problem_said(problem, ENGLISH) == str(problem.message)
    assert _summary(error, ENGLISH) == error.summary()
    for count in (1, 2, 5):
        few = RegistryProblems(error.file, error.problems[:count])
        assert _summary(few, ENGLISH) == few.summary() == str(few)


READ_PROBLEMS = {
    "empty": "",
    "syntax": "x = = 1\n",
    "deep": "x = " + "[" * 2000 + "]" * 2000 + "\n",
    "long-integer": "x = " + "1" * 5000 + "\n",
    "dotted": "a" + ".a" * 40 + " = 1\n",
}


@pytest.mark.parametrize("text", READ_PROBLEMS.values(), ids=READ_PROBLEMS.keys())
def test_what_reading_the_file_finds_is_said_in_either_language(tmp_path, text, english):
    from navsome import load
    from navsome.i18n import worded

    path = tmp_path / "read.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryProblems) as raised:
        load(path)
    [problem] = raised.value.problems
    assert worded(problem, ENGLISH) == str(problem)
    said = worded(problem, NORWEGIAN)
    assert said != str(problem)
    speaks_norwegian(said, english)


def test_every_problem_of_a_date_is_said_in_norwegian(english):
    from navsome.dates import date_problem, future_problem
    from navsome.i18n import worded

    dates = ["17", "2017-1", "0000", "2017-00", "2017-13", "2017-02-29", "2017-04-31", "2017/"]
    dates += ["2017-13/2018", "2018/2017", "2017/2018/2019", "/2017"]
    problems = [date_problem(text) for text in dates]
    problems.append(future_problem("2999", (2017, 1, 1)))
    for problem in problems:
        assert problem is not None
        said = worded(problem, NORWEGIAN)
        assert said != str(problem) and worded(problem, ENGLISH) == str(problem)
        speaks_norwegian(said, english)
