"""--export FILE: the answer written to a file whose extension names the format."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from navsome.errors import NavsomeError, UsageError
from navsome.registry.storage import check_writable, kind_of, real_path, replace_atomically

if TYPE_CHECKING:
    from navsome.output.blocks import Block

EXTENSIONS = (".svg", ".html", ".md", ".csv", ".json")


def check_target(name: str, registry: Path) -> None:
    """Refuse, before any work, an export that could not be written or would destroy
    something: no name, an unknown extension, a missing folder, the registry in use, or
    anything that is not a regular file (a device, a pipe, a folder)."""
    if not name:
        raise UsageError("--export needs a file name, e.g. --export followers.csv.")
    path = Path(name)
    kind = path.suffix.lower()
    if kind not in EXTENSIONS:
        raise UsageError(
            f"--export {path}: cannot tell the format from {kind or 'no extension'!r}; "
            f"name the file with one of {', '.join(EXTENSIONS)}."
        )
    target = real_path(path)  # a symbolic link is followed, and stays a link
    if not target.parent.is_dir():
        raise UsageError(f"--export {path}: the folder {target.parent} does not exist.")
    try:
        info = os.stat(path)  # the path itself, so a link to /proc/self/fd/1 shows a pipe
    except FileNotFoundError:
        return  # a new file
    except OSError as error:
        raise UsageError(f"--export {path}: cannot use it: {error.strerror or error}.") from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"--export {path}: {target} is {kind_of(info.st_mode)}, not a regular file; "
            "name a new file or an existing regular one."
        )
    if registry.exists() and os.path.samefile(path, registry):
        raise UsageError(
            f"--export {path} is the registry in use ({registry}); writing the answer there "
            "would replace the registry. Name another file."
        )
    try:
        check_writable(target)  # read-only, hard-linked, or in a folder that cannot be written
    except NavsomeError as error:
        raise NavsomeError(f"--export {error}") from None


def export(
    path: Path,
    data: Callable[[], Any],
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list[Block]],
) -> None:
    """Write the table view as a picture (.svg, .html) or text (.md), or the data (.csv, .json),
    to `path` (checked first with `check_target`) or the file its symbolic link names."""
    kind = path.suffix.lower()
    out = io.StringIO()
    if kind in (".svg", ".html"):
        from navsome.output.terminal import picture

        out.write(picture(blocks(), kind))
    elif kind == ".md":
        from navsome.output.blocks import to_markdown

        out.write(to_markdown(blocks()))
    elif kind == ".csv":
        from navsome.output.json_csv import write_csv

        write_csv(rows(), out, spreadsheet=True)  # an exported CSV is opened in spreadsheets
    else:
        from navsome.output.json_csv import write_json

        write_json(data(), out)
    try:
        replace_atomically(real_path(path), out.getvalue().encode("utf-8"))
    except OSError as error:
        raise NavsomeError(
            f"--export {path}: cannot write it: {error.strerror or error}."
        ) from None
