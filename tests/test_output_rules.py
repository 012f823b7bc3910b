"""Output rules (issue 14): hints and notes go to stderr, never into stdout or an export; an
export's extension and --format must agree, and its name must not be empty; every format
prints its header when there are no rows; an empty answer says why on stderr; --top means one
thing wherever it is accepted."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess

import pytest
from conftest import ambient, fails, script_path

from navsome.errors import UsageError
from navsome.i18n import ENGLISH
from navsome.output.console import OutputFormat, write_answer

CUT_SHORT = "Showing 5 of 10; --all shows every one.\n"
LEGEND = "> and ▶: more than (a lower bound)"
MEASUREMENT_HEADER = (
    "account,channel,platform,metric,value,low,high,qualifier,as_of,unit,stated,note,note_nb,source"
)
PROBLEM_HEADER = "file,line,column,path,message"


@pytest.fixture
def empty(tmp_path) -> str:
    """A valid registry with nothing in it but one platform."""
    path = tmp_path / "empty.toml"
    path.write_text(
        '[sources]\n[metrics]\n[accounts]\n[platforms]\nfacebook = { name = "Facebook" }\n'
    )
    return str(path)


@pytest.fixture
def rising(registry_copy) -> str:
    """The shipped registry with two later followers figures: two channels rise since 2017."""
    text = registry_copy.read_text(encoding="utf-8")
    for account, anchor, value in (
        ("jobblyst", 'stated = "19 500 følgere"\n', 21000),
        ("foreldrepenger", 'stated = "37 300 følgere"\n', 38000),
    ):
        assert anchor in text
        text = text.replace(
            anchor,
            f"{anchor}\n[[accounts.{account}.channels.measurements]]\n"
            f'metric = "followers"\nvalue = {value}\nqualifier = "exact"\nas_of = "2018-12"\n'
            'source = "nav-some-2017"\n',
            1,
        )
    registry_copy.write_text(text, encoding="utf-8")
    return str(registry_copy)


# 1. Hints are notes on stderr


def test_a_ranking_cut_short_says_so_on_stderr_and_keeps_its_legend_in_the_answer(navsome):
    result = navsome("compare", "--metric", "followers", "--top", "5")
    assert result.exit_code == 0
    assert result.stderr == CUT_SHORT
    assert "Showing" not in result.stdout and "--all" not in result.stdout
    assert result.stdout.rstrip("\n").endswith(LEGEND)  # the marks used are part of the answer
    assert result.stdout.count("\n 5 ") == 1 and "\n 6 " not in result.stdout


@pytest.mark.parametrize("format_", ["table", "markdown", "csv", "json"])
def test_the_hint_is_on_stderr_in_every_format(navsome, format_):
    result = navsome("compare", "-m", "followers", "--top", "5", "--format", format_)
    assert result.stderr == CUT_SHORT
    assert "Showing" not in result.stdout and "--all" not in result.stdout


def test_the_hint_speaks_norwegian(navsome):
    result = navsome("--lang", "nb", "compare", "--metric", "followers", "--top", "3")
    assert result.stderr == "Viser 3 av 10; --all viser alle.\n"
    assert "Viser" not in result.stdout and "--all" not in result.stdout


def test_an_export_holds_the_answer_and_not_the_hint(navsome, tmp_path):
    target = tmp_path / "top.md"
    result = navsome("compare", "--metric", "followers", "--top", "5", "--export", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote {target}.\n{CUT_SHORT}"
    text = target.read_text(encoding="utf-8")
    assert "Showing" not in text and "--all" not in text
    assert LEGEND in text


def test_nothing_is_said_when_every_row_is_shown(navsome):
    for args in (["--top", "10"], ["--top", "0"], ["--all"], []):
        result = navsome("compare", "-m", "followers", *args)
        assert result.exit_code == 0 and result.stderr == "", args


def test_a_change_ranking_cut_short_says_so_on_stderr(navsome, rising):
    result = navsome(
        "--registry", rising, "compare", "-m", "followers", "--since", "2017", "--top", "1"
    )
    assert result.stderr == "Showing 1 of 2; --all shows every one.\n"
    assert "Showing" not in result.stdout
    ranked = result.stdout.split("Not ranked")[0]
    assert "jobblyst" in ranked and "foreldrepenger" not in ranked  # +1,500 before +700
    whole = navsome("--registry", rising, "compare", "-m", "followers", "--since", "2017")
    assert whole.stderr == ""


# 2. An export's extension and --format agree


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        (
            "out.json",
            ["--format", "csv"],
            "--export {dir}/out.json writes JSON; drop --format csv, or name the file "
            "{dir}/out.csv.",
        ),
        (
            "out.csv",
            ["--json"],
            "--export {dir}/out.csv writes CSV; drop --json, or name the file {dir}/out.json.",
        ),
        (
            "out.csv",
            ["--format", "json"],
            "--export {dir}/out.csv writes CSV; drop --format json, or name the file "
            "{dir}/out.json.",
        ),
        (
            "out.md",
            ["--format", "table"],
            "--export {dir}/out.md writes Markdown; drop --format table, or name the file "
            "{dir}/out.svg or {dir}/out.html.",
        ),
        (
            "out.svg",
            ["-f", "markdown"],
            "--export {dir}/out.svg writes a picture (SVG); drop --format markdown, or name the "
            "file {dir}/out.md.",
        ),
        (
            "OUT.HTML",
            ["--format", "csv"],
            "--export {dir}/OUT.HTML writes a page (HTML); drop --format csv, or name the file "
            "{dir}/OUT.csv.",
        ),
    ],
)
def test_an_export_and_a_format_that_disagree_are_refused(
    navsome, tmp_path, name, options, message
):
    target = tmp_path / name
    result = navsome("compare", "-m", "followers", *options, "--export", str(target))
    fails(result, 2, message.format(dir=tmp_path))
    assert not target.exists()


COMMANDS = [
    ["list"],
    ["show", "jobblyst"],
    ["compare", "-m", "followers"],
    ["compare", "jobblyst", "nav"],
    ["history", "nav"],
    ["report"],
    ["metrics"],
    ["timeline"],
    ["sources"],
    ["validate"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_refuses_a_disagreeing_export_and_writes_nothing(navsome, tmp_path, args):
    target = tmp_path / "out.json"
    fails(
        navsome(*args, "--format", "csv", "--export", str(target)),
        2,
        "writes JSON; drop --format csv",
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("out.md", ["--format", "markdown"]),
        ("out.json", ["--format", "json"]),
        ("out.json", ["--json"]),
        ("out.json", ["--json", "--format", "json"]),
        ("out.csv", ["--format", "CSV"]),
        ("out.svg", ["--format", "table"]),
        ("out.html", ["--format", "table"]),
        ("Out.Json", ["--format", "json"]),
        ("out.csv", []),  # without --format the extension decides
        ("out.json", []),
        ("out.md", []),
    ],
)
def test_an_export_and_a_format_that_agree_write_that_format(navsome, tmp_path, name, options):
    target = tmp_path / name
    result = navsome("compare", "-m", "followers", *options, "--export", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    kind = target.suffix.lower()
    if kind == ".json":
        assert len(json.loads(text)) == 10
    elif kind == ".csv":
        assert text.splitlines()[0] == MEASUREMENT_HEADER
    elif kind == ".md":
        assert "### Followers, largest first\n" in text and "| 1 | foreldrepenger |" in text
    else:
        assert text.lstrip().startswith("<")


def test_a_disagreeing_export_is_refused_in_norwegian(navsome, tmp_path):
    target = tmp_path / "ut.json"
    result = navsome("--lang", "nb", "list", "--format", "csv", "--export", str(target))
    fails(
        result,
        2,
        f"--export {target} skriver JSON; fjern --format csv, eller gi filen navnet "
        f"{tmp_path}/ut.csv.",
    )
    svg = tmp_path / "ut.svg"
    result = navsome("--lang", "nb", "list", "--json", "--export", str(svg))
    fails(result, 2, "skriver et bilde (SVG); fjern --json, eller gi filen navnet")


# 3. An empty export path is refused


# Both spellings of an empty name, in turn over the commands.
EMPTY_NAMES = [
    (args, [["--export", ""], ["--export="]][number % 2]) for number, args in enumerate(COMMANDS)
]


@pytest.mark.parametrize(
    ("args", "export"), EMPTY_NAMES, ids=[" ".join(a + e) for a, e in EMPTY_NAMES]
)
def test_an_empty_export_name_is_refused_and_nothing_is_printed(navsome, args, export):
    fails(navsome(*args, *export), 2, "--export needs a file name, e.g. --export followers.csv.")


def test_an_empty_export_name_is_refused_in_norwegian(navsome):
    result = navsome("--lang", "nb", "compare", "-m", "followers", "--export", "")
    fails(result, 2, "--export trenger et filnavn, for eksempel --export followers.csv.")


def test_the_output_layer_never_takes_an_empty_name_for_the_screen(capsys):
    """The refusal holds below the command line too: write_answer itself refuses ''."""
    with pytest.raises(UsageError, match="needs a file name"):
        write_answer(OutputFormat.csv, lambda: [{"a": 1}], lambda: [], export="", words=ENGLISH)
    assert capsys.readouterr().out == ""


# 4. Headers even when there are no rows

# (empty answer, full answer) for every command that can have no rows; {empty} is a registry
# with nothing in it, {broken} one with a problem.
EMPTY_AND_FULL = {
    "list": (["--registry", "{empty}", "list"], ["list"]),
    "list --platform": (
        ["--registry", "{empty}", "list", "-p", "facebook"],
        ["list", "-p", "facebook"],
    ),
    "show": (["show", "idebanken"], ["show", "jobblyst"]),
    "compare ranking": (
        ["compare", "-m", "followers", "--as-of", "1990"],
        ["compare", "-m", "followers"],
    ),
    "compare --since": (
        ["compare", "-m", "posts", "-p", "twitter", "--since", "2017"],
        ["compare", "-m", "followers", "--since", "2017"],
    ),
    "compare side by side": (
        ["compare", "jobblyst", "nav", "--as-of", "1990"],
        ["compare", "jobblyst", "nav"],
    ),
    "metrics": (["--registry", "{empty}", "metrics"], ["metrics"]),
    "timeline": (["timeline", "--as-of", "1990"], ["timeline"]),
    "sources": (["--registry", "{empty}", "sources"], ["sources"]),
    "validate": (["validate"], ["validate", "{broken}"]),
}


def filled(args: list[str], **paths: str) -> list[str]:
    return [arg.format(**paths) for arg in args]


@pytest.fixture
def broken(tmp_path, registry_copy) -> str:
    text = registry_copy.read_text(encoding="utf-8").replace("value = 19500", 'value = "19500"', 1)
    registry_copy.write_text(text, encoding="utf-8")
    return str(registry_copy)


@pytest.mark.parametrize("case", EMPTY_AND_FULL)
def test_an_empty_csv_is_the_header_of_a_full_one(navsome, empty, broken, case):
    nothing, something = (filled(args, empty=empty, broken=broken) for args in EMPTY_AND_FULL[case])
    full = navsome(*something, "--format", "csv").stdout
    header = full.splitlines()[0]
    assert len(full.splitlines()) > 1 and "," in header
    result = navsome(*nothing, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == header + "\n"
    assert result.stderr.count("\n") == 1  # and it says why (below, line by line)


@pytest.mark.parametrize("case", EMPTY_AND_FULL)
def test_an_empty_export_to_csv_has_the_header_and_json_is_an_empty_list(
    navsome, empty, broken, tmp_path, case
):
    nothing, something = (filled(args, empty=empty, broken=broken) for args in EMPTY_AND_FULL[case])
    header = navsome(*something, "--format", "csv").stdout.splitlines()[0]
    exported = tmp_path / "empty.csv"
    assert navsome(*nothing, "--export", str(exported)).exit_code == 0
    assert exported.read_text(encoding="utf-8") == header + "\n"
    answer = navsome(*nothing, "--json").json()
    assert answer == [] or (case == "show" and answer["measurements"] == [])


def test_the_exact_headers_of_clean_and_dated_empty_answers(navsome):
    assert navsome("validate", "--format", "csv").stdout == PROBLEM_HEADER + "\n"
    assert (
        navsome("compare", "-m", "followers", "--as-of", "1990", "--format", "csv").stdout
        == MEASUREMENT_HEADER + "\n"
    )
    assert navsome("validate", "--json").stdout == "[]\n"
    assert navsome("compare", "-m", "followers", "--as-of", "1990", "--json").stdout == "[]\n"


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (
            ["compare", "-m", "followers", "--as-of", "1990"],
            "| # | Account | Platform | Followers | As of | Chart |",
        ),
        (
            ["compare", "jobblyst", "nav", "--as-of", "1990"],
            "| Metric | Platform | NAV Jobblyst | NAV |",
        ),
        (["timeline", "--as-of", "1990"], "| Date | Account | Platform | Kind | Event |"),
        (["validate"], "| Line | Path | Problem |"),
        (
            ["--registry", "{empty}", "list"],
            "| Account | Name | Platforms | Headline figure | As of |",
        ),
        (
            ["--registry", "{empty}", "metrics"],
            "| Metric | English | Norwegian | Unit | Kind | Channels | Description |",
        ),
        (
            ["--registry", "{empty}", "sources"],
            "| Source | Title | Publisher | Year | Figures | Events |",
        ),
    ],
)
def test_markdown_and_the_plain_table_print_their_headers_with_no_rows(
    navsome, empty, args, header
):
    args = filled(args, empty=empty)
    markdown = navsome(*args, "--format", "markdown").stdout
    assert header + "\n| " in markdown
    table = navsome(*args).stdout
    names = [cell.strip() for cell in header.strip("|").split("|")]
    if args[0] != "validate":  # validate's table is the compiler-style report
        *_, headers, rule = table.splitlines()  # the table ends at its rule: no rows
        assert headers.split() == " ".join(names).split()
        assert set(rule) == {"─"}


def test_validate_markdown_keeps_its_verdict_in_the_document(navsome, broken):
    clean = navsome("validate", "--format", "markdown")
    assert clean.stdout.rstrip("\n").endswith(
        "is valid: 9 accounts, 16 channels, 20 figures, 9 events."
    )
    assert clean.stderr == ""
    bad = navsome("validate", broken, "--format", "markdown")
    assert bad.exit_code == 1
    assert bad.stdout.endswith(".toml.\n") and "\n\n1 problem in /" in bad.stdout


# 5. An empty answer says why on stderr, in the user's language

EMPTY_NOTES = [
    (
        ["compare", "-m", "followers", "--since", "2030"],
        "No channel has two comparable figures of followers, one on or before 2030-12-31 and "
        "one after it.",
        "Ingen kanal har to sammenlignbare tall for følgere, ett til og med 2030-12-31 og "
        "ett etter.",
    ),
    (
        ["compare", "--metric", "followers", "--as-of", "2010"],
        "No figure of followers on or before 2010-12-31.",
        "Ingen tall for følgere til og med 2010-12-31.",
    ),
    (  # the date is not why: there is no such figure at any date
        ["compare", "-m", "posts", "-p", "twitter", "--as-of", "2010"],
        "No channel reports posts with these filters.",
        "Ingen kanal har innlegg med disse filtrene.",
    ),
    (
        ["compare", "jobblyst", "nav", "--as-of", "1990"],
        "No figure of these accounts on or before 1990-12-31.",
        "Ingen tall for disse kontoene til og med 1990-12-31.",
    ),
    (
        ["compare", "jobblyst", "nav", "-p", "instagram"],
        "No figure of these accounts with these filters.",
        "Ingen tall for disse kontoene med disse filtrene.",
    ),
    (
        ["timeline", "--as-of", "1990"],
        "No event on or before 1990-12-31.",
        "Ingen hendelser til og med 1990-12-31.",
    ),
    (
        ["timeline", "idebanken"],
        "The registry has no events of these accounts.",
        "Registeret har ingen hendelser for disse kontoene.",
    ),
    (
        ["list", "-p", "snapchat", "--as-of", "2015"],
        "No account had a channel on Snapchat on or before 2015-12-31.",
        "Ingen konto hadde en kanal på Snapchat til og med 2015-12-31.",
    ),
    (
        ["--registry", "{empty}", "list", "-p", "facebook"],
        "No account has a channel on Facebook.",
        "Ingen konto har en kanal på Facebook.",
    ),
    (
        ["--registry", "{empty}", "list"],
        "The registry has no accounts.",
        "Registeret har ingen kontoer.",
    ),
    (
        ["show", "idebanken"],
        "Idébanken has no figures.",
        "Idébanken har ingen tall.",
    ),
    (
        ["show", "jobblyst", "--as-of", "2010"],
        "NAV Jobblyst has no figure on or before 2010-12-31.",
        "NAV Jobblyst har ingen tall til og med 2010-12-31.",
    ),
    (
        ["history", "nav", "--as-of", "1990"],  # no filter given: the date is why
        "NAV has no figure on or before 1990-12-31.",
        "NAV har ingen tall til og med 1990-12-31.",
    ),
    (
        ["history", "--as-of", "1990"],
        "None of these accounts has figures on or before 1990-12-31.",
        "Ingen av disse kontoene har tall til og med 1990-12-31.",
    ),
    (
        ["--registry", "{empty}", "metrics"],
        "The registry defines no metrics.",
        "Registeret definerer ingen målinger.",
    ),
    (
        ["--registry", "{empty}", "sources"],
        "The registry lists no sources.",
        "Registeret har ingen kilder.",
    ),
    (
        ["--registry", "{empty}", "timeline"],
        "The registry has no events.",
        "Registeret har ingen hendelser.",
    ),
]


# The note is said the same way whatever the format: each case in one format, every format
# in turn, so that each is tried with several cases (not every case with every format).
FORMATS = ["table", "csv", "json", "markdown"]
EMPTY_IN_FORMATS = [
    (*case, FORMATS[number % len(FORMATS)]) for number, case in enumerate(EMPTY_NOTES)
]


@pytest.mark.parametrize(
    ("args", "english", "norwegian", "format_"),
    EMPTY_IN_FORMATS,
    ids=[f"{f}-{' '.join(a)}" for a, _, _, f in EMPTY_IN_FORMATS],
)
def test_an_empty_answer_says_why_on_stderr(navsome, empty, args, english, norwegian, format_):
    args = filled(args, empty=empty)
    result = navsome(*args, "--format", format_)
    assert result.exit_code == 0
    assert result.stderr == english + "\n"
    assert english not in result.stdout and result.stdout  # the header, at least
    nb = navsome("--lang", "nb", *args, "--format", format_)
    assert nb.exit_code == 0
    assert nb.stderr == norwegian + "\n"


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "jobblyst"],
        ["compare", "-m", "followers"],
        ["compare", "jobblyst", "nav"],
        ["metrics"],
        ["timeline"],
        ["sources"],
        ["timeline", "jobblyst", "--as-of", "2017"],
    ],
    ids=" ".join,
)
def test_an_answer_with_rows_says_nothing_on_stderr(navsome, args):
    for format_ in ("table", "csv"):
        result = navsome(*args, "--format", format_)
        assert result.exit_code == 0 and result.stderr == "", (format_, result.stderr)


def test_validate_beside_rows_says_its_verdict_on_stderr(navsome, broken):
    clean = navsome("validate", "--format", "csv")
    assert clean.stderr.endswith(" is valid: 9 accounts, 16 channels, 20 figures, 9 events.\n")
    assert clean.stderr.count("\n") == 1
    bad = navsome("validate", broken, "--json")
    assert bad.exit_code == 1
    assert len(bad.json()) == 1
    assert bad.stderr == f"1 problem in {broken}.\n"
    assert (
        navsome("--lang", "nb", "validate", broken, "--json").stderr == f"1 problem i {broken}.\n"
    )


def test_validate_exported_as_rows_says_its_verdict_beside_them(navsome, tmp_path):
    target = tmp_path / "problems.csv"  # no --format: the extension decides, and so it is rows
    result = navsome("validate", "--export", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == PROBLEM_HEADER + "\n"
    wrote, verdict = result.stderr.splitlines()
    assert wrote == f"Wrote {target}." and verdict.endswith(
        " is valid: 9 accounts, 16 channels, 20 figures, 9 events."
    )
    page = tmp_path / "problems.md"
    result = navsome("validate", "--export", str(page))
    assert result.stderr == f"Wrote {page}.\n"  # a document for people holds its verdict
    assert " is valid: " in page.read_text(encoding="utf-8")


def test_a_note_writes_out_the_hidden_characters_of_a_name(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(text.replace('name = "Idébanken"', 'name = "Id\\u001b[31mébanken"'))
    result = navsome("--registry", str(registry_copy), "show", "idebanken")
    assert result.exit_code == 0
    assert result.stderr == "Id\\x1b[31mébanken has no figures.\n"


def test_a_refused_export_says_the_refusal_and_no_note(navsome, tmp_path):
    missing = tmp_path / "no" / "such" / "folder.csv"
    result = navsome(
        "compare", "-m", "posts", "-p", "twitter", "--top", "1", "--export", str(missing)
    )
    fails(result, 2, "does not exist")
    assert result.stderr.count("\n") == 1 and "No channel" not in result.stderr


# 6. --top side by side, and beside --all


@pytest.mark.parametrize("order", [["--all", "-n", "3"], ["--top", "3", "--all"]])
def test_all_and_top_together_are_refused_not_one_dropped(navsome, order):
    fails(
        navsome("compare", "-m", "followers", *order),
        2,
        "--all shows every row and --top 3 the first 3; give one of them.",
    )
    assert navsome("compare", "-m", "followers", "--all", "--top", "0").exit_code == 0  # agree


@pytest.mark.parametrize("top", ["1", "3"])
def test_top_is_refused_side_by_side_where_nothing_is_ranked(navsome, top):
    fails(
        navsome("compare", "jobblyst", "nav", "--top", top),
        2,
        f"--top {top} keeps the largest figures of a ranking, and accounts side by side are not "
        "ranked; add --metric M to rank their channels, or leave out --top.",
    )
    fails(
        navsome("--lang", "nb", "compare", "jobblyst", "nav", "-n", top),
        2,
        f"--top {top} beholder de største tallene i en rangering",
    )


def test_top_zero_and_all_side_by_side_show_every_row_as_without_them(navsome):
    plain = navsome("compare", "jobblyst", "nav")
    assert plain.exit_code == 0
    assert navsome("compare", "jobblyst", "nav", "--top", "0").stdout == plain.stdout
    assert navsome("compare", "jobblyst", "nav", "--all").stdout == plain.stdout


# Through the installed script, as a shell runs it


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not ambient(k)}
    return subprocess.run(
        [str(script_path()), *args],
        capture_output=True,
        text=True,
        env={**env, "NAVSOME_LANG": "en", "COLUMNS": "100"},
        timeout=60,
    )


def test_the_rules_hold_through_the_installed_script(tmp_path):
    cut = run("compare", "--metric", "followers", "--top", "5")
    assert cut.returncode == 0
    assert cut.stderr == CUT_SHORT and "Showing" not in cut.stdout
    refused = run("list", "--export", str(tmp_path / "out.json"), "--format", "csv")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "writes JSON; drop --format csv, or name the file" in refused.stderr
    assert list(tmp_path.iterdir()) == []


# More of the rules tested in-process above, a process each: in the slow tier.
@pytest.mark.slow
def test_more_rules_hold_through_the_installed_script(tmp_path):
    empty_name = run("list", "--export", "")
    assert empty_name.returncode == 2 and empty_name.stdout == ""
    clean = run("validate", "--format", "csv")
    assert clean.returncode == 0
    assert clean.stdout == PROBLEM_HEADER + "\n"
    assert " is valid: " in clean.stderr
    dated = run("compare", "-m", "followers", "--as-of", "2010", "--format", "csv")
    assert list(csv.reader(io.StringIO(dated.stdout))) == [MEASUREMENT_HEADER.split(",")]
    assert dated.stderr == "No figure of followers on or before 2010-12-31.\n"
    assert list(tmp_path.iterdir()) == []
