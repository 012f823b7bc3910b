"""navsome: NAV's social media accounts, their channels and the figures reported for them.

Used from Python::

    import navsome

    registry = navsome.load()  # the registry shipped with navsome, or load("my.toml")
    registry.figures(metric="followers", latest=True)  # flat dicts, as --format json gives
    registry.account("jobblyst").channels

Importing navsome is cheap: the names below load on first use, and none imports Typer or Rich.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing costs milliseconds, and `navsome` on the command line imports this
if TYPE_CHECKING:
    from navsome.errors import (
        AmbiguousName,
        Conflict,
        InstalledRegistry,
        InvalidDate,
        NavsomeError,
        Problem,
        RegistryProblems,
        UnknownName,
        UsageError,
    )
    from navsome.library import load, record
    from navsome.model import (
        Account,
        Channel,
        Event,
        Measurement,
        Metric,
        Platform,
        Registry,
        Source,
    )
    from navsome.registry.record import Recorded, RecordRefused

_HOME = {
    "load": "navsome.library",
    "record": "navsome.library",
    "Recorded": "navsome.registry.record",
    "RecordRefused": "navsome.registry.record",
    "InstalledRegistry": "navsome.errors",
    **dict.fromkeys(
        ["Account", "Channel", "Event", "Measurement", "Metric", "Platform", "Registry", "Source"],
        "navsome.model",
    ),
    **dict.fromkeys(
        [
            "AmbiguousName",
            "Conflict",
            "InvalidDate",
            "NavsomeError",
            "Problem",
            "RegistryProblems",
            "UnknownName",
            "UsageError",
        ],
        "navsome.errors",
    ),
}
__all__ = [
    "Account",
    "AmbiguousName",
    "Channel",
    "Conflict",
    "Event",
    "InstalledRegistry",
    "InvalidDate",
    "Measurement",
    "Metric",
    "NavsomeError",
    "Platform",
    "Problem",
    "RecordRefused",
    "Recorded",
    "Registry",
    "RegistryProblems",
    "Source",
    "UnknownName",
    "UsageError",
    "__version__",
    "load",
    "record",
]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'navsome' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(home), name)


def __dir__() -> list[str]:
    return sorted(__all__)
