"""Dates as spans: an interval (ISO 8601's 2017-03/2017-05) for a time the source names only in
words, such as a season; it sorts at its end, and --as-of sees it once it has ended."""

from __future__ import annotations

import pytest
from conftest import fails

from navsome.dates import date_key, date_problem, period_end, period_start


def test_an_interval_spans_from_its_first_date_to_its_last():
    assert period_start("2017-03/2017-05") == (2017, 3, 1)
    assert period_end("2017-03/2017-05") == (2017, 5, 31)
    assert period_end("2016-11/2017") == (2017, 12, 31)


def test_an_interval_sorts_at_its_end_after_a_single_date_ending_then():
    dates = ["2017-10", "2017-06/2017-08", "2017", "2017-08", "2017-08-31", "2014"]
    assert sorted(dates, key=date_key) == [
        "2014",
        "2017-08-31",
        "2017-08",
        "2017-06/2017-08",
        "2017-10",
        "2017",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2017-05/2017-03", "ends before it starts"),
        ("2017-03/2017-13", "has no month 13"),
        ("2017-03/", "is not a date"),
        ("2017/2018/2019", "is not a date"),
    ],
)
def test_an_interval_that_is_not_one_is_refused(text, problem):
    assert problem in str(date_problem(text) or "")


def test_the_spring_survey_is_seen_from_june_2017_and_the_summer_decision_from_september(
    navsome,
):
    june = navsome("show", "foreldrepenger", "--as-of", "2017-06", "--json").json()
    assert {m["metric"] for m in june["measurements"]} >= {"satisfied_share", "self_served_share"}
    may = navsome("show", "foreldrepenger", "--as-of", "2017-05-15", "--json").json()
    assert not {m["metric"] for m in may["measurements"]} & {"satisfied_share"}
    events = navsome("timeline", "nav", "--as-of", "2017-09", "--json").json()
    assert any("LinkedIn account to all of NAV" in e["title"] for e in events)


def test_the_summer_decision_comes_before_the_october_milestones_in_the_timeline(navsome):
    dates = [e["date"] for e in navsome("timeline", "--json").json()]
    assert dates.index("2017-06/2017-08") < dates.index("2017-10")


def test_as_of_takes_one_date_not_an_interval(navsome):
    fails(navsome("list", "--as-of", "2017-03/2017-05"), 2, "is an interval; give one date")


def test_record_takes_an_interval_for_a_figure(navsome, registry_copy):
    figure = ["jobblyst/facebook", "reach", "100", "--as-of", "2018-01/2018-03"]
    result = navsome(
        "--registry", str(registry_copy), "record", *figure, "--source", "nav-some-2017"
    )
    assert result.exit_code == 0, result.stderr
    assert 'as_of = "2018-01/2018-03"' in registry_copy.read_text(encoding="utf-8")


# --- a count over a period is compared only with one over a period as long --------------------


def comments(navsome, registry, *figures: tuple[str, str]) -> None:
    for value, as_of in figures:
        args = [
            "jobblyst/facebook",
            "comments",
            value,
            "--as-of",
            as_of,
            "--source",
            "nav-some-2017",
        ]
        assert navsome("--registry", str(registry), "record", *args).exit_code == 0


def test_history_changes_only_between_periods_as_long(navsome, registry_copy):
    comments(navsome, registry_copy, ("900", "2018-01"), ("1200", "2018-02"))
    rows = navsome(
        "--registry", str(registry_copy), "history", "jobblyst", "-m", "comments", "--json"
    ).json()
    by_date = {row["as_of"]: row for row in rows}
    assert by_date["2018-01"]["change"] is None and by_date["2018-01"]["different_periods"]
    assert by_date["2018-02"]["change"] == 300 and by_date["2018-02"]["different_periods"] is False
    table = navsome("--registry", str(registry_copy), "history", "jobblyst", "-m", "comments")
    assert "different periods" in table.stdout and "+300" in table.stdout


def test_compare_since_does_not_rank_a_month_against_a_year(navsome, registry_copy):
    comments(navsome, registry_copy, ("1200", "2018-02"))
    args = ["--registry", str(registry_copy), "compare", "-m", "comments", "--since", "2017"]
    assert "different periods (2017 and 2018-02)" in navsome(*args).stdout
    rows = navsome(*args, "--json").json()
    jobblyst = next(row for row in rows if row["account"] == "jobblyst")
    assert jobblyst["change"] is None and jobblyst["different_periods"] is True


def test_a_level_is_compared_across_any_dates(navsome, registry_copy):
    figure = ["jobblyst/facebook", "followers", "21000", "--as-of", "2018-06"]
    navsome("--registry", str(registry_copy), "record", *figure, "--source", "nav-some-2017")
    rows = navsome(
        "--registry", str(registry_copy), "history", "jobblyst", "-m", "followers", "--json"
    ).json()
    [june] = [row for row in rows if row["as_of"] == "2018-06"]
    assert june["channel"] == "jobblyst/facebook"
    assert june["change"] == 1500 and june["different_periods"] is False


def test_the_tenfold_note_compares_a_count_only_with_one_over_as_long(navsome, registry_copy):
    args = [
        "jobblyst/facebook",
        "comments",
        "900",
        "--as-of",
        "2018-01",
        "--source",
        "nav-some-2017",
    ]
    result = navsome("--registry", str(registry_copy), "record", *args)
    assert (result.exit_code, result.stderr) == (0, "")  # a month's 900 against a year's 10,000


def test_compare_ranks_a_count_like_with_like_and_says_what_it_left_out(navsome, registry_copy):
    comments(navsome, registry_copy, ("1200", "2018-02"))
    result = navsome("--registry", str(registry_copy), "compare", "-m", "comments", "--json")
    assert [row["channel"] for row in result.json()] == ["foreldrepenger/facebook"]
    assert "periods as long as 2017 are ranked" in result.stderr
    assert "left out, as counted over periods of other lengths: jobblyst/facebook (2018-02)" in (
        result.stderr
    )
    comments(navsome, registry_copy, ("1000", "2018-01"))  # now a month is not alone
    nb = navsome("--lang", "nb", "--registry", str(registry_copy), "compare", "-m", "comments")
    assert "utelatt" in nb.stderr


def test_a_level_is_ranked_whatever_its_dates(navsome):
    result = navsome("compare", "-m", "followers", "--json")
    assert len(result.json()) == 10 and result.stderr == ""
