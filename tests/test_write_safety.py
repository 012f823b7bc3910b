"""Nothing lost: record and --export follow links, keep the file's identity and layout, never
overwrite an edit saved meanwhile, never leave half a file, and say what a lock waits for."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from conftest import tiered

from navsome.errors import NavsomeError
from navsome.model import Measurement
from navsome.registry import storage
from navsome.registry.record import record
from navsome.registry.toml import tomllib  # tomli on Python 3.10, as navsome reads it

FIGURE = ["jobblyst/facebook", "followers", "21000", "--as-of", "2018-06", "--source"]
FIGURE += ["nav-some-2017"]
NEW_LINES = b'[[accounts.jobblyst.channels.measurements]]\nmetric = "followers"\nvalue = 21000\n'


def recorded(path: Path) -> bool:
    """Whether the figure of FIGURE is in the file, read with nothing but tomllib."""
    data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    channel = data["accounts"]["jobblyst"]["channels"][0]
    return {"metric": "followers", "value": 21000, "as_of": "2018-06"}.items() <= next(
        (m for m in channel["measurements"] if m["as_of"] == "2018-06"), {}
    ).items()


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# Symbolic links


def test_record_through_a_symlink_writes_the_real_file_and_keeps_the_link(navsome, registry_copy):
    links = registry_copy.parent / "links"
    links.mkdir()
    link = links / "registry.toml"
    link.symlink_to(registry_copy)
    result = navsome("--registry", str(link), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == registry_copy.resolve()
    assert recorded(registry_copy)
    assert (registry_copy.parent / "channels.toml.lock").exists()  # locked beside the real file
    assert not (links / "registry.toml.lock").exists()
    assert temporaries(links) == [] and temporaries(registry_copy.parent) == []


def test_export_through_a_symlink_writes_the_file_it_names(navsome, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    result = navsome("list", "--export", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text().startswith("| Account")


# What --export refuses


@pytest.fixture
def refusals(tmp_path: Path, registry_copy: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    device = tmp_path / "device.json"
    device.symlink_to(os.devnull)
    registry_link = tmp_path / "registry.md"
    registry_link.symlink_to(registry_copy)
    return {
        "a named pipe": fifo,
        "a folder": folder,
        "a device": device,
        "the registry in use": registry_link,
    }


@pytest.mark.parametrize("what", ["a named pipe", "a folder", "a device", "the registry in use"])
def test_export_refuses_what_is_not_a_regular_file_or_is_the_registry(
    navsome, refusals, registry_copy, what
):
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "list", "--export", str(refusals[what]))
    assert result.exit_code == 2
    assert what in result.stderr
    assert result.stdout == ""
    assert registry_copy.read_bytes() == before
    assert refusals["a folder"].is_dir() and stat.S_ISFIFO(
        os.stat(refusals["a named pipe"]).st_mode
    )


def test_export_refuses_the_registry_named_directly(navsome, tmp_path, registry_copy):
    registry = tmp_path / "registry.json"  # a registry whose name has an export extension
    registry.write_bytes(registry_copy.read_bytes())
    result = navsome("--registry", str(registry), "validate", "--export", str(registry))
    assert result.exit_code == 2
    assert "is the registry in use" in result.stderr
    assert registry.read_bytes() == registry_copy.read_bytes()


@pytest.mark.parametrize(
    "args",
    [["list", "--export", ""], ["--registry", "", "list"], ["validate", ""]],
    ids=["--export ''", "--registry ''", "validate ''"],
)
def test_an_empty_path_is_a_usage_error(navsome, args):
    result = navsome(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "empty" in result.stderr or "needs a file name" in result.stderr


# Compare-and-swap


def test_an_edit_saved_while_the_new_file_is_flushed_is_kept(registry_copy, monkeypatch):
    """The check for a changed file must come after the temporary file is written and flushed:
    an editor that saves during the (slow) flush is seen, and the figure recorded on top."""
    real_fsync = os.fsync
    edits: list[int] = []

    def slow_fsync(fd: int) -> None:
        if not edits and stat.S_ISREG(os.fstat(fd).st_mode):
            edits.append(fd)
            with open(registry_copy, "a", encoding="utf-8") as file:
                file.write("# saved in an editor meanwhile\n")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    done = record(
        registry_copy,
        "jobblyst/facebook",
        Measurement("followers", 21000, "2018-06", "nav-some-2017"),
    )
    assert done.action == "added"
    assert edits, "the edit was never made"
    text = registry_copy.read_text()
    assert "# saved in an editor meanwhile" in text
    assert recorded(registry_copy)


def test_a_file_that_keeps_changing_is_left_alone_with_a_message(registry_copy):
    count = []

    def always_edit() -> None:
        count.append(1)
        with open(registry_copy, "a", encoding="utf-8") as file:
            file.write(f"# edit {len(count)}\n")

    figure = Measurement("followers", 21000, "2018-06", "nav-some-2017")
    with pytest.raises(NavsomeError, match="kept changing"):
        record(registry_copy, "jobblyst/facebook", figure, before_write=always_edit)
    assert not recorded(registry_copy)
    assert registry_copy.read_text().endswith("# edit 5\n")  # every edit kept, none lost
    assert temporaries(registry_copy.parent) == []


def test_an_edit_of_the_same_size_in_the_same_instant_is_seen(registry_copy):
    """Size and time can match after an edit; the content hash still tells."""
    text = registry_copy.read_text()
    info = os.stat(registry_copy)

    def same_size_edit() -> None:
        registry_copy.write_text(text.replace("19 500 følgere", "19 500 følgerx", 1))
        os.utime(registry_copy, ns=(info.st_atime_ns, info.st_mtime_ns))

    figure = Measurement("followers", 21000, "2018-06", "nav-some-2017")
    edits = []
    record(
        registry_copy,
        "jobblyst/facebook",
        figure,
        before_write=lambda: edits.append(1) or (same_size_edit() if len(edits) == 1 else None),
    )
    assert "19 500 følgerx" in registry_copy.read_text()
    assert recorded(registry_copy)


# Failures between writing and renaming


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_file_and_no_temporary(
    navsome, registry_copy, monkeypatch, failing
):
    before = registry_copy.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert "No space left on device. Nothing was changed." in result.stderr
    assert registry_copy.read_bytes() == before
    assert temporaries(registry_copy.parent) == []


def test_a_failed_export_leaves_the_old_export_and_no_temporary(navsome, tmp_path, monkeypatch):
    target = tmp_path / "followers.csv"
    target.write_text("old export\n")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = navsome("compare", "-m", "followers", "--export", str(target))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert target.read_text() == "old export\n"
    assert temporaries(tmp_path) == []


def test_stale_temporary_files_of_a_dead_writer_are_cleaned_under_the_lock(navsome, registry_copy):
    folder = registry_copy.parent
    stale = folder / ".channels.toml.k3x9_q0z.tmp"  # the name mkstemp gives
    stale.write_bytes(registry_copy.read_bytes())
    others = [folder / ".channels.toml.mine.tmp", folder / ".other.toml.abcdefgh.tmp"]
    for other in others:
        other.write_text("not ours to remove")
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()
    assert all(other.exists() for other in others)


# The file's identity and layout


def test_the_file_mode_is_kept(navsome, registry_copy):
    os.chmod(registry_copy, 0o640)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(os.stat(registry_copy).st_mode) == 0o640


def test_an_export_keeps_the_mode_of_the_file_it_replaces(navsome, tmp_path):
    target = tmp_path / "list.md"
    target.write_text("old\n")
    os.chmod(target, 0o604)
    assert navsome("list", "--export", str(target)).exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o604


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_the_owner_and_group_are_kept_when_root_records(navsome, registry_copy):
    os.chown(registry_copy, 4321, 4322)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    info = os.stat(registry_copy)
    assert (info.st_uid, info.st_gid) == (4321, 4322)
    assert recorded(registry_copy)


def test_an_owner_that_cannot_be_kept_is_refused(navsome, registry_copy, monkeypatch):
    mine = os.stat(registry_copy)
    real_stat = os.stat
    target = str(registry_copy.resolve())

    def owned_by_another(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        if os.fspath(path) == target:
            fields = list(info)
            fields[stat.ST_UID] = mine.st_uid + 1
            return os.stat_result(fields)
        return info

    def not_permitted(*args):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "stat", owned_by_another)
    monkeypatch.setattr(os, "fchown", not_permitted)
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert f"belongs to user {mine.st_uid + 1}" in result.stderr
    assert "Run navsome as its owner" in result.stderr
    assert registry_copy.read_bytes() == before
    assert temporaries(registry_copy.parent) == []


def test_a_read_only_file_is_refused(navsome, registry_copy):
    os.chmod(registry_copy, 0o444)
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert "is read-only (mode 0444)" in result.stderr
    assert "chmod u+w" in result.stderr
    assert registry_copy.read_bytes() == before
    assert stat.S_IMODE(os.stat(registry_copy).st_mode) == 0o444


def test_a_hard_linked_file_is_refused(navsome, registry_copy):
    other = registry_copy.with_name("other-name.toml")
    os.link(registry_copy, other)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert "2 hard links" in result.stderr
    assert not recorded(other)


def test_crlf_lines_and_a_byte_order_mark_are_kept(navsome, registry_copy):
    original = b"\xef\xbb\xbf" + registry_copy.read_bytes().replace(b"\n", b"\r\n")
    registry_copy.write_bytes(original)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    after = registry_copy.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.startswith(b"\xef\xbb\xbf" * 2)
    assert after.count(b"\n") == after.count(b"\r\n")  # no LF-only line slipped in
    assert NEW_LINES.replace(b"\n", b"\r\n") in after
    assert recorded(registry_copy)
    # Only lines were added: the old file is the new one with the added lines taken out.
    old_lines, new_lines = original.split(b"\r\n"), after.split(b"\r\n")
    assert len(new_lines) > len(old_lines)
    remaining = iter(new_lines)
    assert all(line in remaining for line in old_lines)


def test_lf_files_stay_lf(navsome, registry_copy):
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0
    assert b"\r" not in registry_copy.read_bytes()
    assert not registry_copy.read_bytes().startswith(b"\xef\xbb\xbf")


# Locking that says what it does


HOLDER = """
import sys
from pathlib import Path
from navsome.registry.storage import locked
with locked(Path(sys.argv[1]), 5):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes it, or ends this process
"""


def hold_lock(path: Path) -> subprocess.Popen:
    """Another process holding the registry's lock until its stdin is closed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def record_command(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "navsome", "--registry", str(path), "record", *FIGURE, *extra]


def record_process(path: Path, *extra: str, env: dict[str, str] | None = None):
    environment = {**os.environ, "NAVSOME_LANG": "en", **(env or {})}
    return subprocess.run(
        record_command(path, *extra), capture_output=True, text=True, timeout=60, env=environment
    )


@pytest.mark.slow
def test_a_held_lock_is_announced_then_given_up_after_the_timeout(registry_copy):
    holder = hold_lock(registry_copy)
    try:
        started = time.monotonic()
        # A second past the notice (after 1 s), so that it comes first on a busy machine too.
        result = record_process(registry_copy, "--lock-timeout", "2")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"Waiting for another navsome record (pid {holder.pid}) to finish with {registry_copy}…"
    )
    assert f"still locked by another navsome record (pid {holder.pid}) after 2 s" in lines[1]
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert 2 <= waited < 20
    assert not recorded(registry_copy)


@pytest.mark.slow
def test_a_lock_released_in_time_lets_the_record_land(registry_copy):
    holder = hold_lock(registry_copy)
    environment = {**os.environ, "NAVSOME_LANG": "en", "NAVSOME_LOCK_TIMEOUT": "20"}
    waiting = subprocess.Popen(
        record_command(registry_copy), stderr=subprocess.PIPE, text=True, env=environment
    )
    assert waiting.stderr is not None
    try:
        said = waiting.stderr.readline()  # the record waits, and says so
    finally:
        holder.communicate("", timeout=60)  # then the lock is let go of
    assert "Waiting for another navsome record" in said
    assert waiting.wait(timeout=60) == 0, waiting.stderr.read()
    assert recorded(registry_copy)


def test_a_free_lock_is_taken_without_a_word(registry_copy):
    result = record_process(registry_copy)
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize("value", ["nan", "-1", "abc", "1e9", "inf"])
def test_the_lock_timeout_is_checked_and_named(navsome, registry_copy, value):
    result = navsome(
        "--registry", str(registry_copy), "record", *FIGURE, env={"NAVSOME_LOCK_TIMEOUT": value}
    )
    assert result.exit_code == 2
    assert f"NAVSOME_LOCK_TIMEOUT {value!r} is not a number of seconds" in result.stderr
    result = navsome("--registry", str(registry_copy), "record", *FIGURE, "--lock-timeout", value)
    assert result.exit_code == 2
    assert f"--lock-timeout {value!r}" in result.stderr
    assert not recorded(registry_copy)


class FakeMsvcrt(types.ModuleType):
    """Windows' byte-range locks, simulated: which byte each call locks, and contention."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int]] = []
        self.held_elsewhere = False

    def locking(self, fd: int, mode: int, length: int) -> None:
        self.calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, length))
        if mode == self.LK_NBLCK and self.held_elsewhere:
            raise OSError(errno.EACCES, "Permission denied")


@pytest.fixture
def windows(monkeypatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` fails, as on Windows
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_windows_locks_one_byte_past_the_pid_and_unlocks_it(windows, tmp_path):
    path = tmp_path / "channels.toml"
    with storage.locked(path, timeout=1):
        assert (tmp_path / "channels.toml.lock").read_text() == f"{os.getpid()}\n"
    assert windows.calls == [(1 << 30, windows.LK_NBLCK, 1), (1 << 30, windows.LK_UNLCK, 1)]


def test_windows_waits_names_the_holder_and_gives_up(windows, tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "NOTICE_AFTER", 0.05)
    path = tmp_path / "channels.toml"
    (tmp_path / "channels.toml.lock").write_text("4242\n")
    windows.held_elsewhere = True
    told = []
    with (
        pytest.raises(storage.LockTimeout, match=r"pid 4242\) after 0.3 s"),
        storage.locked(path, timeout=0.3, waiting=told.append),
    ):
        pytest.fail("the lock was taken while held elsewhere")
    assert told == [4242]
    assert len([c for c in windows.calls if c[1] == windows.LK_NBLCK]) > 2  # it kept trying


# Inline-table layouts


INLINE = """
[sources.s]
title = "T"
publisher = "P"
year = 2018

[platforms.facebook]
name = "Facebook"

[platforms.twitter]
name = "Twitter"

[metrics.followers]
label_en = "Followers"
label_nb = "Følgere"
unit = "count"
kind = "level"

[accounts.a]
name = "A"

[[accounts.a.channels]]
platform = "facebook"
measurements = []

[accounts.b]
name = "B"
channels = [
  {platform="facebook",measurements=[{metric="followers",value=1,as_of="2017",source="s"}]},
  { platform = "twitter" },
]

[accounts.c]
name = "C"

[[accounts.c.channels]]
platform = "facebook"
measurements = [
  { metric = "followers", value = 1, as_of = "2017", source = "s" },
]
"""


@pytest.mark.parametrize("channel", ["a/facebook", "b/facebook", "b/twitter", "c/facebook"])
def test_record_into_inline_layouts(navsome, tmp_path, channel):
    path = tmp_path / "inline.toml"
    path.write_text(INLINE)
    args = ["--registry", str(path), "record", channel, "followers", "5", "--as-of", "2018"]
    result = navsome(*args, "--source", "s")
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads(path.read_text())
    account, platform = channel.split("/")
    channels = data["accounts"][account]["channels"]
    figures = next(c for c in channels if c["platform"] == platform)["measurements"]
    assert {"metric": "followers", "value": 5, "as_of": "2018", "source": "s"} in figures
    # every other line is as it was
    kept = [
        line
        for line in INLINE.splitlines()
        if not line.startswith(("  {platform=", "  { platform =", "measurements = []"))
    ]
    after = path.read_text().splitlines()
    assert all(line in after for line in kept)


def test_replace_inside_an_inline_table(navsome, tmp_path):
    path = tmp_path / "inline.toml"
    path.write_text(INLINE)
    args = ["--registry", str(path), "record", "b/facebook", "followers", "7", "--as-of", "2017"]
    result = navsome(*args, "--source", "s", "--replace")
    assert result.exit_code == 0, result.stderr
    figures = tomllib.loads(path.read_text())["accounts"]["b"]["channels"][0]["measurements"]
    assert figures == [{"metric": "followers", "value": 7, "as_of": "2017", "source": "s"}]
    assert path.read_text().replace("value=7", "value=1") == INLINE  # only the value changed


def test_a_layout_the_editor_cannot_handle_is_refused_with_the_layout_it_needs(
    navsome, registry_copy, monkeypatch
):
    def cannot(*args):
        raise TypeError("tomlkit cannot append here")

    # Neither the text edit (a layout it leaves to tomlkit) nor tomlkit can do it.
    monkeypatch.setattr("navsome.registry.text_edit.add_figure", lambda *args: None)
    monkeypatch.setattr("navsome.registry.record._edit", cannot)
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert (
        "cannot add a figure to the way accounts.jobblyst.channels[0] is written" in result.stderr
    )
    assert "[[accounts.jobblyst.channels.measurements]]" in result.stderr
    assert registry_copy.read_bytes() == before


def test_an_exported_csv_defuses_formulas_while_stdout_keeps_the_text(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(
        text.replace('stated = "19 500 følgere"', 'stated = "=HYPERLINK(\\"x\\")"', 1),
        encoding="utf-8",
    )
    exported = registry_copy.with_name("figures.csv")
    args = ["--registry", str(registry_copy), "show", "jobblyst", "--format", "csv"]
    piped = navsome(*args)
    assert navsome(*args, "--export", str(exported)).exit_code == 0
    assert ',"=HYPERLINK(""x"")",' in piped.stdout
    assert ',"\'=HYPERLINK(""x"")",' in exported.read_text(encoding="utf-8")
    # numbers are never changed: the same rows but for that one cell
    assert exported.read_text(encoding="utf-8").replace("'=", "=") == piped.stdout


def test_the_waiting_note_speaks_norwegian(capsys):
    from navsome.cli.options import say_waiting as _say_waiting
    from navsome.i18n import Words

    _say_waiting(4750, Path("channels.toml"), Words("nb"))
    _say_waiting(None, Path("channels.toml"), Words("nb"))
    assert capsys.readouterr().err.splitlines() == [
        "Venter på at en annen navsome record (pid 4750) blir ferdig med channels.toml …",
        "Venter på at en annen navsome record blir ferdig med channels.toml …",
    ]


# The lock file itself


@pytest.mark.parametrize("planted", ["symbolic link", "folder", "named pipe", "hard link"])
def test_a_lock_file_planted_by_someone_else_is_refused_and_what_it_names_untouched(
    navsome, registry_copy, tmp_path, planted
):
    precious = tmp_path / "precious.txt"  # think /etc/passwd
    precious.write_text("precious\n")
    lock = registry_copy.with_name("channels.toml.lock")
    if planted == "symbolic link":
        lock.symlink_to(precious)
    elif planted == "folder":
        lock.mkdir()
    elif planted == "named pipe":
        os.mkfifo(lock)
    else:
        os.link(precious, lock)
    before = registry_copy.read_bytes()
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert f"{lock} " in result.stderr and "not a lock file navsome made" in result.stderr
    assert "remove it" in result.stderr
    assert precious.read_text() == "precious\n"
    assert registry_copy.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_lock_file_root_makes_for_a_users_registry_belongs_to_that_user(navsome, registry_copy):
    os.chown(registry_copy, 4321, 4322)
    os.chmod(registry_copy, 0o660)
    assert navsome("--registry", str(registry_copy), "record", *FIGURE).exit_code == 0
    lock = os.stat(registry_copy.with_name("channels.toml.lock"))
    assert (lock.st_uid, lock.st_gid, stat.S_IMODE(lock.st_mode)) == (4321, 4322, 0o660)


def test_a_lock_file_this_user_may_not_write_is_still_locked(navsome, registry_copy, monkeypatch):
    """Made by another user (root, say): flock needs only a descriptor, not write access."""
    lock = str(registry_copy.with_name("channels.toml.lock"))
    Path(lock).write_text("1\n")
    real_open = os.open

    def no_write(path, flags, *args):
        if os.fspath(path) == lock and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied", lock)
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_write)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 0, result.stderr
    assert recorded(registry_copy)
    assert Path(lock).read_text() == "1\n"


def test_a_registry_read_from_a_pipe_is_not_recorded_into(registry_copy):
    command = [sys.executable, "-m", "navsome", "--registry", "/dev/stdin", "record", *FIGURE]
    with open(registry_copy, "rb") as registry:
        feed = subprocess.Popen(["cat"], stdin=registry, stdout=subprocess.PIPE)
        result = subprocess.run(command, stdin=feed.stdout, capture_output=True, text=True)
        feed.wait()
    assert result.returncode == 1
    assert "/dev/stdin is a named pipe, not a file that can be rewritten" in result.stderr


def test_a_read_only_file_system_is_named_as_such(navsome, registry_copy, monkeypatch):
    real_statvfs = os.statvfs

    def read_only(path):
        info = real_statvfs(path)
        return types.SimpleNamespace(f_flag=info.f_flag | os.ST_RDONLY)

    monkeypatch.setattr(os, "statvfs", read_only)
    result = navsome("--registry", str(registry_copy), "record", *FIGURE)
    assert result.exit_code == 1
    assert "is on a read-only file system" in result.stderr
    assert "chmod" not in result.stderr


def test_an_export_onto_a_read_only_file_is_refused(navsome, tmp_path):
    target = tmp_path / "list.md"
    target.write_text("kept\n")
    os.chmod(target, 0o444)
    result = navsome("list", "--export", str(target))
    assert result.exit_code == 1
    assert f"--export {target} is read-only (mode 0444)" in result.stderr
    assert target.read_text() == "kept\n"


@pytest.mark.parametrize("option", tiered(["--note", "--stated", "--source"], fast=1))
def test_text_that_is_not_utf8_is_a_usage_error_not_a_crash(registry_copy, option):
    args = FIGURE[:-2] if option == "--source" else FIGURE  # FIGURE ends with its --source
    command = [sys.executable, "-m", "navsome", "--registry", str(registry_copy), "record"]
    command += [os.fsencode(arg) for arg in args] + [option.encode(), b"ok\xff"]
    result = subprocess.run(command, capture_output=True, timeout=60)
    assert result.returncode == 2
    assert f"{option} 'ok\\udcff' holds bytes that are not UTF-8".encode() in result.stderr
    assert not recorded(registry_copy)


def test_a_record_whose_stdout_fails_says_the_figure_was_recorded(registry_copy):
    with open("/dev/full", "w") as full:
        command = [sys.executable, "-m", "navsome", "--registry", str(registry_copy), "record"]
        result = subprocess.run(command + FIGURE, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert result.stderr == (
        "navsome: cannot write to standard output: No space left on device. "
        f"The figure was recorded in {registry_copy} all the same.\n"
    )
    assert recorded(registry_copy)


def test_a_blank_lock_timeout_variable_is_unset(navsome, registry_copy):
    result = navsome(
        "--registry", str(registry_copy), "record", *FIGURE, env={"NAVSOME_LOCK_TIMEOUT": "  "}
    )
    assert result.exit_code == 0, result.stderr
