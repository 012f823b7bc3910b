"""Every figure the source states is in the shipped registry, as stated, read through the CLI."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from navsome.cli.app import app

SRC = "nav-some-2017"

# (channel, metric): (value, low, high, qualifier, as_of)
FIGURES = {
    ("foreldrepenger/facebook", "followers"): (37300, 37300, 37300, "exact", "2017-12"),
    ("foreldrepenger/facebook", "comments"): (44700, 44700, 44700, "exact", "2017"),
    ("foreldrepenger/facebook", "reach"): (3500000, 3500000, 3500000, "exact", "2017"),
    # a user survey of spring 2017 («våren 2017»)
    ("foreldrepenger/facebook", "self_served_share"): (65, 65, 65, "exact", "2017-03/2017-05"),
    ("foreldrepenger/facebook", "satisfied_share"): (91, 91, 91, "exact", "2017-03/2017-05"),
    ("jobblyst/facebook", "followers"): (19500, 19500, 19500, "exact", "2017-12"),
    ("jobblyst/facebook", "comments"): (10000, 10000, None, "over", "2017"),
    ("jobblyst/facebook", "reach"): (5000000, 5000000, 5000000, "exact", "2017"),
    ("jobblyst/facebook", "private_messages"): (800, None, None, "about", "2017"),
    ("jobblyst/snapchat", "followers"): (2000, 2000, 2000, "exact", "2017-12"),
    ("jobblyst/snapchat", "story_views"): (1000, None, None, "about", "2017-12"),
    ("kunnskap/facebook", "posts"): (70, 70, 70, "exact", "2017"),
    ("kunnskap/facebook", "followers"): (3000, 3000, None, "over", "2017-12"),
    ("kunnskap/twitter", "followers"): (700, 600, 800, "range", "2018"),
    ("arbeidsmarkedet/twitter", "followers"): (700, 600, 800, "range", "2018"),
    ("alderspensjon/twitter", "followers"): (700, 600, 800, "range", "2018"),
    ("nav/twitter", "followers"): (6800, 6800, 6800, "exact", "2018"),
    ("nav/linkedin", "followers"): (27000, 27000, 27000, "exact", "2018"),
    ("deterdinpensjon/blog", "weekly_readers"): (3000, None, None, "about", "2017"),
    ("jobbmesse/instagram", "followers"): (1000, 1000, 1000, "exact", "2018"),
}


@pytest.fixture(scope="module")
def all_rows():
    rows = []
    runner = CliRunner()
    for account in sorted({channel.split("/")[0] for channel, _ in FIGURES}):
        result = runner.invoke(app, ["show", account, "--format", "csv"])
        assert result.exit_code == 0, result.stderr
        rows += list(csv.DictReader(io.StringIO(result.stdout)))
    return rows


@pytest.mark.parametrize(("channel", "metric"), sorted(FIGURES))
def test_each_figure_is_stated_exactly_once_as_in_the_source(navsome, channel, metric):
    account = channel.split("/")[0]
    rows = navsome("show", account, "--json").json()["measurements"]
    matching = [r for r in rows if r["channel"] == channel and r["metric"] == metric]
    assert len(matching) == 1
    row = matching[0]
    value, low, high, qualifier, as_of = FIGURES[(channel, metric)]
    assert (row["value"], row["low"], row["high"]) == (value, low, high)
    assert (row["qualifier"], row["as_of"], row["source"]) == (qualifier, as_of, SRC)
    assert row["stated"]


def test_the_registry_holds_no_figure_the_source_lacks(all_rows):
    assert {(r["channel"], r["metric"]) for r in all_rows} == set(FIGURES)
    assert len(all_rows) == len(FIGURES)


def test_stated_wording_matches_the_figure(all_rows):
    # The stated words must contain the number as the source writes it (spaces group thousands).
    spelled = {"3500000": "3,5 millioner", "5000000": "fem millioner"}
    for row in all_rows:
        number = row["low"] or row["value"]
        words = spelled.get(number, f"{int(number):,}".replace(",", " "))
        assert words in row["stated"], row


def test_accounts_and_their_platforms(navsome):
    rows = {r["account"]: r for r in navsome("list", "--json").json()}
    assert {slug: r["platforms"] for slug, r in rows.items()} == {
        "foreldrepenger": ["facebook", "chat"],
        "jobblyst": ["facebook", "snapchat", "youtube", "blog"],
        "kunnskap": ["facebook", "twitter"],
        "nav": ["twitter", "youtube", "linkedin"],
        "arbeidsmarkedet": ["twitter"],
        "alderspensjon": ["twitter"],
        "idebanken": ["youtube"],
        "deterdinpensjon": ["blog"],
        "jobbmesse": ["instagram"],
    }
    assert rows["nav"]["aliases"] == ["navnorge"]


def test_channels_carry_start_dates_status_and_handles(navsome):
    channels = {c["channel"]: c for c in navsome("show", "jobblyst", "--json").json()["channels"]}
    assert channels["jobblyst/snapchat"]["started"] == "2016-10"
    assert channels["jobblyst/youtube"]["started"] == "2017-10"
    assert channels["jobblyst/facebook"]["started"] == "2014"
    assert channels["jobblyst/blog"]["status"] == "closed"
    assert channels["jobblyst/blog"]["handle"] == "jobblyst.no"
    nav = {c["channel"]: c for c in navsome("show", "nav", "--json").json()["channels"]}
    assert nav["nav/twitter"]["handle"] == nav["nav/youtube"]["handle"] == "NAVnorge"


def test_events_are_the_dated_milestones_and_awards_of_the_source(navsome):
    events = navsome("timeline", "--json").json()
    assert [(e["date"], e["account"], e["kind"]) for e in events] == [
        ("2013", "foreldrepenger", "award"),
        ("2014", "jobblyst", "milestone"),
        ("2014", "nav", "milestone"),
        ("2016-10", "jobblyst", "milestone"),
        ("2017-06/2017-08", "nav", "milestone"),  # decided in summer 2017 («sommeren 2017»)
        ("2017-10", "jobblyst", "milestone"),
        ("2018", "foreldrepenger", "award"),
        ("2018", "foreldrepenger", "award"),
        ("2018", "jobblyst", "nomination"),
    ]
    assert all(e["source"] == SRC for e in events)


def test_metric_definitions_store_percentages_as_percent_numbers(navsome):
    metrics = {m["metric"]: m for m in navsome("metrics", "--json").json()}
    assert set(metrics) == {
        "followers",
        "comments",
        "reach",
        "private_messages",
        "posts",
        "weekly_readers",
        "story_views",
        "satisfied_share",
        "self_served_share",
    }
    assert metrics["satisfied_share"]["unit"] == "percent"
    assert metrics["followers"]["kind"] == "level"
    assert metrics["comments"]["kind"] == "period"
    assert metrics["followers"]["channels"] == 10
