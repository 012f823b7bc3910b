"""--export FILE: the answer written to a file whose extension names the format."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from navsome.errors import NavsomeError, UsageError, os_reason
from navsome.registry.storage import check_writable, kind_of, real_path, replace_atomically

if TYPE_CHECKING:
    from navsome.i18n import Words
    from navsome.output.blocks import Block

# Each extension an export may have, and the --format whose answer it holds: a picture or a
# page is the table as a terminal draws it.
FORMAT_OF = {".svg": "table", ".html": "table", ".md": "markdown", ".csv": "csv", ".json": "json"}
EXTENSIONS = tuple(FORMAT_OF)


def check_named(name: str) -> None:
    """Refuse an empty name: it names no file, and must never mean "the screen"."""
    if not name:
        raise UsageError(
            "--export needs a file name, e.g. --export {example}.", example="followers.csv"
        )


def check_target(name: str, registry: Path) -> None:
    """Refuse, before any work, an export that could not be written or would destroy
    something: no name, an unknown extension, a missing folder, the registry in use, or
    anything that is not a regular file (a device, a pipe, a folder)."""
    check_named(name)
    path = Path(name)
    kind = path.suffix.lower()
    if not kind:
        raise UsageError(
            "--export {path}: a file name with no extension says no format; name the file "
            "with one of {extensions}.",
            path=path,
            extensions=", ".join(EXTENSIONS),
        )
    if kind not in EXTENSIONS:
        raise UsageError(
            "--export {path}: cannot tell the format from {kind!r}; name the file with one of "
            "{extensions}.",
            path=path,
            kind=kind,
            extensions=", ".join(EXTENSIONS),
        )
    target = real_path(path)  # a symbolic link is followed, and stays a link
    if not target.parent.is_dir():
        raise UsageError(
            "--export {path}: the folder {folder} does not exist.", path=path, folder=target.parent
        )
    try:
        info = os.stat(path)  # the path itself, so a link to /proc/self/fd/1 shows a pipe
    except FileNotFoundError:
        return  # a new file
    except OSError as error:
        raise UsageError(
            "--export {path}: cannot use it: {why}.", path=path, why=os_reason(error)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            "--export {path}: {target} is {kind}, not a regular file; name a new file or an "
            "existing regular one.",
            path=path,
            target=target,
            kind=kind_of(info.st_mode),
        )
    if registry.exists() and os.path.samefile(path, registry):
        raise UsageError(
            "--export {path} is the registry in use ({registry}); writing the answer there "
            "would replace the registry. Name another file.",
            path=path,
            registry=registry,
        )
    try:
        check_writable(target)  # read-only, hard-linked, or in a folder that cannot be written
    except NavsomeError as error:
        raise NavsomeError("--export {problem}", problem=error) from None


def export(
    path: Path,
    data: Callable[[], Any],
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list[Block]],
    *,
    words: Words,
    columns: Sequence[str] = (),
) -> None:
    """Write the answer to `path` (checked first with `check_target`) or the file its symbolic
    link names: the data as .csv (its header `columns` when there are no rows) or .json; for
    people as .md, or as a page (.html) with its charts inline; as .svg the answer's chart, or
    the table as a terminal draws it when the answer has no chart. Exported Markdown links to
    its charts, written as SVG files beside it first; each file is replaced whole."""
    for target, text in _files(path, data, rows, blocks, words, columns).items():
        if target != path:
            _check_beside(target)
        try:
            replace_atomically(real_path(target), text.encode("utf-8"))
        except OSError as error:
            raise NavsomeError(
                "--export {target}: cannot write it: {why}.",
                target=target,
                why=os_reason(error),
            ) from None


def _check_beside(target: Path) -> None:
    """A file written beside the export (a chart it links to) replaces only a regular file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise UsageError(
            "--export {path}: cannot use it: {why}.", path=target, why=os_reason(error)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            "--export: {target}, written beside the export, is {kind}, not a regular file; move "
            "it away or export under another name.",
            target=target,
            kind=kind_of(info.st_mode),
        )


def _files(
    path: Path,
    data: Callable[[], Any],
    rows: Callable[[], list[dict[str, Any]]],
    blocks: Callable[[], list[Block]],
    words: Words,
    columns: Sequence[str],
) -> dict[Path, str]:
    """{file: text} for an export, `path` last."""
    kind = path.suffix.lower()
    if kind in (".svg", ".html", ".md"):
        from navsome.output.blocks import Picture

        shown = blocks()
        pictures = [block for block in shown if isinstance(block, Picture)]
        if kind == ".svg" and len(pictures) > 1:
            raise UsageError(
                "--export {path}: this answer has {count} charts, one per metric; choose one with "
                "--metric, or export .html (charts inline) or .md (charts beside it).",
                path=path,
                count=len(pictures),
            )
        if kind == ".svg" and pictures:
            return {path: pictures[0].draw()}
        if kind == ".html":
            from navsome.output.html import html_document

            return {path: html_document(shown, words=words)}
        if kind == ".md":
            from navsome.output.blocks import to_markdown

            files = {path.with_name(f"{path.stem}-{p.name}.svg"): p for p in pictures}
            text = to_markdown(shown, {p.name: file.name for file, p in files.items()})
            return {**{file: p.draw() for file, p in files.items()}, path: text}
        from navsome.output.terminal import picture

        return {path: picture(shown, kind)}
    return {path: _data(path, data, rows, columns)}


def _data(
    path: Path,
    data: Callable[[], Any],
    rows: Callable[[], list[dict[str, Any]]],
    columns: Sequence[str],
) -> str:
    out = io.StringIO()
    if path.suffix.lower() == ".csv":
        from navsome.output.json_csv import write_csv

        # An exported CSV is opened in spreadsheets.
        write_csv(rows(), out, spreadsheet=True, columns=columns)
    else:
        from navsome.output.json_csv import write_json

        write_json(data(), out)
    return out.getvalue()
