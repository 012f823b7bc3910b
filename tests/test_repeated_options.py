"""Options given more than once: several metrics or platforms where that means something, a
refusal where it does not, and never a value dropped without a word."""

from __future__ import annotations

import pytest
from conftest import fails


def test_several_metrics_give_a_ranking_each(navsome):
    rows = navsome("compare", "-m", "followers", "-m", "comments", "--json").json()
    assert [row["metric"] for row in rows] == ["followers"] * 10 + ["comments"] * 2
    table = navsome("compare", "-m", "followers", "-m", "Kommentarer").stdout
    assert "Followers, largest first" in table and "Comments, largest first" in table


def test_a_metric_named_twice_is_ranked_once(navsome):
    rows = navsome("compare", "-m", "followers", "-m", "Følgere", "--json").json()
    assert len(rows) == 10


def test_several_platforms_keep_the_channels_on_any_of_them(navsome):
    rows = navsome(
        "compare", "-m", "followers", "-p", "twitter", "-p", "Instagram", "--json"
    ).json()
    assert {row["platform"] for row in rows} == {"twitter", "instagram"}
    listed = navsome("list", "-p", "instagram", "-p", "linkedin", "--json").json()
    assert [row["account"] for row in listed] == ["nav", "jobbmesse"]
    history = navsome("history", "jobblyst", "-p", "snapchat", "-p", "facebook", "-m", "followers",
                      "-m", "comments", "--json").json()  # fmt: skip
    assert {(r["platform"], r["metric"]) for r in history} == {
        ("facebook", "followers"),
        ("snapchat", "followers"),
        ("facebook", "comments"),
    }


def test_an_account_named_twice_is_one_account(navsome):
    side = navsome("compare", "jobblyst", "NAV Jobblyst", "nav", "--json").json()
    assert {row["account"] for row in side} == {"jobblyst", "nav"}
    fails(
        navsome("compare", "jobblyst", "NAV Jobblyst"),
        2,
        "'jobblyst', 'NAV Jobblyst' all name jobblyst; name two or more accounts",
    )


@pytest.mark.parametrize(
    ("args", "option", "values"),
    [
        (["compare", "-m", "followers", "--top", "3", "--top", "5"], "--top", "3, 5"),
        (["compare", "-m", "followers", "-n", "3", "--top=5"], "--top", "3, 5"),
        (["history", "nav", "--as-of", "2017", "--as-of", "2018"], "--as-of", "2017, 2018"),
        (["list", "--format", "csv", "-f", "json"], "--format", "csv, json"),
    ],
)
def test_a_single_valued_option_given_twice_is_refused(navsome, args, option, values):
    fails(navsome(*args), 2, f"{option} was given more than once ({values}); give it once.")


def test_the_same_value_twice_is_harmless(navsome):
    assert navsome("compare", "-m", "followers", "--top", "3", "--top", "3").exit_code == 0
