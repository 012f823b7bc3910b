"""--export FILE: the answer written to a file whose extension names the format."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import NavsomeError, UsageError
from .storage import replace_atomically

EXTENSIONS = (".svg", ".html", ".md", ".csv", ".json")


def export(
    path: Path,
    data: Callable[[], Any],
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list],
) -> None:
    """Write the table view as a picture (.svg, .html) or text (.md), or the data (.csv, .json)."""
    kind = path.suffix.lower()
    if kind not in EXTENSIONS:
        raise UsageError(
            f"--export {path}: cannot tell the format from {kind or 'no extension'!r}; "
            f"name the file with one of {', '.join(EXTENSIONS)}."
        )
    if not path.parent.is_dir():
        raise UsageError(f"--export {path}: the folder {path.parent} does not exist.")
    out = io.StringIO()
    if kind in (".svg", ".html"):
        from .terminal import picture

        out.write(picture(blocks(), kind))
    elif kind == ".md":
        from .render import to_markdown

        out.write(to_markdown(blocks()))
    elif kind == ".csv":
        from .machine import write_csv

        write_csv(rows(), out)
    else:
        from .machine import write_json

        write_json(data(), out)
    try:
        replace_atomically(path, out.getvalue().encode("utf-8"))
    except OSError as error:
        raise NavsomeError(
            f"--export {path}: cannot write it: {error.strerror or error}."
        ) from None
