"""The installed script as a real process: pipes, terminals, encodings, and a built wheel."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, ambient, on_terminal, script_path, tiered

# The script as a user's shell starts it, less what the developer's shell would change.
ENV = {k: v for k, v in os.environ.items() if not ambient(k)}
# The uv that runs the tests (`uv run` says where it is), not a shim in front of it.
UV = os.environ.get("UV") or shutil.which("uv")


def run(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(script_path()), *args],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        timeout=60,
        **kwargs,
    )


def test_script_lists_accounts_through_a_pipe():
    result = run("list")
    assert result.returncode == 0, result.stderr
    assert "jobblyst" in result.stdout
    assert "\x1b" not in result.stdout
    assert result.stderr == ""


# Each command once through the installed script, its answer checked; list, show and compare
# run through it in the tests around this one.
SCRIPT_COMMANDS = {
    "history": (["history", "nav"], ["NAV: figures over time", "27,000"]),
    "metrics": (["metrics"], ["followers", "Følgere"]),
    "timeline": (["timeline"], ["Snapchat account started"]),
    "validate": (["validate"], ["is valid: 9 accounts, 16 channels"]),
    "record": (
        [
            *["record", "jobblyst/facebook", "followers", "21000"],
            *["--as-of", "2018-06", "--source", "nav-some-2017"],
        ],
        ["Recorded jobblyst/facebook followers 21,000 as of 2018-06 in"],
    ),
    "import": (
        ["import", "-"],  # the rows come on standard input
        ["1 added, 0 replaced, 0 unchanged"],
    ),
    "sources": (["sources"], ["nav-some-2017", "20"]),
    "source": (
        [
            "source",
            "add",
            "nav-2018",
            "--title",
            "NAV 2018",
            "--publisher",
            "NAV",
            "--year",
            "2019",
        ],
        ["Added source nav-2018 to"],
    ),
}
WRITERS = ("record", "import", "source")
ROWS = (
    "channel,metric,value,as_of,source\njobblyst/facebook,followers,21000,2018-06,nav-some-2017\n"
)


# The main ones by default (history, and the writers); the rest in the slow tier.
@pytest.mark.parametrize(
    "command", tiered(["history", "record", "import", *sorted(set(SCRIPT_COMMANDS) -
                       {"history", "record", "import"})], fast=3)
)  # fmt: skip
def test_each_command_answers_through_the_installed_script(command, registry_copy):
    args, phrases = SCRIPT_COMMANDS[command]
    before = registry_copy.read_text(encoding="utf-8")
    result = run("--registry", str(registry_copy), *args, input=ROWS)
    assert result.returncode == 0, result.stderr
    for phrase in phrases:
        assert phrase in result.stdout
    after = registry_copy.read_text(encoding="utf-8")
    assert (after != before) is (command in WRITERS)  # only the writers write
    assert ("value = 21000" in after) is (command in ("record", "import"))


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run(
        [sys.executable, "-m", "navsome", "show", "jobblyst", "--json"],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode == 0
    assert '"account": "jobblyst"' in result.stdout


def test_errors_reach_stderr_with_exit_codes_and_no_traceback(tmp_path):
    unknown = run("show", "jobblist")
    assert unknown.returncode == 2
    assert "Did you mean 'jobblyst'" in unknown.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("[accounts\n")
    bad = run("--registry", str(broken), "list")
    assert bad.returncode == 1
    assert "line 1" in bad.stderr
    for result in (unknown, bad):
        assert result.stdout == ""
        assert "Traceback" not in result.stderr


# The table by default; CSV and JSON in the slow tier.
@pytest.mark.parametrize("format_", tiered(["table", "csv", "json"], fast=1))
def test_a_reader_closing_the_pipe_early_ends_quietly(many_followers, format_):
    big = many_followers
    pipeline = f"'{script_path()}' --registry '{big}' compare -m followers -f {format_} | head -1"
    result = subprocess.run(
        ["bash", "-c", pipeline], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert result.stdout.count("\n") == 1
    assert result.stderr == "", result.stderr


def test_a_real_terminal_gets_colour_and_the_terminal_width():
    env = {**ENV, "COLUMNS": "60", "LINES": "40", "TERM": "xterm"}
    code, out = on_terminal([str(script_path()), "compare", "-m", "followers"], env)
    assert code == 0
    assert "\x1b[" in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert max(len(line) for line in plain.splitlines()) <= 60
    assert "foreldrepenger" in plain


def test_a_narrow_terminal_does_not_break_output(navsome):
    for args in (["list"], ["show", "jobblyst"], ["compare", "-m", "followers"], ["timeline"]):
        result = navsome(*args, env={"TTY_COMPATIBLE": "1", "COLUMNS": "20"})
        assert result.exit_code == 0
        assert result.stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(UV is None, reason="building the wheel needs uv")
def test_a_built_wheel_carries_the_registry_and_runs_from_any_folder(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [UV, "build", "--wheel", "--out-dir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("navsome-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "-q", str(venv)], check=True, capture_output=True, timeout=120)
    python = venv / "bin" / "python"
    # Not byte-compiled ahead (uv's default, which a UV_COMPILE_BYTECODE in the developer's
    # environment would turn on: two seconds for nothing tested).
    install = [UV, "pip", "install", "-q", "--no-compile-bytecode", "--python", str(python)]
    subprocess.run(
        [*install, str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "navsome"), "show", "jobblyst"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={k: v for k, v in ENV.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "19 500" in result.stdout
    assert (
        "site-packages"
        in subprocess.run(
            [str(python), "-c", "import navsome.registry.read as r; print(r.packaged_registry())"],
            capture_output=True,
            text=True,
            cwd=elsewhere,
        ).stdout
    )
    # The library from the wheel: the figures, typed (py.typed shipped), no Typer or Rich.
    code = (
        "import sys, navsome\n"
        "print(navsome.load().figures(metric='followers')[0]['channel'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click'}))\n"
        "import importlib.resources as r\n"
        "print(r.files('navsome').joinpath('py.typed').is_file())\n"
    )
    library = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=elsewhere, timeout=60
    )
    assert library.stdout == "foreldrepenger/facebook\n[]\nTrue\n", library.stderr
