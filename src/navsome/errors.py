"""The errors navsome raises, each carrying what went wrong as data, and the exit codes the
command line maps them to. Messages here are plain English for library users; the command line
words them in the user's language and adds what to type next."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from navsome.model import Measurement

EXIT_OK = 0
EXIT_BAD_DATA = 1  # the registry is missing, unreadable or does not fit the model
EXIT_USAGE = 2  # the command line asks for something that does not exist
EXIT_INTERNAL = 70  # a bug in navsome (EX_SOFTWARE)


class NavsomeError(Exception):
    """An error with a message meant for the user. Given as an English template and its
    values (`UsageError("--year {year}: give a year of four digits.", year=17)`), the command
    line words it in the user's language; str() is the English."""

    exit_code = EXIT_BAD_DATA

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.template = message
        self.template_values = values
        super().__init__(message.format(**values) if values else message)


class Message:
    """Text for people as an English template and its values, for a part of an error that is
    worded on its own (one problem of many, or a phrase inside another message):
    `Message("{file}: no rows to import", file=name)`. The command line words it in the user's
    language; str() is the English. A value may be a Message, a MetricName or an error too."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return self.template.format(**self.values) if self.values else self.template

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.values) == (other.template, other.values)


class Names(tuple[str, ...]):
    """Names a message quotes in a row, each as the reader's language quotes a name: 'colour',
    'size' in English (str()), «colour», «size» in Norwegian."""

    __slots__ = ()

    def __str__(self) -> str:
        return ", ".join(map(repr, self))


class MetricName(NamedTuple):
    """A metric as a message names it: by its label in the reader's language on the command
    line (`followers`, `følgere`), by its slug in str() (for library users, as before)."""

    slug: str
    labels: tuple[str, str] = ("", "")  # the metric's label in English and Norwegian

    def __str__(self) -> str:
        return self.slug


def outside_text(text: str) -> Message:
    """Text navsome did not write (the system's reason, a parser's) as a Message: the command
    line says the ones its catalogue knows in the reader's language, the rest as written. The
    one place a Message is made from text that is not one of navsome's own templates."""
    return Message(text)


def os_reason(error: OSError) -> Message:
    """Why the operating system refused a file operation, as it says it (`Permission denied`);
    the command line words the usual reasons in the user's language."""
    return outside_text(error.strerror or str(error))


class UsageError(NavsomeError):
    """The caller asks for an account, metric, platform or value that does not exist."""

    exit_code = EXIT_USAGE


class UnknownName(UsageError):
    """`name` matches no `kind` (account, platform, metric, channel) in the registry.
    `suggestions` are close names; `choices` all there are, where they are few enough to list;
    `suggestions_nb` the suggestions as a Norwegian reader types them (a metric's Norwegian
    label), one for each, where they have such a name."""

    def __init__(
        self,
        kind: str,
        name: str,
        suggestions: Sequence[str] = (),
        choices: Sequence[str] = (),
        suggestions_nb: Sequence[str] = (),
    ) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        self.choices = tuple(choices)
        self.suggestions_nb = tuple(suggestions_nb)
        message = f"no {kind} matches {name!r}."
        if self.suggestions:
            message += " Did you mean " + " or ".join(map(repr, self.suggestions)) + "?"
        if self.choices:
            message += f" Known: {', '.join(self.choices)}."
        super().__init__(message)


class AmbiguousName(UsageError):
    """`name` could mean any of several of `kind`: `matches`."""

    def __init__(self, kind: str, name: str, matches: Sequence[str]) -> None:
        self.kind = kind
        self.name = name
        self.matches = tuple(matches)
        super().__init__(
            f"{name!r} could be any of several {kind}s: {', '.join(self.matches)}; "
            "give more of the name."
        )


class InvalidDate(UsageError):
    """`text` is not a date navsome reads (2017, 2017-12, 2017-12-31): `problem` says why, as a
    Message (str() is the English)."""

    def __init__(self, text: str, problem: Message) -> None:
        self.text = text
        self.problem = problem
        super().__init__(problem.template, **problem.values)


class InvalidFigure(UsageError):
    """`text` is not a figure navsome takes in: `problem` says why, `instead` what to write.
    Both are also kept as templates with their `values`, for a message in another language."""

    def __init__(
        self, text: str, problem: str, instead: str, values: dict[str, str] | None = None
    ) -> None:
        self.text, self.templates, self.values = text, (problem, instead), values or {}
        self.problem = problem.format(**self.values)
        self.instead = instead.format(**self.values)
        super().__init__(
            "{text!r} {problem}; write {instead}.",
            text=text,
            problem=Message(problem, **self.values),
            instead=Message(instead, **self.values),
        )


class InstalledRegistry(UsageError):
    """`path` is the registry installed inside the package, which is never edited in place."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"{path} is the registry installed with navsome and is not edited in place; "
            "copy it somewhere and record into the copy."
        )


class Conflict(NavsomeError):
    """`channel` already has another figure for this metric and date: recording `new` would
    overwrite `existing`, which takes an explicit replace."""

    exit_code = EXIT_BAD_DATA

    def __init__(
        self,
        channel: str,
        existing: Measurement,
        new: Measurement,
        labels: tuple[str, str] = ("", ""),  # the metric's label in English and Norwegian
        unit: str = "count",  # the metric's, so that a message writes 91% as 91%
    ) -> None:
        self.channel = channel
        self.existing = existing
        self.new = new
        self.labels = labels
        self.unit = unit
        super().__init__(
            f"{channel} already has {new.metric} {existing.value!r} as of {new.as_of}; "
            f"recording {new.value!r} needs replace=True."
        )


class Problem(NamedTuple):
    """One thing wrong in a registry file: where (dotted path, line when known) and what, as a
    Message the command line words in the reader's language (str() is the English). Plain
    text is read as a template without values."""

    path: str
    message: Message | str
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None  # the offending line, for a syntax error

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else ""
        if self.line and self.column:
            where += f", column {self.column}"
        where += ": " if where else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


SHOWN_PROBLEMS = 5  # the problems of a registry its message lists; `validate` lists them all


class RegistryProblems(NavsomeError):
    """The registry `file` cannot be read, or its content does not fit the model: `problems`,
    each with its place in the file."""

    exit_code = EXIT_BAD_DATA

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self.summary())

    def summary(self, shown: int = SHOWN_PROBLEMS) -> str:
        problems = self.problems
        if len(problems) == 1:
            return f"{self.file}: {problems[0]}"
        lines = [f"{self.file}: {len(problems)} problems in the registry:"]
        lines += [f"  {problem}" for problem in problems[:shown]]
        if len(problems) > shown:
            lines.append(f"  … and {len(problems) - shown} more.")
        return "\n".join(lines)


class RegistryNotFound(RegistryProblems):
    """No file at the registry's path."""


class RegistryTooLarge(RegistryProblems):
    """The registry file is larger than the limit the caller set."""


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def key_path(parent: str, key: str) -> str:
    """`parent.key`, the place of a key in the registry, quoted where TOML would quote it."""
    step = key if _BARE_KEY.fullmatch(key) else '"' + key.replace('"', '\\"') + '"'
    return f"{parent}.{step}" if parent else step
