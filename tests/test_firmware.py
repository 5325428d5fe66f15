"""uptc-built pyboard firmware: outputs, size budgets, the 128K/8K profile,
LED behaviour under QEMU, deep recursion."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from uptc.boards import load_board
from uptc.driver import build
from uptc.tools.size import size_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PROGRAMS = ROOT / "tests" / "programs"

pytestmark = pytest.mark.qemu


def uptc(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "uptc", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def static_ram(elf: Path, board_name: str) -> int:
    """.data + .bss: the RAM a program takes besides its stack and heap."""
    r = size_report(elf, load_board(board_name))
    return r.ram.parts.get("data", 0) + r.ram.parts.get("bss", 0)


# ---- outputs and budgets ---------------------------------------------------------


def test_build_writes_every_output_and_a_size_table(tmp_path: Path) -> None:
    r = uptc("build", str(EXAMPLES / "blink.py"), "--board", "pyboard", "-o", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for ext in ("elf", "bin", "hex", "dfu", "map"):
        assert (tmp_path / f"blink.{ext}").stat().st_size > 0
    assert re.search(r"^flash\s+[\d,]+ /\s+[\d,]+ B", r.stdout, re.M), r.stdout
    assert re.search(r"^RAM\s+[\d,]+ /\s+[\d,]+ B", r.stdout, re.M), r.stdout


@pytest.mark.parametrize("name,budget", [("blink", 4096), ("hello", 8192)])
def test_flash_budget(name: str, budget: int, tmp_path: Path) -> None:
    res = build(EXAMPLES / f"{name}.py", "pyboard", None, tmp_path)
    flash = size_report(res.elf, res.board).flash
    print(f"{name}: {flash.used} B flash, {static_ram(res.elf, 'pyboard')} B static RAM")
    assert flash.used <= budget, f"{name} uses {flash.used} B of flash (budget {budget})"


def test_blink_static_ram_budget(tmp_path: Path) -> None:
    res = build(EXAMPLES / "blink.py", "pyboard", None, tmp_path)
    assert static_ram(res.elf, "pyboard") <= 1024


def test_program_too_big_for_the_profile_fails_with_the_table(tmp_path: Path) -> None:
    prog = tmp_path / "huge.py"
    # 160 KB of text in ROM does not fit 128 KB of flash
    prog.write_text("DATA = '" + "x" * (160 * 1024) + "'\nprint(DATA[-3:], len(DATA))\n")
    r = uptc("build", str(prog), "--board", "pyboard-128k8k", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert r.returncode == 1
    assert "overflow" in (r.stdout + r.stderr).lower()
    assert re.search(r"flash", r.stdout, re.I), r.stdout
    assert "Traceback" not in r.stderr


# ---- running under QEMU ---------------------------------------------------------


def expected_blink_events() -> list[str]:
    red = blue = False
    events = []
    for i in range(8):
        red = not red
        events.append(f"LED1 {'on' if red else 'off'}")
        if i % 2 == 0:
            blue = not blue
            events.append(f"LED4 {'on' if blue else 'off'}")
    return events


def test_blink_shows_its_led_events_in_order(tmp_path: Path) -> None:
    r = uptc("run", str(EXAMPLES / "blink.py"), "--board", "pyboard", "--trace-gpio", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "blinked 8 times\n"
    events = [line for line in r.stderr.splitlines() if line.startswith("LED")]
    assert events == expected_blink_events()


def test_hello_runs_on_the_board(tmp_path: Path) -> None:
    r = uptc("run", str(EXAMPLES / "hello.py"), "--board", "pyboard", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "Hello, world!"
    assert r.stdout.splitlines()[1].endswith("runs on pyboard")


# At least five corpus programs, among them big ints and classes with
# exceptions, run in 128 KB of flash and 8 KB of RAM.
SMALL_PROFILE_PROGRAMS = [
    "bigints/fibonacci",
    "classes/inheritance",
    "exceptions/try_combos",
    "generators/basics",
    "control/loops_else",
    "strings/split_join",
    "gc/recovers",
]


@pytest.mark.parametrize("name", SMALL_PROFILE_PROGRAMS)
def test_corpus_program_in_128k8k(name: str, tmp_path: Path) -> None:
    prog = PROGRAMS / f"{name}.py"
    assert prog.exists(), prog
    expected = subprocess.run([sys.executable, prog.name], cwd=prog.parent, capture_output=True,
                              text=True, timeout=60)
    r = uptc("run", prog.name, "--board", "pyboard-128k8k", cwd=prog.parent)
    assert (r.stdout, r.returncode) == (expected.stdout, expected.returncode), r.stderr[-2000:]


@pytest.mark.parametrize("board", ["pyboard", "pyboard-128k8k", "host"])
def test_deep_recursion_fails_cleanly(board: str, tmp_path: Path) -> None:
    prog = tmp_path / "deep.py"
    prog.write_text("def down(n):\n    return down(n + 1) + 1\n\nprint('start')\ndown(0)\nprint('not reached')\n")
    r = uptc("run", prog.name, "--board", board, "--timeout", "60", cwd=tmp_path, timeout=180)
    assert r.stdout == "start\n"
    assert r.returncode != 0
    assert "RecursionError" in r.stderr or "Fault" in (r.stdout + r.stderr), r.stderr[-1000:]


def test_recursion_error_can_be_caught_on_the_board(tmp_path: Path) -> None:
    prog = tmp_path / "catch.py"
    prog.write_text(
        "def down(n):\n    return down(n + 1) + 1\n\n"
        "try:\n    down(0)\nexcept RecursionError:\n    print('caught')\nprint('after')\n")
    r = uptc("run", prog.name, "--board", "pyboard", "--timeout", "60", cwd=tmp_path)
    assert (r.stdout, r.returncode) == ("caught\nafter\n", 0), r.stderr[-1000:]
