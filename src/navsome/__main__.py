"""Entry point for the `navsome` script and `python -m navsome`."""

from __future__ import annotations

import os
import sys


def main() -> None:
    # A stdout that cannot encode «ø» degrades to '?' rather than crashing mid-table.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        from .cli import app, keep_only_command

        keep_only_command(sys.argv[1:])
        app(prog_name="navsome")
    except Exception as error:  # a bug in navsome: say so plainly instead of a traceback
        if os.environ.get("NAVSOME_DEBUG"):
            raise
        from .errors import EXIT_INTERNAL

        print(
            f"navsome: internal error ({type(error).__name__}: {error}). "
            "Set NAVSOME_DEBUG=1 to see the traceback, and please report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
