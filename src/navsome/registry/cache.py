"""A cache of checked registries: a registry's model, stored so that the next run reads it in a
tenth of the time parsing and checking the TOML again takes (for the shipped registry as for
ten years of figures; it also spares importing the parser).

An entry is found by the registry file's real path and trusted only for the exact bytes it was
made from: its key is a hash of those bytes, navsome's version, the cache format and the
Python that wrote it. A missing, stale, truncated, tampered or foreign entry is ignored (and
rebuilt), never trusted over the file. Entries live in a folder only the user may read, are
written whole or not at all (a temporary file renamed over the old entry), and are encoded with
`marshal`, which builds plain values and runs no code, unlike pickle.

The folder is pruned whenever an entry is written (never on a read): the KEEP entries used
most recently stay, the one just written always among them, and the rest are removed, with
temporary files a killed write left behind.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any

from navsome import __version__
from navsome.model import Account, Channel, Event, Measurement, Metric, Platform, Registry, Source

FORMAT = 5  # raise when the model or the encoding below changes
_MAGIC = b"navsome-cache\n"
_TAG = f"{__version__}|{FORMAT}|{sys.implementation.cache_tag}|{sys.hexversion}".encode()
_DIGEST = 32  # bytes of each hash

# Pruning. An entry is a registry file's (named by its path), so this is how many registry files
# stay cached: a user's registry and a few copies, and at most ~20 MB for ten-year registries
# (1.2 MB an entry). One more registry in use only costs a parse now and then.
KEEP = 16
_SCAN_LIMIT = 256  # names a prune looks at: a crowded folder costs a write no more than this
_LEFTOVER_AGE = 3600.0  # seconds: a temporary file this old is no write in progress
# Listed and removed through the folder opened once, not by its path (not on Windows).
_BY_FD = os.scandir in os.supports_fd and os.unlink in os.supports_dir_fd


def cached(
    folder: Path, registry: Path, raw: bytes | bytearray, build: Callable[[], Registry]
) -> Registry:
    """The registry in the file `registry`, whose bytes are `raw`: the cached model, or else
    `build()`'s, which is then cached. Only a regular file is cached (not a pipe, say)."""
    try:
        regular = stat.S_ISREG(os.stat(registry).st_mode)
    except OSError:
        regular = False
    if not regular:
        return build()
    wanted = key(raw)
    found = read(folder, registry, wanted)
    if found is not None:
        return found
    model = build()
    write(folder, registry, wanted, model)
    return model


try:  # hashlib's BLAKE2b, without hashlib's import of OpenSSL (5 ms of a warm query)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without the module
    from hashlib import blake2b


def digest(data: bytes | bytearray) -> bytes:
    """A 32-byte hash of `data` (BLAKE2b: cryptographic, and twice SHA-256's speed here)."""
    return blake2b(data, digest_size=_DIGEST).digest()


def key(raw: bytes | bytearray) -> bytes:
    """What an entry made from the registry bytes `raw` is found by: their digest, salted
    with navsome's version, the cache format and the Python that reads it."""
    return keyed(digest(raw))


def keyed(raw_digest: bytes) -> bytes:
    """The key of the registry bytes whose digest() is `raw_digest`."""
    return digest(_TAG + raw_digest)


def read(folder: Path, registry: Path, wanted: bytes) -> Registry | None:
    """The registry cached for the file `registry` under the key `wanted`, else None."""
    try:
        if not _private_folder(folder, create=False):
            return None
        data = _read_own_file(_entry(folder, registry))
        if data is None:
            return None
        head = len(_MAGIC)
        found, checksum = data[head : head + _DIGEST], data[head + _DIGEST : head + 2 * _DIGEST]
        payload = data[head + 2 * _DIGEST :]
        if not data.startswith(_MAGIC) or found != wanted:
            return None
        if digest(payload) != checksum:  # truncated or changed since it was written
            return None
        return _decode(marshal.loads(payload), str(registry))
    except Exception:  # anything wrong with an entry only means parsing the file instead
        return None


def write(folder: Path, registry: Path, wanted: bytes, model: Registry) -> None:
    """Store `model` as the entry for the file `registry` under the key `wanted`. Never fails
    the command: a cache that cannot be written is left alone."""
    with suppress(OSError, ValueError):
        if not _private_folder(folder, create=True):
            return
        import tempfile  # only a write needs it

        payload = marshal.dumps(_encode(model))
        data = b"".join([_MAGIC, wanted, digest(payload), payload])
        fd, name = tempfile.mkstemp(dir=folder, prefix=".entry.", suffix=".tmp")  # mode 0600
        entry = _entry(folder, registry)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            os.replace(name, entry)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        prune(folder, entry.name)


def prune(folder: Path, written: str) -> None:
    """Remove from `folder` the entries beyond the KEEP used most recently (the one named
    `written` is always kept) and temporary files of writes killed long ago. Never fails.

    "Used" is the later of the file's access time, which the system sets when an entry is
    read (once a day under Linux's default relatime), and its modification time, when it was
    written: a read costs nothing extra, and where access times are not kept the rule becomes
    "written most recently". Only names this module writes are touched, and only regular files
    of this user, never a link or a folder; the folder is opened without following a link.
    Another process may be reading an entry removed here: it has the file open (its bytes stay
    readable) or finds it missing and parses its registry again, as after any miss."""
    with suppress(Exception):  # housekeeping: whatever goes wrong, the command goes on
        if not _BY_FD:
            for path in _stale(folder, written):  # Windows: by path, checked just before
                with suppress(OSError):
                    os.unlink(path)
            return
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            if _owned(os.fstat(dir_fd)):
                for name in _stale(dir_fd, written):
                    with suppress(OSError):  # gone already (another prune, say)
                        os.unlink(name, dir_fd=dir_fd)
        finally:
            os.close(dir_fd)


def _stale(folder: Path | int, written: str) -> list[str]:
    """What prune() removes from `folder` (a path, or an open folder's descriptor): the
    entries' paths (names, for a descriptor) beyond the KEEP used most recently, then
    temporary files left by killed writes, among the first _SCAN_LIMIT names listed."""
    import re  # only a write needs them
    import time
    from itertools import islice

    entry_name = re.compile(r"[0-9a-f]{32}\.cache")
    temporary_name = re.compile(r"\.entry\.[a-z0-9_]+\.tmp")  # tempfile.mkstemp's, in write()
    entries: list[tuple[float, str]] = []
    leftovers = []
    now = time.time()
    with os.scandir(folder) as found:
        for item in islice(found, _SCAN_LIMIT):
            is_entry = entry_name.fullmatch(item.name) is not None
            if item.name == written or not (is_entry or temporary_name.fullmatch(item.name)):
                continue
            info = item.stat(follow_symlinks=False)  # a link's own, never its target's
            if not _own_file(info):
                continue
            used = max(info.st_atime, info.st_mtime)
            if is_entry:
                entries.append((used, item.path))
            elif now - used > _LEFTOVER_AGE:
                leftovers.append(item.path)
    entries.sort(reverse=True)
    return [path for _, path in entries[KEEP - 1 :]] + leftovers


def _entry(folder: Path, registry: Path) -> Path:
    real = os.fsencode(os.path.realpath(registry))
    return folder / (digest(real).hex()[:32] + ".cache")


def _uid() -> int | None:
    geteuid = getattr(os, "geteuid", None)  # not on Windows, where files have no POSIX owner
    return geteuid() if geteuid is not None else None


def _private_folder(folder: Path, create: bool) -> bool:
    """Whether `folder` is a real folder of this user that only they may use; with `create`,
    made so (or its permissions narrowed) when it is not yet."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(folder, 0o700)
        info = os.lstat(folder)
    uid = _uid()
    if not stat.S_ISDIR(info.st_mode) or (uid is not None and info.st_uid != uid):
        return False  # a link or a file in its place, or another user's: not ours to trust
    if uid is not None and info.st_mode & 0o077:
        if not create:
            return False
        os.chmod(folder, 0o700)
    return True


def _read_own_file(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of this user (never a link), else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        return file.read() if _own_file(os.fstat(fd)) else None


def _own_file(info: os.stat_result) -> bool:
    """Whether `info` is a regular file's that belongs to this user (a link's own is not)."""
    return stat.S_ISREG(info.st_mode) and _owned(info)


def _owned(info: os.stat_result) -> bool:
    uid = _uid()
    return uid is None or info.st_uid == uid


# The model as plain tuples, dicts and strings, which marshal stores, and back. Fields are
# written in the order the model declares them; FORMAT changes whenever that order does.


def _encode(model: Registry) -> Any:  # nested tuples and lists of plain values
    # The strings that figures repeat are one object each (schema.py interns them), so
    # marshal stores each once.
    accounts = []
    for account in model.accounts.values():
        channels = [(*c[:-1], list(map(tuple, c.measurements))) for c in account.channels]
        accounts.append((*account[:-1], channels))
    return (
        accounts,
        [tuple(metric) for metric in model.metrics.values()],
        [tuple(platform) for platform in model.platforms.values()],
        [tuple(source) for source in model.sources.values()],
        [tuple(event) for event in model.events],
    )


def _decode(data: Any, path: str) -> Registry:
    accounts, metrics, platforms, sources, events = data
    new_figure = partial(tuple.__new__, Measurement)  # Measurement._make, without its call
    made_accounts = {}
    for *fields, channels in accounts:
        made = tuple(
            Channel._make([*channel, tuple(map(new_figure, figures))])
            for *channel, figures in channels
        )
        account = Account._make([*fields, made])
        made_accounts[account.slug] = account
    return Registry(
        path,
        made_accounts,
        {metric.slug: metric for metric in map(Metric._make, metrics)},
        {platform.slug: platform for platform in map(Platform._make, platforms)},
        {source.slug: source for source in map(Source._make, sources)},
        tuple(map(Event._make, events)),
    )
