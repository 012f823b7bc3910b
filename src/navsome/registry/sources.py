"""Adding a source to the registry file: a [sources.SLUG] table after the last source, written
through the one safe rewrite (registry/rewrite.py) and checked in full first."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from navsome.errors import Message, RegistryProblems, UsageError
from navsome.model import Registry
from navsome.registry.read import DEFAULT_MAX_BYTES, check_registry, parse_toml
from navsome.registry.record import RecordRefused
from navsome.registry.rewrite import DEFAULT_LOCK_TIMEOUT, rewrite
from navsome.registry.text_edit import content_end, toml_lines

_SOURCE_HEADER = re.compile(r"^[ \t]*\[sources\.[^\]\n]+\][ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_ANY_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def add_source(
    path: Path,
    slug: str,
    *,
    title: str,
    publisher: str,
    year: int,
    url: str | None = None,
    document: str | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    waiting: Callable[[int | None], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
) -> None:
    """Add the source `slug` to the registry at `path`; UsageError if it is there already,
    RecordRefused if the registry would not validate with it."""
    fields: dict[str, str | int | float] = {"title": title, "publisher": publisher, "year": year}
    if url:
        fields["url"] = url
    if document:
        fields["document"] = document

    def change(text: str, registry: Registry) -> tuple[None, tuple[str, Registry]]:
        if slug in registry.sources:
            raise UsageError(
                "the registry already has a source {slug!r}; pick another slug.", slug=slug
            )
        new_text = _with_source(text, slug, fields)
        try:
            return None, (
                new_text,
                check_registry(parse_toml(new_text, str(path)), new_text, str(path)),
            )
        except RegistryProblems as error:  # a bug is not a refusal: only these are caught
            raise RecordRefused(
                "{file}: source not added; the registry would not validate with it:",
                error.problems,
                file=str(path),
            ) from None

    rewrite(
        path,
        change,
        Message("the source was added"),
        lock_timeout,
        waiting,
        max_bytes=max_bytes,
        cache_dir=cache_dir,
    )


def _with_source(text: str, slug: str, fields: dict[str, str | int | float]) -> str:
    """`text` with a [sources.SLUG] table after the last source table's last line (or, with no
    source yet, before the first table of another kind)."""
    key = slug if re.fullmatch(r"[A-Za-z0-9_-]+", slug) else f'"{slug}"'
    table = f"\n[sources.{key}]\n" + toml_lines(fields)
    sources = list(_SOURCE_HEADER.finditer(text))
    if not sources:
        return f"[sources.{key}]\n" + toml_lines(fields) + "\n" + text
    last = sources[-1]
    following = _ANY_HEADER.search(text, last.end())
    end = following.start() if following else len(text)
    cut = last.start() + content_end(text[last.start() : end])
    head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + "\n"
    return head + table + text[cut:]
