"""`navsome source add`: a new source in the registry file, before figures cite it."""

from typing import Annotated

import typer

from navsome.cli.answer import words_in_use
from navsome.cli.options import (
    LockTimeoutOption,
    cache_folder,
    lock_timeout_seconds,
    registry_size_limit,
    say_waiting,
    typed_text,
)
from navsome.output.console import quiet, stdout

NO_ARGS_IS_HELP = True  # `navsome source` alone: its help, which names its one action
# Its first argument is one of these, checked before Click asks for the SLUG or options that
# an action it does not know would not take (`navsome source list`).
ACTIONS = ("add",)


def command(
    ctx: typer.Context,
    action: Annotated[str, typer.Argument(metavar="ACTION", help="What to do: add.")],
    slug: Annotated[
        str,
        typer.Argument(metavar="SLUG", help="The source's name in the registry, e.g. nav-2018."),
    ],
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="The source's title, as it has it.")
    ],
    publisher: Annotated[
        str, typer.Option("--publisher", metavar="TEXT", help="Who published it.")
    ],
    year: Annotated[int, typer.Option("--year", metavar="YEAR", help="The year it was published.")],
    url: Annotated[
        str | None,
        typer.Option("--url", metavar="URL", help="Where the source can be read on the web."),
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            "--document", metavar="FILE", help="A file of the source kept beside the registry."
        ),
    ] = None,
    lock_timeout: LockTimeoutOption = None,
) -> None:
    """Add a source (a report, an article, a platform's export) to the registry file.

    Example: navsome source add nav-2018 --title "NAV 2018" --publisher NAV --year 2019

    Figures must cite a source under [sources]: add the month's report first, then record or
    import its figures. Written safely, as record writes (checked first, locked, atomic).
    """
    from pathlib import Path

    from navsome.registry.read import registry_path
    from navsome.registry.sources import add_source

    words = words_in_use(ctx)
    path = Path(registry_path(ctx.find_root().obj))
    add_source(
        path,
        typed_text(slug, "SLUG") or slug,
        title=typed_text(title, "--title") or title,
        publisher=typed_text(publisher, "--publisher") or publisher,
        year=year,
        url=typed_text(url, "--url"),
        document=typed_text(document, "--document"),
        lock_timeout=lock_timeout_seconds(lock_timeout),
        waiting=lambda pid: say_waiting(pid, path, words),
        max_bytes=registry_size_limit(),
        cache_dir=cache_folder(),
    )
    if quiet():
        return
    with stdout() as out:
        out.write(words("Added source {source} to {file}.", source=slug, file=path) + "\n")
