"""What the environment does to output: a stdout that is full, closed or not UTF-8, Ctrl-C at
any moment, NAVSOME_DEBUG, FORCE_COLOR, and CSV cells a spreadsheet would run as formulas."""

from __future__ import annotations

import array
import csv
import io
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ambient, script_path, tiered

from navsome.output.json_csv import write_csv

# --- CSV: stdout for programs as it is; a file for spreadsheets defused -----------------------

FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"]


def csv_text(rows: list[dict], spreadsheet: bool) -> str:
    out = io.StringIO()
    write_csv(rows, out, spreadsheet=spreadsheet)
    return out.getvalue()


def test_spreadsheet_csv_prefixes_text_that_would_start_a_formula():
    rows = [{"name": text, "aliases": [text, "nav"], "value": -5} for text in FORMULAS]
    cells = list(csv.DictReader(io.StringIO(csv_text(rows, spreadsheet=True))))
    assert [row["name"] for row in cells] == [
        '\'=HYPERLINK("http://x")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1)",
        "'\\x09indent",  # a tab is written out, and marked all the same
        "'\\x0dreturn",
    ]
    assert cells[0]["aliases"] == '\'=HYPERLINK("http://x");nav'
    assert all(row["value"] == "-5" for row in cells)  # a number is never text


def test_spreadsheet_csv_leaves_ordinary_cells_and_numbers_alone():
    rows = [
        {"name": "NAV Jobblyst", "value": -300, "share": -0.5, "high": None, "note": "a - b"},
        {"name": "'quoted", "value": 10**15, "share": 1.5, "high": 3, "note": "x=1"},
    ]
    assert csv_text(rows, spreadsheet=True) == csv_text(rows, spreadsheet=False)
    assert csv_text(rows, spreadsheet=True).splitlines()[1] == "NAV Jobblyst,-300,-0.5,,a - b"


def test_stdout_csv_keeps_formula_text_as_it_is():
    rows = [{"name": text} for text in FORMULAS[:4]]
    cells = [row["name"] for row in csv.DictReader(io.StringIO(csv_text(rows, False)))]
    assert cells == FORMULAS[:4]


def test_a_list_in_a_csv_cell_is_joined_with_a_semicolon():
    # Scripts split this cell on ';': changing the separator breaks them.
    assert csv_text([{"aliases": ["nav", "navno", "nav.no"]}], spreadsheet=False) == (
        "aliases\nnav;navno;nav.no\n"
    )


# --- The installed script, as a user's shell runs it ------------------------------------------

ENV = {k: v for k, v in os.environ.items() if not ambient(k) and k != "PYTHONUNBUFFERED"}
ENV |= {"NAVSOME_LANG": "en", "LANG": "C.UTF-8"}


def run(
    *args: str, env: dict[str, str] | None = None, shell: str | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """The script with `args`; with `shell`, that bash line with `{navsome}` in it instead."""
    command = [str(script_path()), *args]
    if shell is not None:
        command = ["bash", "-c", shell.format(navsome=shlex.quote(str(script_path())))]
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        command, stderr=subprocess.PIPE, env={**ENV, **(env or {})}, timeout=60, **kwargs
    )


# --- Machine output is UTF-8 whatever the locale says ------------------------------------------

ASCII = {"PYTHONIOENCODING": "ascii"}


# JSON and plain text by default; CSV and Markdown in the slow tier.
@pytest.mark.parametrize(
    "args",
    tiered(
        [
            ["show", "idebanken", "--json"],
            ["show", "idebanken"],  # piped: plain text
            ["list", "--format", "csv"],
            ["list", "--format", "markdown"],
        ],
        fast=2,
    ),
    ids=" ".join,
)
def test_data_is_utf8_on_an_ascii_locale(args):
    result = run(*args, env=ASCII)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")  # strict: the bytes are UTF-8
    assert "Idébanken" in out and "Id?banken" not in out


def test_utf8_output_is_written_whole_to_an_unbuffered_stdout_that_takes_little_at_a_time():
    from navsome.output.console import Utf8Writer

    class Trickle(io.RawIOBase):  # like a raw file that accepts 3 bytes a call
        def __init__(self) -> None:
            self.got = b""

        def writable(self) -> bool:
            return True

        def write(self, data) -> int:
            self.got += bytes(data[:3])
            return min(len(data), 3)

    raw = Trickle()
    stdout = io.TextIOWrapper(raw, encoding="ascii")  # python -u: the raw file, no buffer
    Utf8Writer(stdout).write("Idébanken, Nøkkeltall ✓\n")
    assert raw.got.decode("utf-8") == "Idébanken, Nøkkeltall ✓\n"


def test_a_terminal_table_on_an_ascii_locale_escapes_rather_than_drop_letters():
    result = run("show", "idebanken", env={**ASCII, "TTY_COMPATIBLE": "1"})
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("ascii")  # the terminal's own encoding, kept
    assert "Id\\xe9banken" in out
    assert "Id?banken" not in out


# --- stdout faults: exit 1 and one line, a closed pipe stays quiet ----------------------------

FULL = "navsome: cannot write to standard output: No space left on device.\n"
CLOSED = "navsome: cannot write to standard output: it is closed.\n"
OUTPUTS = [
    ["list"],
    ["list", "--json"],
    ["compare", "-m", "followers", "--format", "csv"],
    ["show", "jobblyst", "--format", "markdown"],
    ["validate"],
    ["--help"],
    ["list", "--help"],
    ["--version"],
]
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


# Unbuffered (python -u), a write fails at once rather than in the flush at exit: one case of
# each way of writing (plain text, JSON, Click's help) is enough for that.
UNBUFFERED = [["list"], ["list", "--json"], ["--help"]]


# Plain text, JSON and Click's help by default, buffered and not; the rest in the slow tier.
FULL_CASES = tiered(
    [(["list"], False), (["list", "--json"], False), (["--help"], False), (["list"], True)]
    + [(args, False) for args in OUTPUTS[2:] if args != ["--help"]]
    + [(args, True) for args in UNBUFFERED[1:]],
    fast=4,
)


@needs_dev_full
@pytest.mark.parametrize(
    ("args", "unbuffered"),
    FULL_CASES,
    ids=lambda value: (
        " ".join(value) if isinstance(value, list) else ["buffered", "unbuffered"][value]
    ),
)
def test_a_full_stdout_is_one_line_and_exit_1(args, unbuffered):
    env = {"PYTHONUNBUFFERED": "1"} if unbuffered else {}
    with open("/dev/full", "wb") as full:
        result = run(*args, env=env, stdout=full)
    assert result.stderr.decode() == FULL
    assert result.returncode == 1


@needs_dev_full
def test_a_full_stdout_under_a_terminal_table_is_one_line_too():
    with open("/dev/full", "wb") as full:
        result = run("compare", "-m", "followers", env={"TTY_COMPATIBLE": "1"}, stdout=full)
    assert (result.returncode, result.stderr.decode()) == (1, FULL)


@needs_dev_full
def test_a_full_or_closed_stdout_is_said_in_the_runs_language():
    # Said at exit too, after the command that chose the language has ended.
    with open("/dev/full", "wb") as full:
        result = run("--lang", "nb", "list", stdout=full)
    said = "navsome: kan ikke skrive til standard utdata: ikke mer plass på disken.\n"
    assert (result.returncode, result.stderr.decode()) == (1, said)
    closed = run(shell="{navsome} list --lang nb >&-")
    said = "navsome: kan ikke skrive til standard utdata: den er lukket.\n"
    assert (closed.returncode, closed.stderr.decode()) == (1, said)


@pytest.mark.parametrize("args", tiered(OUTPUTS, fast=2), ids=lambda args: " ".join(args))
def test_a_closed_stdout_is_one_line_and_exit_1(args):
    result = run(shell="{navsome} " + " ".join(args) + " >&-")
    assert (result.returncode, result.stderr.decode()) == (1, CLOSED)


def test_an_export_needs_no_stdout(tmp_path):
    target = tmp_path / "list.md"
    result = run(shell=f"{{navsome}} list --export {shlex.quote(str(target))} >&-")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == f"Wrote {target}.\n"
    assert target.read_text(encoding="utf-8").startswith("| Account")


def test_a_closed_stdout_never_lets_output_into_the_registry(registry_copy):
    before = registry_copy.read_bytes()
    figure = "jobblyst/facebook followers 21000 --as-of 2018-06 --source nav-some-2017"
    result = run(shell=f"{{navsome}} --registry {registry_copy} record {figure} >&-")
    told = CLOSED.replace(".\n", f". The figure was recorded in {registry_copy} all the same.\n")
    assert (result.returncode, result.stderr.decode()) == (1, told)
    after = registry_copy.read_text(encoding="utf-8")
    assert after.startswith(before.decode("utf-8").splitlines()[0])
    assert "Recorded" not in after and "value = 21000" in after
    assert not list(registry_copy.parent.glob("*.tmp"))


def test_a_closed_stderr_keeps_notes_and_errors_out_of_stdout(tmp_path):
    unknown = run(shell="{navsome} show nosuchaccount 2>&-")
    assert (unknown.returncode, unknown.stdout) == (2, b"")
    exported = run(shell=f"{{navsome}} list --export {shlex.quote(str(tmp_path / 'a.csv'))} 2>&-")
    assert (exported.returncode, exported.stdout) == (0, b"")
    assert (tmp_path / "a.csv").exists()


# --- Ctrl-C: exit 130 from any moment, clean-up still done, no traceback ----------------------


FIGURE = ["jobblyst/facebook", "followers", "21000", "--as-of", "2018-06"]
FIGURE += ["--source", "nav-some-2017"]


def press_ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def interrupting(function):
    """`function`, preceded by a Ctrl-C."""

    def pressed(*args, **kwargs):
        press_ctrl_c()
        return function(*args, **kwargs)

    return pressed


def test_ctrl_c_while_navsome_cli_is_imported(main_in_process, monkeypatch):
    class PressWhenCliIsFound:
        def find_spec(self, name, path=None, target=None):
            if name == "navsome.cli.app":
                press_ctrl_c()
            return None

    monkeypatch.delitem(sys.modules, "navsome.cli.app")
    monkeypatch.setattr(sys, "meta_path", [PressWhenCliIsFound(), *sys.meta_path])
    assert main_in_process("list") == (130, "", "")


def test_ctrl_c_while_the_registry_is_read(main_in_process, monkeypatch):
    import navsome.registry.read

    monkeypatch.setattr(
        navsome.registry.read, "load_registry", interrupting(navsome.registry.read.load_registry)
    )
    for args in (["list"], ["show", "jobblyst", "--json"], ["validate"]):
        assert main_in_process(*args) == (130, "", "")


def test_ctrl_c_while_the_answer_is_written(main_in_process, monkeypatch):
    import navsome.output.console

    monkeypatch.setattr(
        navsome.output.console.Utf8Writer, "write", interrupting(lambda self, text: 0)
    )
    for args in (["list"], ["compare", "-m", "followers", "--format", "csv"]):
        assert main_in_process(*args) == (130, "", "")


def test_ctrl_c_while_record_writes_leaves_no_temporary_file(
    main_in_process, monkeypatch, registry_copy
):
    before = registry_copy.read_bytes()
    monkeypatch.setattr(os, "fsync", interrupting(os.fsync))
    code, out, err = main_in_process("--registry", str(registry_copy), "record", *FIGURE)
    assert (code, out, err) == (130, "", "")
    assert registry_copy.read_bytes() == before  # interrupted before the rename
    assert sorted(p.name for p in registry_copy.parent.iterdir()) == [
        "channels.toml",
        "channels.toml.lock",
    ]


SECOND_CTRL_C = """
import os, signal, sys
import navsome.output.console
from navsome.__main__ import main

def write(self, text):
    try:
        os.kill(os.getpid(), signal.SIGINT)  # the first: stops the work
        print("not reached", file=sys.stderr)
    finally:  # a slow clean-up, which nothing but leaving at once can cut short
        try:
            os.kill(os.getpid(), signal.SIGINT)  # the second
        except BaseException:
            pass
        print("clean-up finished", file=sys.stderr)

navsome.output.console.Utf8Writer.write = write
sys.argv = ["navsome", "list"]
main()
"""


def test_a_second_ctrl_c_during_clean_up_exits_at_once():
    result = subprocess.run(
        [sys.executable, "-c", SECOND_CTRL_C], capture_output=True, env=ENV, timeout=60
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", b"")


def wait_for(condition, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.mark.slow
def test_ctrl_c_while_record_waits_for_the_lock(registry_copy, tmp_path):
    import fcntl

    lock = os.open(registry_copy.with_name("channels.toml.lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another record holds the registry
    stderr = tmp_path / "stderr"
    try:
        with open(stderr, "wb") as err:
            process = subprocess.Popen(
                [str(script_path()), "--registry", str(registry_copy), "record", *FIGURE],
                stdout=subprocess.PIPE,
                stderr=err,
                env=ENV,
            )
            wait_for(lambda: b"Waiting for" in stderr.read_bytes(), "the waiting message")
            process.send_signal(signal.SIGINT)
            out, _ = process.communicate(timeout=20)
    finally:
        os.close(lock)
    said = stderr.read_text()
    assert process.returncode == 130, said
    assert out == b"" and "Traceback" not in said and len(said.splitlines()) == 1
    assert "value = 21000" not in registry_copy.read_text(encoding="utf-8")


def start_on_a_full_pipe(big: Path, **kwargs) -> subprocess.Popen:
    """navsome ranking the registry `big` to a pipe nobody reads, once the pipe is full."""
    import fcntl
    import termios

    process = subprocess.Popen(
        [str(script_path()), "--registry", str(big), "compare", "-m", "followers"],
        stdout=subprocess.PIPE,  # not read yet: the writer blocks when it is full
        stderr=subprocess.PIPE,
        env=ENV,
        **kwargs,
    )
    reader = process.stdout.fileno()
    capacity = fcntl.fcntl(reader, fcntl.F_GETPIPE_SZ)

    def pipe_is_full() -> bool:
        waiting = array.array("i", [0])
        fcntl.ioctl(reader, termios.FIONREAD, waiting)
        return waiting[0] >= capacity

    wait_for(pipe_is_full, "a full pipe")
    return process


linux = pytest.mark.skipif(sys.platform != "linux", reason="reads how full a pipe is, as Linux")


@linux
def test_ctrl_c_while_blocked_on_a_full_pipe(many_followers):
    process = start_on_a_full_pipe(many_followers)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert (process.returncode, err) == (130, b"")


@linux
def test_a_run_started_with_ctrl_c_ignored_keeps_ignoring_it(many_followers):
    ignore = lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)  # noqa: E731 - as nohup does
    process = start_on_a_full_pipe(many_followers, preexec_fn=ignore)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")
    assert out.count(b"\n") > 1000


# --- NAVSOME_DEBUG: a switch, read strictly ---------------------------------------------------


@pytest.fixture
def a_bug(monkeypatch):
    import navsome.output.plain

    def broken(blocks):
        raise RuntimeError("boom")

    monkeypatch.setattr(navsome.output.plain, "plain_text", broken)


@pytest.mark.parametrize("value", ["0", "false", "No", "OFF", ""])
def test_navsome_debug_off_keeps_a_bug_to_one_line(main_in_process, monkeypatch, a_bug, value):
    monkeypatch.setenv("NAVSOME_DEBUG", value)
    code, out, err = main_in_process("list")
    assert (code, out) == (70, "")
    assert err.startswith("navsome: internal error (RuntimeError: boom). Set NAVSOME_DEBUG=1")
    assert len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("value", ["1", "true", "Yes", "ON"])
def test_navsome_debug_on_lets_the_traceback_through(main_in_process, monkeypatch, a_bug, value):
    monkeypatch.setenv("NAVSOME_DEBUG", value)
    with pytest.raises(RuntimeError, match="boom"):
        main_in_process("list")


@pytest.mark.parametrize("value", ["2", "maybe", "debug", "\x1b[2J"])
def test_navsome_debug_not_understood_is_a_usage_error(main_in_process, monkeypatch, value):
    monkeypatch.setenv("NAVSOME_DEBUG", value)
    code, out, err = main_in_process("list")
    assert (code, out) == (2, "")
    assert err.startswith("navsome: NAVSOME_DEBUG=") and "set it to 1" in err
    assert len(err.splitlines()) == 1 and "\x1b" not in err


# --- FORCE_COLOR and TTY_COMPATIBLE decide, as Rich would, whether stdout is a terminal --------

RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    ("env", "drawn"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, True),  # Rich counts any value but an empty one
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "1", "TTY_COMPATIBLE": "0"}, False),
        ({"TTY_COMPATIBLE": "1"}, True),
        ({}, False),
    ],
    ids=str,
)
def test_force_color_draws_for_a_terminal_through_a_pipe(navsome, env, drawn):
    result = navsome("compare", "-m", "followers", env=env)
    assert result.exit_code == 0, result.stderr
    assert bool(RICH_STYLE.search(result.stdout)) is drawn
    piped = navsome("compare", "-m", "followers").stdout
    assert (result.stdout == piped) is not drawn  # Rich's layout, not only its colours
    assert not RICH_STYLE.search(navsome("compare", "-m", "followers", "--json", env=env).stdout)


def test_the_note_naming_an_export_shows_its_hidden_characters(navsome, tmp_path):
    target = tmp_path / "list\u202e\x1b[2J.md"
    result = navsome("list", "--export", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.exists()
    assert result.stderr == f"Wrote {tmp_path}/list\\u202e\\x1b[2J.md.\n"


def test_ctrl_c_while_the_script_module_loads_is_exit_130_not_a_traceback():
    """The handler is installed as the module starts loading; a Ctrl-C before main() runs is
    kept for main() to act on rather than raised out of the script's import line."""
    code = (
        "import os, signal, sys\n"
        "import navsome.__main__ as entry\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"  # lands while 'loading'
        "sys.argv = ['navsome', 'list']\n"
        "entry.main()\n"
        "print('went on')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=60
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")


def test_a_ctrl_c_that_python_would_swallow_still_ends_the_run():
    """A Ctrl-C landing in a weak-reference callback or a __del__ cannot be raised; Python
    would only report it and go on (a record would then write its figure)."""
    code = (
        "import sys, weakref\n"
        "import navsome.__main__ as entry\n"
        "sys.unraisablehook = entry._unraisable\n"
        "class Thing: pass\n"
        "def callback(ref): raise entry.Interrupted\n"
        "thing = Thing(); ref = weakref.ref(thing, callback); del thing\n"
        "print('went on')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=60
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")


def test_main_reports_swallowed_ctrl_c_through_its_hook(main_in_process, monkeypatch):
    from navsome import __main__ as entry

    seen = []
    monkeypatch.setattr(entry, "_run", lambda: seen.append(sys.unraisablehook) or sys.exit(0))
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)
    assert main_in_process("list")[0] == 0
    assert seen == [entry._unraisable]


# A usage error and an answer by default; an error of the registry's in the slow tier.
@pytest.mark.parametrize(
    ("args", "code"),
    tiered([(["list", "--format", "bad"], 2), (["list"], 0), (["show", "nobody"], 2)], fast=2),
    ids=["usage error", "answer", "unknown account"],
)
def test_a_full_stderr_keeps_the_exit_code(args, code):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(script_path()), *args], stdout=subprocess.PIPE, stderr=full, env=ENV, timeout=60
        )
    assert result.returncode == code
