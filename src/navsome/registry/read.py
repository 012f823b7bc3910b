"""Find, read and parse the registry file; never prints, raises RegistryError on any failure."""

from __future__ import annotations

import gc
import math
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from navsome.errors import Problem, RegistryError, UsageError
from navsome.model import Registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ENV_VAR = "NAVSOME_REGISTRY"
SIZE_LIMIT_VAR = "NAVSOME_MAX_REGISTRY_MB"
# tomllib reads about 2 MB a second on a small machine; a real registry is kilobytes. Larger
# files are refused at once rather than parsed for minutes (raise the limit for benchmarks).
DEFAULT_SIZE_LIMIT_MB = 32
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def installed_registry() -> Path | None:
    """The registry inside an installed package (a wheel), which navsome never edits."""
    inside = Path(__file__).parents[1] / "data" / "channels.toml"
    return inside.resolve() if inside.is_file() else None


def packaged_registry() -> Path:
    """The registry shipped with navsome: inside the installed package, or the source checkout's."""
    return installed_registry() or Path(__file__).resolve().parents[3] / "data" / "channels.toml"


def registry_path(explicit: str | None = None) -> Path:
    """--registry wins, then NAVSOME_REGISTRY, then the packaged registry."""
    chosen = explicit or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else packaged_registry()


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is accepted and dropped)."""
    return decode_text(read_bytes(path), str(path))


def read_bytes(path: Path) -> bytes | bytearray:
    """The file's bytes, or RegistryError saying why they cannot be read."""
    name = str(path)
    limit = _size_limit()
    try:
        raw = _read_at_most(path, limit)
    except FileNotFoundError:
        raise _unreadable(
            name, "no such file; check the path given by --registry or NAVSOME_REGISTRY"
        ) from None
    except IsADirectoryError:
        raise _unreadable(name, "is a directory, not a registry file") from None
    except PermissionError:
        raise _unreadable(name, "permission denied; check the file's read permission") from None
    except OSError as error:
        raise _unreadable(name, f"cannot be read: {error.strerror or error}") from None
    if raw is None:
        size = f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit:,} bytes"
        why = (
            f"is larger than {size}, more than a registry should be; "
            f"set {SIZE_LIMIT_VAR} to read it anyway"
        )
        raise _unreadable(name, why)
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
        problem = Problem("", f"byte {offset} is not UTF-8; save the file as UTF-8", line)
        raise RegistryError(name, [problem]) from None


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
        why = "is a device, not a registry file; give the path of a registry's .toml file"
        raise _unreadable(str(path), why)


def _size_limit() -> int:
    """The most bytes a registry may have: NAVSOME_MAX_REGISTRY_MB megabytes, else the default."""
    setting = os.environ.get(SIZE_LIMIT_VAR, "").strip()
    if not setting:  # empty is unset
        return DEFAULT_SIZE_LIMIT_MB * 2**20
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = math.nan
    if not 0 < megabytes < math.inf:  # false for nan too
        raise UsageError(
            f"{SIZE_LIMIT_VAR}={setting!r} is not a size; set it to a number of megabytes "
            f"above 0, such as 64, or unset it for the default of {DEFAULT_SIZE_LIMIT_MB}."
        )
    return int(megabytes * 2**20)


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """The TOML document in `text`, or RegistryError naming the line where it goes wrong."""
    from navsome.registry.guard import shape_problem

    if not text or text.isspace():  # isspace, unlike strip, copies nothing
        why = "the file is empty; a registry needs [sources], [platforms], [metrics] and [accounts]"
        raise _unreadable(name, why)
    if problem := shape_problem(text):  # what tomllib would take minutes to read
        raise RegistryError(name, [problem])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            raise RegistryError(name, [Problem("", f"TOML syntax: {message}")]) from None
        line, column = int(position.group(1)), int(position.group(2))
        lines = text.splitlines()
        excerpt = lines[line - 1] if 0 < line <= len(lines) else None
        problem = Problem(
            "",
            f"TOML syntax: {message[: position.start()].rstrip()}",
            line,
            column,
            excerpt,
        )
        raise RegistryError(name, [problem]) from None
    except RecursionError:
        problem = Problem("", "TOML syntax: arrays or tables are nested too deeply")
        raise RegistryError(name, [problem]) from None
    except ValueError:  # int() refused an integer of thousands of digits
        from navsome.registry.guard import long_integer

        found = long_integer(text)  # None when its place is beyond the simple search
        digits = f"{found[1]:,}" if found else "thousands of"
        problem = Problem(
            "",
            f"an integer of {digits} digits is too long to read; "
            "a number must lie between -1e15 and 1e15",
            found[0] if found else None,
        )
        raise RegistryError(name, [problem]) from None


def load_registry(explicit: str | None = None) -> Registry:
    """Load and check the registry chosen by --registry, NAVSOME_REGISTRY or the default."""
    from navsome.registry.schema import build_registry

    path = registry_path(explicit)
    text = read_text(path)
    # Parsing and building make millions of objects for a large registry and none of them
    # form cycles, so the cyclic garbage collector would only rescan them, again and again:
    # it is paused meanwhile, and what was built is then left out of its later scans.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = parse_toml(text, str(path))
        registry = build_registry(data, str(path))
        gc.freeze()
        return registry
    except RegistryError as error:
        if any(p.path and not p.line for p in error.problems):  # the scan costs a parse's time
            from navsome.registry.locate import line_numbers, line_of

            lines = line_numbers(text)
            error.problems[:] = [
                p if p.line or not p.path else p._replace(line=line_of(p.path, lines))
                for p in error.problems
            ]
        raise RegistryError(error.file, error.problems) from None
    finally:
        if collecting:
            gc.enable()


def _unreadable(name: str, why: str) -> RegistryError:
    return RegistryError(name, [Problem("", why)])
