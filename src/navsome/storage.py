"""Writing files safely: one writer at a time, never a half-written file, never a lost edit.

A write goes to a temporary file beside the real one (symbolic links followed), which takes the
original's mode, owner and group and is flushed to disk; only then is the original compared
with what the writer read, and renamed over if it is unchanged.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .errors import NavsomeError

NOTICE_AFTER = 1.0  # seconds of waiting for a lock before saying so
_LOCK_BYTE = 1 << 30  # Windows locks a byte range: one far past the pid written at the start


class LockTimeout(NavsomeError):
    """Another writer held the lock for longer than we were willing to wait."""

    def __init__(self, path: Path, holder: int | None, waited: float) -> None:
        self.path, self.holder, self.waited = path, holder, waited
        who = f"another navsome record (pid {holder})" if holder else "another navsome record"
        super().__init__(
            f"{path} is still locked by {who} after {waited:g} s; nothing was changed. "
            "If that process is stuck (stopped with Ctrl-Z, say), end it; or wait longer with "
            "--lock-timeout SECONDS or NAVSOME_LOCK_TIMEOUT."
        )


def real_path(path: Path) -> Path:
    """The file a path names, symbolic links followed: writes go there, so a link stays a link."""
    return Path(os.path.realpath(path))


@contextmanager
def locked(
    path: Path, timeout: float, waiting: Callable[[int | None], None] | None = None
) -> Iterator[None]:
    """Hold an exclusive lock on `path`'s lock file (`channels.toml.lock`) while in the block.

    The holder writes its pid into the lock file, so a writer that waits can say for whom.
    After `NOTICE_AFTER` seconds `waiting(pid)` is called once; after `timeout`, LockTimeout.
    The lock file is left in place afterwards: removing it would let a waiting writer and a
    new one each lock a different file. The lock is released when the file is closed, so a
    killed holder never leaves it taken.
    """
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, timeout, waiting)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        os.ftruncate(fd, len(f"{os.getpid()}\n"))
        yield
    finally:
        _unlock(fd)
        os.close(fd)


def _acquire(
    fd: int, path: Path, timeout: float, waiting: Callable[[int | None], None] | None
) -> None:
    started = time.monotonic()
    pause = 0.02
    told = False
    while not _try_lock(fd):
        waited = time.monotonic() - started
        if waited >= timeout:
            raise LockTimeout(path, _holder(fd), timeout)
        if waited >= NOTICE_AFTER and not told and waiting is not None:
            waiting(_holder(fd))
            told = True
        time.sleep(min(pause, max(timeout - waited, 0)))
        pause = min(pause * 2, 0.25)


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting: flock on POSIX, a byte-range lock on Windows."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    """POSIX releases a flock when the file closes; Windows wants the range unlocked first."""
    try:
        import msvcrt
    except ImportError:
        return
    try:
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        pass  # not held (the lock was never taken); closing is all that is left


def _holder(fd: int) -> int | None:
    """The pid the lock's holder wrote, when it can be read."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and text.isascii() else None


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a killed writer of `path` left beside it. Call this only
    under the lock: every writer holds it while its temporary file exists."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    removed = []
    for entry in os.scandir(path.parent):
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


class Snapshot(NamedTuple):
    """What a writer read: enough to tell whether the file has changed since."""

    size: int
    mtime_ns: int
    inode: int
    device: int
    digest: bytes

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> Snapshot:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev, _digest(data))


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()


def unchanged(path: Path, read: Snapshot) -> bool:
    """Whether `path` still holds what was read: the same file, size, time and content."""
    try:
        info = os.stat(path)
        if Snapshot.of(info, b"")[:4] != read[:4]:
            return False
        with open(path, "rb") as file:
            return _digest(file.read()) == read.digest
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """Refuse, before any work, a file the user may not or should not replace."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return  # reading it says so, with the reader's message
    if not stat.S_ISREG(info.st_mode):
        return  # likewise: reading a directory or device is refused with its own message
    if not os.access(path, os.W_OK) or not info.st_mode & 0o222:
        raise NavsomeError(
            f"{path} is read-only (mode {stat.S_IMODE(info.st_mode):04o}); nothing was changed. "
            f"Make it writable (chmod u+w {path}) to record into it."
        )
    if info.st_nlink > 1:
        raise NavsomeError(
            f"{path} has {info.st_nlink} hard links, and replacing it would leave the other "
            "names with the old content; nothing was changed. Use one name for the file "
            "(a symbolic link is fine)."
        )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NavsomeError(
            f"{path}: the folder {folder} is not writable, and a safe write needs a temporary "
            "file beside the registry; nothing was changed."
        )


def write_temporary(path: Path, data: bytes) -> Path:
    """`data` in a new file beside `path`, flushed to disk, with the mode, owner and group of
    `path` (or, for a new file, what the umask gives). The caller renames or removes it."""
    folder = path.parent
    try:
        original: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        original = None
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            _keep_identity(file.fileno(), temporary, path, original)
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _keep_identity(fd: int, temporary: Path, path: Path, original: os.stat_result | None) -> None:
    """mkstemp makes a file only its creator may read; give it the original's mode, owner and
    group instead, or refuse when they cannot be kept."""
    mode = stat.S_IMODE(original.st_mode) if original else 0o666 & ~_umask()
    os.chmod(fd if os.chmod in os.supports_fd else temporary, mode)
    if original is None:
        return
    fchown = getattr(os, "fchown", None)
    if fchown is None:  # Windows: files have no POSIX owner to keep
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        fchown(fd, original.st_uid, original.st_gid)
    except PermissionError:
        raise NavsomeError(
            f"{path} belongs to user {original.st_uid}, group {original.st_gid}, which a write "
            "by this user cannot keep; nothing was changed. Run navsome as its owner."
        ) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def commit(temporary: Path, path: Path) -> None:
    """Rename the temporary file over `path`, then flush the folder so the rename itself
    survives a power cut."""
    os.replace(temporary, path)
    _fsync_folder(path.parent)


def replace_atomically(path: Path, data: bytes) -> None:
    """Make `data` the content of `path` so that a crash at any moment leaves either the old
    file or the new one."""
    temporary = write_temporary(path, data)
    try:
        commit(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform that cannot open folders (Windows)
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
