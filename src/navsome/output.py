"""Where an answer goes: stdout in the chosen format (plain text when piped, Rich on a
terminal), or a file with --export; and notes for the person, on stderr."""

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Any

from .i18n import tr


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


Rows = Callable[[], list[dict[str, Any]]]


def write_answer(
    format_: OutputFormat,
    rows: Rows,
    blocks: Callable[[], list],
    data: Callable[[], Any] | None = None,
    export: str | None = None,
) -> None:
    """The answer to stdout, or with `export` to that file: `rows()` (or `data()`) as JSON or
    CSV, `blocks()` for people. Each is made only if the chosen format needs it."""
    as_json = data or rows
    if export:
        from .export import export as export_to

        export_to(Path(export), as_json, rows, blocks)
        say(tr("Wrote {file}.", file=export))
        return
    with stdout() as out:
        _write(format_, rows, blocks, as_json, out)


@contextmanager
def stdout() -> Iterator[IO[str]]:
    """stdout, flushed; a reader that closes the pipe early (`navsome list | head -1`) ends
    the program quietly, as Python's signal docs advise, so no flush at exit complains either."""
    out = sys.stdout
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe


def _write(
    format_: OutputFormat,
    rows: Rows,
    blocks: Callable[[], list],
    as_json: Callable[[], Any],
    out: IO[str],
) -> None:
    if format_ is OutputFormat.json:
        from .machine import write_json

        write_json(as_json(), out)
    elif format_ is OutputFormat.csv:
        from .machine import write_csv

        write_csv(rows(), out)
    elif format_ is OutputFormat.markdown:
        from .render import to_markdown

        out.write(to_markdown(blocks()))
    elif is_terminal(out):
        from .terminal import print_blocks

        print_blocks(blocks(), out)
    else:
        from .plain import plain_text

        out.write(plain_text(blocks()))


def is_terminal(stream: IO[str]) -> bool:
    """Whether to draw for a terminal, decided as Rich would (TTY_COMPATIBLE, FORCE_COLOR, then
    isatty) but without importing it: piped output does not need Rich at all."""
    forced = os.environ.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "1"
    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def say(message: str) -> None:
    """A note for the person at the terminal (not data): stderr, so pipes stay clean."""
    print(message, file=sys.stderr)
