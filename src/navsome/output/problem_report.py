"""`navsome validate` output: each problem where an editor can jump to it, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from navsome.errors import Problem
from navsome.i18n import problem_said
from navsome.model import Registry
from navsome.output.blocks import Block, Column, Grid
from navsome.output.escape import visible

if TYPE_CHECKING:
    from navsome.i18n import Words

EXCERPT_WIDTH = 72


def problem_rows(file: str, problems: list[Problem]) -> list[dict[str, Any]]:
    """The problems as rows, for JSON and CSV: their message in English, whatever the language."""
    return [
        {
            "file": file,
            "line": p.line,
            "column": p.column,
            "path": p.path,
            "message": str(p.message),
        }
        for p in problems
    ]


def problem_report(file: str, problems: list[Problem], *, words: Words) -> str:
    """Compiler-style lines (`file:line:column: path: message`); a caret marks a syntax error."""
    lines = []
    for problem in problems:
        where = ":".join(str(part) for part in (file, problem.line, problem.column) if part)
        message = problem_said(problem, words)
        what = f"{problem.path}: {message}" if problem.path else message
        lines.append(visible(f"{where}: {what}", one_line=True))
        if problem.excerpt is not None and problem.line and problem.column:
            lines += _caret(problem.excerpt, problem.line, problem.column)
    count = len(problems)
    template = "{count} problem in {file}." if count == 1 else "{count} problems in {file}."
    lines.append(words(template, count=count, file=visible(file, one_line=True)))
    return "\n".join(lines) + "\n"


def _caret(excerpt: str, line: int, column: int) -> list[str]:
    """The offending line (a window of it, when long) with a caret under the column."""
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 2, len(excerpt) - EXCERPT_WIDTH))
    shown = excerpt[start : start + EXCERPT_WIDTH]
    # Control characters are written out, so count the caret's offset in the text as shown.
    offset = len(visible(shown[: column - 1 - start], one_line=True))
    gutter = f"{line:>6} | "
    return [
        gutter + visible(shown, one_line=True),
        " " * (len(gutter) - 2) + "| " + " " * offset + "^",
    ]


def clean_summary(registry: Registry, *, words: Words) -> str:
    channels = registry.channels()
    figures = sum(len(c.measurements) for c in channels)

    def counted(n: int, noun: str) -> str:  # "1 event", "9 events"
        return words(f"{{n}} {noun}" if n == 1 else f"{{n}} {noun}s", n=n)

    return (
        words(
            "{file} is valid: {accounts}, {channels}, {figures}, {events}.",
            file=visible(registry.path, one_line=True),
            accounts=counted(len(registry.accounts), "account"),
            channels=counted(len(channels), "channel"),
            figures=counted(figures, "figure"),
            events=counted(len(registry.events), "event"),
        )
        + "\n"
    )


def problems_view(problems: list[Problem], *, words: Words) -> list[Block]:
    grid = Grid(
        words("Problems"),
        [
            Column(words("Line"), justify="right"),
            Column(words("Path")),
            Column(words("Problem"), wrap=True),
        ],
    )
    for p in problems:
        line = f"{p.line}:{p.column}" if p.line and p.column else str(p.line or "")
        grid.rows.append([line, p.path, problem_said(p, words)])
    return [grid]
