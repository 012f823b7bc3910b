"""navsome import reads what a spreadsheet writes: a byte-order mark (on stdin too), columns
separated by semicolons (Norwegian Excel), a file's format by its extension; and says why a
file cannot be read in the user's language."""

from __future__ import annotations

import subprocess

import pytest
from conftest import CLEAN_ENV, bare_environment, fails, script_path, tiered
from test_catalogue import english_phrases

from navsome.registry.read import load_registry

BOM = b"\xef\xbb\xbf"
HEADER = "channel,metric,value,as_of,source\n"
ROW = "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
# What Norwegian Excel's "CSV UTF-8 (kommadelt)" writes: a byte-order mark, semicolons, CRLF, a
# no-break space between thousands; and a note with a comma in it.
EXCEL_NB = (
    BOM
    + (
        "channel;metric;value;as_of;source;note\r\n"
        "jobblyst/facebook;followers;21\u00a0000;2018-06;nav-some-2017;telt for hånd, i juni\r\n"
    ).encode()
)
ADDED = {"en": "1 added, 0 replaced, 0 unchanged", "nb": "1 lagt til, 0 erstattet, 0 uendret"}


@pytest.fixture(scope="module")
def english() -> list[str]:
    return english_phrases()


def speaks_norwegian(said: str, english: list[str], *gone: str) -> None:
    """Nothing of the English catalogue in `said`, nor the English given."""
    heard = [phrase for phrase in [*english, *gone] if phrase in said]
    assert not heard, (heard, said)


def piped(registry, data: bytes, *args: str, lang: str = "en"):
    """`navsome import -` in-process with `data` on standard input: (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from navsome.cli.app import app

    env = {**CLEAN_ENV, "NAVSOME_LANG": lang}
    result = CliRunner().invoke(
        app, ["--registry", str(registry), "import", "-", *args], input=data, env=env
    )
    assert not result.exception or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def imported(registry, channel: str, as_of: str):
    """The followers figure of `channel` as of `as_of` in the registry."""
    for each in load_registry(registry).channels():
        for m in each.measurements if each.id == channel else ():
            if m.metric == "followers" and m.as_of == as_of:
                return m
    raise AssertionError((channel, as_of))


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


# --- a byte-order mark -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_byte_order_mark_on_standard_input_is_skipped_as_in_a_file(registry_copy, lang):
    code, out, err = piped(registry_copy, BOM + (HEADER + ROW).encode(), "-n", lang=lang)
    assert code == 0, err
    assert ADDED[lang] in out


def test_a_byte_order_mark_before_json_is_skipped(registry_copy):
    rows = b'[{"channel": "jobblyst/facebook", "metric": "followers", "value": 21000, '
    rows += b'"as_of": "2018-06", "source": "nav-some-2017"}]'
    code, out, err = piped(registry_copy, BOM + rows, "-n")
    assert code == 0, err
    assert ADDED["en"] in out


# --- columns separated by semicolons -----------------------------------------------------------


def test_what_norwegian_excel_writes_imports_from_a_file(navsome, registry_copy, tmp_path):
    path = write(tmp_path, "juni.csv", EXCEL_NB)
    result = navsome("--lang", "nb", "--registry", str(registry_copy), "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert ADDED["nb"] in result.stdout
    figure = imported(registry_copy, "jobblyst/facebook", "2018-06")
    assert (figure.value, figure.note) == (21000, "telt for hånd, i juni")


def test_what_norwegian_excel_writes_imports_from_stdin_through_the_installed_script(
    registry_copy,
):
    result = subprocess.run(
        [str(script_path()), "--lang", "nb", "--registry", str(registry_copy), "import", "-"],
        input=EXCEL_NB,
        capture_output=True,
        env=bare_environment(LANG="C.UTF-8"),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == (
        f"Importerte <stdin> til {registry_copy}: 1 lagt til, 0 erstattet, 0 uendret.\n"
    )
    assert imported(registry_copy, "jobblyst/facebook", "2018-06").value == 21000


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "x.csv:3: value: '3,5' has a comma; write a decimal point instead, such as 3.5"),
        ("nb", "x.csv:3: value: «3,5» har komma; skriv "),  # and what to write, 3.5
    ],
)
def test_a_decimal_comma_under_semicolons_is_refused_not_guessed(
    navsome, registry_copy, tmp_path, lang, said
):
    before = registry_copy.read_bytes()
    path = write(
        tmp_path,
        "x.csv",
        "channel;metric;value;as_of;source\n"
        "jobblyst/facebook;followers;21000;2018-06;nav-some-2017\n"
        "jobblyst/facebook;followers;3,5;2018-07;nav-some-2017\n",
    )
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(path))
    fails(result, 1, said.replace("x.csv", str(path)), " 3.5\n")
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("header", "lang", "said"),
    [
        (
            "channel;metric;valeu;as_of;source",
            "en",
            "x.csv:1: 'valeu' is not a column navsome imports; the columns are account,",
        ),
        (
            "channel;metric;value,as_of;source",
            "en",
            "x.csv:1: the header line has both commas and semicolons; separate the columns with "
            "one of them",
        ),
        (
            "channel;metric;value,as_of;source",
            "nb",
            "x.csv:1: overskriftsraden har både komma og semikolon; skill kolonnene med bare ett "
            "av dem",
        ),
        (
            "channel\tmetric\tvalue\tas_of\tsource",
            "en",
            'x.csv:1: the columns are separated by tabs; save the file as CSV (in Excel: "CSV '
            'UTF-8 (Comma delimited)")',
        ),
        (
            "channel\tmetric\tvalue\tas_of\tsource",
            "nb",
            "x.csv:1: kolonnene er skilt med tabulator; lagre filen som CSV (i Excel: «CSV UTF-8 "
            "(kommadelt)»)",
        ),
    ],
    ids=["unknown-column", "both-en", "both-nb", "tabs-en", "tabs-nb"],
)
def test_the_header_line_decides_the_separator(
    navsome, registry_copy, tmp_path, english, header, lang, said
):
    path = write(tmp_path, "x.csv", header + "\n" + ROW.replace(",", header[7]))
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(path))
    fails(result, 1, said.replace("x.csv", str(path)))
    if lang == "nb":
        speaks_norwegian(result.stderr, english, "separated", "semicolons")


# --- the extension says CSV or JSON ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lang", "said"),
    [
        ("g.json", "en", "g.json: not JSON (Expecting value: line 1 column 1 (char 0))"),
        ("G.JSON", "en", "G.JSON: not JSON (Expecting value: line 1 column 1 (char 0))"),
        ("g.json", "nb", "g.json: ikke gyldig JSON (ventet en verdi: linje 1, kolonne 1 (tegn 0))"),
    ],
)
def test_a_file_named_json_is_read_as_json(navsome, registry_copy, tmp_path, name, lang, said):
    path = write(tmp_path, name, "garbage{\n")
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(path))
    fails(result, 1, said.replace(name, str(path)))
    assert "is not a column" not in result.stderr and "er ikke en kolonne" not in result.stderr


JSON_ROWS = (
    '[{"channel": "jobblyst/facebook", "metric": "followers", "value": 21000, '
    '"as_of": "2018-06", "source": "nav-some-2017"}]'
)


def test_a_file_named_csv_is_read_as_csv_whatever_it_starts_with(navsome, registry_copy, tmp_path):
    path = write(tmp_path, "rows.csv", JSON_ROWS)
    result = navsome("--registry", str(registry_copy), "import", str(path), "-n")
    fails(result, 1, f"{path}:1: ", "are not columns navsome imports")


@pytest.mark.parametrize("name", ["rows.txt", "rows", "rows.json.bak"])
def test_a_file_of_another_name_is_read_by_its_first_character(
    navsome, registry_copy, tmp_path, name
):
    for text in (JSON_ROWS, HEADER + ROW):
        path = write(tmp_path, name, text)
        result = navsome("--registry", str(registry_copy), "import", str(path), "-n")
        assert result.exit_code == 0, result.stderr
        assert ADDED["en"] in result.stdout


@pytest.mark.parametrize("name", ["empty.json", "empty.csv"])
def test_an_empty_file_has_no_rows_to_import_whatever_its_name(
    navsome, registry_copy, tmp_path, name
):
    path = write(tmp_path, name, "\n")
    result = navsome("--registry", str(registry_copy), "import", str(path))
    fails(result, 1, f"{path}: no rows to import")


# --- why a file cannot be read, in the user's language ----------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "nosuch.csv: cannot read it (No such file or directory); give a CSV or JSON file."),
        (
            "nb",
            "nosuch.csv: kan ikke lese filen (filen eller mappen finnes ikke); oppgi en CSV- eller "
            "JSON-fil.",
        ),
    ],
)
def test_a_file_that_is_not_there(navsome, registry_copy, tmp_path, english, lang, said):
    missing = str(tmp_path / "nosuch.csv")
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", missing)
    fails(result, 2, said.replace("nosuch.csv", missing))
    if lang == "nb":
        speaks_norwegian(result.stderr, english, "No such file")


@pytest.mark.parametrize(("lang", "said"), [("en", "(Is a directory)"), ("nb", "(er en mappe)")])
def test_a_folder(navsome, registry_copy, tmp_path, lang, said):
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(tmp_path))
    fails(result, 2, f"{tmp_path}: ", said)


# A spreadsheet saved as CSV in Windows' own encoding: its first å on line 4.
LATIN_1 = (
    "channel,metric,value,as_of,source,note\n"
    "jobblyst/facebook,followers,21000,2018-06,nav-some-2017,\n"
    "jobblyst/facebook,followers,21500,2018-07,nav-some-2017,\n"
    "jobblyst/facebook,followers,22000,2018-08,nav-some-2017,telt for hånd\n"
).encode("latin-1")
NOT_UTF8 = {
    "en": 'not UTF-8 text; save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
    "nb": "ikke UTF-8-tekst; lagre filen som UTF-8 (i Excel: «CSV UTF-8 (kommadelt)»)",
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_file_that_is_not_utf8_is_refused_with_its_line_and_what_to_save_it_as(
    navsome, registry_copy, tmp_path, english, lang
):
    path = write(tmp_path, "juni.csv", LATIN_1)
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(path))
    fails(result, 1, f"{path}:4: {NOT_UTF8[lang]}")
    if lang == "nb":
        speaks_norwegian(result.stderr, english, "not UTF-8", "give a CSV or JSON file")
        assert "oppgi en CSV- eller JSON-fil" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_standard_input_that_is_not_utf8_is_refused_as_a_file_is(registry_copy, lang):
    code, out, err = piped(registry_copy, LATIN_1, lang=lang)
    assert (code, out) == (1, ""), err
    assert f"<stdin>:4: {NOT_UTF8[lang]}" in err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "rows.json:1: not UTF-8 text; save the file as UTF-8\n"),
        ("nb", "rows.json:1: ikke UTF-8-tekst; lagre filen som UTF-8\n"),
    ],
)
def test_json_that_is_not_utf8_is_refused_without_a_spreadsheet_s_advice(
    navsome, registry_copy, tmp_path, lang, said
):
    path = write(tmp_path, "rows.json", '[{"note": "for hånd"}]'.encode("latin-1"))
    result = navsome("--lang", lang, "--registry", str(registry_copy), "import", str(path))
    fails(result, 1, said.replace("rows.json", str(path)))


# Norwegian by default, English in the slow tier.
@pytest.mark.parametrize(
    ("lang", "said"),
    tiered(
        [
            ("nb", "<stdin>: kan ikke lese filen (den er lukket); oppgi en CSV- eller JSON-fil."),
            ("en", "<stdin>: cannot read it (it is closed); give a CSV or JSON file."),
        ],
        fast=1,
    ),
)
def test_a_closed_standard_input(registry_copy, lang, said):
    navsome = [str(script_path()), "--lang", lang, "--registry", str(registry_copy)]
    result = subprocess.run(
        ["sh", "-c", '"$@" <&-', "sh", *navsome, "import", "-"],
        capture_output=True,
        text=True,
        env=bare_environment(LANG="C.UTF-8"),
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"navsome: {said}\n")


def test_an_unknown_metric_near_no_name_in_a_row_that_cannot_be_read(navsome, registry_copy):
    # No name is close to it: the problem says so without a guess, rather than crash.
    path = registry_copy.parent / "rows.csv"
    path.write_text("channel,metric,value,as_of,source\nnav/linkedin,zzqqxx,abc,2018,x\n")
    result = navsome("--registry", str(registry_copy), "import", str(path))
    assert result.exit_code == 1, result.stderr
    assert "unknown metric 'zzqqxx' (known: followers," in result.stderr


def test_empty_cells_a_spreadsheet_pads_the_header_with_are_no_columns(navsome, registry_copy):
    path = registry_copy.parent / "padded.csv"
    path.write_text(
        "channel;metric;value;as_of;source;;\nnav/linkedin;followers;27500;2018-06;nav-some-2017;;\n"
    )
    result = navsome("--registry", str(registry_copy), "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stdout
    # A cell under no column is still something the file says that navsome would drop.
    path.write_text(
        "channel;metric;value;as_of;source;;\nnav/linkedin;followers;27500;2018-06;nav-some-2017;x;\n"
    )
    result = navsome("--registry", str(registry_copy), "import", str(path))
    assert result.exit_code == 1
    assert "padded.csv:2: row: 7 cells where the header has 5 columns" in result.stderr
