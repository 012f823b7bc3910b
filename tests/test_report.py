"""navsome report: a period's figures as one document, its sums honest about approximate
figures, its rankings and series the same as compare's and history's."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import fails

# A made-up registry for these tests: one figure of each qualifier on Facebook, a series that
# began before 2017, and a figure dated after it.
MIXED = """
[sources.test]
title = "Test figures"
publisher = "Tests"
year = 2018

[platforms]
facebook = { name = "Facebook" }
twitter = { name = "Twitter" }

[metrics.followers]
label_en = "Followers"
label_nb = "Følgere"
unit = "count"
kind = "level"

[metrics.comments]
label_en = "Comments"
label_nb = "Kommentarer"
unit = "count"
kind = "period"

[metrics.satisfied_share]
label_en = "Satisfied users"
label_nb = "Fornøyde brukere"
unit = "percent"
kind = "level"
{accounts}
[[events]]
date = "2017-05"
kind = "milestone"
account = "exact"
title = "Page relaunched"
source = "test"

[[events]]
date = "2018"
kind = "award"
account = "over"
title = "An award after the period"
source = "test"
"""

FIGURES = {
    "exact": [
        ("followers", "2016-12", 1000, "exact", None),
        ("followers", "2017-06", 1200, "exact", None),
        ("followers", "2017-12", 1500, "exact", None),
        ("comments", "2016", 80, "exact", None),
        ("comments", "2017", 100, "exact", None),
        ("satisfied_share", "2017-12", 90, "exact", None),
    ],
    "over": [("followers", "2017-12", 3000, "over", None), ("comments", "2017", 50, "exact", None)],
    "ranged": [("followers", "2017-12", 600, "range", 800)],
    "about": [("followers", "2017-12", 2000, "about", None)],
}


def _account(slug: str, platform: str, figures: list[tuple]) -> str:
    text = f'\n[accounts.{slug}]\nname = "Account {slug}"\n\n'
    text += f'[[accounts.{slug}.channels]]\nplatform = "{platform}"\n'
    for metric, as_of, value, qualifier, high in figures:
        text += f"\n[[accounts.{slug}.channels.measurements]]\n"
        text += f'metric = "{metric}"\nvalue = {value}\nqualifier = "{qualifier}"\n'
        text += f'as_of = "{as_of}"\nsource = "test"\n'
        text += f"high = {high}\n" if high is not None else ""
    return text


@pytest.fixture
def mixed(tmp_path: Path) -> str:
    accounts = "".join(_account(slug, "facebook", figures) for slug, figures in FIGURES.items())
    accounts += _account(
        "tweets",
        "twitter",
        [
            ("followers", "2017-12", 500, "exact", None),
            ("followers", "2018-06", 700, "exact", None),
        ],
    )
    path = tmp_path / "mixed.toml"
    path.write_text(MIXED.replace("{accounts}", accounts), encoding="utf-8")
    return str(path)


def report(navsome, registry: str, *args: str, lang: str = "en"):
    return navsome("--lang", lang, "--registry", registry, "report", *args)


def totals(data, platform="facebook", metric="followers"):
    part = next(p for p in data["platforms"] if p["platform"] == platform)
    return next(t for t in part["totals"] if t["metric"] == metric)


# --- Sums that say what they are -------------------------------------------------------------


@pytest.mark.parametrize(
    ("accounts", "value", "low", "high", "qualifier", "shown", "meaning"),
    [
        (["exact"], 1500, 1500, 1500, "exact", "1,500", "exact: every figure is exact"),
        (
            ["exact", "ranged"],
            2200,
            2100,
            2300,
            "range",
            "2,100–2,300",
            "a range, low and high ends added up: 1 of 2 stated as a range",
        ),
        (
            ["exact", "ranged", "over"],
            5100,
            5100,
            None,
            "over",
            ">5,100",
            "at least this: 1 of 3 stated as more than",
        ),
        (
            ["exact", "about"],
            3500,
            None,
            None,
            "about",
            "≈3,500",
            "approximate: 1 of 2 stated as about",
        ),
        (
            ["exact", "ranged", "over", "about"],
            7200,  # 1 500 + 700 (the range's midpoint) + 3 000 + 2 000
            None,
            None,
            "about",
            "≈7,200 or more",
            "approximate: 1 of 4 stated as about · at least this: 1 of 4",
        ),
    ],
)
def test_a_total_is_as_precise_as_its_least_precise_figure(
    navsome, mixed, accounts, value, low, high, qualifier, shown, meaning
):
    data = report(navsome, mixed, "--year", "2017", "--json", *accounts).json()
    total = totals(data)
    assert (total["value"], total["low"], total["high"]) == (value, low, high)
    assert total["qualifier"] == qualifier
    assert total["lower_bound"] == ("over" in accounts)
    assert total["approximate"] == ("about" in accounts)
    assert total["channels"] == [f"{slug}/facebook" for slug in accounts]  # as named
    table = report(navsome, mixed, "--year", "2017", *accounts).stdout
    row = next(line for line in table.splitlines() if line.startswith(" Facebook"))
    assert re.search(rf"Followers\s+{re.escape(shown)}\s+{re.escape(meaning)}", row), row
    assert "a person who follows two channels is counted twice" in table


def test_only_level_counts_are_summed_and_every_platform_together_last(navsome, mixed):
    data = report(navsome, mixed, "--year", "2017", "--json").json()
    facebook = next(p for p in data["platforms"] if p["platform"] == "facebook")
    # Comments are counts over a period and a share is a percentage: neither adds up.
    assert [t["metric"] for t in facebook["totals"]] == ["followers"]
    every = data["platforms"][-1]
    assert every["platform"] is None
    assert totals(data, None)["channels"][-1] == "tweets/twitter"
    assert totals(data, "twitter")["value"] == 500  # the 2018 figure is after the period


# --- The same figures as compare and history --------------------------------------------------


def test_rankings_are_compares_at_the_end_of_the_period(navsome, mixed):
    data = report(navsome, mixed, "--year", "2017", "--json").json()
    for metric in ("followers", "comments"):
        ranking = next(r for r in data["rankings"] if r["metric"] == metric)
        compared = navsome(
            "--registry", mixed, "compare", "-m", metric, "--as-of", "2017", "--json"
        ).json()
        assert ranking["figures"] == compared
    # A metric only one channel reports is not ranked.
    assert "satisfied_share" not in [r["metric"] for r in data["rankings"]]


def test_latest_figures_are_historys_steps_and_growth_runs_from_the_periods_start(navsome, mixed):
    data = report(navsome, mixed, "--year", "2017", "--json").json()
    part = next(a for a in data["accounts"] if a["account"] == "exact")
    history = navsome("--registry", mixed, "history", "exact", "--as-of", "2017", "--json").json()
    latest_in_history = {(row["metric"], row["as_of"]): row for row in history}
    for row in part["latest"]:
        assert row == latest_in_history[(row["metric"], row["as_of"])]
    followers = next(r for r in part["latest"] if r["metric"] == "followers")
    assert (followers["previous_as_of"], followers["change"]) == ("2017-06", 300)
    # Growth over the year: from the figure it had when 2017 began, not the one before last.
    growth = {(g["channel"], g["metric"]): g for g in data["growth"]}
    assert growth[("exact/facebook", "followers")]["previous_as_of"] == "2016-12"
    assert growth[("exact/facebook", "followers")]["growth_percent"] == 50.0
    assert growth[("exact/facebook", "comments")]["change"] == 20  # a year against a year
    assert ("tweets/twitter", "followers") not in growth  # one figure in 2017: no growth


def test_growth_never_compares_periods_of_different_lengths(navsome, mixed, tmp_path):
    text = Path(mixed).read_text().replace('as_of = "2016"\n', 'as_of = "2016-12"\n')
    path = tmp_path / "months.toml"
    path.write_text(text)
    data = report(navsome, str(path), "--year", "2017", "--json").json()
    assert ("exact/facebook", "comments") not in {
        (g["channel"], g["metric"]) for g in data["growth"]
    }


def test_accounts_named_are_reported_alone(navsome, mixed):
    data = report(navsome, mixed, "--year", "2017", "--json", "Account exact", "exact").json()
    assert [a["account"] for a in data["accounts"]] == ["exact"]
    assert data["summary"]["events"] == 1


# --- The summary, and a period with nothing in it --------------------------------------------


def test_the_summary_counts_the_period_and_says_what_it_left_out(navsome, mixed):
    data = report(navsome, mixed, "--year", "2017", "--json").json()
    assert data["period"] == {"start": "2017-01-01", "end": "2017-12-31", "year": "2017"}
    summary = data["summary"]
    assert summary["figures"] == 9  # 2016's two and 2018's one are outside
    assert summary["figures_after_period"] == 1
    assert summary["events"] == 1
    table = report(navsome, mixed, "--year", "2017").stdout
    assert re.search(r"Not included\s+1 figures dated after the period", table)


# (CSV with no rows prints nothing yet, as every command's does: issue 14 gives it its header.)
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_period_with_no_figures_says_so_and_still_answers(navsome, mixed, fmt):
    result = report(navsome, mixed, "--since", "2010", "--until", "2012", "--format", fmt)
    assert result.exit_code == 0
    assert result.stderr == "No figures or events in 2010-01-01 to 2012-12-31.\n"
    if fmt == "json":
        assert result.json()["summary"]["figures"] == 0
    else:
        assert "Figures" in result.stdout and "2012-12-31" in result.stdout


def test_markdown_puts_one_blank_line_between_parts(navsome, mixed):
    """A heading with nothing of its own under it (the Sources part's, over its table) is
    followed by one blank line, as every other."""
    markdown = report(navsome, mixed, "--year", "2017", "--format", "markdown").stdout
    assert "## Sources\n\n| Source |" in markdown
    assert "\n\n\n" not in markdown


def test_csv_is_every_figure_in_the_period(navsome, mixed):
    import csv
    import io

    rows = list(
        csv.DictReader(io.StringIO(report(navsome, mixed, "--year", "2017", "-f", "csv").stdout))
    )
    assert len(rows) == 9
    assert all(row["as_of"].startswith("2017") for row in rows)


# --- Periods and exports refused --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2017", "--since", "2016"], "--year and --since/--until each give the period"),
        (["--since", "2018", "--until", "2017"], "--until 2017 is before --since 2018"),
        (["--since", "2017-13"], "--since: '2017-13' has no month 13"),
        (["--year", "12345"], "--year 12345: give a year of four digits"),
        (["--export", "report.svg"], "a report has several charts; export it as .html"),
    ],
)
def test_periods_and_exports_that_cannot_be_are_refused(navsome, args, message):
    fails(navsome("report", *args), 2, message)


# --- In Norwegian ----------------------------------------------------------------------------


def test_the_report_in_norwegian(navsome, mixed):
    out = report(navsome, mixed, "--year", "2017", "exact", "ranged", "over", "about", lang="nb")
    text = out.stdout
    assert "Rapport om sosiale medier: 2017" in text
    assert re.search(r"Facebook\s+4\s+Følgere\s+≈7 200 eller mer\s+omtrentlig", text)
    assert "Vekst i perioden" in text and "+500" in text and "+50 %" in text
    for english in ("Totals by platform", "What the total is", "Growth", "Period", "Accounts"):
        assert not re.search(rf"\b{english}\b", text), english


# --- Exports: one HTML page, Markdown with its charts beside it -------------------------------


def test_the_html_export_is_one_self_contained_accessible_page(navsome, mixed, tmp_path):
    target = tmp_path / "report.html"
    result = report(navsome, mixed, "--year", "2017", "--export", str(target), lang="nb")
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nb">')
    assert "<script" not in page and "url(" not in page
    # Nothing to fetch: no src, no stylesheet link, and the only addresses are namespaces.
    assert not re.search(r"\b(src|href)=", page)
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "@page { size: A4" in page and "break-before: page" in page
    # Every chart is an image with a title, and its ids are unique on the page.
    charts = re.findall(r"<svg\b[^>]*>", page)
    assert len(charts) == 3  # followers and comments ranked, and the followers series
    assert all('role="img"' in svg and "aria-labelledby" in svg for svg in charts)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert page.count("<figcaption>") == 3
    assert "Account exact" in page and "≈7 200 eller mer" in page


def test_the_markdown_export_links_each_chart_written_beside_it(navsome, mixed, tmp_path):
    target = tmp_path / "year report.md"
    assert report(navsome, mixed, "--year", "2017", "--export", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    links = re.findall(r"!\[([^\]]+)\]\(([^)]+)\)", text)
    assert [name for _, name in links] == [
        "year%20report-followers-ranking.svg",
        "year%20report-comments-ranking.svg",
        "year%20report-exact-facebook-followers.svg",
    ]
    for _, name in links:
        ElementTree.parse(tmp_path / name.replace("%20", " "))  # each is a whole SVG
    # Pasteable: every column headed, and > written plainly in a table cell.
    lines = text.splitlines()
    headers = [line for line, below in pairwise(lines) if re.match(r"\| :?---", below)]
    assert headers and all("|  |" not in header for header in headers)
    assert "| >3,000 |" in text and "\\>3" not in text


# --- Charts of history and compare, exported -------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def test_history_exports_a_line_a_channel_through_the_installed_script(mixed, tmp_path):
    import subprocess

    from conftest import script_path

    target = tmp_path / "followers.svg"
    command = [str(script_path()), "--registry", mixed, "--lang", "nb", "history"]
    done = subprocess.run(
        [*command, "-m", "followers", "--export", str(target)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    root = ElementTree.parse(target).getroot()
    drawn = " ".join(root.itertext())
    assert "Følgere over tid" in drawn
    # One line (or lone marker) a channel, each named in the legend, numbers in Norwegian.
    for channel in ("exact · Facebook", "over · Facebook", "ranged · Facebook", "tweets · Twitter"):
        assert channel in drawn, channel
    assert "1 500" in drawn and "≈2 000" in drawn and "600–800" in drawn
    assert len(root.findall(f".//{SVG}polyline")) >= 1  # exact's three figures, joined


def test_a_history_of_several_metrics_is_a_chart_per_metric(navsome, mixed, tmp_path):
    fails(
        navsome("--registry", mixed, "history", "exact", "--export", str(tmp_path / "h.svg")),
        2,
        "this answer has 3 charts, one per metric; choose one with --metric",
    )
    assert not (tmp_path / "h.svg").exists()
    markdown = tmp_path / "h.md"
    assert (
        navsome("--registry", mixed, "history", "exact", "--export", str(markdown)).exit_code == 0
    )
    charts = sorted(p.name for p in tmp_path.glob("h-*.svg"))
    assert charts == [
        "h-comments-history.svg",
        "h-followers-history.svg",
        "h-satisfied_share-history.svg",
    ]
    for name in charts:
        assert f"]({name})" in markdown.read_text()


def test_compare_exports_its_ranking_as_bars_in_the_runs_language(navsome, tmp_path):
    target = tmp_path / "rank.svg"
    assert (
        navsome("--lang", "nb", "compare", "-m", "followers", "--export", str(target)).exit_code
        == 0
    )
    drawn = " ".join(ElementTree.parse(target).getroot().itertext())
    assert "Følgere, størst først" in drawn
    assert "37 300" in drawn and ">3 000" in drawn and "600–800" in drawn


def test_answers_without_a_chart_still_export_the_table_as_drawn(navsome, tmp_path):
    target = tmp_path / "since.svg"
    result = navsome("compare", "-m", "followers", "--since", "2017", "--export", str(target))
    assert result.exit_code == 0
    picture = target.read_text()
    assert 'class="rich-terminal"' in picture  # the table as the terminal draws it
    assert "Followers:" in picture and "2017" in picture


def test_a_span_holds_the_figures_whose_period_ends_in_it(navsome, mixed):
    # From July: a year's count (2017) ends in the span and is in; June's level is not, and is
    # the figure growth starts from.
    data = report(navsome, mixed, "--since", "2017-07", "--until", "2017-12", "--json").json()
    assert data["period"] == {"start": "2017-07-01", "end": "2017-12-31", "year": None}
    part = next(a for a in data["accounts"] if a["account"] == "exact")
    assert {(row["metric"], row["as_of"]) for row in part["latest"]} == {
        ("followers", "2017-12"),
        ("comments", "2017"),
        ("satisfied_share", "2017-12"),
    }
    growth = {(g["channel"], g["metric"]): g for g in data["growth"]}
    assert growth[("exact/facebook", "followers")]["previous_as_of"] == "2017-06"
    assert data["summary"]["events"] == 0  # May's relaunch is before the span


def test_a_change_is_as_precise_as_its_two_figures(navsome, tmp_path):
    series = [
        ("followers", "2017-01", 1000, "exact", None),
        ("followers", "2017-06", 1100, "range", 1200),
        ("followers", "2017-12", 1300, "over", None),
        ("followers", "2018-06", 1500, "about", None),
    ]
    path = tmp_path / "steps.toml"
    without_events = MIXED.split("[[events]]")[0]
    path.write_text(without_events.replace("{accounts}", _account("steps", "facebook", series)))
    rows = navsome("--registry", str(path), "history", "steps", "--json").json()
    bounds = [(row["change"], row["change_low"], row["change_high"]) for row in rows[1:]]
    assert bounds == [(150, 100, 200), (150, 100, None), (200, None, None)]
    table = navsome("--registry", str(path), "history", "steps").stdout
    for shown in ("+100 to +200", "+100 or more", "≈+200"):
        assert shown in table, table
