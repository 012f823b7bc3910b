"""Where an answer goes: stdout in the chosen format (plain text when piped, Rich on a
terminal), or a file with --export; and notes for the person, on stderr."""

import errno
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, Protocol

from navsome.errors import EXIT_BAD_DATA

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.output.blocks import Block


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


Rows = Callable[[], list[dict[str, Any]]]


class TextSink(Protocol):
    """Anything text is written to: a stream, a StringIO, stdout's UTF-8 writer."""

    def write(self, text: str, /) -> int: ...


class TextOut(TextSink, Protocol):
    """Where an answer's text is written and flushed: a text stream, or stdout's bytes as
    UTF-8."""

    def flush(self) -> None: ...


def write_answer(
    format_: OutputFormat,
    rows: Rows,
    blocks: Callable[[], "list[Block]"],
    data: Callable[[], Any] | None = None,
    export: str | None = None,
    done: str | None = None,
    *,
    words: "Words",
    columns: Sequence[str] = (),
) -> None:
    """The answer to stdout, or with `export` to that file: `rows()` (or `data()`) as JSON or
    CSV, `blocks()` for people. Each is made only if the chosen format needs it; a CSV with no
    rows is the header `columns`. `done` says what the command has already changed, for the
    message if stdout cannot be written; `words` says "Wrote FILE." after an export."""
    as_json = data or rows
    if export is not None:  # an empty name is refused, never taken to mean the screen
        from navsome.output.escape import visible
        from navsome.output.export import check_named
        from navsome.output.export import export as export_to

        check_named(export)
        export_to(Path(export), as_json, rows, blocks, words=words, columns=columns)
        note(words("Wrote {file}.", file=visible(export, one_line=True)))  # the name is typed text
        return
    # Only a table drawn by Rich is for a terminal; JSON, CSV and Markdown are data wherever
    # they go, so they are UTF-8 even on a terminal whose locale says otherwise.
    terminal = format_ is OutputFormat.table and is_terminal(sys.stdout)
    with stdout(for_terminal=terminal, done=done) as out:
        _write(format_, rows, blocks, as_json, out, terminal, columns)


@contextmanager
def stdout(for_terminal: bool | None = None, done: str | None = None) -> Iterator[TextOut]:
    """stdout for the answer, flushed at the end. Text for a pipe or a file is written as UTF-8
    whatever the locale says; text for a terminal (`for_terminal`, by default whether stdout is
    one) goes through the stream in the terminal's own encoding.

    A reader that closes the pipe early (`navsome list | head -1`) ends the program quietly, as
    Python's signal docs advise; any other failure to write (a full disk, a closed stdout) is
    one line on stderr and exit 1, never a traceback."""
    out = sys.stdout
    try:
        if out is None:  # Python found no stdout at start-up; __main__ normally replaces it
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        terminal = is_terminal(out) if for_terminal is None else for_terminal
        yield out if terminal else Utf8Writer(out)
        out.flush()
    except BrokenPipeError:
        discard_stdout()
        sys.exit(141)  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe
    except OSError as error:
        stdout_failed(error, done)


class Utf8Writer:
    """Text written to a stream's bytes as UTF-8, whatever encoding the stream was given: JSON,
    CSV and plain text are read by programs, which expect UTF-8, not the locale's `?`."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buffer: IO[bytes] | None = getattr(stream, "buffer", None)
        stream.flush()  # what went before comes first

    def write(self, text: str) -> int:
        if self.buffer is None:  # a stream of text only (a test's StringIO): it takes str
            return self.stream.write(text)
        # Registry text reaches here escaped; backslashreplace keeps a stray surrogate legible.
        data = memoryview(text.encode("utf-8", "backslashreplace"))
        while data:  # an unbuffered stdout (python -u) may take only part of it at a time
            written = self.buffer.write(data)
            if written is None:  # a non-blocking stdout that is full: nothing to wait on
                raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
            data = data[written:]
        return len(text)

    def flush(self) -> None:
        (self.buffer or self.stream).flush()


def stdout_failed(error: OSError, done: str | None = None) -> NoReturn:
    """stdout cannot be written (a full disk, an I/O error, a closed descriptor): say so in one
    line on stderr, with what was `done` all the same, and exit 1. What is still buffered goes
    to /dev/null, so the flush at exit does not print "Exception ignored" after the message."""
    discard_stdout()
    from navsome.i18n import ENGLISH

    words = _words or ENGLISH
    if error.errno == errno.EBADF:  # stdout was closed (`>&-`) or opened only for reading
        reason = words("it is closed")
    else:  # the operating system's reason, in Norwegian where the catalogue has it
        reason = words(error.strerror or str(error) or type(error).__name__)
    message = words("navsome: cannot write to standard output: {reason}.", reason=reason)
    say(message + (f" {done}" if done else ""))
    sys.exit(EXIT_BAD_DATA)


def discard_stdout() -> None:
    """Point stdout's descriptor at /dev/null: output still buffered is dropped, quietly."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no descriptor: nothing flushes to one
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _write(
    format_: OutputFormat,
    rows: Rows,
    blocks: Callable[[], "list[Block]"],
    as_json: Callable[[], Any],
    out: TextOut,
    terminal: bool,
    columns: Sequence[str],
) -> None:
    if format_ is OutputFormat.json:
        from navsome.output.json_csv import write_json

        write_json(as_json(), out)
    elif format_ is OutputFormat.csv:
        import io

        from navsome.output.json_csv import write_csv

        text = io.StringIO()  # one write to stdout rather than one a row
        write_csv(rows(), text, columns=columns)
        out.write(text.getvalue())
    elif format_ is OutputFormat.markdown:
        from navsome.output.blocks import to_markdown

        out.write(to_markdown(blocks()))
    elif terminal:
        from navsome.output.terminal import print_blocks

        print_blocks(blocks(), sys.stdout)  # `out` is that stream: Rich needs all of it
    else:
        from navsome.output.plain import plain_text

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


_quiet = False  # --quiet, set by the command line for the run
_words: "Words | None" = None  # the run's language, for what is said after its command ended


def speak(words: "Words") -> None:
    """The language this run speaks, for the messages said when stdout fails, which may be
    at exit, after the command that knew it."""
    global _words
    _words = words


def keep_quiet(quiet: bool) -> None:
    """Whether this run's notes are silenced (--quiet)."""
    global _quiet
    _quiet = quiet


def quiet() -> bool:
    return _quiet


def note(message: str) -> None:
    """A note --quiet silences: a hint, why an answer is empty, what was written where.
    Errors and warnings are said with `say`, quiet or not."""
    if not _quiet:
        say(message)


def say(message: str) -> None:
    """A note for the person at the terminal (not data): stderr, so pipes stay clean. With no
    stderr at all the note is dropped: print(file=None) would put it into the data."""
    if sys.stderr is not None:
        with suppress(OSError):  # stderr itself cannot be written: nowhere left to say it
            print(message, file=sys.stderr, flush=True)
