"""A small TOML writer for tests that write thousands of registries: plain data (tables, arrays,
strings, numbers, booleans) laid out as a registry is, [tables] and [[arrays of tables]] under
headers, in well under a millisecond where tomlkit takes tens. Tests that use it check that
tomllib reads back what was written, so a fault here cannot pass for navsome refusing a file."""

from __future__ import annotations

import math
import re
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"
_MUST_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def dumps(data: dict[str, Any]) -> str:
    lines: list[str] = []
    _table(lines, (), data)
    return "\n".join(lines).lstrip("\n") + "\n"


def _table(lines: list[str], path: tuple[str, ...], table: dict[str, Any]) -> None:
    below = []
    for key, value in table.items():
        if isinstance(value, dict) or _array_of_tables(value):
            below.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in below:
        name = ".".join(_key(part) for part in (*path, key))
        if isinstance(value, dict):
            lines += ["", f"[{name}]"]
            _table(lines, (*path, key), value)
        else:
            for item in value:
                lines += ["", f"[[{name}]]"]
                _table(lines, (*path, key), item)


def _array_of_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    escaped = _MUST_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)
    return f'"{escaped}"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"TOML has no {type(value).__name__}")
