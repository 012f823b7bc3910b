"""The parse cache: a large registry's model kept in the user's cache folder, used only for the
exact bytes it was made from, and never a reason to fail or to answer from a stale file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SHIPPED

import navsome.registry.read
from navsome.registry import cache
from navsome.registry.read import load_registry


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "navsome"


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "channels.toml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The names of the registries parsed from TOML from now on."""
    seen: list[str] = []
    real = navsome.registry.read.parse_registry

    def counting(text: str, name: str):
        seen.append(name)
        return real(text, name)

    monkeypatch.setattr(navsome.registry.read, "parse_registry", counting)
    return seen


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.cache"))


def test_the_second_load_comes_from_the_cache_and_equals_a_parse(folder, registry, parses):
    first = load_registry(registry, cache_dir=folder)
    assert parses == [str(registry)] and len(entries(folder)) == 1
    second = load_registry(registry, cache_dir=folder)
    assert parses == [str(registry)]  # not parsed again
    assert second == first == load_registry(registry)
    assert second.path == str(registry)


def test_the_folder_and_its_entries_are_the_users_alone(folder, registry):
    load_registry(registry, cache_dir=folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert entries(folder)[0].stat().st_mode & 0o777 == 0o600


def test_a_folder_others_may_read_is_narrowed_before_it_is_used(folder, registry):
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    load_registry(registry, cache_dir=folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert len(entries(folder)) == 1


def test_an_edit_of_the_same_size_in_the_same_instant_is_seen(folder, registry):
    before = os.stat(registry)
    assert load_registry(registry, cache_dir=folder).accounts["jobblyst"].name == "NAV Jobblyst"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace('"NAV Jobblyst"', '"NAV Jobblist"'), encoding="utf-8")
    os.utime(registry, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same time
    assert os.stat(registry).st_size == before.st_size
    assert load_registry(registry, cache_dir=folder).accounts["jobblyst"].name == "NAV Jobblist"


def test_an_entry_is_found_again_after_the_file_changes_back(folder, registry, parses):
    original = registry.read_bytes()
    load_registry(registry, cache_dir=folder)
    registry.write_bytes(original.replace(b"NAV Jobblyst", b"NAV Jobblist"))
    assert load_registry(registry, cache_dir=folder).accounts["jobblyst"].name == "NAV Jobblist"
    assert len(parses) == 2 and len(entries(folder)) == 1  # one entry a file, replaced


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.replace(b"NAV Jobblyst", b"NAV Jobblist"),  # the model changed
        lambda data: data[:20] + bytes([data[20] ^ 1]) + data[21:],  # a byte of its key
        lambda data: b"",
        lambda data: b"not a cache entry at all",
    ],
    ids=["truncated", "payload changed", "key changed", "empty", "foreign"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(folder, registry, parses, damage):
    expected = load_registry(registry, cache_dir=folder)
    entry = entries(folder)[0]
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_registry(registry, cache_dir=folder) == expected
    assert len(parses) == 2  # parsed again
    assert load_registry(registry, cache_dir=folder) == expected
    assert len(parses) == 2  # and the rebuilt entry is used


def test_an_entry_from_another_navsome_version_is_ignored(folder, registry, parses, monkeypatch):
    load_registry(registry, cache_dir=folder)
    monkeypatch.setattr(cache, "_TAG", cache._TAG + b"-next")
    load_registry(registry, cache_dir=folder)
    assert len(parses) == 2


root_only = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give files away"
)


@root_only
def test_a_folder_of_another_user_is_neither_read_nor_written(folder, registry, parses):
    load_registry(registry, cache_dir=folder)
    os.chown(folder, 65534, 65534)
    load_registry(registry, cache_dir=folder)
    assert len(parses) == 2  # its entry is not read
    registry.write_bytes(registry.read_bytes() + b"\n")
    load_registry(registry, cache_dir=folder)
    assert len(entries(folder)) == 1  # and nothing new is written into it


@root_only
def test_an_entry_of_another_user_is_ignored(folder, registry, parses):
    load_registry(registry, cache_dir=folder)
    os.chown(entries(folder)[0], 65534, 65534)
    load_registry(registry, cache_dir=folder)
    assert len(parses) == 2


def test_an_entry_that_is_a_link_is_not_followed(folder, registry, parses, tmp_path):
    load_registry(registry, cache_dir=folder)
    entry = entries(folder)[0]
    elsewhere = tmp_path / "elsewhere.cache"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    load_registry(registry, cache_dir=folder)
    assert len(parses) == 2


def test_a_folder_that_is_a_link_or_a_file_is_not_used(tmp_path, registry):
    target = tmp_path / "target"
    target.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(target)
    load_registry(registry, cache_dir=link)
    assert not list(target.iterdir())
    plain_file = tmp_path / "file"
    plain_file.write_text("")
    assert load_registry(registry, cache_dir=plain_file) == load_registry(registry)


def test_a_cache_that_cannot_be_written_never_fails_the_load(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache's parent folder would be")
    assert load_registry(SHIPPED, cache_dir=blocked / "navsome") == load_registry(SHIPPED)


def test_a_registry_with_problems_is_never_cached(folder, registry):
    registry.write_text(registry.read_text() + "\n[accounts.x]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(navsome.registry.read.RegistryProblems):
            load_registry(registry, cache_dir=folder)
    assert not entries(folder)


BUILD = """
import json, sys
from navsome.registry.read import load_registry
for _ in range(5):
    registry = load_registry(sys.argv[1], cache_dir=sys.argv[2])
print(json.dumps(sorted(registry.accounts)))
"""


def test_processes_building_the_same_entry_at_once_all_read_it_whole(folder, registry):
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", BUILD, str(registry), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    answers = [process.communicate(timeout=60) for process in processes]
    expected = sorted(load_registry(registry).accounts)
    for out, err in answers:
        assert json.loads(out) == expected, err
    assert len(entries(folder)) == 1
    assert not list(folder.glob(".*.tmp"))  # every temporary file was renamed or removed


# --- through the command line ---------------------------------------------------------------


def test_the_command_line_caches_a_large_registry_in_the_users_cache_folder(
    navsome, registry, tmp_path
):
    home = tmp_path / "xdg"
    first = navsome(
        "--registry", str(registry), "list", "--json", env={"XDG_CACHE_HOME": str(home)}
    )
    assert first.exit_code == 0, first.stderr
    assert len(entries(home / "navsome")) == 1
    again = navsome(
        "--registry", str(registry), "list", "--json", env={"XDG_CACHE_HOME": str(home)}
    )
    assert again.stdout == first.stdout


def test_navsome_no_cache_turns_the_cache_off(navsome, registry, tmp_path):
    home = tmp_path / "xdg"
    env = {"XDG_CACHE_HOME": str(home), "NAVSOME_NO_CACHE": "1"}
    assert navsome("--registry", str(registry), "list", env=env).exit_code == 0
    assert navsome("--registry", str(registry), "validate", env=env).exit_code == 0
    assert not home.exists()


def test_navsome_no_cache_not_understood_is_a_usage_error(navsome, registry):
    result = navsome("--registry", str(registry), "list", env={"NAVSOME_NO_CACHE": "maybe"})
    assert result.exit_code == 2 and result.stdout == ""
    assert "NAVSOME_NO_CACHE='maybe' is not understood" in result.stderr


def test_a_registry_read_from_a_pipe_is_not_cached(folder):
    reader, writer = os.pipe()
    os.write(writer, SHIPPED.read_bytes())  # the shipped registry fits in a pipe's buffer
    os.close(writer)
    try:
        piped = load_registry(f"/dev/fd/{reader}", cache_dir=folder)
    finally:
        os.close(reader)
    assert piped.accounts == load_registry(SHIPPED).accounts
    assert not entries(folder)


# --- where the command line keeps it, and what a warm run imports ----------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "relative/cache", ""])
def test_the_cache_folder_is_the_one_platformdirs_gives(monkeypatch, xdg):
    import platformdirs

    from navsome.cli.options import user_cache_folder

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = Path(platformdirs.user_cache_dir("navsome", appauthor=False))
    assert user_cache_folder() == expected


def test_a_warm_run_reads_the_model_without_the_parser_or_platformdirs(tmp_path):
    """Every registry is cached, the shipped one too: reading an entry takes a tenth of the
    time parsing does even for its 13 kB, and spares importing the parser."""
    from conftest import modules_loaded

    registry = tmp_path / "channels.toml"
    registry.write_bytes(SHIPPED.read_bytes())
    args = ["--registry", str(registry), "compare", "-m", "followers", "--format", "csv"]
    environment = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    cold = {name.split(".")[0] for name in modules_loaded(args, **environment)}
    assert "tomllib" in cold or "tomli" in cold  # the first run parses, and writes the entry
    warm = {name.split(".")[0] for name in modules_loaded(args, **environment)}
    assert not warm & {"tomllib", "tomli", "platformdirs", "_hashlib", "tempfile", "rich"}
    assert "navsome" in warm


# --- pruning: what a write leaves in the folder ----------------------------------------------

DAY = 86400


def aged(path: Path, days: float, read_days: float | None = None) -> Path:
    """`path` as if written `days` ago and last read `read_days` ago (by default, then)."""
    written = time.time() - days * DAY
    read = time.time() - (days if read_days is None else read_days) * DAY
    os.utime(path, (read, written), follow_symlinks=False)
    return path


def old_entries(folder: Path, count: int, days: float = 10) -> list[Path]:
    """`count` entries of registry files no longer read, as navsome before pruning left them:
    the first used `days` ago, each after it a day earlier."""
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    made = []
    for index in range(count):
        entry = cache._entry(folder, folder.parent / f"gone-{index}.toml")
        entry.write_bytes(b"navsome-cache\n" + bytes(64))
        made.append(aged(entry, days + index))
    return made


@pytest.fixture(params=[True, False], ids=["by the folder's descriptor", "by path"])
def either_way(request, monkeypatch) -> None:
    """Pruning as on Linux and macOS, and as on Windows, which has no dir_fd."""
    monkeypatch.setattr(cache, "_BY_FD", request.param and cache._BY_FD)


@pytest.mark.usefixtures("either_way")
def test_a_write_keeps_the_entries_used_last_and_removes_the_others(folder, registry):
    old = old_entries(folder, cache.KEEP + 3)
    load_registry(registry, cache_dir=folder)  # a miss: the entry is written, the folder pruned
    written = cache._entry(folder, registry)
    assert entries(folder) == sorted([written, *old[: cache.KEEP - 1]])


def test_an_entry_read_lately_stays_however_long_ago_it_was_written(folder, registry):
    old = old_entries(folder, cache.KEEP + 3)
    aged(old[-1], days=400, read_days=0.5)  # written first of all, read this morning
    load_registry(registry, cache_dir=folder)
    assert old[-1] in entries(folder)
    assert old[cache.KEEP - 2] not in entries(folder)  # the one it displaced


def test_the_entry_just_written_stays_even_when_the_others_look_newer(folder, registry, parses):
    old_entries(folder, cache.KEEP + 2, days=-30)  # a clock set back since they were written
    load_registry(registry, cache_dir=folder)
    assert cache._entry(folder, registry) in entries(folder)
    assert len(entries(folder)) == cache.KEEP
    load_registry(registry, cache_dir=folder)
    assert parses == [str(registry)]  # and it is read


def test_a_record_prunes_when_it_writes_the_new_files_entry(navsome, registry, tmp_path):
    home = tmp_path / "xdg"
    env = {"XDG_CACHE_HOME": str(home)}
    assert navsome("--registry", str(registry), "list", env=env).exit_code == 0
    old = old_entries(home / "navsome", cache.KEEP + 2)
    recorded = navsome(
        "--registry", str(registry), "record", "jobblyst/facebook", "followers", "1",
        "--as-of", "2018-06", "--source", "nav-some-2017", env=env,
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    assert entries(home / "navsome") == sorted(
        [cache._entry(home / "navsome", registry), *old[: cache.KEEP - 1]]
    )
    assert cache.read(home / "navsome", registry, cache.key(registry.read_bytes())) is not None


@pytest.mark.usefixtures("either_way")
def test_only_navsomes_own_entries_and_leftovers_are_ever_removed(folder, registry, tmp_path):
    old = old_entries(folder, cache.KEEP + 2)
    outside = tmp_path / "precious.cache"
    outside.write_text("not navsome's")
    linked_entry = folder / ("a" * 32 + ".cache")
    linked_entry.symlink_to(outside)
    linked_leftover = folder / ".entry.abcd1234.tmp"
    linked_leftover.symlink_to(outside)
    folder_entry = folder / ("b" * 32 + ".cache")
    folder_entry.mkdir()
    (folder_entry / ("c" * 32 + ".cache")).write_text("inside a folder")
    others = [
        folder / "notes.txt",
        folder / ("d" * 32 + ".cache.bak"),
        folder / ("D" * 32 + ".cache"),
        folder / ("e" * 31 + ".cache"),
        folder / ".entry.tmp",
    ]
    for other in others:
        other.write_text("someone else's")
    for path in [*others, linked_entry, linked_leftover, folder_entry, outside]:
        aged(path, 1000)
    leftover, in_progress = folder / ".entry.k1lled_0.tmp", folder / ".entry.writing.tmp"
    leftover.write_bytes(b"half an entry")
    aged(leftover, 2)
    in_progress.write_bytes(b"an entry being written")  # another navsome's, this instant

    load_registry(registry, cache_dir=folder)

    for path in [*others, linked_entry, linked_leftover, folder_entry, in_progress]:
        assert os.path.lexists(path), path
    assert outside.read_text() == "not navsome's"
    assert (folder_entry / ("c" * 32 + ".cache")).exists()
    assert not leftover.exists()  # a write killed long ago
    assert [entry for entry in old if entry.exists()] == old[: cache.KEEP - 1]


@root_only
def test_an_entry_of_another_user_is_never_removed(folder, registry):
    old = old_entries(folder, cache.KEEP + 2)
    os.chown(old[-1], 65534, 65534)
    load_registry(registry, cache_dir=folder)
    assert old[-1].exists()
    assert not old[-2].exists()


def test_a_warm_read_lists_no_folder(folder, registry, monkeypatch):
    listed = []
    for name in ("scandir", "listdir"):
        real = getattr(os, name)
        monkeypatch.setattr(
            os, name, lambda *args, _real=real, **kw: listed.append(args) or _real(*args, **kw)
        )
    load_registry(registry, cache_dir=folder)
    assert listed  # the write pruned
    listed.clear()
    for _ in range(3):
        load_registry(registry, cache_dir=folder)
    assert listed == []


def test_prune_looks_at_a_bounded_number_of_names(folder, registry, monkeypatch):
    old = old_entries(folder, 10)
    monkeypatch.setattr(cache, "KEEP", 1)
    monkeypatch.setattr(cache, "_SCAN_LIMIT", 4)
    load_registry(registry, cache_dir=folder)
    assert cache._entry(folder, registry).exists()
    assert len([entry for entry in old if entry.exists()]) in (6, 7)  # 4 names, one maybe its own


def test_a_pruned_entry_only_means_its_registry_is_parsed_again(folder, registry, parses):
    first = load_registry(registry, cache_dir=folder)
    aged(cache._entry(folder, registry), 100)
    old_entries(folder, cache.KEEP, days=1)  # all used since
    load_registry(SHIPPED, cache_dir=folder)  # writes, and prunes the registry's entry
    assert not cache._entry(folder, registry).exists()
    assert load_registry(registry, cache_dir=folder) == first
    assert parses == [str(registry), str(SHIPPED), str(registry)]
    assert cache._entry(folder, registry).exists()


def unlink_twice(real):
    """os.unlink as when another navsome pruning at once removed the file first."""

    def unlink(path, *, dir_fd=None):
        real(path, dir_fd=dir_fd)
        real(path, dir_fd=dir_fd)  # FileNotFoundError

    return unlink


def refusing(real):
    def refuse(*args, **kw):
        raise PermissionError(13, "Permission denied")

    return refuse


@pytest.mark.usefixtures("either_way")
@pytest.mark.parametrize(
    "broken, failing",
    [("unlink", unlink_twice), ("unlink", refusing), ("scandir", refusing)],
    ids=["an entry vanishes", "an entry cannot be removed", "the folder cannot be listed"],
)
def test_a_prune_that_fails_never_fails_the_command(
    navsome, registry, tmp_path, monkeypatch, broken, failing
):
    home = tmp_path / "xdg"
    old = old_entries(home / "navsome", cache.KEEP + 2)
    expected = navsome("--registry", str(SHIPPED), "list", "--json")
    calls = []
    real = getattr(os, broken)
    fail = failing(real)
    monkeypatch.setattr(os, broken, lambda *a, **kw: calls.append(a) or fail(*a, **kw))
    result = navsome(
        "--registry", str(registry), "list", "--json", env={"XDG_CACHE_HOME": str(home)}
    )
    assert result.exit_code == 0 and result.stdout == expected.stdout and result.stderr == ""
    assert calls  # pruning was tried
    monkeypatch.setattr(os, broken, real)
    assert cache.read(home / "navsome", registry, cache.key(registry.read_bytes())) is not None
    if failing is unlink_twice:  # the rest are pruned all the same
        assert [entry for entry in old if entry.exists()] == old[: cache.KEEP - 1]


PRUNE_AT_ONCE = """
import json, sys
from navsome.registry.read import load_registry
folder, *registries = sys.argv[1:]
for path in registries * 2:
    load_registry(path, cache_dir=folder)
print(json.dumps(sorted(load_registry(registries[-1], cache_dir=folder).accounts)))
"""


@pytest.mark.slow  # four processes writing 32 entries: a second of two cores
def test_processes_writing_and_pruning_at_once_all_succeed(folder, tmp_path):
    registries = []
    for index in range(32):
        path = tmp_path / f"registry-{index}.toml"
        path.write_bytes(SHIPPED.read_bytes())
        registries.append(str(path))
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", PRUNE_AT_ONCE, str(folder), *registries[part::4]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in range(4)
    ]
    answers = [(process.communicate(timeout=60), process.returncode) for process in processes]
    expected = sorted(load_registry(SHIPPED).accounts)
    for (out, err), code in answers:
        assert code == 0 and err == "" and json.loads(out) == expected, err
    assert len(entries(folder)) <= cache.KEEP + 3  # slack for a prune racing another's write
    assert not list(folder.glob(".*.tmp"))


def test_the_readme_states_the_rule_pruning_keeps():
    readme = " ".join((SHIPPED.parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert f"it keeps those of the {cache.KEEP} registry files used most recently" in readme
