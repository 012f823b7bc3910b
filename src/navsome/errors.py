"""The errors navsome reports to users, and the exit codes they map to."""

import re
from typing import NamedTuple

EXIT_OK = 0
EXIT_BAD_DATA = 1  # the registry is missing, unreadable or does not fit the model
EXIT_USAGE = 2  # the command line asks for something that does not exist
EXIT_INTERNAL = 70  # a bug in navsome (EX_SOFTWARE)


class NavsomeError(Exception):
    """An error with a message meant for the user."""

    exit_code = EXIT_BAD_DATA


class UsageError(NavsomeError):
    """The command line names an account, metric, platform or value that does not exist."""

    exit_code = EXIT_USAGE


class Problem(NamedTuple):
    """One thing wrong in a registry file: where (dotted path, line when known) and what."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None  # the offending line, for a syntax error

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else ""
        if self.line and self.column:
            where += f", column {self.column}"
        where += ": " if where else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class RegistryError(NavsomeError):
    """The registry file cannot be read, or its content does not fit the model."""

    exit_code = EXIT_BAD_DATA

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.summary())

    def summary(self, shown: int = 5) -> str:
        problems = self.problems
        if len(problems) == 1:
            return f"{self.file}: {problems[0]}"
        lines = [f"{self.file}: {len(problems)} problems in the registry:"]
        lines += [f"  {problem}" for problem in problems[:shown]]
        if len(problems) > shown:
            lines.append(
                f"  … and {len(problems) - shown} more; run 'navsome validate' to see all."
            )
        return "\n".join(lines)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def key_path(parent: str, key: str) -> str:
    """`parent.key`, the place of a key in the registry, quoted where TOML would quote it."""
    step = key if _BARE_KEY.fullmatch(key) else '"' + key.replace('"', '\\"') + '"'
    return f"{parent}.{step}" if parent else step
