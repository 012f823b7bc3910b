"""What the environment does to output: a stdout that is full, closed or not UTF-8, Ctrl-C at
any moment, NAVSOME_DEBUG, FORCE_COLOR, and CSV cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io

from navsome.machine import write_csv

# --- CSV: stdout for programs as it is; a file for spreadsheets defused -----------------------

FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"]


def csv_text(rows: list[dict], spreadsheet: bool) -> str:
    out = io.StringIO()
    write_csv(rows, out, spreadsheet=spreadsheet)
    return out.getvalue()


def test_spreadsheet_csv_prefixes_text_that_would_start_a_formula():
    rows = [{"name": text, "aliases": [text, "nav"], "value": -5} for text in FORMULAS]
    cells = list(csv.DictReader(io.StringIO(csv_text(rows, spreadsheet=True))))
    assert [row["name"] for row in cells] == [
        '\'=HYPERLINK("http://x")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1)",
        "'\\x09indent",  # a tab is written out, and marked all the same
        "'\\x0dreturn",
    ]
    assert cells[0]["aliases"] == '\'=HYPERLINK("http://x");nav'
    assert all(row["value"] == "-5" for row in cells)  # a number is never text


def test_spreadsheet_csv_leaves_ordinary_cells_and_numbers_alone():
    rows = [
        {"name": "NAV Jobblyst", "value": -300, "share": -0.5, "high": None, "note": "a - b"},
        {"name": "'quoted", "value": 10**15, "share": 1.5, "high": 3, "note": "x=1"},
    ]
    assert csv_text(rows, spreadsheet=True) == csv_text(rows, spreadsheet=False)
    assert csv_text(rows, spreadsheet=True).splitlines()[1] == "NAV Jobblyst,-300,-0.5,,a - b"


def test_stdout_csv_keeps_formula_text_as_it_is():
    rows = [{"name": text} for text in FORMULAS[:4]]
    cells = [row["name"] for row in csv.DictReader(io.StringIO(csv_text(rows, False)))]
    assert cells == FORMULAS[:4]


def test_a_list_in_a_csv_cell_is_joined_with_a_semicolon():
    # Scripts split this cell on ';': changing the separator breaks them.
    assert csv_text([{"aliases": ["nav", "navno", "nav.no"]}], spreadsheet=False) == (
        "aliases\nnav;navno;nav.no\n"
    )
