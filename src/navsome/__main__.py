"""Entry point for the `navsome` script and `python -m navsome`: the one place that turns what
the environment does to a run (Ctrl-C, a closed or full stdout, a bug) into an exit code."""

from __future__ import annotations

import os
import sys

# Ctrl-C is caught from the first moment this module runs, before anything else is imported:
# the C module that `signal` wraps installs a handler without importing enum (3 ms in which a
# Ctrl-C would otherwise end in a traceback).
try:
    import _signal as _signals  # type: ignore[import-not-found]  # no stubs: CPython's C part
except ImportError:  # pragma: no cover - a Python without the C module
    import signal as _signals

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a program stopped by Ctrl-C


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which Click turns into "Aborted!" and exit 1, and not an
    Exception, so no `except Exception` on the way up swallows it; `finally` blocks still run."""


# Where the run is: "loading" this module, "running" the command, "stopping" after a first
# Ctrl-C, or "done". A Ctrl-C while loading is kept for main() to act on; an exception raised
# then would come out of the script's import line as a traceback.
_phase = "loading"
_pending = False


def _interrupt(number: int, frame: object) -> None:
    """Raise `Interrupted` wherever the command is; a second Ctrl-C during the clean-up the
    first set off, or one after the work is done, ends the program at once."""
    global _phase, _pending
    if _phase == "loading":
        _pending = True
    elif _phase == "running":
        _phase = "stopping"
        raise Interrupted
    else:
        os._exit(EXIT_INTERRUPTED)


# A run started with Ctrl-C ignored (`nohup`, `cmd &` in a script) keeps ignoring it.
if _signals.getsignal(_signals.SIGINT) is _signals.default_int_handler:
    _signals.signal(_signals.SIGINT, _interrupt)

import io  # noqa: E402 - after the handler, on purpose

TYPE_CHECKING = False  # typing itself costs 4 ms to import, all of it before the handler helps
if TYPE_CHECKING:
    from typing import Any


class StdoutError(OSError):
    """Writing to stdout failed, and not because its reader left: a fault of the environment
    (a full disk, an I/O error, a closed stdout), told apart from an OSError that is a bug."""


class _StdoutFile(io.FileIO):
    """stdout's descriptor, raising `StdoutError` when a write fails. Every writer ends here:
    print(), Rich, Click's help and our own bytes, so each failure is caught the same way."""

    def write(self, data: Any, /) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:  # the reader left: the quiet exit 141 handles it
            raise
        except OSError as error:
            raise StdoutError(error.errno, error.strerror) from None


def main() -> None:
    global _phase, _pending
    _phase = "running"
    sys.unraisablehook = _unraisable
    try:
        if _pending:  # pressed while this module loaded
            _pending = False
            raise Interrupted
        _run()
    except Interrupted:
        _phase = "stopping"
        _quit_interrupted()
    finally:
        _phase = "done"  # from now on a Ctrl-C ends Python's shut-down at once


def _run() -> None:
    _reopen_closed_streams()
    debug = _debug()
    _own_stdout()
    # A run is one short process. Loading a registry makes millions of objects, none in cycles,
    # which the cyclic garbage collector would only rescan again and again: it stays off, and
    # what the run made is frozen at the end, out of the collection Python makes as it exits.
    import gc

    gc.disable()
    try:
        from navsome.cli.app import app

        try:
            app(prog_name="navsome")
        finally:
            gc.freeze()
    except SystemExit:
        _flush_stdout()  # what print() left buffered (--version) must fail here, not at exit
        raise
    except StdoutError as error:  # Click passes on any OSError but a closed pipe (--help)
        _stdout_failed(error)
    except Exception as error:
        _internal_error(error, debug)
    _flush_stdout()


def _unraisable(unraisable: Any) -> None:
    """An exception Python cannot raise (in a weak-reference callback or a `__del__`) is only
    reported: a Ctrl-C landing there would be swallowed and the work go on. It ends the run."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, Interrupted):
        os._exit(EXIT_INTERRUPTED)
    sys.__unraisablehook__(unraisable)


def _quit_interrupted() -> None:
    # Whatever is still buffered for stdout is not wanted now, and writing it could block on a
    # pipe whose reader has stopped too; the shell shows the ^C, so nothing is printed.
    from navsome.output.console import discard_stdout

    discard_stdout()
    sys.exit(EXIT_INTERRUPTED)


def _reopen_closed_streams() -> None:
    """A program started with stdout or stderr closed (`navsome list >&-`) must not let the
    next file it opens take descriptor 1 or 2: data would land in the registry or a temporary
    file. Each closed one is given /dev/null: stdout read-only, so that writing the answer
    fails with a message (--export still works); stderr for writing, so messages vanish."""
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_RDONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, mode)
            if opened != fd:  # a lower descriptor was closed too and took this one's place
                os.dup2(opened, fd)
                os.close(opened)
    _own_stderr()


class _QuietFile(io.FileIO):
    """stderr's descriptor. A message that cannot be written (stderr on a full disk, or gone)
    is dropped: there is nowhere left to say it, and the exit code must still tell what
    happened rather than become an internal error."""

    def write(self, data: Any, /) -> int:
        try:
            return super().write(data)
        except OSError:
            return len(memoryview(data))


def _own_stderr() -> None:
    err = sys.stderr
    if err is not None:
        binary = getattr(err, "buffer", None)
        raw = binary if type(binary) is io.FileIO else getattr(binary, "raw", None)
        if type(raw) is not io.FileIO or raw.fileno() != 2:
            return  # a test's stream, or a Windows console: kept as it is
        err.flush()
    sys.stderr = io.TextIOWrapper(
        _QuietFile(2, "w", closefd=False),
        encoding=err.encoding if err else "utf-8",
        errors="backslashreplace",
        line_buffering=True,
        write_through=True,
    )


def _own_stdout() -> None:
    """Write stdout through `_StdoutFile`, keeping its encoding and buffering: a terminal that
    cannot show «ø» gets `\\xf8` rather than a silent '?' (data for programs is written as
    UTF-8 bytes whatever the encoding, in output.py). A Windows console or a test's stream is
    kept as it is."""
    out = sys.stdout
    unbuffered = False  # python -u, PYTHONUNBUFFERED: stdout's bytes go straight to the file
    if out is not None:
        binary = getattr(out, "buffer", None)
        unbuffered = type(binary) is io.FileIO
        raw = binary if unbuffered else getattr(binary, "raw", None)
        if type(raw) is not io.FileIO or raw.fileno() != 1:
            reconfigure = getattr(out, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
            return
        out.flush()
    file = _StdoutFile(1, "w", closefd=False)
    sys.stdout = io.TextIOWrapper(
        file if unbuffered else io.BufferedWriter(file),
        encoding=out.encoding if out else "utf-8",
        errors="backslashreplace",
        newline=None if os.name == "nt" else "\n",  # as Python opens stdout
        line_buffering=bool(getattr(out, "line_buffering", False)),
        write_through=bool(getattr(out, "write_through", False)),
    )


def _debug() -> bool:
    """NAVSOME_DEBUG: 1/true/yes/on shows the traceback of a bug; 0/false/no/off or empty not."""
    from navsome.cli.switches import switched_on

    state = switched_on("NAVSOME_DEBUG")
    if state is not None:
        return state
    from navsome.cli.usage_errors import language_of
    from navsome.i18n import Words
    from navsome.output.console import say
    from navsome.output.escape import visible

    words = Words(language_of(None, sys.argv[1:]))  # read before a command chooses one
    setting = visible(os.environ["NAVSOME_DEBUG"], one_line=True)
    say(
        words(
            "navsome: NAVSOME_DEBUG={setting} is not understood; set it to 1 to see the "
            "traceback of an internal error, or to 0 (or unset it).",
            setting=f"'{setting}'",
        )
    )
    sys.exit(2)


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        from navsome.output.console import discard_stdout

        discard_stdout()
        sys.exit(141)
    except OSError as error:
        _stdout_failed(error)


def _stdout_failed(error: OSError) -> None:
    from navsome.output.console import stdout_failed

    stdout_failed(error)


def _internal_error(error: Exception, debug: bool) -> None:
    """A bug in navsome: one line that says so, instead of a traceback (unless debugging)."""
    if debug:
        raise error
    from navsome.errors import EXIT_INTERNAL
    from navsome.output.console import say
    from navsome.output.escape import visible

    say(
        f"navsome: internal error ({type(error).__name__}: {visible(str(error), one_line=True)}). "
        "Set NAVSOME_DEBUG=1 to see the traceback, and please report it."
    )
    sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
