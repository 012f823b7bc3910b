"""Writing files safely: one writer at a time, never a half-written file, never a lost edit.

A write goes to a temporary file beside the real one (symbolic links followed), which takes the
original's mode, owner and group and is flushed to disk; only then is the original compared
with what the writer read, and renamed over if it is unchanged.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from navsome.errors import Message, NavsomeError, os_reason

NOTICE_AFTER = 1.0  # seconds of waiting for a lock before saying so
_LOCK_BYTE = 1 << 30  # Windows locks a byte range: one far past the pid written at the start


class LockTimeout(NavsomeError):
    """Another writer held the lock for longer than we were willing to wait."""

    def __init__(self, path: Path, holder: int | None, waited: float) -> None:
        self.path, self.holder, self.waited = path, holder, waited
        who = (
            Message("another navsome record (pid {pid})", pid=holder)
            if holder
            else Message("another navsome record")
        )
        super().__init__(
            "{path} is still locked by {who} after {waited:g} s; nothing was changed. "
            "If that process is stuck (stopped with Ctrl-Z, say), end it; or wait longer with "
            "--lock-timeout SECONDS or NAVSOME_LOCK_TIMEOUT.",
            path=path,
            who=who,
            waited=waited,
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
    fd, writable = _open_lock(lock_path, path)
    try:
        _acquire(fd, path, timeout, waiting)
        if writable:
            pid = f"{os.getpid()}\n".encode()
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, pid)
            os.ftruncate(fd, len(pid))
        yield
    finally:
        _unlock(fd)
        os.close(fd)


def _open_lock(lock_path: Path, registry: Path) -> tuple[int, bool]:
    """The lock file's descriptor, and whether it may be written. A symbolic link is never
    followed and only a regular file with one name is used: a link planted in the folder would
    otherwise have its target (say /etc/passwd) overwritten by the next writer's pid. A lock
    file made by another user is locked read-only: flock needs no write access."""
    flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a named pipe planted there must not block the open
    try:
        registry_info: os.stat_result | None = os.stat(registry)
    except OSError:
        registry_info = None
    mode = stat.S_IMODE(registry_info.st_mode) & 0o666 if registry_info else 0o644
    writable = True
    try:
        try:
            fd = os.open(lock_path, os.O_RDWR | flags, mode)
        except PermissionError:
            writable = False
            fd = os.open(lock_path, os.O_RDONLY | flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK):  # O_NOFOLLOW met a link
            link = Message("is {kind}", kind=kind_of(stat.S_IFLNK))
            raise _lock_refused(lock_path, link) from None
        if error.errno == errno.EISDIR:
            folder = Message("is {kind}", kind=kind_of(stat.S_IFDIR))
            raise _lock_refused(lock_path, folder) from None
        raise NavsomeError(
            "{path}: cannot open the lock file: {why}; nothing was changed. Check the "
            "permissions of the registry's folder.",
            path=lock_path,
            why=os_reason(error),
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        if stat.S_ISREG(info.st_mode):
            raise _lock_refused(lock_path, Message("has hard links"))
        raise _lock_refused(lock_path, Message("is {kind}", kind=kind_of(info.st_mode)))
    os.set_blocking(fd, True)
    if writable and registry_info is not None and info.st_uid == _effective_uid():
        _give_lock_to_registry_owner(fd, mode, registry_info)
    return fd, writable


def _give_lock_to_registry_owner(fd: int, mode: int, registry: os.stat_result) -> None:
    """A lock file root makes for a user's registry goes to that user, or their next record
    could not open it for writing."""
    with suppress(OSError):
        if os.chmod in os.supports_fd:
            os.chmod(fd, mode)
        fchown = getattr(os, "fchown", None)
        if fchown is not None and os.fstat(fd).st_uid != registry.st_uid:
            fchown(fd, registry.st_uid, registry.st_gid)


def _effective_uid() -> int:
    geteuid = getattr(os, "geteuid", None)  # not on Windows, where files have no POSIX owner
    return geteuid() if geteuid is not None else -1


def _lock_refused(lock_path: Path, why: Message) -> NavsomeError:
    return NavsomeError(
        "{path} {why}, not a lock file navsome made; nothing was changed. A lock file holds "
        "no data: remove it, and record again.",
        path=lock_path,
        why=why,
    )


def kind_of(mode: int) -> Message:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return Message("a folder")
    if stat.S_ISFIFO(mode):
        return Message("a named pipe")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    if stat.S_ISLNK(mode):
        return Message("a symbolic link")
    return Message("a device")


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
            # typeshed declares msvcrt's functions for win32 only; this branch runs there.
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
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # as in _try_lock
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


def clean_stale_temporaries(path: Path) -> None:
    """Remove the temporary files a killed writer of `path` left beside it. Call this only
    under the lock: every writer holds it while its temporary file exists."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    for entry in os.scandir(path.parent):
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)


class Snapshot(NamedTuple):
    """What a writer read: enough to tell whether the file has changed since."""

    size: int
    mtime_ns: int
    inode: int
    device: int
    digest: bytes

    @classmethod
    def of(cls, info: os.stat_result, data: bytes | bytearray) -> Snapshot:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev, _digest(data))


def _digest(data: bytes | bytearray) -> bytes:
    from navsome.registry.cache import digest  # the parse cache keys entries on the same hash

    return digest(data)


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


def check_writable(path: Path, named: Path | None = None) -> None:
    """Refuse, before any work, a file the user may not or should not replace: `path` is the
    real file, `named` the name the user gave it (a link to a pipe, such as /dev/stdin, has
    no real path to follow)."""
    try:
        info = os.stat(named or path)
    except FileNotFoundError:
        return  # reading it says so, with the reader's message
    if not stat.S_ISREG(info.st_mode):
        raise NavsomeError(
            "{path} is {kind}, not a file that can be rewritten; nothing was changed. Give a "
            "regular file.",
            path=named or path,
            kind=kind_of(info.st_mode),
        )
    info = os.stat(path)
    mode = f"{stat.S_IMODE(info.st_mode):04o}"
    if not info.st_mode & 0o222:
        raise NavsomeError(
            "{path} is read-only (mode {mode}); nothing was changed. Make it writable "
            "(chmod u+w {path}) to write it.",
            path=path,
            mode=mode,
        )
    if _read_only_file_system(path):
        raise NavsomeError(
            "{path} is on a read-only file system; nothing was changed. Copy it to a writable "
            "folder and write the copy.",
            path=path,
        )
    if not os.access(path, os.W_OK):
        raise NavsomeError(
            "{path}: you may not write it (mode {mode}, owner uid {uid}); nothing was changed. "
            "Run navsome as a user who may, or copy the file.",
            path=path,
            mode=mode,
            uid=info.st_uid,
        )
    if info.st_nlink > 1:
        raise NavsomeError(
            "{path} has {links} hard links, and replacing it would leave the other names with "
            "the old content; nothing was changed. Use one name for the file (a symbolic link "
            "is fine).",
            path=path,
            links=info.st_nlink,
        )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NavsomeError(
            "{path}: the folder {folder} is not writable, and a safe write needs a temporary "
            "file beside the file; nothing was changed.",
            path=path,
            folder=folder,
        )


def _read_only_file_system(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # POSIX only
    if statvfs is None:
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


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
            "{path} belongs to user {uid}, group {gid}, which a write by this user cannot "
            "keep; nothing was changed. Run navsome as its owner.",
            path=path,
            uid=original.st_uid,
            gid=original.st_gid,
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
