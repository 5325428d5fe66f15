"""The runtime's self-checking C tests (tests/runtime_c/test_*.c).

Each test file is linked with the runtime, the host HAL, check.c, the full
method tables (methods_all.c) and the core types with every slot (types_all.c,
generated here by uptc/backend_c/types.py as the compiler would for a program
using everything), and run three ways: a plain build, a build
with AddressSanitizer + UndefinedBehaviorSanitizer, and a GC-stress build
that collects at every allocation. The runtime and HAL archives are built
once per variant (uptc.toolchain caches them).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from uptc import toolchain
from uptc.backend_c.types import standalone_types_c
from uptc.boards import load_board
from uptc.paths import runtime_dir

HERE = Path(__file__).parent / "runtime_c"
TESTS = sorted(HERE.glob("test_*.c"))

VARIANTS = {
    "plain": ((), ()),
    "sanitize": ((), toolchain.SANITIZE_CFLAGS),
    "gcstress": (("UP_GC_STRESS=1",), ()),
}
# GC stress: a small heap keeps a collection per allocation affordable.
STRESS_HEAP = 1 << 20


def _archives(variant: str) -> tuple[list[Path], tuple[str, ...], tuple[str, ...]]:
    defines, cflags = VARIANTS[variant]
    board = load_board("host")
    if variant == "gcstress":
        board = board.with_heap_size(STRESS_HEAP)
    runtime = toolchain.build_archive(board, "runtime", sorted(runtime_dir().glob("*.c")),
                                      [runtime_dir()], defines, cflags)
    hal = toolchain.hal_archive(board, cflags)
    return [runtime, hal], defines, cflags


@pytest.fixture(scope="session")
def types_all(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("types") / "types_all.c"
    path.write_text(standalone_types_c(), encoding="utf-8")
    return path


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("test_c", TESTS, ids=[t.stem for t in TESTS])
def test_runtime_c(test_c: Path, variant: str, tmp_path: Path, types_all: Path) -> None:
    archives, defines, cflags = _archives(variant)
    board = load_board("host")
    if variant == "gcstress":
        board = board.with_heap_size(STRESS_HEAP)
    exe = tmp_path / test_c.stem
    toolchain.link_host([test_c, HERE / "check.c", HERE / "methods_all.c", types_all], archives, exe,
                        defines, cflags, board=board, include_dirs=[runtime_dir(), HERE])
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0", UPTC_CLOCK="virtual")
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=600, env=env,
                       cwd=tmp_path)
    assert r.returncode == 0, f"{test_c.name} ({variant}) failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    # A sanitizer report ends the run (no recovery): none may slip through.
    assert "runtime error:" not in r.stderr and "Sanitizer" not in r.stderr, r.stderr[-3000:]
    assert r.stdout.startswith("ok "), r.stdout


def test_a_sanitizer_report_ends_the_run(tmp_path: Path, types_all: Path) -> None:
    # UBSan without recovery: the first report stops the program with the
    # host HAL's sanitizer status (99), after what it printed before.
    archives, defines, cflags = _archives("sanitize")
    exe = tmp_path / "ub_report"
    toolchain.link_host([HERE / "ub_report.c", HERE / "check.c", HERE / "methods_all.c", types_all],
                        archives, exe, defines, cflags, board=load_board("host"),
                        include_dirs=[runtime_dir(), HERE])
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert r.returncode == 99, (r.returncode, r.stderr[-2000:])
    assert r.stdout == "before the report\n"
    assert "signed integer overflow" in r.stderr
