"""Memory is given back, on every board: a program fills the whole heap until
MemoryError, drops what it built and collects, round after round; the free
heap after each round must come back to what it was at the start, and every
round must fit as much as the first.

Runs on the host (a 256 KB heap), the host under GC stress (a collection at
every allocation, 64 KB), the pyboard under QEMU and its 128K/8K profile.
The CPython-comparable version of this check is tests/programs/gc/recovers.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Module level (dropped with `l = None`, the variable a C local of the module
# body) and in functions (dropped when the call returns), lists of small
# lists and lists of strings.
PROGRAM = """\
import gc


def fill_strings():
    l = []
    try:
        while True:
            l.append(str(len(l)) + "!")
    except MemoryError:
        pass
    return len(l)


def fill_dict():
    d = {}
    try:
        while True:
            d[len(d)] = (len(d), None)
    except MemoryError:
        pass
    return len(d)


gc.collect()
print("base", gc.mem_free())
for r in range(ROUNDS):
    l = []
    try:
        while True:
            l.append([r, r, r, r])
    except MemoryError:
        pass
    n = len(l)
    l = None
    gc.collect()
    print("lists", n, gc.mem_free())
for r in range(ROUNDS):
    n = fill_strings()
    gc.collect()
    print("strings", n, gc.mem_free())
for r in range(ROUNDS):
    n = fill_dict()
    gc.collect()
    print("dict", n, gc.mem_free())
"""

BOARDS = {
    "host": (["--heap-size", str(256 * 1024)], 4),
    "host-gcstress": (["--gc-stress", "--heap-size", str(64 * 1024)], 3),
    "pyboard": (["--board", "pyboard", "--timeout", "240"], 3),
    "pyboard-128k8k": (["--board", "pyboard-128k8k", "--timeout", "240"], 3),
}


def _param(name: str):  # noqa: ANN202
    marks = [pytest.mark.qemu] if name.startswith("pyboard") else []
    return pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("board", [_param(b) for b in BOARDS])
def test_the_heap_comes_back_after_every_round(board: str, tmp_path: Path) -> None:
    flags, rounds = BOARDS[board]
    prog = tmp_path / "rounds.py"
    prog.write_text(PROGRAM.replace("ROUNDS", str(rounds)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "uptc", "run", *flags, prog.name], cwd=tmp_path,
                       env=env, capture_output=True, text=True, timeout=600,
                       stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    print(f"{board}:\n{r.stdout}")
    lines = [line.split() for line in r.stdout.splitlines()]
    assert lines[0][0] == "base", r.stdout
    base = int(lines[0][1])
    rows: dict[str, list[tuple[int, int]]] = {}
    for kind, n, free in lines[1:]:
        rows.setdefault(kind, []).append((int(n), int(free)))
    assert sorted(rows) == ["dict", "lists", "strings"], r.stdout
    for kind, results in rows.items():
        assert len(results) == rounds, r.stdout
        first = results[0][0]
        assert first > 0, r.stdout
        for i, (n, free) in enumerate(results):
            assert free * 10 >= base * 9, (
                f"{board}: after {kind} round {i}, {free} B free of {base} B at the start\n{r.stdout}")
            assert n * 10 >= first * 9, (
                f"{board}: {kind} round {i} fit {n} items, the first {first}\n{r.stdout}")

