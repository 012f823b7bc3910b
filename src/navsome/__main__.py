"""Entry point: runs the CLI and turns every failure into a message and an exit code."""

from __future__ import annotations

import os
import sys


def main() -> None:
    # A stdout that cannot encode «ø» degrades to '?' rather than crashing mid-table.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    from .errors import EXIT_INTERNAL, NavsomeError
    from .text import visible

    try:
        from .cli import app

        app(prog_name="navsome")
    except NavsomeError as error:
        message = "\n".join(visible(line) for line in str(error).splitlines())
        print(f"navsome: {message}", file=sys.stderr)
        sys.exit(error.exit_code)
    except Exception as error:  # a bug: say so plainly instead of a traceback
        if os.environ.get("NAVSOME_DEBUG"):
            raise
        print(
            f"navsome: internal error ({type(error).__name__}: {error}). "
            "Set NAVSOME_DEBUG=1 to see the traceback, and please report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
