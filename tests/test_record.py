"""navsome record: one figure added safely, the file's layout kept, nothing half-written."""

from __future__ import annotations

import difflib
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXHAUSTIVE, tiered

from navsome.errors import RegistryProblems
from navsome.model import Measurement
from navsome.registry.read import load_registry
from navsome.registry.record import record
from navsome.registry.toml import tomllib  # tomli on Python 3.10, as navsome reads it

FIGURE = [
    "jobblyst/facebook",
    "followers",
    "21000",
    "--as-of",
    "2018-06",
    "--source",
    "nav-some-2017",
]


def diff(before: str, after: str) -> list[str]:
    """The removed (-) and added (+) lines, as `diff` shows them. Autojunk is off: it would
    treat lines repeated throughout the registry (`source = …`) as noise."""
    old, new = before.splitlines(), after.splitlines()
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += ["-" + line for line in old[i1:i2]] + ["+" + line for line in new[j1:j2]]
    return changes


def test_record_adds_only_the_new_lines(navsome, registry_copy):
    before = registry_copy.read_text()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == f"Recorded jobblyst/facebook followers 21,000 as of 2018-06 in {registry_copy}.\n"
    )
    after = registry_copy.read_text()
    assert sorted(diff(before, after)) == sorted(
        [
            "+[[accounts.jobblyst.channels.measurements]]",
            '+metric = "followers"',
            "+value = 21000",
            '+as_of = "2018-06"',
            '+source = "nav-some-2017"',
            "+",
        ]
    )
    rows = navsome(
        "--registry",
        str(registry_copy),
        "history",
        "jobblyst",
        "-m",
        "followers",
        "-p",
        "facebook",
        "--json",
    ).json()
    assert [(r["as_of"], r["value"]) for r in rows] == [("2017-12", 19500), ("2018-06", 21000)]


def test_record_keeps_comments_before_the_next_section(navsome, registry_copy):
    before = registry_copy.read_text()
    args = [
        "jobbmesse/instagram",
        "followers",
        "1 200",
        "--as-of",
        "2019",
        "--source",
        "nav-some-2017",
    ]
    assert navsome("--registry", str(registry_copy), "record", *args).exit_code == 0
    after = registry_copy.read_text()
    assert all(line.startswith("+") for line in diff(before, after))
    assert after.index("value = 1200") < after.index("# Events: dated milestones")


def test_record_a_range_into_a_channel_without_figures_as_json(navsome, registry_copy):
    args = ["nav/youtube", "followers", "900", "--as-of", "2019-01", "--source", "nav-some-2017"]
    args += ["--qualifier", "range", "--high", "1100", "--stated", "mellom 900 og 1 100", "--json"]
    result = navsome("--registry", str(registry_copy), "record", *args)
    assert result.exit_code == 0, result.stderr
    row = result.json()[0]
    assert (row["action"], row["channel"], row["value"], row["low"], row["high"]) == (
        "added",
        "nav/youtube",
        1000,
        900,
        1100,
    )
    assert (
        load_registry(str(registry_copy)).accounts["nav"].channels[1].measurements[0].high == 1100
    )


@pytest.mark.parametrize(
    ("figure", "options", "message"),
    [
        (["foreldrepenger/facebook", "satisfied_share", "150"], [], "150 is over 100"),
        (["jobblyst/facebook", "followers", "-5"], [], "-5 is negative"),
        (["jobblyst/youtube", "followers", "5"], ["--as-of", "2016"], "before the channel started"),
    ],
)
def test_an_invalid_figure_is_refused_and_the_file_untouched(
    navsome, registry_copy, figure, options, message
):
    before = registry_copy.read_bytes()
    defaults = {"--as-of": "2018", "--source": "nav-some-2017"}
    defaults.update(zip(options[::2], options[1::2], strict=True))
    flags = [part for pair in defaults.items() for part in pair]
    # "--" ends the options, so a negative figure is not read as one.
    result = navsome("--registry", str(registry_copy), "record", *flags, "--", *figure)
    assert result.exit_code == 1, result.stderr
    assert "not recorded; with this figure the registry would not validate" in result.stderr
    assert message in result.stderr
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["jobblyst", "followers", "1"], "give the channel as ACCOUNT/PLATFORM"),
        (["jobblyst/twitter", "followers", "1"], "jobblyst has no channel on 'twitter'"),
        (["jobblist/facebook", "followers", "1"], "Did you mean 'jobblyst'"),
        (["jobblyst/facebook", "folowers", "1"], "unknown metric 'folowers'"),
        (["jobblyst/facebook", "followers", "1,5"], "has a comma; write a decimal point"),
        (["jobblyst/facebook", "followers", "lots"], "is not a number"),
        (["jobblyst/facebook", "followers", "5", "--source", "nav-2030"], "unknown source"),
    ],
)
def test_bad_record_usage_exits_2(navsome, registry_copy, args, message):
    before = registry_copy.read_bytes()
    if "--source" not in args:
        args = [*args, "--source", "nav-some-2017"]
    result = navsome("--registry", str(registry_copy), "record", *args, "--as-of", "2018")
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert registry_copy.read_bytes() == before


def test_high_goes_with_range_only(navsome, registry_copy):
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, "--high", "30000")
    assert result.exit_code == 2 and "--high N goes with --qualifier range" in result.stderr
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, "-q", "range")
    assert result.exit_code == 2


def test_another_value_for_the_same_date_needs_replace(navsome, registry_copy):
    args = ["nav/linkedin", "followers", "28000", "--as-of", "2018", "--source", "nav-some-2017"]
    before = registry_copy.read_text()
    refused = navsome("--registry", str(registry_copy), "record", *args)
    assert refused.exit_code == 1
    assert "nav/linkedin already has followers 27,000 as of 2018; pass --replace" in refused.stderr
    assert registry_copy.read_text() == before
    replaced = navsome("--registry", str(registry_copy), "record", *args, "--replace")
    assert replaced.exit_code == 0
    assert replaced.stdout.startswith("Replaced nav/linkedin followers 27,000 with 28,000")
    # The old wording described the old figure, so it goes with it.
    assert sorted(diff(before, registry_copy.read_text())) == [
        "+value = 28000",
        '-stated = "27 000 følgere"',
        "-value = 27000",
    ]


def test_the_same_figure_again_is_a_no_op(navsome, registry_copy):
    args = ["nav/linkedin", "followers", "27 000", "--as-of", "2018", "--source", "nav-some-2017"]
    before = registry_copy.stat().st_mtime_ns, registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Already recorded:")
    assert (registry_copy.stat().st_mtime_ns, registry_copy.read_bytes()) == before
    assert (
        navsome("--registry", str(registry_copy), "record", *args, "--json").json()[0]["action"]
        == "unchanged"
    )


def test_the_installed_registry_is_never_edited(navsome, registry_copy, monkeypatch):
    monkeypatch.setattr(
        "navsome.registry.rewrite.installed_registry", lambda: registry_copy.resolve()
    )
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 2
    assert "is the registry installed with navsome" in result.stderr
    assert "--registry PATH or NAVSOME_REGISTRY=PATH" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_file_changed_on_disk_is_read_again_not_overwritten(registry_copy):
    figure = Measurement("followers", 21000, "2018-06", "nav-some-2017")
    edits = []

    def hand_edit() -> None:
        if not edits:  # someone saves the file in an editor while record runs
            edits.append(1)
            registry_copy.write_text(registry_copy.read_text() + "# a note saved meanwhile\n")

    done = record(registry_copy, "jobblyst/facebook", figure, before_write=hand_edit)
    assert done.action == "added"
    text = registry_copy.read_text()
    assert "# a note saved meanwhile" in text
    assert "value = 21000" in text


def test_a_registry_that_is_already_broken_is_not_written(registry_copy):
    registry_copy.write_text(registry_copy.read_text().replace("value = 800", 'value = "x"'))
    before = registry_copy.read_bytes()
    with pytest.raises(RegistryProblems):
        record(
            registry_copy, "jobblyst/facebook", Measurement("followers", 1, "2018", "nav-some-2017")
        )
    assert registry_copy.read_bytes() == before


def followers(path: Path) -> dict[str, int]:
    """The jobblyst/facebook follower figures by date, read with nothing but tomllib."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    channel = data["accounts"]["jobblyst"]["channels"][0]
    return {m["as_of"]: m["value"] for m in channel["measurements"] if m["metric"] == "followers"}


# A process that records into the registry named first, each time in fresh copies of itself
# made with fork. navsome is loaded once, and warmed up by a record into the registry named
# second, so a copy spends all its time on the record itself (reading, checking, writing), not
# on starting Python. Each line read is how long to let the copies run ("-": to their end) and
# one figure for each copy, VALUE:AS_OF, all started at once; each line written back is how long
# they ran and each one's exit code.
COPIES = """
import os, signal, sys, time
from navsome.__main__ import main

target, scratch = sys.argv[1:3]


def record(registry, value, as_of):
    sys.argv = ["navsome", "--registry", registry, "record", "jobblyst/facebook", "followers"]
    sys.argv += [value, "--as-of", as_of, "--source", "nav-some-2017"]
    try:
        main()
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return 0


answers = os.dup(1)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
assert record(scratch, "1", "2019") == 0
for line in sys.stdin:
    delay, *figures = line.split()
    started = time.perf_counter()
    copies = []
    for figure in figures:
        copy = os.fork()
        if copy == 0:
            code = record(target, *figure.split(":"))
            sys.stderr.flush()
            os._exit(code)
        copies.append(copy)
    if delay != "-":
        time.sleep(float(delay))
        for copy in copies:
            os.kill(copy, signal.SIGKILL)
    codes = [os.waitstatus_to_exitcode(os.waitpid(copy, 0)[1]) for copy in copies]
    took = time.perf_counter() - started
    os.write(answers, f"{took} {' '.join(map(str, codes))}\\n".encode())
"""


class Copies:
    """navsome record run in copies of one process (see COPIES)."""

    def __init__(self, registry: Path, scratch: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", COPIES, str(registry), str(scratch)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def record(self, *figures: tuple[int, str], kill_after: float | None = None):
        """Each (value, as_of) recorded by a copy of its own, all at once; after `kill_after`
        seconds every copy still running is killed. The exit codes, and how long it took."""
        assert self.process.stdin is not None and self.process.stdout is not None
        delay = "-" if kill_after is None else str(kill_after)
        line = " ".join([delay, *(f"{value}:{as_of}" for value, as_of in figures)])
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        took, *codes = self.process.stdout.readline().split()
        return [int(code) for code in codes], float(took)


@pytest.fixture
def copies(registry_copy: Path, tmp_path: Path):
    if not hasattr(os, "fork"):
        pytest.skip("copies a process with fork")
    scratch = tmp_path / "warm-up" / "channels.toml"
    scratch.parent.mkdir()
    scratch.write_bytes(registry_copy.read_bytes())
    made = Copies(registry_copy, scratch)
    yield made
    assert made.process.stdin is not None
    made.process.stdin.close()
    assert made.process.wait(timeout=60) == 0


# Eight moments in the default run; a finer spread in the slow tier, every 200th with
# NAVSOME_EXHAUSTIVE=1.
@pytest.mark.parametrize("slices", tiered([8, 24], fast=1))
def test_a_record_killed_at_any_moment_leaves_the_old_file_or_the_new(
    registry_copy, copies, slices
):
    original = registry_copy.read_bytes()
    durations = []
    for _ in range(3):  # how long a whole record takes: the longest of three
        registry_copy.write_bytes(original)
        codes, took = copies.record((1, "2018-06"))
        assert codes == [0]
        durations.append(took)
    # Moments spread over the whole record and past its end: one drawn at random (fixed seed)
    # in each of as many equal slices. Should a busy machine make every record outlast them
    # all, later moments follow until one falls after the end.
    slices = 200 if EXHAUSTIVE else slices
    rng = random.Random(2017)
    moments = [max(durations) * 1.2 * (n + rng.random()) / slices for n in range(slices)]
    outcomes = {"old": 0, "new": 0}
    for run, moment in enumerate(moments):
        registry_copy.write_bytes(original)
        copies.record((20000 + run, "2018-06"), kill_after=moment)
        figures = followers(registry_copy)  # always parses
        load_registry(str(registry_copy))  # and always validates
        if "2018-06" in figures:
            assert figures["2018-06"] == 20000 + run
            outcomes["new"] += 1
        else:
            assert registry_copy.read_bytes() == original
            outcomes["old"] += 1
        if run == len(moments) - 1 and not outcomes["new"] and moment < 30:
            moments.append(moment * 2)
    assert outcomes["old"] and outcomes["new"], outcomes
    leftovers = [p.name for p in registry_copy.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= outcomes["old"]  # a killed write may leave its temporary file


def test_concurrent_writers_all_land(registry_copy, copies):
    months = range(1, 7)
    codes, _ = copies.record(*((21000 + month, f"2018-{month:02d}") for month in months))
    assert codes == [0] * 6
    figures = followers(registry_copy)
    assert {f"2018-{month:02d}": 21000 + month for month in months}.items() <= figures.items()
    assert os.path.exists(str(registry_copy) + ".lock")


def test_a_registry_that_cannot_be_written_is_a_clear_error(navsome, registry_copy, monkeypatch):
    def denied(temporary, path):
        raise PermissionError(13, "Permission denied", str(path.parent / ".channels.toml.x.tmp"))

    monkeypatch.setattr("navsome.registry.rewrite.commit", denied)
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert "cannot write the registry: Permission denied. Nothing was changed." in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_replacement_in_json_gives_the_value_it_replaced(navsome, registry_copy):
    args = ["nav/linkedin", "followers", "27500", "--as-of", "2018", "--source", "nav-some-2017"]
    row = navsome("--registry", str(registry_copy), "record", *args, "--replace", "--json")
    assert row.json()[0]["action"] == "replaced"
    assert (row.json()[0]["value"], row.json()[0]["replaced_value"]) == (27500, 27000)
    added = ["nav/linkedin", "followers", "28000", "--as-of", "2019", "--source", "nav-some-2017"]
    row = navsome("--registry", str(registry_copy), "record", *added, "--json")
    assert row.json()[0]["replaced_value"] is None
