"""The TOML parser navsome reads with: tomllib, or tomli (the same code) on Python 3.10.
A module of its own so that only a run that parses TOML imports it."""

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["tomllib"]
