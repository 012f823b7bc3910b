"""Every English template navsome words for people has its Norwegian, and none is left over."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from navsome.i18n import NB

SOURCE = Path(__file__).resolve().parents[1] / "src" / "navsome"


@functools.cache
def nodes_of(path: Path) -> list[ast.AST]:
    """Every node of a source file, parsed once for all the scans below."""
    return list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


@functools.cache
def templates() -> dict[str, str]:
    """Each literal template passed to words(...) in navsome's source, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in nodes_of(path):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            called = node.func
            name = getattr(called, "id", None) or getattr(called, "attr", None)
            first = node.args[0]
            if name == "words" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, f"{path.relative_to(SOURCE)}:{node.lineno}")
    return found


def test_every_template_has_its_norwegian():
    missing = {text: where for text, where in templates().items() if text not in NB}
    assert not missing, missing


def test_every_norwegian_keeps_its_templates_placeholders():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for english, norwegian in NB.items():
        assert fields(english) == fields(norwegian), english


def test_the_catalogue_finds_the_templates_it_is_checked_against():
    # The scan above sees words(...) however it is called: a test that found none would pass.
    found = templates()
    assert len(found) > 100
    assert "{metric}, largest first" in found and "Wrote {file}." in found


# Where navsome refuses: the command line, the output layer, and the core's writes, reads and
# lookups (the registry's files, the rows to import, the questions asked of a registry).
CORE = ("registry", "rows_in.py", "query.py")
REFUSING = ("cli", "output", *CORE)
# What a refusal's text is given to: the errors, the core's subclasses of them (in the core,
# their own super().__init__ too: the command line's, such as FigureRefused, are worded by
# cli/messages.py from their data), and a Message, a template a refusal carries as one of its
# parts (ImportRefused is given a list of them).
REFUSAL_CALLS = (
    "NavsomeError",
    "UsageError",
    "RecordRefused",
    "ImportRefused",
    "Message",
    "__init__",
)


def _is_refusal(node: ast.Call, core: bool) -> bool:
    called = node.func
    name = getattr(called, "id", None) or getattr(called, "attr", None)
    if name == "__init__":  # only super().__init__(...) in the core: an error's own message
        if not core:
            return False
        owner = getattr(called, "value", None)
        return isinstance(owner, ast.Call) and getattr(owner.func, "id", None) == "super"
    return name in REFUSAL_CALLS


def refusals() -> list[tuple[str, ast.expr]]:
    """Each refusal navsome's command line, output layer and core raise (see REFUSING), and
    each Message they word, with the text it is given: (where, first argument)."""
    found = []
    for place in REFUSING:
        folder = SOURCE / place
        paths = [folder] if folder.is_file() else sorted(folder.rglob("*.py"))
        for path in paths:
            for node in nodes_of(path):
                if isinstance(node, ast.Call) and node.args and _is_refusal(node, place in CORE):
                    first = node.args[0]
                    given = first.elts if isinstance(first, ast.List) else [first]
                    where = f"{path.relative_to(SOURCE)}:{node.lineno}"
                    found += [(where, text) for text in given]
    return found


def test_every_refusal_is_a_template_the_catalogue_words():
    found = refusals()
    assert len(found) > 20  # the scan sees them
    scanned = {where.partition(":")[0].partition("/")[0] for where, _ in found}
    assert {"cli", "output", "registry", "rows_in.py", "query.py"} <= scanned
    built = [where for where, first in found if isinstance(first, ast.JoinedStr)]
    # cli/app.py refuses a NAVSOME_LANG it cannot read in English on purpose: no language is
    # chosen yet.
    built = [w for w in built if not w.startswith("cli/app.py")]
    assert not built, f"an f-string cannot be put into Norwegian: {built}"
    missing = [
        (where, first.value)
        for where, first in found
        if isinstance(first, ast.Constant) and first.value not in NB
    ]
    assert not missing, missing


NORWEGIAN_RUNS = [
    ["list"],
    ["list", "--as-of", "2015"],
    ["show", "jobblyst"],
    ["compare", "-m", "followers"],
    ["compare", "-m", "followers", "--top", "3"],
    ["compare", "jobblyst", "nav"],
    ["compare", "-m", "followers", "--since", "2017"],
    ["history", "jobblyst"],
    ["history", "nav", "--as-of", "1990"],
    ["report", "--year", "2017"],
    ["metrics"],
    ["timeline"],
    ["sources"],
    ["validate"],
    ["compare", "-m", "folowers"],
    ["show", "nobody"],
    ["list", "--frobnicate"],
    ["record", "nav/linkedin", "followers", "28000", "--as-of", "2018", "--source", "x"],
]


def english_phrases() -> list[str]:
    """The English navsome words (every template in its source), as phrases of two words or
    more between placeholders, where the Norwegian says something else."""
    import re

    phrases = set()
    for english in [*templates(), *NB]:
        norwegian = NB.get(english, "")
        for part in re.split(r"\{[^}]*\}", english):
            part = part.strip(" .,;:()'")
            if " " in part and len(part) >= 10 and part not in norwegian:
                phrases.add(part)
    return sorted(phrases)


def test_every_command_in_norwegian_says_nothing_from_the_english_catalogue(navsome, registry_copy):
    phrases = english_phrases()
    assert len(phrases) > 100  # the check has something to look for
    for args in NORWEGIAN_RUNS:
        result = navsome("--lang", "nb", "--registry", str(registry_copy), *args)
        said = result.stdout + result.stderr
        assert said.strip(), args
        heard = [phrase for phrase in phrases if phrase in said]
        assert not heard, (args, heard)
