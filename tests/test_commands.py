"""Each command in each format, piped and on a terminal."""

from __future__ import annotations

import csv
import io
import re

import pytest

ESCAPE = re.compile(r"\x1b\[")
MEASUREMENT_KEYS = ["account", "channel", "platform", "metric", "value", "low", "high"]
MEASUREMENT_KEYS += ["qualifier", "as_of", "unit", "stated", "note", "note_nb", "source"]
COMMANDS = [
    ["list"],
    ["list", "--platform", "twitter"],
    ["show", "jobblyst"],
    ["compare", "--metric", "followers"],
    ["compare", "jobblyst", "kunnskap"],
    ["metrics"],
    ["timeline"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_table_has_no_escape_codes(navsome, args):
    result = navsome(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert not ESCAPE.search(result.stdout)
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_terminal_table_is_coloured_and_fits_the_width(navsome, args):
    result = navsome(*args, env={"TTY_COMPATIBLE": "1", "COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    assert ESCAPE.search(result.stdout)
    plain = ESCAPE.sub("", re.sub(r"\x1b\[[0-9;]*m", "", result.stdout))
    assert max(len(line) for line in plain.splitlines()) <= 100


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_color_is_honoured_on_a_terminal(navsome, args):
    result = navsome(*args, env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1"})
    assert result.exit_code == 0
    colours = re.findall(r"\x1b\[([0-9;]*)m", result.stdout)
    assert colours  # bold and dim stay: NO_COLOR forbids colour, not emphasis
    assert not [c for c in colours if re.search(r"(^|;)(3[0-9]|4[0-9]|9[0-7])(;|$)", c)]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_csv_and_markdown_agree(navsome, args):
    as_json = navsome(*args, "--json").json()
    rows = as_json["measurements"] if args[0] == "show" else as_json
    table = list(csv.DictReader(io.StringIO(navsome(*args, "--format", "csv").stdout)))
    assert len(table) == len(rows) > 0
    assert list(table[0]) == list(rows[0])
    markdown = navsome(*args, "--format", "markdown").stdout
    assert markdown.count("\n| ") >= len(rows) if args[0] != "show" else "## " in markdown


def test_list_shows_each_account_with_its_headline(navsome):
    out = navsome("list").stdout
    assert re.search(
        r"foreldrepenger\s+NAV Foreldrepenger\s+Facebook, Chat\s+37,300 followers", out
    )
    assert re.search(r"kunnskap .*>3,000 followers on Facebook\s+2017-12", out)
    assert re.search(r"deterdinpensjon .*≈3,000 weekly readers on Blog", out)
    assert re.search(r"idebanken .*—", out)


def test_list_filters_by_platform(navsome):
    rows = navsome("list", "--platform", "twitter", "--json").json()
    assert [r["account"] for r in rows] == ["kunnskap", "nav", "arbeidsmarkedet", "alderspensjon"]
    headline = rows[0]
    assert headline["metric"] == "followers" and headline["channel"] == "kunnskap/facebook"


def test_show_lists_channels_figures_events_and_sources(navsome):
    out = navsome("show", "foreldrepenger").stdout
    assert "NAV Foreldrepenger (foreldrepenger)" in out
    assert "NAV Kontaktsenter i Hordaland" in out
    assert re.search(r"Facebook\s+Followers\s+37,300\s+exact\s+2017-12\s+37 300 følgere", out)
    assert re.search(r"Satisfied users\s+91%\s+exact\s+2017", out)
    assert "User survey in spring 2017." in out
    assert "Won best customer service in social media" in out
    assert re.search(r"nav-some-2017\s+NAV article on its social media.*NAV\s+2018", out)


def test_show_json_is_one_object_with_flat_measurement_rows(navsome):
    detail = navsome("show", "kunnskap", "--json").json()
    assert set(detail) == {"account", "channels", "measurements", "events", "sources"}
    assert all(list(row) == MEASUREMENT_KEYS for row in detail["measurements"])
    assert detail["sources"][0]["source"] == "nav-some-2017"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("jobblyst", "jobblyst"),
        ("JOBBLYST", "jobblyst"),
        ("NAV Jobblyst", "jobblyst"),
        ("navnorge", "nav"),
        ("NAVnorge", "nav"),
        ("navkunnskap", "kunnskap"),
        ("jobblyst.no", "jobblyst"),
        ("forel", "foreldrepenger"),
        ("idébanken", "idebanken"),
        ("nav", "nav"),
        ("  Alders ", "alderspensjon"),
    ],
)
def test_show_finds_accounts_by_slug_alias_name_handle_or_prefix(navsome, name, slug):
    result = navsome("show", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["account"]["account"] == slug


def test_compare_ranks_every_channel_largest_first(navsome):
    rows = navsome("compare", "--metric", "followers", "--json").json()
    assert [r["channel"] for r in rows] == [
        "foreldrepenger/facebook",
        "nav/linkedin",
        "jobblyst/facebook",
        "nav/twitter",
        "kunnskap/facebook",
        "jobblyst/snapchat",
        "jobbmesse/instagram",
        "alderspensjon/twitter",
        "arbeidsmarkedet/twitter",
        "kunnskap/twitter",
    ]
    assert all(list(row) == MEASUREMENT_KEYS for row in rows)


def test_compare_shows_approximations_as_stated_with_bars(navsome):
    out = navsome("compare", "--metric", "followers").stdout
    lines = {line.split()[1] + line.split()[2]: line for line in out.splitlines() if "  " in line}
    assert "█" * 24 in lines["foreldrepengerFacebook"]
    assert ">3,000" in lines["kunnskapFacebook"]
    assert "600–800" in lines["kunnskapTwitter"]
    bars = [len(line.split()[-1]) for line in out.splitlines() if "█" in line]
    assert bars == sorted(bars, reverse=True)
    # Approximate figures are drawn as what they are: an open end, a span.
    assert lines["kunnskapFacebook"].endswith("█▉▶")
    assert lines["kunnskapTwitter"].endswith("░")
    assert "> and ▶: more than (a lower bound) · a–b and ░: a range" in out
    assert "≈ and ▓" not in out  # no "about" figure in this chart, so no mark for one


def test_chart_marks_every_kind_of_figure(navsome, registry_copy):
    text = registry_copy.read_text().replace("value = 19500", 'value = 19500\nqualifier = "about"')
    text = text.replace(
        'value = 600\nqualifier = "range"\nhigh = 800',
        'value = 6000\nqualifier = "range"\nhigh = 30000',
        1,
    )
    registry_copy.write_text(text)
    out = navsome("--registry", str(registry_copy), "compare", "-m", "followers").stdout
    rows = {line.split()[1] + line.split()[2]: line for line in out.splitlines() if "  " in line}
    assert rows["jobblystFacebook"].endswith("▓" * 13)  # 19,500 of 37,300 over 24 cells
    span = rows["kunnskapTwitter"].split()[-1]
    assert span == "████" + "░" * 15  # 6,000 to 30,000 of 37,300
    assert "≈ and ▓: about" in out


def test_compare_ranks_ranges_by_midpoint_and_bounds_by_the_bound(navsome, registry_copy):
    text = registry_copy.read_text()
    text = text.replace("value = 6800", "value = 650")  # nav/twitter: below the 600–800 midpoint
    registry_copy.write_text(text)
    rows = navsome(
        "--registry", str(registry_copy), "compare", "-m", "followers", "-p", "twitter", "--json"
    ).json()
    assert [r["value"] for r in rows] == [700, 700, 700, 650]


def test_compare_filters_by_accounts_platform_and_top(navsome):
    rows = navsome("compare", "jobblyst", "nav", "-m", "followers", "--json").json()
    assert [r["channel"] for r in rows] == [
        "nav/linkedin",
        "jobblyst/facebook",
        "nav/twitter",
        "jobblyst/snapchat",
    ]
    rows = navsome(
        "compare", "-m", "followers", "--platform", "facebook", "--top", "2", "--json"
    ).json()
    assert [r["channel"] for r in rows] == ["foreldrepenger/facebook", "jobblyst/facebook"]
    cut = navsome("compare", "-m", "followers", "--top", "3")
    assert "Showing 3 of 10" in cut.stderr and "Showing" not in cut.stdout


def test_compare_sets_accounts_side_by_side_without_a_metric(navsome):
    out = navsome("compare", "jobblyst", "kunnskap").stdout
    assert re.search(r"Followers\s+Facebook\s+19,500 \(2017-12\)\s+>3,000 \(2017-12\)", out)
    assert re.search(r"Posts\s+Facebook\s+—\s+70 \(2017\)", out)
    rows = navsome("compare", "jobblyst", "kunnskap", "--json").json()
    assert {r["account"] for r in rows} == {"jobblyst", "kunnskap"}
    assert len(rows) == 6 + 3


def test_compare_with_no_matching_channel_is_empty_not_an_error(navsome):
    result = navsome("compare", "-m", "posts", "-p", "twitter", "--json")
    assert result.exit_code == 0
    assert result.json() == []
    assert "No channel reports posts" in result.stderr


def test_metrics_count_channels(navsome):
    out = navsome("metrics").stdout
    assert re.search(r"followers\s+Followers\s+Følgere\s+count\s+level\s+10", out)


def test_timeline_is_in_date_order_and_filters_by_account(navsome):
    rows = navsome("timeline", "jobblyst", "--json").json()
    assert [r["date"] for r in rows] == ["2014", "2016-10", "2017-10", "2018"]
    out = navsome("timeline").stdout
    assert out.index("2013") < out.index("2016-10") < out.index("Social Media Days")


def test_markdown_is_a_pasteable_table(navsome):
    out = navsome("compare", "-m", "followers", "--top", "2", "--format", "markdown").stdout
    assert "| # | Account | Platform | Followers | As of | Chart |" in out
    assert "| 1 | foreldrepenger | Facebook | 37,300 | 2017-12 | ████████████████████████ |" in out


def test_csv_is_flat_with_nulls_empty(navsome):
    out = navsome("compare", "-m", "followers", "-p", "facebook", "-f", "csv").stdout
    lines = out.splitlines()
    assert lines[0] == ",".join(MEASUREMENT_KEYS)
    assert "kunnskap,kunnskap/facebook,facebook,followers,3000,3000,,over,2017-12" in out


def test_version_and_help(navsome):
    from navsome import __version__

    assert navsome("--version").stdout.strip() == f"navsome {__version__}"
    for command in ("list", "show", "compare", "metrics", "timeline"):
        result = navsome(command, "--help")
        assert result.exit_code == 0
        assert "Example: navsome" in result.stdout


def test_a_long_ranking_on_a_terminal_shows_what_fits_the_screen(navsome, tmp_path):

    from generate_registry import generate

    big = tmp_path / "big.toml"
    big.write_text(generate(20, 4, 1), encoding="utf-8")  # 80 followers figures, 3 screens
    terminal = {"TTY_COMPATIBLE": "1", "LINES": "30", "COLUMNS": "120", "NO_COLOR": "1"}
    fitted = navsome("--registry", str(big), "compare", "-m", "followers", env=terminal)
    assert fitted.stderr == "Showing 22 of 80; --all shows every one.\n"
    assert len(fitted.stdout.splitlines()) < 40
    everything = navsome(
        "--registry", str(big), "compare", "-m", "followers", "--all", env=terminal
    )
    assert everything.stderr == "" and len(everything.stdout.splitlines()) > 80
    assert (
        navsome(
            "--registry", str(big), "compare", "-m", "followers", "--top", "0", env=terminal
        ).stdout
        == everything.stdout
    )
    piped = navsome("--registry", str(big), "compare", "-m", "followers")
    assert piped.stderr == "" and len(piped.stdout.splitlines()) > 80
    assert len(navsome("--registry", str(big), "compare", "-m", "followers", "--json").json()) == 80
