"""Shared helpers: run navsome in-process against a chosen registry, and write registries."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

import navsome.__main__  # loaded here, so that the line below undoes what it installs
from navsome.cli.app import app
from navsome.registry.toml import tomllib

# pytest rewrites each test module's asserts on import, about a second of every worker's start;
# kept as bytecode beside the module (as pytest does unless bytecode writing is off, as it is
# on machines that set PYTHONDONTWRITEBYTECODE) it is done once per Python, not per worker.
sys.dont_write_bytecode = False

# Loading the script's module takes Ctrl-C over (exit 130, no traceback); a test session keeps
# Python's own handler, so Ctrl-C still stops pytest.
signal.signal(signal.SIGINT, signal.default_int_handler)

# CI replays a fixed set of examples, so a submission's result does not depend on the draw;
# local runs explore new ones each time.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "channels.toml"
sys.path.insert(0, str(REPO / "benchmarks"))  # tests make large registries as benchmarks do

# NAVSOME_EXHAUSTIVE=1 (a nightly run) makes the sampled tests try every case: every byte to cut
# the registry at, every moment to kill a record at, many more drawn examples. Read here, before
# the fixture below clears every NAVSOME_ variable.
EXHAUSTIVE = os.environ.get("NAVSOME_EXHAUSTIVE") == "1"


def ambient(name: str) -> bool:
    """Whether an environment variable of the developer's shell changes what navsome does or
    says: its own settings, the locale (the language it speaks), and what decides colour,
    terminal width and the encoding of its output."""
    return name.startswith(("NAVSOME_", "LC_")) or name in (
        "LANG",
        "LANGUAGE",
        "FORCE_COLOR",
        "NO_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "COLUMNS",
        "LINES",
        "PYTHONIOENCODING",
    )


def clear_ambient(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in os.environ if ambient(name)]:
        monkeypatch.delenv(name)


def pytest_configure(config: pytest.Config) -> None:
    """The parse cache of every navsome the tests run goes to a folder of this session's, never
    to the developer's own cache (set before test modules copy the environment for the
    processes they start)."""
    import tempfile

    # uv, which a test runs to build a wheel, keeps the cache it would use (where its build
    # tools are already kept) rather than a new empty one under the folder below.
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    os.environ.setdefault("UV_CACHE_DIR", str(Path(home) / "uv"))
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="navsome-tests-cache-")
    # The workers and the hundred processes the tests start write the bytecode of anything
    # they import uncompiled, as Python does by default, and the next one loads it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if not hasattr(config, "workerinput"):  # once, in the process that starts the workers
        config.stash[_OWN_CACHE] = (own := Path(home) / "navsome", cache_entries(own))
        _compile_bytecode()
        _rewrite_test_modules(config)


_OWN_CACHE = pytest.StashKey[tuple[Path, dict[str, int]]]()


def cache_entries(folder: Path) -> dict[str, int]:
    """Each file in `folder` and when it was last written (none when there is no folder)."""
    try:
        return {entry.name: entry.stat().st_mtime_ns for entry in os.scandir(folder)}
    except OSError:
        return {}


def cache_written(folder: Path, before: dict[str, int]) -> list[str]:
    """The files in `folder` written since `before` was taken."""
    return sorted(name for name, when in cache_entries(folder).items() if before.get(name) != when)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run if a process a test started wrote to the developer's own navsome cache
    (an environment made from scratch without the session's XDG_CACHE_HOME: use
    bare_environment)."""
    if _OWN_CACHE not in session.config.stash:
        return
    own, before = session.config.stash[_OWN_CACHE]
    written = cache_written(own, before)
    if written:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(  # on a line of its own after xdist's progress dots
                f"\nFAILED: a test wrote to the developer's navsome cache {own}: "
                f"{', '.join(written)} (or a navsome run outside the tests did meanwhile)",
                red=True,
            )
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _compile_bytecode() -> None:
    """The bytecode of navsome and of the packages of this environment, written before the
    workers start where it is missing or stale: on a fresh environment where
    PYTHONDONTWRITEBYTECODE is set, the workers would otherwise compile pytest, Hypothesis and
    Typer at the same time, and the processes the tests start Rich and navsome, before any of
    them wrote it (seconds of a run). uv could compile them at install, but its compile-bytecode
    setting recompiles every package on every `uv run` and says so (astral-sh/uv#12202)."""
    import compileall
    import re
    import sysconfig

    package = Path(str(sys.modules["navsome"].__file__)).parent  # navsome is the fixture below
    type_checker = re.compile(r"[/\\]mypyc?[/\\]")  # its own sources: no test imports them
    for folder in dict.fromkeys([package, Path(sysconfig.get_paths()["purelib"])]):
        compileall.compile_dir(folder, quiet=2, workers=0, rx=type_checker)


def _rewrite_test_modules(config: pytest.Config) -> None:
    """The test modules with their asserts rewritten, kept as pytest keeps them, once before
    the workers start: on a fresh clone each worker would otherwise rewrite every module at
    the same time as the others (three seconds of CPU each on Python 3.10). Through pytest's
    own functions, which are not public: where they differ, the workers rewrite as before."""
    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        for source in sorted(Path(__file__).parent.glob("test_*.py")):
            folder = rewrite.get_cache_dir(source)
            kept = folder / (source.name[:-3] + rewrite.PYC_TAIL)
            if rewrite._read_pyc(source, kept) is None and rewrite.try_makedirs(folder):
                try:
                    source_hash, code = rewrite._rewrite_test(source, config)
                except (SyntaxError, ValueError, OSError):
                    continue  # its worker reports it as pytest does
                rewrite._write_pyc(state, code, source_hash, kept)
    except (ImportError, AttributeError, KeyError, TypeError):
        return  # another pytest's internals: the workers rewrite the modules as before


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("XDG_CACHE_HOME", ""), ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def hermetic_session() -> Iterator[None]:
    """The session runs without the ambient variables above, fixtures shared by many tests
    included, in this process and so in every process it starts."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        clear_ambient(monkeypatch)
        yield


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """And so does every test, whatever a test before it left behind; a test that needs one
    of them sets it itself."""
    clear_ambient(monkeypatch)


# Environment that makes a run deterministic whatever the developer's shell has set.
CLEAN_ENV = {
    "NAVSOME_REGISTRY": None,
    "NAVSOME_LANG": "en",
    "LANG": "C.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "NO_COLOR": None,
    "TERM": "xterm-256color",
    "COLUMNS": "100",
}


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """-n auto: a worker more than there are cores. Tests that wait on a child process, a lock
    or a pipe leave a core idle, and the extra worker uses it meanwhile (on two cores the suite
    once took 26-35 s so, against 31-38 s with a worker a core; with fewer such tests in the
    default run, the two are now within each other's noise). PYTEST_XDIST_AUTO_NUM_WORKERS
    still decides when set."""
    chosen = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if chosen:
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


Invoke = Callable[..., Run]


def _built_once(typer_app: typer.Typer) -> Any:
    """The app's Click group and commands, built once a test process rather than once a run
    (Typer's CliRunner builds them anew each time, from the commands' signatures: a third of
    a run in process, eight seconds of the suite's CPU). Every run still parses its arguments
    and runs its command afresh; help, the one thing that changes the commands, leaves them
    as it found them (cli/help.py, tested in test_help_nb)."""
    if typer_app not in _BUILT:
        _BUILT[typer_app] = typer.main.get_command(typer_app)
    return _BUILT[typer_app]


_BUILT: dict[typer.Typer, Any] = {}
typer.testing._get_command = _built_once  # type: ignore[attr-defined]


def _parsed_once(loads: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """The TOML parser, each distinct text parsed once a test process: many tests run several
    commands on the same registry in a folder of their own (where navsome's own cache, kept by
    the file's path, does not find it), and parsing again was about a tenth of its CPU. Each
    call gets fresh objects (a pickle of the first result), so a caller that changes what it
    got changes nothing another sees; a text the parser refuses is parsed, and refused, every
    time. Processes the tests start parse as navsome always does."""
    import pickle
    from collections import OrderedDict

    kept: OrderedDict[str, bytes] = OrderedDict()

    def memoized(text: str, /, **options: Any) -> dict[str, Any]:
        if options:
            return loads(text, **options)
        blob = kept.get(text)
        if blob is None:
            blob = pickle.dumps(loads(text), pickle.HIGHEST_PROTOCOL)
            kept[text] = blob
            if len(kept) > 64:  # bounded: some tests parse texts of megabytes
                kept.popitem(last=False)
        else:
            kept.move_to_end(text)
        parsed: dict[str, Any] = pickle.loads(blob)
        return parsed

    return memoized


tomllib.loads = _parsed_once(tomllib.loads)  # type: ignore[method-assign]


@pytest.fixture
def navsome() -> Invoke:
    """navsome(*args, env={...}) runs the CLI in-process, stdout not a terminal by default."""

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Run:
        result = CliRunner().invoke(app, list(args), env={**CLEAN_ENV, **(env or {})})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new empty folder for the test, in the session's, as pytest's own tmp_path gives but
    made in one step: pytest numbers each test's folder by listing every folder made before
    it, a cost that grows with each test (two to four seconds of the suite's CPU)."""
    import re
    import tempfile

    name = re.sub(r"\W", "_", request.node.name)[:30]
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session")
def many_followers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry of 1,200 followers figures (300 accounts on four platforms, one figure a
    channel, as `compare -m followers` shows no other): its ranking is well past what a pipe
    holds. Made once a test process, and only read, so navsome's cache has it after one run."""
    from generate_registry import generate

    path = tmp_path_factory.mktemp("many") / "many-followers.toml"
    path.write_text(generate(300, 4, 1), encoding="utf-8")
    return path


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped registry."""
    path = tmp_path / "channels.toml"
    shutil.copyfile(SHIPPED, path)
    return path


def fails(result: Run, code: int, *phrases: str) -> None:
    """A refusal as users must see it: the exit code, nothing on stdout, no traceback, and
    each phrase in the message."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def script_path() -> Path:
    """The installed console script of the environment running the tests."""
    found = Path(sys.executable).with_name("navsome")
    if not found.exists():
        found = Path(shutil.which("navsome") or "navsome")
    return found


_MODULES_PROBE = """
import io, json, sys
sys.argv = ["navsome", *json.loads(sys.argv[1])]
sys.stdout = io.StringIO()
try:
    from navsome.__main__ import main
    main()
except SystemExit:
    pass
finally:
    sys.stdout = sys.__stdout__
print(json.dumps(sorted(sys.modules)))
"""


def bare_environment(**variables: str) -> dict[str, str]:
    """An environment made from scratch for a process a test starts: PATH, the session's cache
    folder (never the developer's own, which navsome would find without it), and
    `variables`."""
    return {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"], **variables}


def modules_loaded(args: list[str], **env: str) -> list[str]:
    """Every module a fresh process has imported once navsome has run `args`."""
    import subprocess

    environment = bare_environment(**{"NAVSOME_LANG": "en", **env})  # env may say another
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


@pytest.fixture
def main_in_process(monkeypatch, capsys):
    """main() as the script runs it, in this process: (exit code, stdout, stderr), with the
    script's SIGINT handler while it runs and Python's own afterwards."""
    from navsome import __main__ as entry
    from navsome.__main__ import main

    for key, value in {"NAVSOME_LANG": "en", "TTY_COMPATIBLE": "0", "COLUMNS": "100"}.items():
        monkeypatch.setenv(key, value)
    for key in ("NAVSOME_REGISTRY", "NAVSOME_DEBUG", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(key, raising=False)

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["navsome", *args])
        signal.signal(signal.SIGINT, entry._interrupt)  # what loading the script installs
        try:
            with pytest.raises(SystemExit) as exited:
                main()
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        out, err = capsys.readouterr()
        return exited.value.code, out, err

    return invoke


def on_terminal(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run `command` with a pseudo-terminal as its stdout and stderr: (exit code, what it drew)."""
    import pty
    import subprocess

    main, child = pty.openpty()
    process = subprocess.Popen(command, stdout=child, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the child has closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return process.wait(timeout=60), b"".join(chunks).decode()


def tiered(cases: list, fast: int = 2) -> list:
    """Parametrized `cases`, the first `fast` in the default run and the rest marked slow: each
    case starts a process, and a few show the rule as well as all of them; `pytest -m slow`
    (which .ci/run runs) tries the others."""
    return [
        case if index < fast else pytest.param(*_values(case), marks=pytest.mark.slow)
        for index, case in enumerate(cases)
    ]


def _values(case: object) -> tuple:
    return case if isinstance(case, tuple) else (case,)
