"""Figures over time: --as-of, history and compare --since, on a registry with several dates."""

from __future__ import annotations

import re

import pytest

# Made-up later figures for the tests only; the shipped registry holds the source's alone.
LATER = {
    'stated = "om lag 800 private meldinger"\n': [
        ("followers", 21000, "exact", "2018-06"),
        ("followers", 22000, "about", "2018-12"),
    ],
    'stated = "27 000 følgere"\n': [("followers", 30000, "exact", "2019")],
}


@pytest.fixture
def timed(registry_copy) -> str:
    text = registry_copy.read_text()
    for anchor, figures in LATER.items():
        blocks = "".join(
            f"\n[[accounts.{'jobblyst' if '800' in anchor else 'nav'}.channels.measurements]]\n"
            f'metric = "{metric}"\nvalue = {value}\nqualifier = "{qualifier}"\n'
            f'as_of = "{as_of}"\nsource = "nav-some-2017"\n'
            for metric, value, qualifier, as_of in figures
        )
        text = text.replace(anchor, anchor + blocks)
    registry_copy.write_text(text)
    return str(registry_copy)


def channel_values(rows):
    return {row["channel"]: (row["value"], row["as_of"]) for row in rows}


def test_without_as_of_every_command_uses_the_latest_figure(navsome, timed):
    rows = navsome("--registry", timed, "compare", "-m", "followers", "--json").json()
    assert channel_values(rows)["jobblyst/facebook"] == (22000, "2018-12")
    assert channel_values(rows)["nav/linkedin"] == (30000, "2019")
    listed = {r["account"]: r for r in navsome("--registry", timed, "list", "--json").json()}
    assert listed["nav"]["value"] == 30000


@pytest.mark.parametrize(
    ("date", "jobblyst", "linkedin"),
    [
        ("2017", (19500, "2017-12"), None),
        ("2017-12", (19500, "2017-12"), None),
        ("2018-05", (19500, "2017-12"), None),  # a figure for all of 2018 is not yet known
        ("2018-06", (21000, "2018-06"), None),
        ("2018-12-31", (22000, "2018-12"), (27000, "2018")),
        ("2019", (22000, "2018-12"), (30000, "2019")),
    ],
)
def test_as_of_takes_the_latest_figure_not_after_the_date(navsome, timed, date, jobblyst, linkedin):
    args = ("--registry", timed, "compare", "-m", "followers", "--as-of", date, "--json")
    values = channel_values(navsome(*args).json())
    assert values.get("jobblyst/facebook") == jobblyst
    assert values.get("nav/linkedin") == linkedin


def test_as_of_applies_to_every_query_command(navsome, timed):
    shown = navsome("--registry", timed, "show", "jobblyst", "--as-of", "2018-06", "--json").json()
    followers = [
        m
        for m in shown["measurements"]
        if m["channel"] == "jobblyst/facebook" and m["metric"] == "followers"
    ]
    assert [(m["value"], m["as_of"]) for m in followers] == [(21000, "2018-06")]
    assert "2018" not in {e["date"] for e in shown["events"]}
    channels = {
        c["platform"]
        for c in navsome("show", "jobblyst", "--as-of", "2016-09", "--json").json()["channels"]
    }
    assert channels == {"facebook", "blog"}  # Snapchat started 2016-10, YouTube 2017-10
    listed = {
        r["account"]: r
        for r in navsome("--registry", timed, "list", "--as-of", "2016", "--json").json()
    }
    assert listed["jobblyst"]["value"] is None
    events = navsome("timeline", "--as-of", "2014", "--json").json()
    assert [e["date"] for e in events] == ["2013", "2014", "2014"]
    counts = {
        m["metric"]: m["channels"]
        for m in navsome("metrics", "--as-of", "2017-06", "--json").json()
    }
    assert counts["followers"] == 0
    history = navsome(
        "--registry",
        timed,
        "history",
        "jobblyst",
        "-m",
        "followers",
        "--as-of",
        "2018-06",
        "--json",
    ).json()
    assert [r["as_of"] for r in history if r["platform"] == "facebook"] == ["2017-12", "2018-06"]


def test_show_without_as_of_lists_every_figure_in_date_order(navsome, timed):
    shown = navsome("--registry", timed, "show", "jobblyst", "--json").json()
    followers = [
        m["as_of"]
        for m in shown["measurements"]
        if m["channel"] == "jobblyst/facebook" and m["metric"] == "followers"
    ]
    assert followers == ["2017-12", "2018-06", "2018-12"]


def test_bad_dates_are_usage_errors(navsome):
    for args in (["list", "--as-of", "2017-13"], ["compare", "-m", "followers", "--since", "soon"]):
        result = navsome(*args)
        assert result.exit_code == 2
        assert "not a date" in result.stderr or "no month 13" in result.stderr


def test_history_gives_change_and_growth_since_the_previous_figure(navsome, timed):
    rows = navsome(
        "--registry", timed, "history", "jobblyst", "--metric", "followers", "--json"
    ).json()
    facebook = [r for r in rows if r["platform"] == "facebook"]
    assert [(r["as_of"], r["value"], r["change"], r["growth_percent"]) for r in facebook] == [
        ("2017-12", 19500, None, None),
        ("2018-06", 21000, 1500, 7.7),
        ("2018-12", 22000, 1000, 4.8),
    ]
    assert facebook[2]["change_approximate"] is True
    assert facebook[1]["previous_as_of"] == "2017-12"
    dates = [r["as_of"] for r in rows]
    assert dates.index("2018-06") < dates.index("2018-12")


def test_history_table_piped_and_on_a_terminal(navsome, timed):
    piped = navsome(
        "--registry", timed, "history", "jobblyst", "-m", "followers", "-p", "facebook"
    ).stdout
    assert re.search(r"2018-06\s+Facebook\s+Followers\s+21,000\s+\+1,500\s+\+7.7%\s+2017-12", piped)
    assert re.search(r"2018-12 .*≈22,000\s+≈\+1,000\s+≈\+4.8%", piped)
    assert "Trends" not in piped
    terminal = navsome(
        "--registry",
        timed,
        "history",
        "jobblyst",
        "-m",
        "followers",
        env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1"},
    ).stdout
    assert "Trends" in terminal
    assert "▁▅█" in terminal
    markdown = navsome("--registry", timed, "history", "jobblyst", "-f", "markdown").stdout
    assert "| 2018-06 | Facebook | Followers | 21,000 | +1,500 | +7.7% | 2017-12 |" in markdown
    csv_out = navsome("--registry", timed, "history", "nav", "-f", "csv").stdout.splitlines()
    assert csv_out[0].endswith(
        "previous_as_of,previous_value,change,change_low,change_high,growth_percent,"
        "change_approximate,different_periods"
    )


def test_history_filters_and_errors(navsome, timed):
    assert (
        navsome("--registry", timed, "history", "nav", "-p", "linkedin", "--json").json()[-1][
            "change"
        ]
        == 3000
    )
    assert navsome("history", "nav", "-m", "folowers").exit_code == 2
    result = navsome("history", "idebanken")
    assert result.exit_code == 0 and "no figures" in result.stderr


def test_compare_since_ranks_by_change_and_sets_apart_channels_without_a_baseline(navsome, timed):
    rows = navsome(
        "--registry", timed, "compare", "-m", "followers", "--since", "2017", "--json"
    ).json()
    ranked = [r for r in rows if r["change"] is not None and r["change"] != 0]
    assert [(r["channel"], r["change"]) for r in ranked] == [("jobblyst/facebook", 2500)]
    apart = {r["channel"]: r for r in rows if r["change"] is None}
    assert "nav/linkedin" in apart and apart["nav/linkedin"]["previous_value"] is None
    unchanged = {r["channel"] for r in rows if r["change"] == 0}
    assert "foreldrepenger/facebook" in unchanged
    table = navsome("--registry", timed, "compare", "-m", "followers", "--since", "2017").stdout
    assert re.search(
        r"1\s+jobblyst\s+Facebook\s+19,500 \(2017-12\)\s+≈22,000 \(2018-12\)\s+≈\+2,500", table
    )
    assert re.search(r"nav\s+LinkedIn\s+30,000 \(2019\)\s+no figure at 2017", table)
    assert re.search(
        r"foreldrepenger\s+Facebook\s+37,300 \(2017-12\)\s+no figure after 2017", table
    )
    since_2018 = navsome(
        "--registry", timed, "compare", "-m", "followers", "--since", "2018", "--json"
    ).json()
    assert since_2018[0]["channel"] == "nav/linkedin" and since_2018[0]["change"] == 3000


def test_since_needs_a_metric(navsome):
    result = navsome("compare", "jobblyst", "nav", "--since", "2017")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("since", "as_of", "refused"),
    [("2019", "2018", True), ("2018-01", "2017-12", True), ("2018-06", "2018", False),
     ("2017", "2017", False)],
)  # fmt: skip
def test_since_after_as_of_is_refused(navsome, since, as_of, refused):
    result = navsome("compare", "-m", "followers", "--since", since, "--as-of", as_of)
    if refused:
        assert result.exit_code == 2
        assert f"--since {since} is after --as-of {as_of}" in result.stderr
        assert result.stdout == ""
    else:
        assert result.exit_code == 0, result.stderr


# --- history across accounts, and wide for spreadsheets --------------------------------------


def test_history_without_an_account_gives_every_accounts_series(navsome):
    rows = navsome("history", "-m", "followers", "--json").json()
    assert {row["channel"] for row in rows} == {
        "foreldrepenger/facebook",
        "jobblyst/facebook",
        "jobblyst/snapchat",
        "kunnskap/facebook",
        "kunnskap/twitter",
        "nav/twitter",
        "nav/linkedin",
        "arbeidsmarkedet/twitter",
        "alderspensjon/twitter",
        "jobbmesse/instagram",
    }
    table = navsome("history", "-m", "followers").stdout
    assert "NAV Jobblyst: figures over time" in table and "NAV: figures over time" in table


def test_history_of_several_accounts_names_each_once(navsome):
    rows = navsome("history", "nav", "kunnskap", "nav", "-m", "followers", "--json").json()
    assert [row["channel"] for row in rows].count("nav/linkedin") == 1
    assert {row["account"] for row in rows} == {"nav", "kunnskap"}


def test_wide_history_is_a_date_a_row_and_a_channel_a_column(navsome):
    csv_text = navsome("history", "-m", "followers", "--wide", "--format", "csv").stdout
    header, *lines = csv_text.splitlines()
    assert header.split(",")[:3] == ["as_of", "foreldrepenger/facebook", "jobblyst/facebook"]
    assert lines[0].startswith("2017-12,37300,19500,")
    assert lines[1].startswith("2018,,,") and ",27000," in lines[1]
    several = navsome("history", "jobblyst", "--wide", "--json").json()
    assert (
        "jobblyst/facebook/followers" in several[0] or "jobblyst/facebook/followers" in several[-1]
    )
    assert all(next(iter(row)) == "as_of" for row in several)


@pytest.mark.parametrize("format_", ["table", "markdown"])
def test_a_wide_table_for_people_keeps_what_the_source_qualified(navsome, format_):
    # >3,000 is a lower bound and 600-800 a range: shown bare, they would read as exact.
    shown = navsome("history", "-m", "followers", "--wide", "--format", format_).stdout
    assert ">3,000" in shown and "600–800" in shown and "27,000" in shown
    assert " 700 " not in shown and " 3,000 " not in shown.replace(">3,000", "")
    norwegian = navsome("--lang", "nb", "history", "-m", "followers", "--wide").stdout
    assert ">3 000" in norwegian and "600–800" in norwegian


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["history", "jobblyst", "--as-of", "1990"], "account,channel,platform,metric,value"),
        (["history", "--wide", "--as-of", "1990"], "as_of"),
        (["report", "--year", "1990"], "account,channel,platform,metric,value"),
    ],
)
def test_an_empty_history_or_report_still_prints_its_csv_header(navsome, args, header):
    result = navsome(*args, "--format", "csv")
    assert result.exit_code == 0 and result.stdout.startswith(header)
    assert result.stderr  # and says why it is empty


def test_history_and_report_refuse_an_export_that_disagrees_before_any_work(navsome, tmp_path):
    for command in (["history", "jobblyst"], ["report", "--year", "2017"]):
        target = tmp_path / "out.json"
        result = navsome(*command, "--format", "csv", "--export", str(target))
        assert result.exit_code == 2 and "writes JSON; drop --format csv" in result.stderr
        assert not target.exists()
