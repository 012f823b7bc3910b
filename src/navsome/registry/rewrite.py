"""The one way navsome changes a registry file, for `record` and `import` alike: under its lock,
read it (or its model from the parse cache), let the caller work out the new text and model,
write that beside the file, and rename it over the file only if nobody changed the file
meanwhile (else start again on top of their change). The parse cache gets the new model."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

from navsome.errors import (
    InstalledRegistry,
    Message,
    NavsomeError,
    Problem,
    RegistryNotFound,
    os_reason,
)
from navsome.model import Registry
from navsome.registry import cache as parse_cache
from navsome.registry.read import (
    BOM,
    DEFAULT_MAX_BYTES,
    decode_text,
    installed_registry,
    parse_registry,
    read_bytes,
)
from navsome.registry.storage import (
    Snapshot,
    check_writable,
    clean_stale_temporaries,
    commit,
    locked,
    real_path,
    unchanged,
    write_temporary,
)

ATTEMPTS = 5  # re-reads of a file that keeps changing under us before giving up
DEFAULT_LOCK_TIMEOUT = 30.0  # seconds to wait for another writer

Outcome = TypeVar("Outcome")
# What a change does to the registry in `text`: its outcome, and the new text and model (None
# when nothing is to be written).
Change = Callable[[str, Registry], "tuple[Outcome, tuple[str, Registry] | None]"]


def rewrite(
    path: Path,
    change: Change[Outcome],
    doing: Message,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    waiting: Callable[[int | None], None] | None = None,
    before_write: Callable[[], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Outcome:
    """Apply `change` to the registry file at `path` safely; its outcome. `doing` names the
    work in a message (Message("the figure was recorded")). A symbolic link is followed: the file it
    names is locked and replaced, and the link stays. `waiting(pid)` is called once when
    another writer has held the lock for a second; `before_write` runs after the new file is on
    disk and before it replaces the old one (tests change the file under a writer with it)."""
    target = real_path(path)
    installed = installed_registry()
    if installed is not None and target == installed:
        raise InstalledRegistry(str(path))
    if not os.path.lexists(path):  # said before a lock file is made beside a file that is not
        raise RegistryNotFound(str(path), [Problem("", "no such file; check the path")])
    cache = Path(cache_dir) if cache_dir is not None else None
    try:
        check_writable(target, path)
        with locked(target, lock_timeout, waiting):
            clean_stale_temporaries(target)
            return _rewrite_locked(target, str(path), change, doing, before_write, max_bytes, cache)
    except OSError as error:
        raise NavsomeError(
            "{where}: cannot write the registry: {why}. Nothing was changed.",
            where=error.filename or path,
            why=os_reason(error),
        ) from None


def _rewrite_locked(
    target: Path,
    name: str,
    change: Change[Outcome],
    doing: Message,
    before_write: Callable[[], None] | None,
    max_bytes: int,
    cache: Path | None,
) -> Outcome:
    for _ in range(ATTEMPTS):
        info = os.stat(target)
        raw = read_bytes(target, max_bytes)
        before = Snapshot.of(info, raw)
        layout = Layout.of(raw)
        text = layout.normalised(decode_text(raw, name))
        found = cached_model(cache, target, raw, before)
        registry = found._replace(path=name) if found else parse_registry(text, name)
        outcome, edited = change(text, registry)
        if edited is None:
            return outcome
        new_text, new_registry = edited
        data = layout.encoded(new_text)
        temporary = write_temporary(target, data)
        try:
            if before_write is not None:
                before_write()
            # Checked only now, with the new file on disk: an edit saved while it was being
            # written is seen, and the change is made again on top of it.
            if unchanged(target, before):
                commit(temporary, target)
                if cache is not None:
                    parse_cache.write(cache, target, parse_cache.key(data), new_registry)
                return outcome
        finally:
            temporary.unlink(missing_ok=True)
    raise NavsomeError(
        "{file} kept changing while {doing} ({attempts} tries); nothing was changed. Try again "
        "when nobody else is saving it.",
        file=name,
        doing=doing,
        attempts=ATTEMPTS,
    )


def cached_model(
    cache: Path | None, target: Path, raw: bytes | bytearray, read: Snapshot
) -> Registry | None:
    """The registry in `raw` from the parse cache, when it is there (hashed once: the
    snapshot's digest is the file's)."""
    if cache is None:
        return None
    return parse_cache.read(cache, target, parse_cache.keyed(read.digest))


class Layout(NamedTuple):
    """The byte-level habits of a file that a rewrite keeps: a byte-order mark, CRLF lines."""

    bom: bool
    crlf: bool

    @classmethod
    def of(cls, raw: bytes | bytearray) -> Layout:
        lines = raw.count(b"\n")
        return cls(raw.startswith(BOM), lines > 0 and raw.count(b"\r\n") == lines)

    def normalised(self, text: str) -> str:
        """The text with LF lines, which the editing assumes."""
        return text.replace("\r\n", "\n") if self.crlf else text

    def encoded(self, text: str) -> bytes:
        """The edited text as the file had it: CRLF lines and the byte-order mark restored."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (BOM if self.bom else b"") + text.encode("utf-8")
