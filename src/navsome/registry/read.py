"""Find, read and parse the registry file: never prints, never reads the environment, and
raises RegistryProblems (with every problem's line) on any failure."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from navsome.errors import (
    Message,
    Problem,
    RegistryNotFound,
    RegistryProblems,
    RegistryTooLarge,
    UsageError,
    os_reason,
    outside_text,
)
from navsome.model import Registry

# tomllib reads about 2 MB a second on a small machine; a real registry is kilobytes. Larger
# files are refused at once rather than parsed for minutes (callers may raise the limit).
DEFAULT_MAX_BYTES = 32 * 2**20
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_THE_END = " (at end of document)"
# The parser's reasons that name something (tomllib's and tomli's words alike), each made a
# template with that in it; the others are said by the catalogue as they stand. Matched only
# on the error path (re caches what it compiles then).
_NAMING_REASONS: list[tuple[str, Callable[[str], Message]]] = [
    (
        r"Cannot declare (.+) twice",
        lambda key: Message("Cannot declare {key} twice", key=key),
    ),
    (
        r"Cannot mutate immutable namespace (.+)",
        lambda key: Message("Cannot mutate immutable namespace {key}", key=key),
    ),
    (
        r"Cannot redefine namespace (.+)",
        lambda key: Message("Cannot redefine namespace {key}", key=key),
    ),
    (
        r"Duplicate inline table key (.+)",
        lambda key: Message("Duplicate inline table key {key}", key=key),
    ),
    (r"Illegal character (.+)", lambda key: Message("Illegal character {key}", key=key)),
    (
        r"Found invalid character (.+)",
        lambda key: Message("Found invalid character {key}", key=key),
    ),
    (r"""Expected ('.+'|".+")""", lambda key: Message("Expected {key}", key=key)),
]


def installed_registry() -> Path | None:
    """The registry inside an installed package (a wheel), which navsome never edits."""
    inside = Path(__file__).parents[1] / "data" / "channels.toml"
    return inside.resolve() if inside.is_file() else None


def packaged_registry() -> Path:
    """The registry shipped with navsome: inside the installed package, or the source checkout's."""
    return installed_registry() or Path(__file__).resolve().parents[3] / "data" / "channels.toml"


def registry_path(path: str | os.PathLike[str] | None = None) -> Path:
    """`path`, or the packaged registry when it is None."""
    if path is None:
        return packaged_registry()
    if not os.fspath(path):
        raise UsageError(
            "an empty path names no registry file; give a path, or None for the registry "
            "shipped with navsome."
        )
    return Path(path)


def read_bytes(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> bytes | bytearray:
    """The file's bytes, or RegistryProblems saying why they cannot be read."""
    name = str(path)
    limit = max_bytes
    try:
        raw = _read_at_most(Path(path), limit)
    except FileNotFoundError:
        missing = Message("no such file; check the path")
        raise RegistryNotFound(name, [Problem("", missing)]) from None
    except IsADirectoryError:
        raise _unreadable(name, Message("is a directory, not a registry file")) from None
    except PermissionError:
        denied = Message("permission denied; check the file's read permission")
        raise _unreadable(name, denied) from None
    except OSError as error:
        why = Message("cannot be read: {reason}", reason=os_reason(error))
        raise _unreadable(name, why) from None
    if raw is None:
        if limit >= 2**20:
            large = Message(
                "is larger than {size:g} MB, more than a registry should be", size=limit / 2**20
            )
        else:
            large = Message(
                "is larger than {size:,} bytes, more than a registry should be", size=limit
            )
        raise RegistryTooLarge(name, [Problem("", large)])
    return raw  # a bytearray: copying a large file's bytes would double the memory


BOM = b"\xef\xbb\xbf"


def decode_text(raw: bytes | bytearray, name: str) -> str:
    """`raw` decoded as UTF-8; a byte-order mark is accepted and dropped."""
    start = len(BOM) if raw.startswith(BOM) else 0
    try:
        return (raw[start:] if start else raw).decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, start + error.start) + 1
        offset = start + error.start
        not_utf8 = Message("byte {offset} is not UTF-8; save the file as UTF-8", offset=offset)
        problem = Problem("", not_utf8, line)
        raise RegistryProblems(name, [problem]) from None


def _read_at_most(path: Path, limit: int) -> bytearray | None:
    """The file's bytes, or None when it holds more than `limit`. A named pipe with no writer
    reads as empty instead of blocking; a terminal or other device is refused unopened."""
    # Checked before opening: opening /dev/ptmx makes a terminal, and reading /dev/tty waits.
    _refuse_device(path, os.stat(path).st_mode)
    # O_NONBLOCK: a pipe without a writer opens at once; O_NOCTTY: never become our terminal.
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX only; Windows has no named pipes here
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        _refuse_device(path, info.st_mode)  # the path may have become a device since the stat
        if nonblocking and stat.S_ISFIFO(info.st_mode):  # a pipe's writer may be slow: wait
            os.set_blocking(fd, True)
        # Anything else stays non-blocking: a file that looks regular but waits for data (such
        # as /proc/kmsg) fails at once instead of hanging.
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            return None
        buffer = bytearray()
        while len(buffer) <= limit:
            chunk = os.read(fd, min(limit + 1 - len(buffer), 1 << 20))
            if not chunk:
                return buffer
            buffer += chunk
        return None
    finally:
        os.close(fd)


def _refuse_device(path: Path, mode: int) -> None:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        why = Message("is a device, not a registry file; give the path of a registry's .toml file")
        raise _unreadable(str(path), why)


def parser_reason(reason: str) -> Message:
    """The TOML parser's reason for refusing a file, as a Message the catalogue words in the
    reader's language: by a template where it names something (a key, a character), else as
    the parser wrote it (outside text, which the catalogue knows the usual ones of)."""
    for pattern, worded in _NAMING_REASONS:
        found = re.fullmatch(pattern, reason)
        if found:
            return worded(found.group(1))
    return outside_text(reason)


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """The TOML document in `text`, or RegistryProblems naming the line where it goes wrong."""
    from navsome.registry.guard import shape_problem
    from navsome.registry.toml import tomllib

    if not text or text.isspace():  # isspace, unlike strip, copies nothing
        why = Message(
            "the file is empty; a registry needs [sources], [platforms], [metrics] and [accounts]"
        )
        raise _unreadable(name, why)
    if problem := shape_problem(text):  # what tomllib would take minutes to read
        raise RegistryProblems(name, [problem])
    try:
        data: dict[str, Any] = tomllib.loads(text)  # typed Any where tomli stands in for it
        return data
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            if message.endswith(_AT_THE_END):
                reason = parser_reason(message.removesuffix(_AT_THE_END))
                syntax = Message("TOML syntax: {reason} at the end of the file", reason=reason)
            else:
                syntax = Message("TOML syntax: {reason}", reason=parser_reason(message))
            raise RegistryProblems(name, [Problem("", syntax)]) from None
        line, column = int(position.group(1)), int(position.group(2))
        lines = text.splitlines()
        excerpt = lines[line - 1] if 0 < line <= len(lines) else None
        reason = parser_reason(message[: position.start()].rstrip())
        syntax = Message("TOML syntax: {reason}", reason=reason)
        raise RegistryProblems(name, [Problem("", syntax, line, column, excerpt)]) from None
    except RecursionError:
        deep = Message("TOML syntax: arrays or tables are nested too deeply")
        raise RegistryProblems(name, [Problem("", deep)]) from None
    except ValueError:  # int() refused an integer of thousands of digits
        from navsome.registry.guard import long_integer

        found = long_integer(text)  # None when its place is beyond the simple search
        if found:
            long = Message(
                "an integer of {digits:,} digits is too long to read; a number must lie between "
                "-1e15 and 1e15",
                digits=found[1],
            )
        else:
            long = Message(
                "an integer of thousands of digits is too long to read; a number must lie "
                "between -1e15 and 1e15"
            )
        problem = Problem("", long, found[0] if found else None)
        raise RegistryProblems(name, [problem]) from None


def load_registry(
    path: str | os.PathLike[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Registry:
    """The registry at `path` (the packaged one when None), read, parsed and checked. With a
    `cache_dir`, its model is kept there and read back while the file's bytes stay the same
    (see registry/cache.py)."""
    chosen = registry_path(path)
    raw = read_bytes(chosen, max_bytes)
    if cache_dir is not None:
        from navsome.registry import cache

        return cache.cached(Path(cache_dir), chosen, raw, lambda: _parse_bytes(raw, chosen))
    return _parse_bytes(raw, chosen)


def _parse_bytes(raw: bytes | bytearray, path: Path) -> Registry:
    return parse_registry(decode_text(raw, str(path)), str(path))


def parse_registry(text: str, name: str) -> Registry:
    """The registry in `text`, checked in full; RegistryProblems places each problem on its
    line. The one path from text to Registry, for loading and for `record`'s new text alike."""
    return check_registry(parse_toml(text, name), text, name)


def check_registry(data: dict[str, Any], text: str, name: str) -> Registry:
    """The registry `data` (parsed from `text`) describes, or RegistryProblems with lines."""
    from navsome.registry.schema import build_registry

    try:
        return build_registry(data, name)
    except RegistryProblems as error:
        if any(p.path and not p.line for p in error.problems):  # the scan costs a parse's time
            from navsome.registry.locate import line_numbers, line_of

            lines = line_numbers(text)
            error.problems[:] = [
                p if p.line or not p.path else p._replace(line=line_of(p.path, lines))
                for p in error.problems
            ]
        raise type(error)(error.file, error.problems) from None


def _unreadable(name: str, why: Message) -> RegistryProblems:
    return RegistryProblems(name, [Problem("", why)])
