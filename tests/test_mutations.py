"""Property tests: random damage to the shipped registry never gets past a clean answer or error.

Each example mutates the registry — deletes a key, puts another value in a key's place, adds a
key, splices text into the file or cuts it short — and runs validate and one or two other
commands on it (every command, as a person and as a program reads it, with NAVSOME_EXHAUSTIVE=1).
The only outcomes allowed are an answer that holds up (exit 0, well-formed output) or a clean
error (exit 1 or 2, a message on stderr, nothing on stdout).

Most mutations are of the kind a hand edit makes — a value the same key holds elsewhere in the
registry, a line put in another line's place, a cut between two tables — so that most damaged
registries still validate and the commands get past the loader to their own work; the rest are
anything at all. (`--hypothesis-show-statistics` shows how many validated.)
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
from typing import Any

from conftest import EXHAUSTIVE, SHIPPED
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from toml_writer import dumps

from navsome.errors import RegistryProblems
from navsome.registry.read import load_registry
from navsome.registry.schema import (
    _Builder,
    _checked_measurement,
    _valid_measurement,
    build_registry,
)
from navsome.registry.toml import tomllib  # tomli on Python 3.10, as navsome reads it

BASE = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
COMMANDS = [
    ["validate"],
    ["list"],
    ["show", "jobblyst"],
    ["compare", "--metric", "followers"],
    ["compare", "jobblyst", "nav"],
]
RUNS = [[*args, *extra] for args in COMMANDS for extra in ([], ["--json"])]
# Besides validate, which every example runs: one or two of the others.
runs = st.lists(st.sampled_from(RUNS[1:]), min_size=1, max_size=2)

scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.booleans(),
    st.sampled_from(["", "2017-13", "2017-02-30", "range", "followers", "nav-some-2017"]),
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the parsed registry: keys of tables and indices of arrays."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


ALL_PATHS = paths(BASE)
# Figures and events are where hand edits go wrong most; draw their fields more often.
FIGURE_PATHS = [p for p in ALL_PATHS if "measurements" in p or p[0] == "events"]
places = st.sampled_from(FIGURE_PATHS) | st.sampled_from(ALL_PATHS)


def kind(path: tuple) -> tuple:
    """A place with its names and indices left out: accounts.nav.channels[1].platform and
    accounts.jobblyst.channels[0].platform are one kind of place."""
    named = path[0] in ("sources", "platforms", "metrics", "accounts")
    return tuple(
        "*" if isinstance(step, int) or (i == 1 and named) else step for i, step in enumerate(path)
    )


def at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


# Every value each kind of place holds somewhere in the registry: a figure's value, another
# figure, another account's name, another channel.
ALIKE: dict[tuple, list] = {}
for _path in ALL_PATHS:
    _found = ALIKE.setdefault(kind(_path), [])
    if at(BASE, _path) not in _found:
        _found.append(at(BASE, _path))


def mutations(path: tuple) -> st.SearchStrategy:
    """What to do at `path`: five times in eight put there a value its kind of place holds
    elsewhere in the registry, else add one beside it, delete it, or put or add anything."""
    alike = st.sampled_from(ALIKE[kind(path)])
    todo = {
        "replace": st.tuples(st.just("replace"), alike),
        "insert": st.tuples(st.just("insert"), alike),
        "delete": st.tuples(st.just("delete"), st.none()),
        "anything": st.tuples(st.sampled_from(["replace", "insert"]), values),
    }
    chosen = st.sampled_from(["replace"] * 5 + ["insert", "delete", "anything"])
    return chosen.flatmap(todo.__getitem__).map(lambda action: (path, *action))


def mutate(data: Any, path: tuple, action: str, value: Any) -> Any:
    data = json.loads(json.dumps(data))  # a deep copy of plain data
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if action == "delete":
        del holder[last]
    elif action == "replace":
        holder[last] = value
    elif isinstance(holder, dict):
        holder[f"garbage_{len(holder)}"] = value
    else:
        holder.insert(last, value)
    return data


def as_toml(data: Any) -> str:
    text = dumps(data)
    # What the test writer wrote is what was meant (NaN compares unequal, so compare as JSON).
    read = tomllib.loads(text)
    assert json.dumps(read, sort_keys=True) == json.dumps(data, sort_keys=True)
    return text


def check(navsome, path, drawn: list[list[str]]) -> None:
    for args in RUNS if EXHAUSTIVE else [["validate"], *drawn]:
        result = navsome("--registry", str(path), *args)
        if args == ["validate"]:
            event("the registry validates" if result.exit_code == 0 else "it is refused")
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
        if result.exit_code == 0:
            if args[0] == "validate":  # a clean file: nothing to say, but beside JSON rows
                lines = result.stderr.splitlines()  # the verdict, which they do not hold
                assert lines == [] or (args[-1] == "--json" and len(lines) == 1)
                assert " is valid: " in result.stderr or not lines
            if args[-1] == "--json":
                answer = json.loads(result.stdout)
                if args[:2] == ["compare", "--metric"]:
                    ranked = [row["value"] for row in answer]
                    assert ranked == sorted(ranked, reverse=True)
        elif args[0] == "validate":
            assert "problem" in result.stdout or result.stdout.startswith("[")
        else:
            assert result.stdout == ""
            assert result.stderr.startswith("navsome: ") or "Usage:" in result.stderr


common = settings(
    # CI replays a fixed set (see conftest): a dozen keeps a landing quick, and as most of them
    # validate, more get to the commands' own work than 30 wild ones did; local runs draw
    # more, and new ones each time; a nightly NAVSOME_EXHAUSTIVE=1 run many more.
    max_examples=400 if EXHAUSTIVE else 12 if os.environ.get("CI") else 80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@common
@given(mutation=places.flatmap(mutations), drawn=runs)
def test_structural_mutations(navsome, tmp_path, mutation, drawn):
    registry = tmp_path / "mutated.toml"
    registry.write_text(as_toml(mutate(BASE, *mutation)), encoding="utf-8")
    check(navsome, registry, drawn)


SHIPPED_BYTES = SHIPPED.read_bytes()
# Each line of the file: where it starts and ends (its newline), and its key, if it has one.
LINES: list[tuple[int, int, bytes]] = []
for _match in re.finditer(rb"(?m)^([ \t]*([\w-]+)[ \t]*=)?.*$", SHIPPED_BYTES):
    LINES.append((_match.start(), _match.end(), _match[2] or b""))
BY_KEY: dict[bytes, list[bytes]] = {}
for _start, _end, _key in LINES:
    if _key:
        BY_KEY.setdefault(_key, []).append(SHIPPED_BYTES[_start:_end])
HEADER_STARTS = [start for start, _, _ in LINES if SHIPPED_BYTES.startswith(b"[", start)]

garbage = (
    st.binary(max_size=40)
    | st.text(max_size=40).map(str.encode)
    | st.sampled_from([b"[", b"]]", b'"', b"\n[[accounts]]\n", b"= =", b"\x00", b"\xff"])
)
splices = st.one_of(
    # another line of the same key in a line's place: `value = 800` for `value = 19500`
    st.sampled_from([line for line in LINES if line[2]]).flatmap(
        lambda line: st.sampled_from(BY_KEY[line[2]]).map(
            lambda other: (line[0], line[1] - line[0], other)
        )
    ),
    # a line taken out
    st.sampled_from(LINES).map(lambda line: (line[0], line[1] + 1 - line[0], b"")),
    # garbage anywhere: (where, how many bytes it replaces, the garbage)
    st.tuples(
        st.integers(min_value=0, max_value=len(SHIPPED_BYTES)),
        st.integers(min_value=0, max_value=40),
        garbage,
    ),
)


@common
@given(splice=splices, drawn=runs)
def test_textual_mutations(navsome, tmp_path, splice, drawn):
    start, length, inserted = splice
    data = SHIPPED_BYTES[:start] + inserted + SHIPPED_BYTES[start + length :]
    registry = tmp_path / "spliced.toml"
    registry.write_bytes(data)
    check(navsome, registry, drawn)


# Most often just before a [table] (a registry missing its last tables, which mostly still
# validates), else at a line's start or anywhere.
ends = st.one_of(
    st.sampled_from(HEADER_STARTS),
    st.sampled_from([start for start, _, _ in LINES]),
    st.integers(min_value=0, max_value=len(SHIPPED_BYTES)),
)


@common
@given(end=ends, drawn=runs)
def test_truncated_registries_through_every_command(navsome, tmp_path, end, drawn):
    registry = tmp_path / "cut.toml"
    registry.write_bytes(SHIPPED_BYTES[:end])
    check(navsome, registry, drawn)


WRONG_VALUES = ["text", 7, -1.5, float("nan"), float("inf"), True, [1, "a"], {"a": 1}, ""]
ONE_OF_EACH_TABLE = [
    ("sources", "nav-some-2017"),
    ("platforms", "facebook"),
    ("metrics", "followers"),
    ("accounts", "kunnskap"),
    ("accounts", "kunnskap", "channels", 1),
    ("accounts", "kunnskap", "channels", 1, "measurements", 0),
    ("accounts", "kunnskap", "channels", 0, "measurements", 1),
    ("events", 1),
]


def test_every_field_with_every_wrong_type(navsome, tmp_path):
    """Swapped types, exhaustively: every field of one table of each kind, every wrong type."""
    registry = tmp_path / "swapped.toml"
    runs = keys = 0
    for table in ONE_OF_EACH_TABLE:
        for key in at(BASE, table):
            keys += 1
            for index, wrong in enumerate(WRONG_VALUES):
                mutated = mutate(BASE, (*table, key), "replace", wrong)
                # One field of each table goes through the command line, each with another
                # wrong type (every field and every type does with NAVSOME_EXHAUSTIVE=1); the
                # rest go straight to the checks every command runs (as tomllib would hand
                # them the data), which is where a swapped type could crash.
                if EXHAUSTIVE or (
                    key == next(iter(at(BASE, table))) and index == keys % len(WRONG_VALUES)
                ):
                    registry.write_text(as_toml(mutated), encoding="utf-8")
                    result = navsome("--registry", str(registry), "validate")
                    assert result.exit_code in (0, 1), (table, key, wrong, result.stderr)
                else:
                    with contextlib.suppress(RegistryProblems):
                        build_registry(mutated, "swapped.toml")
                runs += 1
    assert runs > 300


REGISTRY = load_registry(str(SHIPPED))
MEASUREMENT = {
    "metric": "followers",
    "value": 800,
    "qualifier": "range",
    "high": 900,
    "as_of": "2017-12",
    "source": "nav-some-2017",
    "stated": "om lag 800",
    "note": "a note",
}


# Values next to the edges the checks draw, for each field of a measurement (as tomllib reads
# them: TOML has no null).
NUMBERS = [0, -1, 50, 100, 101, 150, 10**15, 10**15 + 1, 0.5, -0.0, float("nan"), float("inf")]
NUMBERS += ["800", True, [800]]
TEXTS = ["om lag 800", "", " ", "\x1b[2J", "a\nb", "x" * 10_001]
EDGES = {
    "metric": ["followers", "satisfied_share", "self_served_share", "unknown", 7],
    "value": NUMBERS,
    "high": NUMBERS,
    "qualifier": ["exact", "about", "over", "range", "roughly", 1],
    "as_of": ["2017", "2017-12", "2018-06", "2017-13", "2017-02-30", "17-12", 2017],
    "source": ["nav-some-2017", "nav-2030", ""],
    "stated": [*TEXTS, 5],
    "note": [*TEXTS, ["a"]],
    "extra": [1, "x"],
}
DROPPED = object()


def agree(value: dict) -> None:
    """The fast check of a measurement accepts only what the full check accepts, as the same
    measurement; when it gives up on a valid one, the full check builds it."""
    fast = _valid_measurement(value, REGISTRY.sources, REGISTRY.metrics)
    builder = _Builder()
    checked = _checked_measurement(builder, "m", value, REGISTRY.sources, REGISTRY.metrics)
    if fast is not None:
        assert builder.problems == [], value
        assert checked == fast, value
    else:
        assert (checked is None) == bool(builder.problems), value


def test_the_fast_measurement_check_agrees_one_or_two_steps_from_a_valid_one():
    """Every measurement made from a valid one by setting one or two fields to a value next to
    an edge (a percentage over 100, a date that is not one, an unknown source), or dropping
    them: each takes microseconds, so all of them, nearly three thousand."""
    steps = [(key, value) for key, values in EDGES.items() for value in values]
    steps += [(key, DROPPED) for key in MEASUREMENT]
    for first, second in itertools.combinations_with_replacement(steps, 2):
        value = dict(MEASUREMENT)
        for key, change in (first, second):
            if change is DROPPED:
                value.pop(key, None)
            else:
                value[key] = change
        agree(value)


# The same check on measurements with anything at all in a field or two.
@settings(max_examples=4000 if EXHAUSTIVE else 80 if os.environ.get("CI") else 400, deadline=None)
@given(
    drop=st.sets(st.sampled_from(sorted(MEASUREMENT))),
    changes=st.dictionaries(
        st.sampled_from([*sorted(MEASUREMENT), "extra"]),
        scalars | st.sampled_from(["exact", "about", "over", "satisfied_share", 50, 150, 0, -1]),
        max_size=3,
    ),
)
def test_the_fast_measurement_check_never_accepts_what_the_full_check_refuses(drop, changes):
    agree({k: v for k, v in {**MEASUREMENT, **changes}.items() if k not in drop})
