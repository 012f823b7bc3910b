"""Where a dotted path (`accounts.jobblyst.channels[0].measurements[2].value`) sits in TOML text.

tomllib keeps no positions, so problems found in the parsed data are placed by a light scan of
the text: table headers, arrays of tables (counted, to give indices) and `key =` lines. Used only
on the error path.
"""

from __future__ import annotations

import json
import re

from navsome.errors import key_path

# A key is bare, "basic" or 'literal'; keys are joined by dots.
_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"\s*{_KEY}(?:\s*\.\s*{_KEY})*\s*"
_HEADER = re.compile(rf"\s*(\[\[?)({_DOTTED})\]\]?\s*(?:#.*)?")
_ASSIGNMENT = re.compile(rf"({_DOTTED})=")
_KEY_PART = re.compile(_KEY)
_STRING = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')
_MATTERS = re.compile(r"[\[\]{}\"'#]")


def _keys(dotted: str) -> list[str]:
    keys = []
    for token in _KEY_PART.findall(dotted):
        if token[0] == '"':
            try:
                token = json.loads(token)  # TOML's basic-string escapes are JSON's, nearly
            except ValueError:
                token = token[1:-1]
        elif token[0] == "'":
            token = token[1:-1]
        keys.append(token)
    return keys


def line_numbers(text: str) -> dict[str, int]:
    """The first line (1-based) of every table, array-of-tables element and key in `text`."""
    found: dict[str, int] = {}
    aot_index: dict[str, int] = {}
    current = ""
    depth = 0  # open brackets and braces of a value that spans lines
    in_string: str | None = None  # the delimiter of a multi-line string we are inside

    def concrete(keys: list[str], number: int) -> str:
        path = ""
        for key in keys:
            path = key_path(path, key)
            if path in aot_index:
                path += f"[{aot_index[path]}]"
            found.setdefault(path, number)  # a table a dotted name makes, first named here
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if in_string in line:
                in_string = None
            continue
        if depth == 0:
            header = _HEADER.fullmatch(line)
            if header:
                keys = _keys(header.group(2))
                if header.group(1) == "[[":
                    name = key_path(concrete(keys[:-1], number), keys[-1]) if keys else ""
                    found.setdefault(name, number)  # the array itself, for a problem with all of it
                    aot_index[name] = aot_index.get(name, -1) + 1
                    current = f"{name}[{aot_index[name]}]"
                else:
                    current = concrete(keys, number)
                found.setdefault(current, number)
                continue
            assignment = _ASSIGNMENT.match(line)
            if assignment:
                path = current
                for key in _keys(assignment.group(1)):
                    path = key_path(path, key)
                    found.setdefault(path, number)
        depth, in_string = _scan_value(line, depth)
    return found


def _scan_value(line: str, depth: int) -> tuple[int, str | None]:
    """Bracket depth after `line`, and the delimiter of a multi-line string left open."""
    position = 0
    # Jump from one character that matters to the next: a per-character loop in Python made
    # this scan slower than parsing the file.
    while found := _MATTERS.search(line, position):
        position = found.start()
        char = line[position]
        if char == "#":
            break
        match = _STRING.match(line, position) if char in "\"'" else None
        if match:
            token = match.group()
            if token in ('"""', "'''"):
                end = line.find(token, match.end())
                if end < 0:
                    return depth, token
                position = end + 3
            else:
                position = match.end()
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        position += 1
    return depth, None


def line_of(path: str, lines: dict[str, int]) -> int | None:
    """The line of `path`, or of its nearest ancestor that the scan found."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return None
        path = path[:cut]
    return None
