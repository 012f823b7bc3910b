"""Under --lang nb, what navsome's writes refuse is said in Norwegian: the registry file that
cannot be written or locked, a source that is there already, every problem of the rows to
import and every check of the registry a figure fails, with a metric named by its Norwegian
label."""

from __future__ import annotations

import errno
import os
import time

import pytest
from conftest import fails
from test_catalogue import english_phrases

HEADER = "channel,metric,value,as_of,source\n"
SOURCE = ["--title", "x", "--publisher", "NAV", "--year", "2017"]  # a new source's fields


@pytest.fixture(scope="module")
def english() -> list[str]:
    return english_phrases()


def norwegian(navsome, registry, *args: str):
    return navsome("--lang", "nb", "--registry", str(registry), *args)


def speaks_norwegian(said: str, english: list[str], *gone: str) -> None:
    """Nothing of the English catalogue in `said`, nor the English given."""
    heard = [phrase for phrase in [*english, *gone] if phrase in said]
    assert not heard, (heard, said)


def rows(tmp_path, text: str, name: str = "rows.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_source_already_there(navsome, registry_copy, english):
    result = norwegian(navsome, registry_copy, "source", "add", "nav-some-2017", *SOURCE)
    fails(result, 2, "registeret har allerede en kilde som heter «nav-some-2017»; velg et annet")
    speaks_norwegian(result.stderr, english, "already has a source", "pick another slug")


def test_a_source_the_registry_would_not_validate_with(navsome, registry_copy, english):
    result = norwegian(navsome, registry_copy, "source", "add", "Bad Slug", *SOURCE)
    fails(
        result,
        1,
        "kilden ble ikke lagt til; registeret ville ikke vært gyldig med den:",
        "et kortnavn (slug) kan bare ha små bokstaver",
    )
    speaks_norwegian(result.stderr, english, "source not added", "a slug must be")


@pytest.mark.parametrize(
    ("text", "said", "gone"),
    [
        (HEADER, "rows.csv: ingen rader å importere", "no rows to import"),
        (
            "[1,",
            "rows.csv: ikke gyldig JSON (ventet en verdi: linje 1, kolonne 4 (tegn 3))",
            "Expecting value",
        ),
        ('{"a": 1}', "rows.csv: JSON-en må være en liste med objekter", "must be an array"),
        (
            "channel,metric,value,as_of,source,colour\n",
            "rows.csv:1: «colour» er ikke en kolonne navsome importerer; kolonnene er account,",
            "is not a column",
        ),
        (
            "channel,metric,value,as_of,source,colour,size\n",
            "rows.csv:1: «colour», «size» er ikke kolonner navsome importerer",
            "are not columns",
        ),
        (
            "channel\tmetric\tvalue\n",
            "rows.csv:1: kolonnene er skilt med tabulator",
            "separated by tabs",
        ),
        (
            "channel,metric,value,as_of,source,channel\n",
            "rows.csv:1: 'channel' er gitt mer enn én gang; behold én av hver",
            "given more than once",
        ),
    ],
    ids=["no-rows", "bad-json", "json-not-rows", "unknown-column", "unknown-columns",
         "tabs", "column-twice"],
)  # fmt: skip
def test_a_file_of_rows_that_cannot_be_read(
    navsome, registry_copy, tmp_path, english, text, said, gone
):
    name = "rows.json" if text.startswith(("[", "{")) else "rows.csv"  # read by its extension
    path = rows(tmp_path, text, name)
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(result, 1, "ingenting ble importert; 1 problem:", said.replace("rows.csv", str(path)))
    speaks_norwegian(result.stderr, english, gone, "nothing was imported")


def test_every_problem_of_the_rows_in_norwegian(navsome, registry_copy, tmp_path, english):
    path = rows(
        tmp_path,
        "channel,metric,value,high,low,qualifier,as_of,source\n"
        "nav/linkedin,folowers,abc,,,,2018-13,nope\n"  # 2: four problems
        "nosuch/facebook,followers,5,,,,2018,nav-some-2017\n"  # 3: unknown account
        "jobblyst/twitter,followers,5,,,,2018,nav-some-2017\n"  # 4: no such channel
        "jobblyst/facebook,followers,5,7,,,2018,nav-some-2017\n"  # 5: high, not a range
        "jobblyst/facebook,followers,5,,4,,2018,nav-some-2017\n"  # 6: low differs
        "jobblyst/facebook,followers,9,8,6,range,2018,nav-some-2017\n"  # 7: off the middle
        "jobblyst/facebook,followers,5,,,roughly,2018,nav-some-2017\n"  # 8: qualifier
        "jobblyst,followers,,,,,,\n",  # 9: no platform, and three columns missing
    )
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(
        result,
        1,
        "ingenting ble importert; 14 problemer:",
        ":2: metric: ukjent måling «folowers»; mente du «followers»? (kjente: followers,",
        ":2: source: ukjent kilde «nope» (kjente: nav-some-2017)",
        ":2: value: «abc» er ikke et tall; skriv et tall som 21000",
        ":3: account: ingen konto heter «nosuch»",
        ":4: platform: jobblyst har ingen kanal på «twitter» (den har: facebook,",
        ":5: high: 7 hører bare til qualifier range (denne raden har exact)",
        ":6: low: 4 er ulik value 5; oppgi ett tall",
        ":7: value: 9 er ikke midt i intervallet 6–8; oppgi low og high (value kan stå tom)",
        ":8: qualifier: «roughly» er ikke en av exact, about, over, range",
        ":9: channel: «jobblyst» er ikke på formen konto/plattform",
        ":9: value: mangler",
    )
    speaks_norwegian(
        result.stderr,
        english,
        "unknown",
        "did you mean",
        "known:",
        "no account",
        "has no channel",
        "goes with",
        "differs from",
        "is not the middle",
        "is not one of",
        "is not ACCOUNT/PLATFORM",
        "missing",
    )


def test_a_row_names_its_metric_by_its_norwegian_label(navsome, registry_copy, tmp_path, english):
    path = rows(
        tmp_path,
        HEADER + "jobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
        "jobblyst/facebook,Followers,21000,2018-06,nav-some-2017\n"  # the same figure again
        "nav/linkedin,followers,28000,2018,nav-some-2017\n",  # another figure is there
    )
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(result, 1)
    assert result.stderr.splitlines()[1:] == [
        f"  {path}:3: as_of: følgere for jobblyst/facebook per 2018-06 står også på {path}:2",
        f"  {path}:4: value: nav/linkedin har allerede følgere 27000 per 2018; bruk --replace "
        "for å erstatte det",
    ]
    speaks_norwegian(result.stderr, english, "followers", "is also on", "already has")
    # In English, by its English label, as before.
    result = navsome("--registry", str(registry_copy), "import", str(path))
    assert result.stderr.splitlines()[1:] == [
        f"  {path}:3: as_of: followers of jobblyst/facebook as of 2018-06 is also on {path}:2",
        f"  {path}:4: value: nav/linkedin already has followers 27000 as of 2018; pass --replace "
        "to replace it",
    ]


def test_a_registry_file_that_is_read_only(navsome, registry_copy, tmp_path, english):
    path = rows(tmp_path, HEADER + "jobblyst/facebook,followers,1,2018,nav-some-2017\n")
    registry_copy.chmod(0o444)  # refused by its mode, even for root
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(
        result,
        1,
        f"{registry_copy} er skrivebeskyttet (modus 0444); ingenting ble endret. Gjør den "
        f"skrivbar (chmod u+w {registry_copy})",
    )
    speaks_norwegian(result.stderr, english, "is read-only", "nothing was changed")


def test_a_registry_file_with_another_name(navsome, registry_copy, tmp_path, english):
    os.link(registry_copy, tmp_path / "other.toml")
    result = norwegian(navsome, registry_copy, "source", "add", "new-one", *SOURCE)
    fails(result, 1, "har 2 harde lenker", "Bruk ett navn på filen (en symbolsk lenke går fint)")
    speaks_norwegian(result.stderr, english, "hard links", "symbolic link")


def test_a_write_the_disk_refuses(navsome, registry_copy, tmp_path, monkeypatch, english):
    import navsome.registry.rewrite as rewrite

    def full(temporary, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(rewrite, "commit", full)  # the rename over the registry fails
    path = rows(tmp_path, HEADER + "jobblyst/facebook,followers,1,2018,nav-some-2017\n")
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(
        result,
        1,
        "kan ikke skrive registeret: ikke mer plass på disken. Ingenting ble endret.",
    )
    speaks_norwegian(result.stderr, english, "cannot write", "No space left", "Nothing was")


def test_a_registry_that_keeps_changing(navsome, registry_copy, tmp_path, monkeypatch, english):
    import navsome.registry.rewrite as rewrite

    monkeypatch.setattr(rewrite, "unchanged", lambda path, read: False)  # saved by another
    path = rows(tmp_path, HEADER + "jobblyst/facebook,followers,1,2018,nav-some-2017\n")
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(
        result,
        1,
        "endret seg hele tiden mens tallene ble importert (5 forsøk); ingenting ble endret. "
        "Prøv igjen når ingen andre lagrer filen.",
    )
    speaks_norwegian(result.stderr, english, "kept changing", "were imported")


def test_a_lock_held_longer_than_the_wait(navsome, registry_copy, tmp_path, english):
    import fcntl

    path = rows(tmp_path, HEADER + "jobblyst/facebook,followers,1,2018,nav-some-2017\n")
    lock = os.open(registry_copy.with_name("channels.toml.lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another writer holds the registry
    try:
        result = norwegian(navsome, registry_copy, "import", str(path), "--lock-timeout", "0")
    finally:
        os.close(lock)
    fails(
        result,
        1,
        f"{registry_copy} er fortsatt låst av en annen navsome record etter 0 s; ingenting ble "
        "endret.",
        "vent lenger med --lock-timeout SEKUNDER eller NAVSOME_LOCK_TIMEOUT",
    )
    speaks_norwegian(result.stderr, english, "still locked", "another navsome record", "SECONDS")


def test_a_lock_file_that_is_a_folder(navsome, registry_copy, english):
    registry_copy.with_name("channels.toml.lock").mkdir()
    result = norwegian(navsome, registry_copy, "source", "add", "new-one", *SOURCE)
    fails(
        result,
        1,
        "channels.toml.lock er en mappe og er ikke en låsefil som navsome har laget; ingenting "
        "ble endret. En låsefil inneholder ingen data: fjern den, og registrer på nytt.",
    )
    speaks_norwegian(result.stderr, english, "is a folder", "not a lock file")


def test_a_registry_that_is_a_folder_or_empty(navsome, registry_copy, tmp_path, english):
    folder = norwegian(navsome, tmp_path, "list")
    fails(folder, 1, f"{tmp_path}: er en mappe, ikke en registerfil")
    registry_copy.write_text("", encoding="utf-8")
    empty = norwegian(navsome, registry_copy, "list")
    fails(empty, 1, "filen er tom; et register trenger [sources], [platforms], [metrics] og")
    for result in (folder, empty):
        speaks_norwegian(result.stderr, english, "is a directory", "the file is empty")


def test_one_date_asked_for_and_an_interval_given(navsome, registry_copy, english):
    result = norwegian(navsome, registry_copy, "list", "--as-of", "2017/2018")
    fails(result, 2, "«2017/2018» er et intervall; oppgi én dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)")
    speaks_norwegian(result.stderr, english, "is an interval", "give one date")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_an_export_the_system_refuses_gives_its_reason_in_norwegian(navsome, english):
    # /proc takes no new files, whoever asks (root included): the system's own reason.
    result = navsome("--lang", "nb", "list", "--export", "/proc/navsome-top.csv")
    assert result.exit_code == 1 and result.stdout == ""
    assert "kan ikke skrive den: filen eller mappen finnes ikke." in result.stderr
    speaks_norwegian(result.stderr, english, "No such file or directory", "cannot write")


@pytest.mark.parametrize(
    ("aliases", "english", "in_norwegian"),
    [
        ("[7]", "an item must be a string, not an integer", "et element må være tekst"),
        ('[""]', "an item must not be empty", "et element kan ikke være tomt"),
    ],
)
def test_a_bad_item_of_a_list_is_said_in_either_language(
    navsome, registry_copy, aliases, english, in_norwegian
):
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(text.replace('aliases = ["navnorge"]', f"aliases = {aliases}"))
    said = navsome("--registry", str(registry_copy), "validate").stdout
    assert f"must be an array of non-empty strings; {english}" in said, said
    said = norwegian(navsome, registry_copy, "validate").stdout
    assert f"må være en liste med tekster som ikke er tomme; {in_norwegian}" in said, said


def test_a_figure_the_registrys_checks_refuse_is_named_by_its_norwegian_label(
    navsome, registry_copy, english
):
    args = ["record", "jobblyst/facebook", "followers", "5.5", "--as-of", "2018"]
    result = norwegian(navsome, registry_copy, *args, "--source", "nav-some-2017")
    fails(result, 1)
    place = "accounts.jobblyst.channels[0].measurements[4].value"
    line, said = result.stderr.splitlines()[1].split(": ", 1)
    assert line.startswith("  linje ") and line[8:].isdigit()  # in the file as it would be
    assert said == f"{place}: 5.5 er ikke et helt tall; følgere telles i hele tall"
    speaks_norwegian(result.stderr, english, "followers", "whole number")
    # In English by its slug, as before.
    result = navsome("--registry", str(registry_copy), *args, "--source", "nav-some-2017")
    assert result.stderr.splitlines()[1] == (
        f"  line {line[8:]}: {place}: 5.5 is not a whole number; followers are counted in whole "
        "numbers"
    )


def test_a_date_record_cannot_read_is_refused_in_norwegian(navsome, registry_copy, english):
    args = ["record", "nav/linkedin", "followers", "1", "--source", "nav-some-2017"]
    result = norwegian(navsome, registry_copy, *args, "--as-of", "2017-02-30")
    fails(result, 2)
    assert result.stderr == "navsome: --as-of: «2017-02-30» er ikke en dag i 2017-02.\n"
    speaks_norwegian(result.stderr, english, "is not a day")


def test_the_dates_and_figures_of_rows_the_registry_refuses_in_norwegian(
    navsome, registry_copy, tmp_path, english
):
    path = rows(
        tmp_path,
        HEADER + "nav/linkedin,followers,5,2018-02-30,nav-some-2017\n"  # 2
        "nav/linkedin,followers,5,2999,nav-some-2017\n"  # 3
        "nav/linkedin,private_messages,-5,2018,nav-some-2017\n"  # 4
        "nav/linkedin,followers,5.5,2018-02,nav-some-2017\n"  # 5
        "jobblyst/youtube,followers,5,2011,nav-some-2017\n"  # 6: before the channel started
        "nav/linkedin,followers,5,2019/2018,nav-some-2017\n",  # 7
    )
    today = time.strftime("%Y-%m-%d")
    result = norwegian(navsome, registry_copy, "import", str(path))
    fails(result, 1)
    assert result.stderr.splitlines()[1:] == [
        f"  {path}:2: as_of: «2018-02-30» er ikke en dag i 2018-02",
        f"  {path}:3: as_of: 2999 er etter i dag ({today}); et tall eller en hendelse dateres "
        "når det har skjedd",
        f"  {path}:4: value: -5 er negativt; private meldinger er aldri under 0",
        f"  {path}:5: value: 5.5 er ikke et helt tall; følgere telles i hele tall",
        f"  {path}:6: as_of: 2011 er før kanalen startet (2017-10)",
        f"  {path}:7: as_of: «2019/2018» slutter før det begynner",
    ]
    speaks_norwegian(result.stderr, english, "private_messages", "followers")
    result = navsome("--registry", str(registry_copy), "import", str(path))
    assert result.stderr.splitlines()[1:] == [
        f"  {path}:2: as_of: '2018-02-30' is not a day of 2018-02",
        f"  {path}:3: as_of: 2999 is after today ({today}); a figure or event is dated when it "
        "has happened",
        f"  {path}:4: value: -5 is negative; a figure of private_messages is never below 0",
        f"  {path}:5: value: 5.5 is not a whole number; followers are counted in whole numbers",
        f"  {path}:6: as_of: 2011 is before the channel started (2017-10)",
        f"  {path}:7: as_of: '2019/2018' ends before it starts",
    ]
