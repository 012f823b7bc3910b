"""navsome as a Python library: load the registry, ask it questions, record a figure.

Nothing here prints, reads the command line or the environment, or imports Typer or Rich;
every failure is an exception from navsome.errors that carries its data.
"""

from __future__ import annotations

import os
from pathlib import Path

from navsome.model import Measurement, Number, Registry
from navsome.registry.read import DEFAULT_MAX_BYTES, load_registry
from navsome.registry.record import Recorded
from navsome.registry.record import record as _record
from navsome.registry.rewrite import DEFAULT_LOCK_TIMEOUT


def load(
    path: str | os.PathLike[str] | None = None,
    as_of: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Registry:
    """The registry at `path` (the one shipped with navsome when None), checked in full; as it
    stood on `as_of` when given. RegistryProblems lists every problem with its line.

    With `cache_dir` (a folder of the caller's, such as the command line's
    ~/.cache/navsome), the registry's checked model is kept there and read back while the
    file's bytes stay the same."""
    registry = load_registry(path, max_bytes, cache_dir)
    return registry.at(as_of) if as_of is not None else registry


def record(
    path: str | os.PathLike[str],
    channel: str,
    metric: str,
    value: Number,
    *,
    as_of: str,
    source: str,
    qualifier: str = "exact",
    high: Number | None = None,
    stated: str | None = None,
    note: str | None = None,
    replace: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Recorded:
    """Add one figure to the registry file at `path`, keeping its comments and layout, as
    `navsome record` does: `channel` is ACCOUNT/PLATFORM, `as_of` a date (2018, 2018-06).

    The new file is validated in full first and written atomically under a lock. A different
    figure already there for the same channel, metric and date raises Conflict unless
    `replace`; the same figure again returns `action == "unchanged"`. `cache_dir` is the
    parse cache's folder, as for load(): read for the file as it was, written for the new one.
    """
    from navsome.query import check_date

    figure = Measurement(
        metric=metric,
        value=value,
        as_of=check_date(as_of, intervals=True),
        source=source,
        qualifier=qualifier,
        high=high,
        stated=stated,
        note=note,
    )
    return _record(
        Path(path), channel, figure, replace=replace, lock_timeout=lock_timeout, cache_dir=cache_dir
    )
