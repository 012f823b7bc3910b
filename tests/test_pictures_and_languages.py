"""Charts, exports, Norwegian, completion and help: results people look at and paste."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from conftest import REPO, script_path
from typer.main import get_command
from typer.testing import CliRunner

from navsome.cli.app import app

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("extension", [".svg", ".html", ".md", ".csv", ".json"])
def test_export_writes_the_answer_to_a_file_named_by_its_extension(navsome, tmp_path, extension):
    target = tmp_path / f"chart{extension}"
    result = navsome("compare", "-m", "followers", "--export", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Wrote {target}.\n"
    text = target.read_text(encoding="utf-8")
    if extension in (".csv", ".json"):
        format_ = {".csv": "csv", ".json": "json"}[extension]
        assert text == navsome("compare", "-m", "followers", "--format", format_).stdout
    elif extension == ".md":
        # The Markdown printed, after a link to the chart, written as SVG beside it.
        printed = navsome("compare", "-m", "followers", "--format", "markdown").stdout
        link, _, rest = text.partition("\n\n")
        assert link == "![Followers, largest first](chart-followers-ranking.svg)"
        assert rest.endswith(printed)
        chart = ElementTree.parse(tmp_path / "chart-followers-ranking.svg").getroot()
        assert chart.tag.endswith("svg")
    elif extension == ".svg":
        # The ranking drawn as a bar chart: every channel's bar, labelled with its figure.
        svg = ElementTree.fromstring(text)
        assert svg.tag.endswith("svg") and svg.get("role") == "img"
        drawn = " ".join(svg.itertext())
        assert "Followers, largest first" in drawn
        for figure in ("37,300", "27,000", ">3,000", "600–800", "NAV Foreldrepenger · Facebook"):
            assert figure in drawn, figure
        assert "█" not in text  # a chart, not the terminal's block characters
    else:
        assert text.startswith("<!DOCTYPE html>")
        assert "foreldrepenger" in text and "37,300" in text


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="needs rsvg-convert to draw SVG")
def test_the_exported_chart_draws_as_a_picture(navsome, tmp_path):
    svg, png = tmp_path / "chart.svg", tmp_path / "chart.png"
    navsome("compare", "-m", "followers", "--export", str(svg))
    subprocess.run(["rsvg-convert", "-w", "800", str(svg), "-o", str(png)], check=True)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a drawing, not a blank page


def test_every_command_exports_and_bad_targets_are_refused(navsome, tmp_path):
    for args in (
        ["list"],
        ["show", "nav"],
        ["history", "nav"],
        ["metrics"],
        ["timeline"],
        ["validate"],
    ):
        target = tmp_path / f"{args[0]}.svg"
        assert navsome(*args, "--export", str(target)).exit_code == 0
        assert target.stat().st_size > 1000
    unknown = navsome("list", "--export", str(tmp_path / "list.xls"))
    assert unknown.exit_code == 2 and "one of .svg, .html, .md, .csv, .json" in unknown.stderr
    missing = navsome("list", "--export", str(tmp_path / "no" / "list.svg"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


def test_the_readme_pictures_are_committed():
    picture = REPO / "docs" / "compare-followers.svg"
    readme = (REPO / "README.md").read_text()
    assert "docs/compare-followers.svg" in readme and "docs/report-2017.png" in readme
    ElementTree.fromstring(picture.read_text(encoding="utf-8"))
    assert (REPO / "docs" / "report-2017.png").read_bytes().startswith(b"\x89PNG")


def test_norwegian_tables_words_and_numbers(navsome):
    out = navsome("--lang", "nb", "show", "foreldrepenger").stdout
    assert re.search(r"Plattform\s+Måling\s+Tall\s+Presisjon\s+Per dato\s+Ordlyd i kilden", out)
    assert re.search(r"Facebook\s+Følgere\s+37 300\s+nøyaktig\s+2017-12", out)
    assert re.search(r"Rekkevidde\s+3,5 mill\.", out)
    assert re.search(r"Fornøyde brukere\s+91 %", out)
    listed = navsome("list", env={"NAVSOME_LANG": "nb"}).stdout
    assert "≈3 000 lesere per uke på Blogg" in listed
    english = navsome("show", "foreldrepenger").stdout
    assert re.search(r"Facebook\s+Followers\s+37,300\s+exact", english)
    assert re.search(r"Reach\s+3.5M", english)


def test_the_language_follows_a_norwegian_locale(navsome):
    out = navsome("metrics", env={"NAVSOME_LANG": None, "LANG": "nb_NO.UTF-8"}).stdout
    assert "Måling" in out
    out = navsome("metrics", env={"NAVSOME_LANG": None, "LANG": "en_GB.UTF-8"}).stdout
    assert "Metric" in out
    assert navsome("--lang", "de", "list").exit_code == 2


def test_messages_are_norwegian_too(navsome):
    result = navsome("--lang", "nb", "show", "jobblist")
    assert result.exit_code == 2
    assert "ingen konto passer til «jobblist». Mente du «jobblyst»" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "jobblyst"],
        ["compare", "-m", "followers"],
        ["compare", "nav", "jobblyst"],
        ["history", "nav"],
        ["metrics"],
        ["timeline"],
        ["validate"],
    ],
)
@pytest.mark.parametrize("format_", ["json", "csv"])
def test_machine_formats_never_change_with_the_language(navsome, args, format_):
    english = navsome("--lang", "en", *args, "--format", format_).stdout
    assert navsome("--lang", "nb", *args, "--format", format_).stdout == english


def complete(words: str, cword: int, script: bool = False) -> list[str]:
    """The shell's completions for `words` at word `cword`: in this process, or (`script`)
    through the installed script, as bash asks it."""
    env = {"_NAVSOME_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    if script:
        result = subprocess.run(
            [str(script_path())], env={**os.environ, **env}, capture_output=True, text=True
        )
        return result.stdout.split()
    return CliRunner().invoke(app, [], env=env, prog_name="navsome").stdout.split()


def test_completion_knows_the_registry(registry_copy):
    assert complete("navsome show jo", 2, script=True) == ["jobblyst", "jobbmesse"]
    assert complete("navsome compare --metric s", 3) == [
        "story_views",
        "satisfied_share",
        "self_served_share",
    ]
    assert complete("navsome list --platform t", 3) == ["twitter"]
    assert complete("navsome history nav --metric fo", 4) == ["followers"]
    assert "jobblyst/snapchat" in complete("navsome record jobblyst/", 2)
    text = registry_copy.read_text().replace("[accounts.jobbmesse]", "[accounts.jobbsafari]")
    registry_copy.write_text(text.replace("accounts.jobbmesse.", "accounts.jobbsafari."))
    assert complete(f"navsome --registry {registry_copy} show jo", 4) == ["jobblyst", "jobbsafari"]
    assert complete("navsome --registry /nonexistent show jo", 4) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_leads_its_help_with_an_example_and_is_in_the_readme(navsome, command):
    help_text = navsome(command, "--help").stdout
    description = help_text.split("Usage:", 1)[1].split("╭", 1)[0]
    assert f"Example: navsome {command}" in description
    readme = (REPO / "README.md").read_text()
    assert re.search(rf"^\$ navsome ({command}|--\S+ \S+ {command})\b", readme, re.MULTILINE), (
        command
    )


def test_top_level_help_leads_with_an_example(navsome):
    out = navsome("--help").stdout
    assert out.index("Example: navsome") < out.index("Options")


def test_an_export_onto_a_folder_is_refused_before_any_work(navsome, tmp_path):
    folder = tmp_path / "chart.svg"
    folder.mkdir()
    result = navsome("list", "--export", str(folder))
    assert result.exit_code == 2
    assert f"--export {folder}: {folder} is a folder, not a regular file" in result.stderr
    assert folder.is_dir() and not any(folder.iterdir())
