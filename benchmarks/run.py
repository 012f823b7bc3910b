"""Benchmark navsome against its floors and print the ratios.

    python benchmarks/run.py                   # start-up cases, then 1k/10k/50k accounts
    python benchmarks/run.py --sizes 1000,10000 --runs 21

Start-up: every case is a fresh process, as navsome is used. The floor is what navsome is built
on, `python -c "import typer, tomllib, rich.console, rich.table"`, in the same virtual
environment, into which navsome is installed from this checkout as a user would install it
(a built wheel, bytecode compiled). Cases run interleaved, round after round, and each ratio
is a median over the median of the floor: hyperfine times the runs when it is installed, a
Python timer otherwise. Output is piped, as in a script.

Scale: generated registries (benchmarks/generate_registry.py, a fixed seed) of N accounts x 4
channels x 3 figures, against a bare `tomllib.load` of the same file: time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from generate_registry import generate  # noqa: E402

FLOOR_CODE = "import typer, tomllib, rich.console, rich.table"
LOAD_CODE = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"
STARTUP_CASES = [
    ("compare --metric followers --format table", 1.2),
    # The same drawn with Rich, as on a terminal (TTY_COMPATIBLE=1 makes Rich draw for one).
    ("compare --metric followers --format table [terminal]", 1.2),
    ("compare --metric followers --format json", 0.9),
    ("compare --metric followers --format csv", 0.9),
    ("list --format table", 1.2),
    ("list --format json", 0.9),
    ("show jobblyst --format table", 1.2),
    ("show jobblyst --format json", 0.9),
]


def install(target: Path) -> tuple[Path, Path]:
    """A virtual environment with navsome installed from this checkout: (python, navsome)."""
    uv = shutil.which("uv")
    if uv is None:
        sys.exit("benchmarks/run.py needs uv (pip install uv)")
    subprocess.run([uv, "venv", "-q", str(target)], check=True)
    python = target / "bin" / "python"
    subprocess.run(
        [uv, "pip", "install", "-q", "--compile-bytecode", "--python", str(python), str(REPO)],
        check=True,
    )
    return python, target / "bin" / "navsome"


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in bytes of one run, its output piped away."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    for _ in iter(lambda: process.stdout.read(1 << 16), b""):  # type: ignore[union-attr]
        pass
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss * 1024


HYPERFINE = ["hyperfine", "-N", "--warmup", "1", "--style", "none"]


def hyperfine_round(commands: list[list[str]], runs: int, env: dict[str, str]) -> list[list[float]]:
    """One round of hyperfine over all commands: their run times in seconds."""
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        shell = [" ".join(_quote(part) for part in command) for command in commands]
        subprocess.run(
            [*HYPERFINE, "--runs", str(runs), "--export-json", export.name, *shell],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        results = json.loads(Path(export.name).read_text())["results"]
    return [result["times"] for result in results]


def _quote(part: str) -> str:
    return f"'{part}'" if any(c in part for c in " ;'\"") else part


def measure(
    commands: list[list[str]], rounds: int, per_round: int, env: dict[str, str], timer: str
) -> list[tuple[float, int]]:
    """Median time and peak memory of each command, runs interleaved across rounds."""
    times: list[list[float]] = [[] for _ in commands]
    memory = [0] * len(commands)
    for _ in range(rounds):
        if timer == "hyperfine":
            for index, found in enumerate(hyperfine_round(commands, per_round, env)):
                times[index] += found
        order = list(range(len(commands)))
        random.shuffle(order)
        for index in order:
            for _ in range(per_round if timer == "python" else 1):
                elapsed, peak = run_once(commands[index], env)
                if timer == "python":
                    times[index].append(elapsed)
                memory[index] = max(memory[index], peak)
    return [(statistics.median(t), m) for t, m in zip(times, memory, strict=True)]


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def startup(python: Path, navsome: Path, runs: int, env: dict[str, str], timer: str) -> list[str]:
    """Print the start-up table; return the targets missed."""
    commands = [[str(python), "-c", FLOOR_CODE]]
    for case, _ in STARTUP_CASES:
        words = case.split()
        if words[-1] == "[terminal]":
            words = ["/usr/bin/env", "TTY_COMPATIBLE=1", "COLUMNS=100", str(navsome), *words[:-1]]
            commands.append(words)
        else:
            commands.append([str(navsome), *words])
    rounds, per_round = max(1, runs // 3), 3
    results = measure(commands, rounds, per_round, env, timer)
    floor, floor_memory = results[0]
    rows = [[f"floor: {FLOOR_CODE}", f"{floor * 1000:.0f}", "1.00", "", "", _mb(floor_memory)]]
    missed = []
    for (case, target), (elapsed, peak) in zip(STARTUP_CASES, results[1:], strict=True):
        ratio = elapsed / floor
        if ratio > target:
            missed.append(f"navsome {case}: {ratio:.2f} x floor > {target}")
        verdict = "yes" if ratio <= target else "NO"
        timing = [f"{elapsed * 1000:.0f}", f"{ratio:.2f}", f"≤ {target}", verdict]
        rows.append([f"navsome {case}", *timing, _mb(peak)])
    print(f"Start-up ({timer}, {rounds * per_round} runs each, interleaved; medians)\n")
    print(table(["case", "ms", "× floor", "target", "met", "peak MB"], rows))
    return missed


# case name, time target and memory target, both as multiples of the bare tomllib.load
SCALE_TARGETS = {
    "tomllib.load": (None, None),
    "compare --format csv": (1.3, 2.0),
    "validate": (2.0, None),
}


def scale(
    python: Path, navsome: Path, folder: Path, sizes: list[int], runs: int, env: dict[str, str]
) -> list[str]:
    """Print the scale table; return the targets missed."""
    rows, missed = [], []
    for size in sizes:
        registry = folder / f"registry-{size}.toml"
        registry.write_text(generate(size, 4, 3), encoding="utf-8")
        path = str(registry)
        cases = [
            [str(python), "-c", LOAD_CODE, path],
            [str(navsome), "--registry", path, "compare", "--metric", "followers", "-f", "csv"],
            [str(navsome), "validate", path],
        ]
        results = measure(cases, runs if size <= 10_000 else 1, 1, env, "python")
        (load, load_memory) = results[0]
        megabytes = registry.stat().st_size / 2**20
        for (name, (target, memory_target)), (elapsed, peak) in zip(
            SCALE_TARGETS.items(), results, strict=True
        ):
            ratio, memory_ratio = elapsed / load, peak / load_memory
            met = (target is None or ratio <= target) and (
                memory_target is None or memory_ratio <= memory_target
            )
            if not met:
                missed.append(f"{name} at {size} accounts: {ratio:.2f} x load")
            wanted = "" if target is None else f"≤ {target}"
            wanted += f", memory ≤ {memory_target}" if memory_target else ""
            verdict = "" if target is None else "yes" if met else "NO"
            per_account = f"{elapsed / size * 1e6:.0f}"
            ratios = [f"{ratio:.2f}", f"{memory_ratio:.2f}", wanted, verdict]
            rows.append(
                [f"{size:,}", f"{megabytes:.0f}", name, f"{elapsed:.2f}", per_account, *ratios]
            )
    print("\nScale (N accounts x 4 channels x 3 figures; python timer, medians)\n")
    headers = ["accounts", "MB", "case", "s", "µs/account", "× load", "memory × load"]
    print(table([*headers, "target", "met"], rows))
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs of each case")
    parser.add_argument("--sizes", default="1000,10000,50000", help="accounts, comma-separated")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs of each scale case")
    parser.add_argument("--timer", choices=["hyperfine", "python"], default=None)
    args = parser.parse_args()
    timer = args.timer or ("hyperfine" if shutil.which("hyperfine") else "python")
    random.seed(2017)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVSOME_")}
    env.update(NAVSOME_LANG="en", NAVSOME_MAX_REGISTRY_MB="1000")
    with tempfile.TemporaryDirectory(prefix="navsome-bench-") as folder:
        python, navsome = install(Path(folder) / "venv")
        missed = startup(python, navsome, args.runs, env, timer)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        if sizes:
            missed += scale(python, navsome, Path(folder), sizes, args.scale_runs, env)
    print("\n" + ("All targets met." if not missed else "Missed: " + "; ".join(missed)))
    sys.exit(1 if missed else 0)


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f}"


if __name__ == "__main__":
    main()
