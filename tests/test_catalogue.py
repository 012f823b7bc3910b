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


# The problems the core finds in a registry and in a typed date are templates too: each
# Problem's message, each Message, and what each check returns (a function typed to return a
# Message or a Problem, or named *problem), in the core that reads and checks a registry, its
# dates, the rows to import, and the errors themselves.
PROBLEM_PLACES = ("registry", "dates.py", "query.py", "rows_in.py", "errors.py")
# The only places a Message is made from text that is not a literal template (the qualified
# names of the functions), and why.
NOT_LITERAL = {
    "errors.py:outside_text": "text navsome did not write: the system's reason, a parser's",
    "errors.py:InvalidFigure.__init__": "typed.py's templates of a number it cannot read",
    "rows_in.py:_row.number": "the same templates, of a number in a row to import",
}


def _built_here(node: ast.expr) -> bool:
    """Whether `node` builds text here (an f-string, text formatted or concatenated) rather
    than give a template."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.IfExp):
        return _built_here(node.body) or _built_here(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return any(
            isinstance(part, ast.JoinedStr)
            or (isinstance(part, ast.Constant) and isinstance(part.value, str))
            for part in ast.walk(node)
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        text = isinstance(owner, ast.JoinedStr) or (
            isinstance(owner, ast.Constant) and isinstance(owner.value, str)
        )
        return text and node.func.attr in ("format", "format_map", "join")
    return False


def _english_in(node: ast.expr) -> bool:
    """Whether text built in `node` has English words in it ("; did you mean"), as a sentence
    has and a path or a list of names does not."""
    import re

    pieces = [
        part.value
        for part in ast.walk(node)
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    ]
    return _built_here(node) and any(re.search(r"[A-Za-z]{2,} +[A-Za-z]", p) for p in pieces)


def _scoped(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    """Every node of `tree` with the qualified name of the function it is in
    ("InvalidFigure.__init__", "_row.number"; "" at the top of the module)."""
    found: list[tuple[str, ast.AST]] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            found.append((scope, child))
            named = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            visit(child, (f"{scope}.{child.name}" if scope else child.name) if named else scope)

    visit(tree, "")
    return found


def _given(node: ast.Call) -> list[tuple[str, ast.expr]]:
    """What a call gives for a problem, each as (kind, expression): a Message's template (its
    first argument), a Problem's message (its second), that of a check's `problem(path,
    message)` or an InvalidDate's, and the values each is given."""
    called = node.func
    name = getattr(called, "id", None) or getattr(called, "attr", None)
    found = []
    if name == "Message" and node.args:
        found.append(("template", node.args[0]))
    elif name in ("Problem", "problem", "InvalidDate"):
        found += [("message", argument) for argument in node.args[1:2]]
        found += [("message", k.value) for k in node.keywords if k.arg == "message"]
    else:
        return []
    return found + [("value", k.value) for k in node.keywords if k.arg != "message"]


def problem_templates(root: Path = SOURCE) -> list[tuple[str, str, str, ast.expr]]:
    """Each template, message and value the core gives for a problem (see PROBLEM_PLACES), and
    what each function returns (a message where it is a check's): (where, function, kind,
    expression)."""
    found = []
    for place in PROBLEM_PLACES:
        folder = root / place
        paths = [folder] if folder.is_file() else sorted(folder.rglob("*.py"))
        for path in paths:
            name = path.relative_to(root).as_posix()
            for scope, node in _scoped(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    found += [
                        (f"{name}:{node.lineno}", f"{name}:{scope}", kind, given)
                        for kind, given in _given(node)
                    ]
                elif isinstance(node, ast.Assign | ast.AnnAssign) and name != "errors.py":
                    # Text kept for a problem later is no sentence of English either (the
                    # errors' own str() is: the English a library user reads).
                    if node.value is not None:
                        found.append(
                            (f"{name}:{node.lineno}", f"{name}:{scope}", "value", node.value)
                        )
                elif isinstance(node, ast.FunctionDef):
                    # What a check returns is a message; what any other function returns is
                    # a value, which holds no sentence of English either.
                    said = ast.unparse(node.returns) if node.returns else ""
                    check = "Message" in said or "Problem" in said or node.name.endswith("problem")
                    function = f"{name}:{scope}.{node.name}" if scope else f"{name}:{node.name}"
                    found += [
                        (
                            f"{name}:{ret.lineno}",
                            function,
                            "message" if check else "value",
                            ret.value,
                        )
                        for ret in ast.walk(node)
                        if isinstance(ret, ast.Return) and ret.value is not None
                    ]
    return found


def test_every_problem_the_core_finds_is_a_template_the_catalogue_words():
    found = problem_templates()
    places = {where.partition(":")[0].partition("/")[0] for where, *_ in found}
    assert set(PROBLEM_PLACES) <= places  # the scan sees each
    built = [
        where
        for where, _, kind, given in found
        if (_english_in(given) if kind == "value" else _built_here(given))
    ]
    assert not built, f"a problem worded in English here cannot be put into Norwegian: {built}"
    missing = [
        (where, given.value)
        for where, _, kind, given in found
        if kind != "value"
        and isinstance(given, ast.Constant)
        and isinstance(given.value, str)
        and given.value not in NB
    ]
    assert not missing, missing
    # A message that is not a literal is a Message made elsewhere (the types say so); a
    # template that is not one is text from outside, made a Message only where NOT_LITERAL says.
    not_literal = [
        (where, ast.unparse(given))
        for where, scope, kind, given in found
        if kind == "template" and not isinstance(given, ast.Constant) and scope not in NOT_LITERAL
    ]
    assert not not_literal, not_literal
    # The scan sees them: every rule of the schema, every date problem, each exception.
    assert sum(kind == "template" for _, _, kind, _ in found) > 80
    assert any(where.startswith("dates.py") for where, _, kind, _ in found if kind == "message")
    assert {scope for _, scope, kind, _ in found if kind == "template"} >= set(NOT_LITERAL)


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
