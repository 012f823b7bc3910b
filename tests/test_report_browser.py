"""The HTML report in a real browser: headless Chromium opens it with nothing fetched, draws it
and prints it to PDF, whose pages and text are checked with poppler's tools.

.ci/run installs Debian's chromium and poppler-utils when they are absent; where they cannot be
installed, these tests are skipped and say why.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BROWSER is None, reason="needs Chromium (Debian: apt-get install chromium)"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
        reason="needs pdftotext and pdfinfo (Debian: apt-get install poppler-utils)",
    ),
]


def open_in_browser(page: Path, folder: Path) -> tuple[Path, Path, list[str]]:
    """Open `page` in headless Chromium: its screenshot, its PDF, and the addresses the page
    itself asked for (the browser's own background requests are told apart by the site that
    asked: a page opened from a file asks as file://)."""
    shot, pdf, log = folder / "page.png", folder / "page.pdf", folder / "net.json"
    subprocess.run(
        [
            str(BROWSER),
            "--headless",
            "--no-sandbox",  # tests run as root in CI
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1000,1400",
            f"--log-net-log={log}",
            f"--screenshot={shot}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    net = json.loads(log.read_text())
    kinds = {number: name for name, number in net["constants"]["logEventTypes"].items()}
    asked = [
        event["params"]["url"]
        for event in net["events"]
        if kinds.get(event["type"]) == "URL_REQUEST_START_JOB"
        and str(event.get("params", {}).get("network_isolation_key", "")).startswith("file://")
    ]
    return shot, pdf, [url for url in asked if not url.startswith("file:")]


def test_the_request_check_sees_a_page_that_fetches(tmp_path):
    # The check below is worth something only if it sees a fetch when there is one.
    page = tmp_path / "fetches.html"
    page.write_text('<!DOCTYPE html><img src="http://example.invalid/logo.png">')
    assert open_in_browser(page, tmp_path)[2] == ["http://example.invalid/logo.png"]


def test_the_yearly_report_opens_with_nothing_fetched_and_prints_cleanly(navsome, tmp_path):
    page = tmp_path / "report.html"
    assert navsome("report", "--year", "2017", "--export", str(page)).exit_code == 0
    shot, pdf, fetched = open_in_browser(page, tmp_path)
    assert fetched == []
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000

    data = navsome("report", "--year", "2017", "--json").json()
    accounts = len(data["accounts"])
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    assert "A4" in info.stdout or "595.2 x 841.8" in info.stdout  # A4 in points
    # The summary and totals first, then a page (at least) for each account.
    assert accounts + 1 <= pages <= 2 * accounts + 4
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Social media report: 2017" in text
    # The figures compare ranks, as printed, and the totals.
    compared = navsome("compare", "-m", "followers", "--as-of", "2017", "--format", "csv").stdout
    for line in compared.splitlines()[1:]:
        value = int(line.split(",")[4])
        assert f"{value:,}" in text
    assert ">61,800" in text and ">59,800" in text
    for part in data["accounts"]:
        assert part["name"] in text
