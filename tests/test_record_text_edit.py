"""record edits the text: only the new figure's lines change, checked against the registry it
read; tomlkit is left for layouts the text edit does not handle; the parse cache follows."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import SHIPPED

import navsome.registry.read
import navsome.registry.record
import navsome.registry.rewrite
import navsome.registry.text_edit
from navsome.model import Measurement
from navsome.registry.read import load_registry
from navsome.registry.record import figure_fields, record
from navsome.registry.text_edit import Edit, add_figure, replace_figure
from navsome.registry.toml import tomllib

TEXT = SHIPPED.read_text(encoding="utf-8")
REGISTRY = load_registry(SHIPPED)
# Its note has a quote and DEL, which TOML wants escaped.
NEW = Measurement("followers", 123, "2019-01", "nav-some-2017", "about", None, "om lag", 'a"\x7f')
CHANNELS = [
    (slug, index, channel)
    for slug, account in REGISTRY.accounts.items()
    for index, channel in enumerate(account.channels)
]


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` has that `before` has not; fails if any line of `before` went."""
    added = []
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, before.splitlines()[i1:i2])
        if tag == "insert":
            added += after.splitlines()[j1:j2]
    return added


@pytest.mark.parametrize(("slug", "index", "channel"), CHANNELS, ids=lambda v: str(v)[:20])
def test_an_added_figure_is_its_lines_alone_and_reads_as_the_figure_added(slug, index, channel):
    edit = add_figure(TEXT, slug, index, figure_fields(NEW))
    assert edit is not None
    assert [line for line in added_lines(TEXT, edit.text) if line] == [
        f"[[accounts.{slug}.channels.measurements]]",
        'metric = "followers"',
        "value = 123",
        'qualifier = "about"',
        'as_of = "2019-01"',
        'source = "nav-some-2017"',
        'stated = "om lag"',
        'note = "a\\"\\u007f"',
    ]
    expected = tomllib.loads(TEXT)
    expected["accounts"][slug]["channels"][index].setdefault("measurements", []).append(
        figure_fields(NEW)
    )
    assert tomllib.loads(edit.text) == expected


@pytest.mark.parametrize(("slug", "index", "channel"), CHANNELS, ids=lambda v: str(v)[:20])
def test_a_replaced_figure_rewrites_only_the_lines_that_change(slug, index, channel):
    # What the figure's table holds afterwards is exactly the new figure's fields, in the same
    # place: its old wording and note go, as they described the old figure.
    for number, old in enumerate(channel.measurements):
        new = old._replace(value=old.value + 1, stated=None, note=None, note_nb=None)
        edit = replace_figure(TEXT, slug, index, number, figure_fields(new))
        assert edit is not None
        expected = tomllib.loads(TEXT)
        expected["accounts"][slug]["channels"][index]["measurements"][number] = figure_fields(new)
        assert tomllib.loads(edit.text) == expected
        old_lines, new_lines = TEXT.splitlines(), edit.text.splitlines()
        changed = [line for line in new_lines if line not in old_lines]
        assert changed == [f"value = {new.value}"] or all(
            line.startswith("value = ") for line in changed
        )
        gone = len(old_lines) - len(new_lines)
        assert gone == sum(text is not None for text in (old.stated, old.note, old.note_nb))


def test_a_new_figure_goes_before_the_comments_that_introduce_what_follows():
    # The shipped registry separates accounts with a comment rule after their last figure.
    slug, index = "foreldrepenger", len(REGISTRY.accounts["foreldrepenger"].channels) - 1
    edit = add_figure(TEXT, slug, index, figure_fields(NEW))
    assert edit is not None
    after_figure = edit.text[edit.text.index('note = "a\\"\\u007f"') :]
    assert after_figure.lstrip("\n").startswith("note")
    assert after_figure.split("\n")[2].startswith("# ----")


def record_into(path: Path, figure: Measurement = NEW, channel: str = "jobblyst/facebook", **kw):
    return record(path, channel, figure, **kw)


@pytest.fixture
def tomlkit_calls(monkeypatch) -> list[tuple]:
    seen: list[tuple] = []
    real = navsome.registry.record._edit

    def counting(text, requests):
        seen.extend(requests)  # each channel tomlkit edits: (account, channel index)
        return real(text, requests)

    monkeypatch.setattr(navsome.registry.record, "_edit", counting)
    return seen


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace('stated = "19 500 følgere"', 'stated = """19 500\nfølgere"""'),
        lambda t: t.replace('name = "NAV Jobblyst"', "name = '''NAV Jobblyst'''"),
    ],
    ids=["a multi-line string", "a multi-line literal"],
)
def test_a_file_with_multi_line_strings_is_recorded_by_tomlkit(tmp_path, tomlkit_calls, change):
    path = tmp_path / "channels.toml"
    text = change(TEXT)
    assert text != TEXT
    path.write_text(text, encoding="utf-8")
    record_into(path)
    assert tomlkit_calls == [("jobblyst", 0)]
    assert load_registry(path).accounts["jobblyst"].channels[0].measurements[-1] == NEW


def test_figures_written_inline_are_recorded_by_tomlkit(tmp_path, tomlkit_calls):
    path = tmp_path / "channels.toml"
    inline = TEXT.replace(
        '[[accounts.nav.channels]]\nplatform = "youtube"',
        '[[accounts.nav.channels]]\nplatform = "youtube"\nmeasurements = []',
    )
    assert inline != TEXT
    path.write_text(inline, encoding="utf-8")
    record_into(path, channel="nav/youtube")
    assert tomlkit_calls == [("nav", 1)]
    assert load_registry(path).accounts["nav"].channels[1].measurements == (NEW,)


@pytest.mark.parametrize(
    "layout",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.rstrip("\n"),  # no newline at the end
    ],
    ids=["CRLF", "byte-order mark", "no final newline"],
)
def test_the_text_edit_keeps_the_files_byte_habits(tmp_path, tomlkit_calls, layout):
    path = tmp_path / "channels.toml"
    original = layout(TEXT).encode("utf-8")
    path.write_bytes(original)
    # the last channel of the file: its figure goes at the very end
    record_into(path, channel="jobbmesse/instagram")
    record_into(path, NEW._replace(value=124), channel="jobblyst/facebook", replace=False)
    assert tomlkit_calls == []
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    assert (b"\r\n" in data) == (b"\r\n" in original)
    if b"\r\n" in original:
        assert data.count(b"\n") == data.count(b"\r\n")
    registry = load_registry(path)
    assert registry.accounts["jobbmesse"].channels[-1].measurements[-1] == NEW


@pytest.fixture
def misplacing(monkeypatch):
    """The text edit gone wrong: the right new lines put in the next channel's place. Gives the
    real add_figure."""
    real = navsome.registry.text_edit.add_figure

    def misplaced(text, account, channel, fields):
        right = real(text, account, channel, fields)
        wrong = real(text, account, channel + 1, fields)
        start = text.index(wrong.old_section)
        moved = text[:start] + right.new_section + text[start + len(wrong.old_section) :]
        return Edit(moved, wrong.old_section, right.new_section)

    monkeypatch.setattr(navsome.registry.text_edit, "add_figure", misplaced)
    return real


def test_an_edit_in_the_wrong_place_is_never_written(tmp_path, misplacing, tomlkit_calls):
    """Should the text edit go wrong, the check of the section it replaced against the
    registry catches it, and tomlkit records the figure instead."""
    path = tmp_path / "channels.toml"
    path.write_text(TEXT, encoding="utf-8")
    record_into(path)
    assert tomlkit_calls == [("jobblyst", 0)]
    channels = load_registry(path).accounts["jobblyst"].channels
    assert channels[0].measurements[-1] == NEW
    assert [c.platform for c in channels] == [
        c.platform for c in REGISTRY.accounts["jobblyst"].channels
    ]


def test_an_edit_that_changes_more_than_the_figure_is_never_written(
    tmp_path, monkeypatch, tomlkit_calls
):
    real = navsome.registry.text_edit.add_figure

    def also_renamed(text, account, channel, fields):
        edit = real(text, account, channel, fields)
        section = edit.new_section.replace('started = "2014"', 'started = "2013"')
        return Edit(edit.text.replace(edit.new_section, section), edit.old_section, section)

    monkeypatch.setattr(navsome.registry.text_edit, "add_figure", also_renamed)
    path = tmp_path / "channels.toml"
    path.write_text(TEXT, encoding="utf-8")
    record_into(path)
    assert tomlkit_calls == [("jobblyst", 0)]
    assert load_registry(path).accounts["jobblyst"].channels[0].started == "2014"


def test_an_import_whose_edit_lands_in_the_wrong_place_is_never_written(
    tmp_path, monkeypatch, tomlkit_calls
):
    """import takes the same path (record.edited_registry): its text edit, put in the next
    channel's place, is caught by the look at the section it replaced, and tomlkit does it."""
    from navsome.registry.batch import Row, import_rows

    real = navsome.registry.text_edit.edit_channels

    def misplaced(text, requests):
        ((account, index),) = requests
        _, right = real(text, requests)
        _, wrong = real(text, {(account, index + 1): requests[(account, index)]})
        (wrong_old, _), (_, right_new) = wrong[(account, index + 1)], right[(account, index)]
        start = text.index(wrong_old)
        moved = text[:start] + right_new + text[start + len(wrong_old) :]
        return moved, {(account, index): (wrong_old, right_new)}

    monkeypatch.setattr(navsome.registry.text_edit, "edit_channels", misplaced)
    path = tmp_path / "channels.toml"
    path.write_text(TEXT, encoding="utf-8")
    import_rows(path, [Row("x.csv:2", "jobblyst/facebook", NEW)])
    assert tomlkit_calls == [("jobblyst", 0)]
    channels = load_registry(path).accounts["jobblyst"].channels
    assert channels[0].measurements[-1] == NEW
    assert channels[1:] == REGISTRY.accounts["jobblyst"].channels[1:]


def test_an_invalid_figure_is_refused_with_its_line_in_the_new_file(tmp_path):
    path = tmp_path / "channels.toml"
    path.write_text(TEXT, encoding="utf-8")
    from navsome.registry.record import RecordRefused

    with pytest.raises(RecordRefused) as refused:
        record_into(path, NEW._replace(as_of="2010"), channel="jobblyst/youtube")
    assert "before the channel started" in str(refused.value)
    assert refused.value.problems[0].line is not None
    assert path.read_text(encoding="utf-8") == TEXT


# U+2028 ends a line for str.splitlines, which the line numbers follow, but not for TOML.
WITH_SEPARATOR = TEXT.replace("\n", "\n# a comment with a line separator\u2028 in it\n", 1)
INVALID = [
    ("jobblyst/facebook", NEW._replace(value=-5)),
    ("jobblyst/facebook", NEW._replace(value=5.5)),
    ("jobblyst/youtube", NEW._replace(as_of="2010")),
    ("jobblyst/facebook", NEW._replace(qualifier="range", value=800, high=600)),
    ("kunnskap/facebook", NEW._replace(as_of="2010-05", value=-1, qualifier="over")),
]


@pytest.mark.parametrize("text", [TEXT, WITH_SEPARATOR], ids=["lf", "u2028"])
@pytest.mark.parametrize(("channel", "figure"), INVALID, ids=lambda v: str(v)[:30])
def test_a_refusal_names_what_the_whole_new_file_would_with_the_same_lines(
    tmp_path, tomlkit_calls, text, channel, figure
):
    """The refusal is worked out from the channel's section alone, not by tomlkit editing the
    whole file (20 s on a registry ten years deep): the same problems on the same lines as a
    check of the whole new file gives."""
    from navsome.errors import RegistryProblems
    from navsome.registry.read import parse_registry
    from navsome.registry.record import RecordRefused

    path = tmp_path / "channels.toml"
    path.write_bytes(text.encode())
    with pytest.raises(RecordRefused) as refused:
        record_into(path, figure, channel=channel)
    assert tomlkit_calls == []
    assert path.read_bytes() == text.encode()

    slug, platform = channel.split("/")
    index = REGISTRY.accounts[slug].platforms.index(platform)
    edit = add_figure(text, slug, index, figure_fields(figure))
    assert edit is not None
    with pytest.raises(RegistryProblems) as whole:
        parse_registry(edit.text, str(path))
    said = [(p.path, str(p.message), p.line) for p in refused.value.problems]
    assert said == [(p.path, str(p.message), p.line) for p in whole.value.problems]
    assert all(line is not None for _, _, line in said)


def test_a_refusal_whose_edit_went_to_the_wrong_place_comes_from_the_whole_file(
    tmp_path, misplacing, tomlkit_calls
):
    """The section is trusted for a refusal only where it is the channel's: a text edit that
    put the figure in the next channel's place is caught, and the whole new file (by tomlkit)
    says what is wrong, on the right line."""
    from navsome.errors import RegistryProblems
    from navsome.registry.read import parse_registry
    from navsome.registry.record import RecordRefused

    path = tmp_path / "channels.toml"
    path.write_text(TEXT, encoding="utf-8")
    negative = NEW._replace(value=-5)
    with pytest.raises(RecordRefused) as refused:
        record_into(path, negative)
    assert tomlkit_calls == [("jobblyst", 0)]
    with pytest.raises(RegistryProblems) as whole:
        parse_registry(misplacing(TEXT, "jobblyst", 0, figure_fields(negative)).text, str(path))
    said = [(p.path, str(p.message), p.line) for p in refused.value.problems]
    assert said == [(p.path, str(p.message), p.line) for p in whole.value.problems]


# --- the parse cache: read for the file as it was, written for the new one ------------------


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    seen: list[str] = []
    for module in (navsome.registry.read, navsome.registry.rewrite):
        real = module.parse_registry

        def counting(text, name, real=real):
            seen.append(name)
            return real(text, name)

        monkeypatch.setattr(module, "parse_registry", counting)
    return seen


def test_a_record_reads_the_cache_and_leaves_it_fresh_for_the_next_run(tmp_path, parses):
    path, folder = tmp_path / "channels.toml", tmp_path / "cache"
    path.write_text(TEXT, encoding="utf-8")
    load_registry(path, cache_dir=folder)
    assert len(parses) == 1
    record_into(path, cache_dir=folder)
    record_into(path, NEW._replace(as_of="2019-02"), cache_dir=folder)
    after = load_registry(path, cache_dir=folder)
    assert len(parses) == 1  # neither record nor the load after them parsed the file
    assert after == load_registry(path)
    figures = after.accounts["jobblyst"].channels[0].measurements
    assert figures[-2:] == (NEW, NEW._replace(as_of="2019-02"))


def test_a_record_from_the_cache_still_refuses_what_does_not_validate(tmp_path, parses):
    path, folder = tmp_path / "channels.toml", tmp_path / "cache"
    path.write_text(TEXT, encoding="utf-8")
    load_registry(path, cache_dir=folder)
    from navsome.registry.record import RecordRefused

    with pytest.raises(RecordRefused):
        record_into(path, NEW._replace(value=-5), cache_dir=folder)
    assert path.read_text(encoding="utf-8") == TEXT
