"""Record a figure by editing the registry's text: the lines of one figure are added to, or
replaced in, its channel's section, and every other byte of the file stays as it was.

Parsing a large file with tomlkit to add four lines took seconds; this finds the place from
the table headers alone (a regular expression over the text) and hands back the channel's
section before and after the edit, which the caller parses and checks against the registry it
already has. A layout this does not handle (multi-line strings, figures written inline, a
channel defined in some other way) gives None, and the caller edits with tomlkit instead.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from navsome.model import Number
from navsome.registry.locate import _DOTTED, _keys
from navsome.registry.toml import tomllib

# A table header on a line of its own: [table] or [[array.of.tables]], maybe a comment after.
_HEADER = re.compile(rf"^[ \t]*(\[\[?)({_DOTTED})\]\]?[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_TRIVIA = re.compile(r"[ \t]*(?:#[^\n]*)?")  # a blank or comment-only line


class Header(NamedTuple):
    start: int  # where the header's line starts in the text
    array: bool  # [[…]] rather than […]
    keys: tuple[str, ...]


class Edit(NamedTuple):
    """The new text, and the channel's section (its header to the next table that is not
    inside it) before and after the edit, for the caller to check."""

    text: str
    old_section: str
    new_section: str


def add_figure(
    text: str, account: str, channel: int, fields: dict[str, str | Number]
) -> Edit | None:
    """`text` with a new [[…measurements]] table after the last line of the channel's section
    (before any comments and blank lines that lead into what follows)."""
    return _one(edit_channels(text, {(account, channel): ([fields], {})}))


def replace_figure(
    text: str, account: str, channel: int, figure: int, fields: dict[str, str | Number]
) -> Edit | None:
    """`text` with the channel's `figure`th measurement table holding `fields`: a line whose
    key and value are unchanged stays as it was, a changed value is rewritten in place, a key
    the new figure does not have goes (the old wording described the old figure), and a new
    key follows the table's last."""
    return _one(edit_channels(text, {(account, channel): ([], {figure: fields})}))


def _one(edited: tuple[str, dict[tuple[str, int], tuple[str, str]]] | None) -> Edit | None:
    if edited is None:
        return None
    text, sections = edited
    (old_section, new_section), *_ = sections.values()
    return Edit(text, old_section, new_section)


Fields = dict[str, "str | Number"]
# Each channel's figures to add (in order) and to replace (by their index among the channel's),
# by (account, channel index).
Requests = dict[tuple[str, int], tuple[list[Fields], dict[int, Fields]]]


def edit_channels(
    text: str, requests: Requests
) -> tuple[str, dict[tuple[str, int], tuple[str, str]]] | None:
    """`text` with, for each (account, channel index) requested, its figures at the given
    indices replaced and new ones added after its last line; and each channel's section before
    and after. One pass over the file however many channels change. None when a channel is
    not found or is written in a way this module does not edit."""
    sections = _sections(text, set(requests))
    if sections is None or len(sections) != len(requests):
        return None
    pieces, done, position = [], {}, 0
    for key, (start, end) in sorted(sections.items(), key=lambda item: item[1][0]):
        account, _ = key
        adds, replaces = requests[key]
        section = text[start:end]
        new_section: str | None = section
        for figure in sorted(replaces, reverse=True):  # from the last: offsets stay right
            assert new_section is not None
            new_section = _replace_in(new_section, account, figure, replaces[figure])
            if new_section is None:
                return None
        assert new_section is not None
        if adds:
            new_section = _add_to(new_section, account, adds)
        pieces += [text[position:start], new_section]
        done[key] = (section, new_section)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), done


def _sections(
    text: str, wanted: set[tuple[str, int]]
) -> dict[tuple[str, int], tuple[int, int]] | None:
    """Where each wanted channel's section starts and ends: its [[accounts.A.channels]] header,
    up to the next header outside it (or the end of the file)."""
    if '"""' in text or "'''" in text:  # a header-like line could be inside a string
        return None
    counts: dict[str, int] = {}
    found: dict[tuple[str, int], tuple[int, int]] = {}
    open_key: tuple[str, int] | None = None
    open_start = 0
    for match in _HEADER.finditer(text):
        keys = tuple(_keys(match.group(2)))
        if open_key is not None:
            owner = ("accounts", open_key[0], "channels")
            if keys[:3] != owner or keys == owner:
                found[open_key] = (open_start, match.start())
                open_key = None
        if match.group(1) == "[[" and keys[::2] == ("accounts", "channels") and len(keys) == 3:
            index = counts[keys[1]] = counts.get(keys[1], -1) + 1
            if (keys[1], index) in wanted:
                open_key, open_start = (keys[1], index), match.start()
    if open_key is not None:
        found[open_key] = (open_start, len(text))
    return found


def _add_to(section: str, account: str, adds: list[Fields]) -> str:
    cut = content_end(section)
    head, tail = section[:cut], section[cut:]
    header = f"\n[[accounts.{account}.channels.measurements]]\n"
    tables = "".join(header + toml_lines(fields) for fields in adds)
    if not head.endswith("\n"):  # the file's last line had no newline
        head, tables = head + "\n", tables.rstrip("\n")
    return head + tables + tail


def _replace_in(section: str, account: str, figure: int, fields: Fields) -> str | None:
    headers = [
        (match.start(), match.group(1) == "[[", tuple(_keys(match.group(2))))
        for match in _HEADER.finditer(section)
    ]
    tables = [start for start, array, keys in headers if array and keys == _figures_key(account)]
    if figure >= len(tables):
        return None
    first = tables[figure]
    following = [start for start, _, _ in headers if start > first]
    last = following[0] if following else len(section)
    newline = section.find("\n", first)
    body_start = newline + 1 if 0 <= newline < last else last
    body = section[body_start:last]
    cut = content_end(body)
    new_body = _replaced_lines(body[:cut], fields)
    if new_body is None:
        return None
    return section[:body_start] + new_body + body[cut:] + section[last:]


def section_channel(section: str, account: str) -> Any:
    """The one channel a section of the file describes, as parsed TOML; None if it does not
    parse on its own or describes anything else."""
    try:
        data = tomllib.loads(section)
    except tomllib.TOMLDecodeError:
        return None
    channels = data.get("accounts", {}).get(account, {}).get("channels")
    if list(data) != ["accounts"] or list(data["accounts"]) != [account]:
        return None
    if list(data["accounts"][account]) != ["channels"] or len(channels) != 1:
        return None
    return channels[0]


def _figures_key(account: str) -> tuple[str, ...]:
    return ("accounts", account, "channels", "measurements")


def content_end(section: str) -> int:
    """Where the section's last line of content ends (after its newline, if it has one): the
    blank and comment lines after it introduce what follows, and stay before it."""
    lines = section.splitlines(keepends=True)
    end = len(section)
    for line in reversed(lines):
        if not _TRIVIA.fullmatch(line.rstrip("\r\n")):
            break
        end -= len(line)
    return end


def toml_lines(fields: dict[str, str | Number]) -> str:
    return "".join(f"{key} = {_value(value)}\n" for key, value in fields.items())


def _value(value: str | Number) -> str:
    """A value as TOML writes it: strings in double quotes, with TOML's escapes."""
    if isinstance(value, str):
        # JSON's string escapes are TOML's; TOML also wants DEL escaped.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return repr(value)


_ASSIGNMENT = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


def _replaced_lines(body: str, fields: dict[str, str | Number]) -> str | None:
    """The key lines of a figure's table with `fields` in place of what they held."""
    kept: list[str] = []
    left = dict(fields)
    for line in body.splitlines(keepends=True):
        if _TRIVIA.fullmatch(line.rstrip("\r\n")):
            kept.append(line)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment is None:
            return None  # a value over several lines, or a dotted key: not for a text edit
        key = assignment.group(1)
        try:
            old = tomllib.loads(line).get(key)
        except tomllib.TOMLDecodeError:
            return None
        if key not in left:
            continue  # the new figure has no such key
        new = left.pop(key)
        same = old == new and type(old) is type(new)
        kept.append(line if same else f"{key} = {_value(new)}\n")
    if kept and not kept[-1].endswith("\n"):  # the file's last line had no newline
        kept[-1] += "\n"
    return "".join(kept) + toml_lines(left)
