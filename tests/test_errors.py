"""Bad input of every kind: a clear message on stderr, the right exit code, never a traceback."""

from __future__ import annotations

import os

import pytest
from conftest import fails


def test_missing_registry_from_option_and_environment(navsome, tmp_path):
    missing = tmp_path / "nope.toml"
    fails(navsome("--registry", str(missing), "list"), 1, str(missing), "no such file")
    fails(navsome("list", env={"NAVSOME_REGISTRY": str(missing)}), 1, str(missing))


def test_option_wins_over_environment(navsome, registry_copy, tmp_path):
    env = {"NAVSOME_REGISTRY": str(tmp_path / "nope.toml")}
    assert navsome("--registry", str(registry_copy), "list", env=env).exit_code == 0


def test_registry_that_is_a_directory(navsome, tmp_path):
    fails(navsome("--registry", str(tmp_path), "list"), 1, "is a directory")


def test_unreadable_registry(navsome, registry_copy, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("navsome.registry.read._read_at_most", denied)
    fails(navsome("--registry", str(registry_copy), "list"), 1, "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_registry_on_disk(navsome, registry_copy):
    registry_copy.chmod(0)
    fails(navsome("--registry", str(registry_copy), "list"), 1, "permission denied")


def test_non_utf8_registry_names_the_line(navsome, registry_copy):
    data = registry_copy.read_bytes().replace(b"Idebanken", b"Id\xe9banken")
    data = data.replace("Idébanken".encode(), b"Id\xe9banken", 1)
    registry_copy.write_bytes(data)
    line = data[: data.index(b"\xe9")].count(b"\n") + 1
    fails(navsome("--registry", str(registry_copy), "list"), 1, f"line {line}", "not UTF-8")


def test_toml_syntax_error_names_line_and_column(navsome, registry_copy):
    text = registry_copy.read_text().replace('name = "NAV Jobblyst"', 'name = "NAV Jobblyst')
    registry_copy.write_text(text)
    line = text.splitlines().index('name = "NAV Jobblyst') + 1
    fails(navsome("--registry", str(registry_copy), "show", "nav"), 1, f"line {line}", "column")


def test_registry_that_does_not_fit_the_model_names_the_place(navsome, registry_copy):
    text = registry_copy.read_text().replace(
        'value = 800\nqualifier = "about"', 'value = "om lag 800"\nqualifier = "about"'
    )
    registry_copy.write_text(text)
    fails(
        navsome("--registry", str(registry_copy), "list"),
        1,
        "accounts.jobblyst.channels[0].measurements[3].value: must be a number, not a string",
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ('metric = "followers"', 'metric = "folowers"'),
            "unknown metric 'folowers'; did you mean 'followers'?",
        ),
        (('as_of = "2017-12"', 'as_of = "2017-13"'), "has no month 13"),
        (('as_of = "2017"', 'as_of = "2017-02-30"'), "is not a day of 2017-02"),
        (('as_of = "2017-12"', 'as_of = "0000-02"'), "has no year 0"),
        (('as_of = "2017-12"', 'as_of = "٢٠١٧"'), "is not a date"),
        (
            ('stated = "37 300 følgere"', 'staed = "37 300 følgere"'),
            "unknown key; did you mean 'stated'?",
        ),
        (("value = 65", "value = 165"), "165 is over 100; self_served_share is a percentage"),
        (("value = 37300", "value = -37300"), "-37300 is negative"),
        (("high = 800", "high = 500"), "high end 500 is below its low end 600"),
        (('name = "Jobbmesse"', 'name = ""'), "accounts.jobbmesse.name: must not be empty"),
        (
            ('aliases = ["navnorge"]', 'aliases = ["jobblyst"]'),
            "'jobblyst' already names account 'jobblyst'",
        ),
        (
            ('account = "foreldrepenger"', 'account = "foreldre"'),
            "events[0].account: unknown account",
        ),
        (
            ('platform = "snapchat"\ntitle', 'platform = "twitter"\ntitle'),
            "has no channel on 'twitter'",
        ),
        (
            ('qualifier = "over"', 'qualifier = "drøyt"'),
            "'drøyt' is not one of exact, about, over, range",
        ),
        (
            (
                '[[accounts.jobblyst.channels]]\nplatform = "snapchat"',
                '[[accounts.jobblyst.channels]]\nplatform = "facebook"',
            ),
            "already on 'facebook'",
        ),
        (("value = 19500", "value = true"), "must be a number, not a boolean"),
        (("year = 2018", 'year = "2018"'), "sources.nav-some-2017.year: must be an integer"),
    ],
)
def test_model_problems_are_reported_with_their_place(navsome, registry_copy, edit, message):
    text = registry_copy.read_text()
    assert edit[0] in text
    registry_copy.write_text(text.replace(edit[0], edit[1], 1))
    fails(navsome("--registry", str(registry_copy), "compare", "-m", "followers"), 1, message)


def test_conflicting_figures_for_one_channel_and_date(navsome, registry_copy):
    text = registry_copy.read_text()
    extra = (
        '\n[[accounts.jobbmesse.channels.measurements]]\nmetric = "followers"\nvalue = 1200\n'
        'as_of = "2018"\nsource = "nav-some-2017"\n'
    )
    anchor = "[[accounts.jobbmesse.channels.measurements]]"
    registry_copy.write_text(text.replace(anchor, extra.strip() + "\n\n" + anchor))
    fails(navsome("--registry", str(registry_copy), "list"), 1, "contradicts measurements[0]")


def test_many_problems_are_summarised(navsome, registry_copy):
    text = registry_copy.read_text().replace('source = "nav-some-2017"', 'source = "nav-2017"')
    registry_copy.write_text(text)
    result = navsome("--registry", str(registry_copy), "list")
    fails(result, 1, "problems in the registry", "unknown source 'nav-2017'", "more;")
    assert len(result.stderr.splitlines()) < 10


def test_empty_registry(navsome, tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    fails(navsome("--registry", str(empty), "list"), 1, "the file is empty")


@pytest.mark.parametrize(
    ("args", "phrases"),
    [
        (["show", "jobblist"], ["no account matches 'jobblist'", "Did you mean 'jobblyst'"]),
        (["show", "n"], ["could be any of several accounts", "nav"]),
        (["compare", "-m", "folowers"], ["unknown metric 'folowers'", "'followers'"]),
        (["list", "--platform", "twiter"], ["unknown platform 'twiter'", "'twitter'"]),
        (["compare", "-m", "followers", "jobblist"], ["no account matches"]),
        (["compare", "jobblyst"], ["compare needs --metric"]),
        (["list", "--format", "xml"], ["'xml' is not one of"]),
        (["list", "--json", "--format", "csv"], ["give one"]),
        (["compare", "-m", "followers", "--top", "-1"], ["--top"]),
        (["frobnicate"], ["No such command"]),
        (["timeline", "nobody"], ["no account matches 'nobody'"]),
    ],
)
def test_bad_usage_exits_2_with_suggestions(navsome, args, phrases):
    fails(navsome(*args), 2, *phrases)


def test_a_bug_is_reported_in_one_line_not_a_traceback(monkeypatch, capsys):
    from navsome.__main__ import main

    def broken(*args):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr("navsome.query.accounts_on", broken)
    monkeypatch.setattr("sys.argv", ["navsome", "list"])
    monkeypatch.delenv("NAVSOME_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 70
    err = capsys.readouterr().err
    assert err.startswith("navsome: internal error (RuntimeError: something inside broke).")
    assert "Traceback" not in err
    monkeypatch.setenv("NAVSOME_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main()
