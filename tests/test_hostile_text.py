"""Registry text prints literally: markup stays text, control characters are shown, not run."""

from __future__ import annotations

import csv
import io
import json
import random
import re

import pytest
import tomlkit
from conftest import EXHAUSTIVE, SHIPPED

from navsome.registry.toml import tomllib  # tomli on Python 3.10, as navsome reads it

# Terminal controls (ESC, a bell, a C1 CSI, a right-to-left override, a newline) and characters
# that hide or move text: zero-width space and joiner, a byte-order mark inside text, line and
# paragraph separators, non-characters, and private-use characters in and beyond the BMP.
DECODED = (
    "[bold red]Evil[/] \x1b[31mred\x1b[0m \x07 \x9b2J \u202eabc "
    "N\u200bA\u2060V\ufeff \u2028\u2029 \ufffe\uffff \ue000\U000f0000 \nnext"
)
SHOWN = (
    r"[bold red]Evil[/] \x1b[31mred\x1b[0m \x07 \x9b2J \u202eabc "
    r"N\u200bA\u2060V\ufeff \u2028\u2029 \ufffe\uffff \ue000\U000f0000 \x0anext"
)
RAW_HIDDEN = ["\x1b", "\x07", "\x9b", "\u202e", "\u200b", "\u2060", "\ufeff", "\u2028", "\u2029"]
RAW_HIDDEN += ["\ufffe", "\uffff", "\ue000", "\U000f0000"]
# What XML 1.0 forbids in a document (its Char production), even as a character reference.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Every free-text field of the model; slugs, dates and enumerations are checked, not free.
TEXT_FIELDS = {
    "sources": ["title", "publisher", "document"],
    "platforms": ["name"],
    "metrics": ["label_en", "label_nb", "unit", "description"],
    "accounts": ["name", "run_by", "audience", "description"],
    "channels": ["handle", "notes"],
    "measurements": ["stated", "note"],
    "events": ["title", "stated"],
}


def poison(table: dict, kind: str) -> None:
    for key in TEXT_FIELDS[kind]:
        # Kept unique (names must be) and the unit "percent" still ends the text.
        table[key] = f"{DECODED} {table[key]}" if key in table else DECODED
    if kind == "accounts":
        table["aliases"] = [f"{DECODED} {alias}" for alias in table.get("aliases", [])]


@pytest.fixture(scope="module")
def hostile_registry(tmp_path_factory):
    """The shipped registry with every free-text field poisoned, made once: the tests only
    read it."""
    registry = tmp_path_factory.mktemp("hostile") / "channels.toml"
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    for kind in ("sources", "platforms", "metrics"):
        for table in data[kind].values():
            poison(table, kind)
    for table in data["accounts"].values():
        poison(table, "accounts")
        for channel in table.get("channels", []):
            poison(channel, "channels")
            for measurement in channel.get("measurements", []):
                poison(measurement, "measurements")
    for event in data["events"]:
        poison(event, "events")
    registry.write_text(tomlkit.dumps(data), encoding="utf-8")
    return str(registry)


COMMANDS = [
    ["validate"],
    ["list"],
    ["show", "jobblyst"],
    ["compare", "-m", "followers"],
    ["compare", "jobblyst", "nav"],
    ["metrics"],
    ["timeline"],
]


@pytest.mark.parametrize("format_", ["table", "markdown", "csv"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_text_formats_show_markup_and_controls_literally(navsome, hostile_registry, args, format_):
    for env in ({}, {"TTY_COMPATIBLE": "1"}):
        result = navsome("--registry", hostile_registry, *args, "--format", format_, env=env)
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        if env:
            # On a terminal the only escape sequences are Rich's own styling.
            assert "\x1b[31mred" not in out
            out = re.sub(r"\x1b\[[0-9;]*m", "", out)
        for control in RAW_HIDDEN:
            assert control not in out
        if args[0] != "validate" and not (env and format_ == "table"):  # a terminal wraps text
            if format_ == "markdown":  # Markdown's own escapes, which render as the text
                assert "\\[bold red\\]Evil" in out
                assert "\\\\x1b\\[31mred" in out
            else:
                assert "[bold red]Evil" in out
                assert "\\x1b[31mred" in out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_keeps_the_exact_text_and_escapes_controls(navsome, hostile_registry, args):
    out = navsome("--registry", hostile_registry, *args, "--json").stdout
    for control in RAW_HIDDEN:
        assert control not in out
    texts = strings(json.loads(out))
    assert args[0] == "validate" or any(text.startswith(DECODED) for text in texts)


def strings(data) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


def test_csv_holds_one_record_a_line(navsome, hostile_registry):
    out = navsome("--registry", hostile_registry, "list", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(out.splitlines()) == len(rows) + 1
    assert rows[1]["name"] == f"{SHOWN} NAV Jobblyst"


def test_account_lookup_error_prints_the_bad_name_literally(navsome):
    result = navsome("show", "\x1b[2Jgone")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\\x1b[2Jgone" in result.stderr


def test_problem_messages_quote_hostile_text_literally(navsome, registry_copy):
    text = registry_copy.read_text().replace(
        'metric = "posts"', 'metric = "\\u001b[2Jposts"\n"\\u001b]0;title\\u0007" = 1'
    )
    registry_copy.write_text(text)
    for format_ in ("table", "json", "csv", "markdown"):
        result = navsome("validate", str(registry_copy), "--format", format_)
        assert result.exit_code == 1
        for control in RAW_HIDDEN:
            assert control not in result.stdout
        assert "x1b" in result.stdout and "2Jposts" in result.stdout
    result = navsome("--registry", str(registry_copy), "list")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "unknown metric '\\x1b[2Jposts'" in result.stderr


HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def code_points() -> list[int]:
    """Every code point with NAVSOME_EXHAUSTIVE=1. Otherwise every one in the planes where
    characters of different kinds sit side by side (the BMP, the supplementary multilingual
    plane, and plane 14 with its tags and variation selectors), and in the other planes (CJK
    ideographs, nothing yet, private use) each plane's first and last 256 and a fixed sample."""
    if EXHAUSTIVE:
        return list(range(0x110000))
    codes = [*range(0x20000), *range(0xE0000, 0xF0000)]
    for plane in [*range(2, 14), 15, 16]:
        start, end = plane << 16, (plane + 1) << 16
        codes += [*range(start, start + 256), *range(end - 256, end)]
    return codes + random.Random(2017).sample(range(0x110000), 5000)


def test_visible_escapes_exactly_the_invisible_and_layout_changing_characters():
    import unicodedata

    from navsome.output.escape import visible

    for code in code_points():
        char = chr(code)
        hidden = unicodedata.category(char) in HIDDEN_CATEGORIES
        assert (visible(char, one_line=True) != char) == hidden, f"U+{code:04X}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("NA\u200bV", r"NA\u200bV"),
        ("\x1b[2J", r"\x1b[2J"),
        ("\x85", r"\x85"),
        ("a\ufeffb", r"a\ufeffb"),
        ("\U000f0000", r"\U000f0000"),
        ("\udcff", r"\udcff"),  # a lone surrogate, as a surrogateescape'd argv carries
        ("\ufdd0\U0010ffff", r"\ufdd0\U0010ffff"),  # non-characters
        ("37\u00a0300 and\u3000more", "37\u00a0300 and\u3000more"),  # spaces stay spaces
        ("Idébanken ✓ 日本", "Idébanken ✓ 日本"),
        ("two\nlines\u2028", "two\nlines\\u2028"),
    ],
)
def test_visible_writes_hidden_characters_as_python_escapes(text, shown):
    from navsome.output.escape import visible

    assert visible(text) == shown
    assert visible(text, one_line=True) == shown.replace("\n", r"\x0a")


def test_json_escapes_hidden_characters_as_valid_json_and_refuses_nan():
    from navsome.output.json_csv import write_json

    text = "N\u200bA\u2028V\x85 \U000f0000 \udcff \ufffe ø\n"
    out = io.StringIO()
    write_json({"name": text, f"key\u2060{DECODED}": [text]}, out)
    written = out.getvalue()
    for char in [*RAW_HIDDEN, "\x85", "\udcff"]:
        assert char not in written
    assert r"\udb80\udc00" in written  # U+F0000 as JSON writes it: a UTF-16 surrogate pair
    assert "ø" in written  # letters are not escaped
    written.encode("utf-8")  # no lone surrogate left to make the bytes invalid
    assert json.loads(written) == {"name": text, f"key\u2060{DECODED}": [text]}
    for number in (float("nan"), float("inf")):
        with pytest.raises(ValueError):
            write_json({"value": number}, io.StringIO())


def test_a_surrogate_from_the_command_line_is_written_escaped(navsome, tmp_path):
    missing = "/nowhere/\udcffx.toml"  # how Python decodes the byte 0xff in argv
    result = navsome("show", "\udcffgone")
    assert result.exit_code == 2
    assert "\\udcffgone" in result.stderr
    for extension in (".csv", ".json"):  # files are strict UTF-8: a raw surrogate cannot be
        target = tmp_path / f"problems{extension}"
        result = navsome("validate", missing, "--export", str(target))
        assert result.exit_code == 1, result.stderr
        assert "\\udcffx.toml" in target.read_text(encoding="utf-8")


EXPORTED = [["list"], ["show", "jobblyst"], ["compare", "-m", "followers"], ["timeline"]]
EXPORTED += [["metrics"], ["validate"]]


@pytest.mark.parametrize("args", EXPORTED, ids=" ".join)
def test_exports_of_hostile_text_hold_no_hidden_character_and_stay_well_formed(
    navsome, hostile_registry, tmp_path, args
):
    import xml.etree.ElementTree as ElementTree

    for extension in (".svg", ".html", ".md", ".csv", ".json"):
        target = tmp_path / f"answer{extension}"
        result = navsome("--registry", hostile_registry, *args, "--export", str(target))
        assert result.exit_code == 0, result.stderr
        text = target.read_bytes().decode("utf-8")  # strict: no lone surrogate written
        for char in RAW_HIDDEN:
            assert char not in text, (extension, char)
        assert not XML_ILLEGAL.search(text)
        if extension == ".svg":
            root = ElementTree.fromstring(text)  # raises on a document that is not XML
            drawn = "".join(root.itertext())
            assert args[0] == "validate" or "\\u200bA\\u2060V" in drawn.replace("\xa0", " ")
        elif extension == ".html":
            assert_balanced_html(text)
            assert args[0] == "validate" or "\\u200bA\\u2060V" in text
        elif extension == ".json":
            json.loads(text)


def assert_balanced_html(document: str) -> None:
    """Every element Rich's HTML opens is closed in order (void elements aside), and no
    character reference names a character XML forbids: the best check short of a validator,
    since HTML5 (`<meta charset="UTF-8">`) is not XML for an XML parser."""
    from html.parser import HTMLParser

    void = {"meta", "br", "hr", "img", "link", "input"}

    class Balance(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.open: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in void:
                self.open.append(tag)

        def handle_endtag(self, tag):
            assert self.open and self.open[-1] == tag, (self.open[-3:], tag)
            self.open.pop()

        def handle_charref(self, name):
            code = int(name[1:], 16) if name[0] in "xX" else int(name)
            assert not XML_ILLEGAL.match(chr(code)), name

    parser = Balance()
    parser.feed(document)
    parser.close()
    assert parser.open == []
